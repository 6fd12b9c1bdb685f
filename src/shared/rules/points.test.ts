import { describe, expect, it } from 'vitest';
import { addMonths, fifoRemaining, minutesText, pointsForMinutes } from './points';

describe('points rules', () => {
  it('round earned minutes down', () => {
    expect(pointsForMinutes(110, 1)).toBe(1);
    expect(pointsForMinutes(180, 1)).toBe(3);
    expect(pointsForMinutes(90, 3)).toBe(4);
    expect(pointsForMinutes(-60, 1)).toBe(0);
    expect(pointsForMinutes(600, 0)).toBe(0);
    expect(minutesText(200)).toBe('3 小时 20 分');
  });
  it('add months, clamped to the month’s end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-20', 12)).toBe('2027-11-20');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
  it('leave the balance to the newest earnings', () => {
    expect(fifoRemaining(8, [5, 10])).toEqual([5, 3]);
    expect(fifoRemaining(0, [5, 10])).toEqual([0, 0]);
    expect(fifoRemaining(100, [5, 10])).toEqual([5, 10]);
  });
});
