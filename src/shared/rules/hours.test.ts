import { describe, expect, it } from 'vitest';
import { isLateEntry, recordDeadline } from './hours';

const cal = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], makeupWorkdays: ['2026-10-10'] };

describe('record deadline in working days', () => {
  it('skips weekends', () => {
    // Friday 2026-11-20 + 10 working days = Friday 2026-12-04.
    expect(recordDeadline('2026-11-20', 10, { holidays: [], makeupWorkdays: [] })).toBe('2026-12-04');
  });
  it('skips holidays and counts make-up working Saturdays', () => {
    // From Wed 2026-09-30: 10-01, 10-02 holiday; 10-03/04 weekend; 10-05..07 holiday; 10-08 Thu (1), 10-09 Fri (2),
    // 10-10 make-up Sat (3), 10-12..16 (4..8), 10-19 (9), 10-20 (10).
    expect(recordDeadline('2026-09-30', 10, cal)).toBe('2026-10-20');
  });
  it('is late only after the deadline day', () => {
    expect(isLateEntry('2026-11-20', '2026-12-04', 10, { holidays: [], makeupWorkdays: [] })).toBe(false);
    expect(isLateEntry('2026-11-20', '2026-12-05', 10, { holidays: [], makeupWorkdays: [] })).toBe(true);
  });
});
