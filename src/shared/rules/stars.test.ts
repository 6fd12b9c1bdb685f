import { describe, expect, it } from 'vitest';
import { starLevel, starProgress } from './stars';

const T = [100, 300, 600, 1000, 1500];

describe('star level', () => {
  it('changes exactly at a threshold', () => {
    expect(starLevel(100 * 60 - 1, T)).toBe(0);
    expect(starLevel(100 * 60, T)).toBe(1);
    expect(starLevel(300 * 60 - 1, T)).toBe(1);
    expect(starLevel(300 * 60, T)).toBe(2);
    expect(starLevel(1500 * 60, T)).toBe(5);
    expect(starLevel(99999 * 60, T)).toBe(5);
  });
  it('follows the configured table, not a constant', () => {
    expect(starLevel(50 * 60, [50, 150])).toBe(1);
  });
  it('explains the level and what is left', () => {
    const p = starProgress(250 * 60 + 30, T);
    expect(p).toMatchObject({ level: 1, nextLevel: 2, nextThresholdHours: 300, hoursToNext: 49.5, approvedHours: 250.5 });
    expect(p.explanation).toContain('当前为一星志愿者');
    expect(p.explanation).toContain('再服务 49.5 小时可达二星');
    const top = starProgress(2000 * 60, T);
    expect(top).toMatchObject({ level: 5, nextLevel: null, hoursToNext: null });
    expect(top.explanation).toContain('最高星级');
  });
});
