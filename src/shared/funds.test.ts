import { describe, expect, it } from 'vitest';
import { type SummedGroup, summariseFunds } from './funds';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const P = '00000000-0000-4000-8000-0000000000aa';

const g = (o: Partial<SummedGroup>): SummedGroup => ({
  unitId: U1,
  unitName: '实践所',
  programmeId: null,
  programmeName: null,
  source: 'fiscal',
  kind: 'operation',
  budgetFen: 0,
  spentFen: 0,
  ...o,
});

describe('funds summary', () => {
  const groups = [
    g({ budgetFen: 1_000_000, spentFen: 250_000 }),
    g({ kind: 'construction', budgetFen: 5_000_000, spentFen: 5_000_001 }),
    g({ unitId: U2, unitName: '金银站', source: 'social', budgetFen: 300_000, spentFen: 100_000 }),
    g({ unitId: U2, unitName: '金银站', source: 'coordinated', programmeId: P, programmeName: '温暖润童心', spentFen: 20_000 }),
  ];
  const s = summariseFunds(2026, groups);

  it('gives each group its share and marks over budget (spending without budget too)', () => {
    expect(s.rows.map((r) => [r.share, r.overBudget])).toEqual([
      [25, false],
      [100, true],
      [33.3, false],
      [null, true],
    ]);
  });

  it('adds up by unit, source and kind to the same grand total', () => {
    expect(s.total).toEqual({ budgetFen: 6_300_000, spentFen: 5_370_001, share: 85.2, overBudget: false });
    for (const by of [s.byUnit, s.bySource, s.byKind]) {
      expect(by.reduce((a, r) => a + r.budgetFen, 0)).toBe(s.total.budgetFen);
      expect(by.reduce((a, r) => a + r.spentFen, 0)).toBe(s.total.spentFen);
    }
    expect(s.byUnit).toEqual([
      { unitId: U1, unitName: '实践所', budgetFen: 6_000_000, spentFen: 5_250_001, share: 87.5, overBudget: false },
      { unitId: U2, unitName: '金银站', budgetFen: 300_000, spentFen: 120_000, share: 40, overBudget: false },
    ]);
    expect(s.bySource.map((r) => r.source)).toEqual(['fiscal', 'social', 'coordinated']);
    expect(s.byKind.find((r) => r.kind === 'construction')).toMatchObject({ overBudget: true, share: 100 });
  });

  it('is empty but complete for a year without anything', () => {
    const e = summariseFunds(2030, []);
    expect(e).toMatchObject({ year: 2030, rows: [], byUnit: [], total: { budgetFen: 0, spentFen: 0, share: null, overBudget: false } });
    expect(e.bySource).toHaveLength(3);
    expect(e.byKind).toHaveLength(2);
  });
});
