import { describe, expect, it } from 'vitest';
import { redactUrl } from './log';

describe('request URLs in the log', () => {
  it('keep the route and the paging, and drop search terms, tokens and keys', () => {
    expect(redactUrl('/api/volunteers?q=%E5%BC%A0%E4%B8%89&phone=13900000001&page=2&pageSize=20')).toBe(
      '/api/volunteers?q=[redacted]&phone=[redacted]&page=2&pageSize=20',
    );
    expect(redactUrl('/ical/volunteers/6f1c0a9e2b7d4c3e8f5a1b2c3d4e5f60.ics')).toBe('/ical/volunteers/[redacted].ics');
    expect(redactUrl('/open311/v2/requests.json?api_key=demo-open311-key&jurisdiction_id=maan')).toBe(
      '/open311/v2/requests.json?api_key=[redacted]&jurisdiction_id=[redacted]',
    );
    expect(redactUrl('/api/activities/0b9c/signups')).toBe('/api/activities/0b9c/signups');
    expect(redactUrl('/api/x?flag')).toBe('/api/x?flag');
  });
});
