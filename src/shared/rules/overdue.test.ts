import { describe, expect, it } from 'vitest';
import { isPastDeadline } from './overdue';

// 23:59 on 2026-12-01 in China is 15:59 UTC; 00:01 on the 2nd is 16:01 UTC on the 1st.
const lateOnTheFirst = new Date('2026-12-01T15:59:00Z');
const earlyOnTheSecond = new Date('2026-12-01T16:01:00Z');

describe('isPastDeadline', () => {
  it('keeps the whole deadline day in time, China time', () => {
    expect(isPastDeadline({ deadline: '2026-12-01', closed: false }, lateOnTheFirst)).toBe(false);
    expect(isPastDeadline({ deadline: '2026-12-01', closed: false }, earlyOnTheSecond)).toBe(true);
  });

  it('never calls a closed item overdue', () => {
    expect(isPastDeadline({ deadline: '2020-01-01', closed: true }, earlyOnTheSecond)).toBe(false);
  });
});
