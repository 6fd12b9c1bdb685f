/** Pure: a station's sheet from the period's tree, its automatic points and its latest score rows. */
import type { SheetRow, TreeSnapshot } from '../../../shared/assessment';
import type { Citation } from '../../../shared/citations';
import { type AutoScore, finalTenths } from '../../../shared/rules/assessment';
import type { ScoreRow } from './assessment.queries';

export type Latest = Map<string, ScoreRow>;
const key = (station: string, indicator: string, stage: string) => `${station}|${indicator}|${stage}`;

/** The latest row per (station, indicator, stage): rows come oldest version first. */
export function latestOf(rows: ScoreRow[]): Latest {
  const out: Latest = new Map();
  for (const r of rows) out.set(key(r.station_id, r.indicator_id, r.stage), r);
  return out;
}

/** A published period's frozen automatic points, as the live computation answers them. */
export function frozenAuto(latest: Latest, tree: TreeSnapshot, stationId: string): Map<string, AutoScore> {
  const out = new Map<string, AutoScore>();
  for (const c of tree)
    for (const i of c.items) {
      const r = latest.get(key(stationId, i.id, 'auto'));
      if (r) out.set(i.id, { tenths: Number(r.points), explanation: r.note ?? '', citations: JSON.parse(r.citations ?? '[]') as Citation[] });
    }
  return out;
}

const pts = (tenths: number) => Math.round(tenths) / 10;

export function sheetRows(tree: TreeSnapshot, stationId: string, auto: Map<string, AutoScore>, latest: Latest): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const c of tree)
    for (const i of c.items) {
      const a = i.mode === 'auto' ? (auto.get(i.id) ?? null) : null;
      const self = i.mode === 'manual' ? (latest.get(key(stationId, i.id, 'self')) ?? null) : null;
      const review = latest.get(key(stationId, i.id, 'review')) ?? null;
      const final = finalTenths({
        mode: i.mode,
        auto: a?.tenths ?? null,
        self: self ? Number(self.points) : null,
        review: review ? Number(review.points) : null,
      });
      rows.push({
        categoryId: c.id,
        categoryTitle: c.title,
        indicator: i,
        auto: a ? { points: pts(a.tenths), explanation: a.explanation, citations: a.citations } : null,
        self: self
          ? {
              points: pts(Number(self.points)),
              note: self.note,
              evidenceFileIds: JSON.parse(self.evidence_file_ids) as string[],
              by: self.by_name ?? null,
              at: self.at,
            }
          : null,
        review: review ? { points: pts(Number(review.points)), reason: review.note ?? '', by: review.by_name ?? null, at: review.at } : null,
        final: pts(final),
        lost: pts(i.maxPoints * 10 - final),
      });
    }
  return rows;
}

/** The sum in tenths (exact) and per category. */
export function totalsOf(tree: TreeSnapshot, rows: SheetRow[]) {
  const total = Math.round(rows.reduce((s, r) => s + r.final * 10, 0));
  const subtotals = tree.map((c) => ({
    categoryId: c.id,
    title: c.title,
    points: pts(rows.filter((r) => r.categoryId === c.id).reduce((s, r) => s + Math.round(r.final * 10), 0)),
    maxPoints: c.items.reduce((s, i) => s + i.maxPoints, 0),
  }));
  return { total, subtotals };
}

export function selfTotalOf(rows: SheetRow[]): number {
  return pts(rows.reduce((s, r) => s + Math.round((r.self?.points ?? 0) * 10), 0));
}

export function maxTotalOf(tree: TreeSnapshot): number {
  return tree.reduce((s, c) => s + c.items.reduce((t, i) => t + i.maxPoints, 0), 0);
}
