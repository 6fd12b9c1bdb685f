import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaDay,
  chinaDayEnd,
  chinaDayStart,
  chinaMonthEnd,
  chinaMonthStart,
  chinaOffsetIso,
  chinaTimeToIso,
  chinaWallClock,
  chinaWeekdayHour,
  fromChinaWallClock,
} from './china-time';

describe('China time (UTC+8), whatever zone the process runs in', () => {
  it('names the China day of an instant, across UTC midnight', () => {
    expect(chinaDay('2026-06-11T15:59:59.000Z')).toBe('2026-06-11');
    expect(chinaDay('2026-06-11T16:00:00.000Z')).toBe('2026-06-12');
    expect(chinaDay(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('gives a day its first instant and the next day’s as its exclusive end', () => {
    expect(chinaDayStart('2026-06-12')).toBe('2026-06-11T16:00:00.000Z');
    expect(chinaDayEnd('2026-06-12')).toBe('2026-06-12T16:00:00.000Z');
    expect(chinaDayEnd('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('turns a China date and wall-clock time into UTC, and back', () => {
    expect(chinaTimeToIso('2026-06-12', '08:30')).toBe('2026-06-12T00:30:00.000Z');
    expect(chinaWallClock('2026-06-12T00:30:00.000Z')).toBe('2026-06-12T08:30');
    expect(fromChinaWallClock('2026-06-12T08:30')).toBe('2026-06-12T08:30:00+08:00');
    expect(Date.parse(fromChinaWallClock('2026-06-12T08:30'))).toBe(Date.parse(chinaTimeToIso('2026-06-12', '08:30')));
  });

  it('bounds a month, December rolling into the next year', () => {
    expect(chinaMonthStart('2026-11')).toBe('2026-10-31T16:00:00.000Z');
    expect(chinaMonthEnd('2026-11')).toBe('2026-11-30T16:00:00.000Z');
    expect(chinaMonthEnd('2026-12')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('writes an instant with the +08:00 offset (Open311), and reads weekday and hour there', () => {
    expect(chinaOffsetIso('2026-11-28T17:05:09.123Z')).toBe('2026-11-29T01:05:09+08:00');
    // 2026-11-28 is a Saturday in UTC; 17:05 UTC is Sunday 01:05 in China.
    expect(chinaWeekdayHour('2026-11-28T17:05:00Z')).toEqual({ weekday: 0, hour: 1 });
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
