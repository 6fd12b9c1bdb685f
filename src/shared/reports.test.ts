import { describe, expect, it } from 'vitest';
import { isFigureColumn } from './report-tables';
import { parseReportPeriod, reportTitle } from './reports';

describe('report periods', () => {
  it('reads a month and a year, with their first and last China days', () => {
    expect(parseReportPeriod('2026-11')).toMatchObject({ kind: 'month', fromDay: '2026-11-01', toDay: '2026-11-30', label: '2026年11月' });
    expect(parseReportPeriod('2028-02')).toMatchObject({ toDay: '2028-02-29' });
    expect(parseReportPeriod('2026')).toMatchObject({ kind: 'year', fromDay: '2026-01-01', toDay: '2026-12-31', label: '2026年' });
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-11', '2026/11', '1999', '', '2026-11-01']) expect(parseReportPeriod(bad), bad).toBeNull();
  });

  it('titles the report as the district expects it', () => {
    expect(reportTitle('马鞍街道新时代文明实践所', { kind: 'month', label: '2026年11月' })).toBe('马鞍街道新时代文明实践所 2026年11月 工作月报');
    expect(reportTitle('马鞍街道新时代文明实践所', { kind: 'year', label: '2026年' })).toBe('马鞍街道新时代文明实践所 2026年 工作年报');
  });

  it('aligns figures right and words left', () => {
    const t = {
      columns: ['单位', '点单', '及时率', '时间'],
      rows: [
        ['金银', 3, '100%', '2026-11-18 14:30'],
        ['合计', 3, '—', '2026-11-19 09:00'],
      ],
      empty: '',
    };
    expect([0, 1, 2, 3].map((i) => isFigureColumn(t, i))).toEqual([false, true, true, false]);
  });
});
