import { describe, expect, it } from 'vitest';
import { differences, isOpenDay, isoWeekday, monthMovement, nextOpenDay } from './market';

describe('market rules', () => {
  it('knows the ISO weekday', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('opens on its weekdays and its extra dates', () => {
    const shop = { openWeekdays: [2, 4], openDates: ['2026-12-05'] };
    expect(isOpenDay(shop, '2026-12-01')).toBe(true);
    expect(isOpenDay(shop, '2026-12-02')).toBe(false);
    expect(isOpenDay(shop, '2026-12-05')).toBe(true);
    expect(nextOpenDay(shop, '2026-11-30', '2026-12-06')).toBe('2026-12-01');
    expect(nextOpenDay({ openWeekdays: [], openDates: [] }, '2026-11-30', '2026-12-30')).toBeNull();
    expect(nextOpenDay(shop, '2026-12-02', '2026-12-02')).toBeNull();
  });

  it('names each line where the ledger and the counter disagree, with its entries', () => {
    const lines = [
      { key: 'rice', ledger: 10, counter: 10, entries: [] },
      { key: 'oil', ledger: 7, counter: 5, entries: ['in +10', 'out −3'] },
    ];
    expect(differences(lines)).toEqual([{ key: 'oil', ledger: 7, counter: 5, entries: ['in +10', 'out −3'], difference: -2 }]);
    expect(differences([lines[0]])).toEqual([]);
  });

  it('moves a month forward', () => {
    expect(monthMovement(5, 10, 3)).toBe(12);
  });
});
