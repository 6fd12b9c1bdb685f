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
  it('adds up: the shown total plus what is left is the threshold, at the edges too', () => {
    for (const minutes of [6003, 6000, 5999, 5997, 17997.6, 17999, 18000, 18001, 0, 1, 3, 59, 6002.9, 35999]) {
      const p = starProgress(minutes, T);
      if (p.nextThresholdHours === null || p.hoursToNext === null) continue;
      expect(Math.round((p.approvedHours + p.hoursToNext) * 10), `${minutes} 分钟`).toBe(p.nextThresholdHours * 10);
      expect(p.explanation).toContain(`累计 ${p.approvedHours} 小时`);
      expect(p.explanation).toContain(
        `再服务 ${p.hoursToNext} 小时可达${['', '一星', '二星', '三星', '四星', '五星'][p.level + 1]}（${p.nextThresholdHours} 小时）`,
      );
      expect(p.hoursToNext).toBeGreaterThan(0);
    }
  });
  it('100.05 hours: 累计 100 小时, 再服务 200 小时 to 二星 (300 hours), never 100.1 + 200', () => {
    const p = starProgress(6003, T);
    expect(p).toMatchObject({ level: 1, approvedHours: 100, hoursToNext: 200 });
    expect(p.explanation).toContain('累计 100 小时');
  });
  it('just under a threshold never shows the threshold as reached', () => {
    const p = starProgress(300 * 60 - 1, T);
    expect(p).toMatchObject({ level: 1, approvedHours: 299.9, hoursToNext: 0.1 });
    const at = starProgress(300 * 60, T);
    expect(at).toMatchObject({ level: 2, approvedHours: 300, hoursToNext: 300 });
  });
});
