import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask';

describe('masking', () => {
  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
  it('masks an 18-digit ID to 110***********1234', () => {
    expect(maskIdNumber('110', '1234')).toBe('110***********1234');
  });
});
