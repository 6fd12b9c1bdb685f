/** What the needs add up to: counts by category (for the service menu and the plans) and the Excel export. */
import type { z } from 'zod';
import { addDays, chinaToday } from '../../../shared/china-time';
import { NEEDS_RECENT_DAYS, type NeedsCountsQuery, type NeedsCountsView, type NeedsExportQuery } from '../../../shared/needs';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { writeNeedsRecords } from './needs.excel';
import * as q from './needs.queries';
import { monthRange, presentAll, readableStations } from './needs.records';

const EXPORT_LIMIT = 20_000;

export async function needsCounts(deps: Deps, ctx: Ctx, query: z.infer<typeof NeedsCountsQuery>): Promise<NeedsCountsView> {
  const stationIds = await readableStations(ctx, query.stationId);
  const to = query.to ?? chinaToday(deps.clock.now());
  const from = query.from ?? addDays(to, -(NEEDS_RECENT_DAYS - 1));
  if (from > to || addDays(from, 366) < to) throw new AppError('needs.bad_period');
  const rows = await q.countsByStation(deps.db, stationIds, from, to);
  const order = await q.unitNames(deps.db, [...new Set(rows.map((r) => r.station_id))]);
  const byCategory = new Map<string, { records: number; people: number }>();
  for (const r of rows) {
    const c = byCategory.get(r.category) ?? { records: 0, people: 0 };
    c.records += r.records;
    c.people += r.people;
    byCategory.set(r.category, c);
  }
  const rank = new Map(order.map((u, i) => [u.id, i]));
  const names = new Map(order.map((u) => [u.id, u.name]));
  return {
    from,
    to,
    byCategory: [...byCategory].map(([category, c]) => ({ category, ...c })).sort((a, b) => b.records - a.records || a.category.localeCompare(b.category)),
    byStation: rows
      .map((r) => ({ stationId: r.station_id, stationName: names.get(r.station_id) ?? '', category: r.category, records: r.records, people: r.people }))
      .sort((a, b) => (rank.get(a.stationId) ?? 0) - (rank.get(b.stationId) ?? 0) || b.records - a.records || a.category.localeCompare(b.category)),
    total: { records: rows.reduce((s, r) => s + r.records, 0), people: rows.reduce((s, r) => s + r.people, 0) },
  };
}

export async function exportRecords(deps: Deps, ctx: Ctx, query: z.infer<typeof NeedsExportQuery>): Promise<{ body: Buffer; fileName: string }> {
  const stationIds = await readableStations(ctx, query.stationId);
  const rows = await q.allRecords(deps.db, { stationIds, category: query.category, ...monthRange(query.month) }, EXPORT_LIMIT);
  const records = await presentAll(deps, ctx, rows);
  const label = query.stationId ? ((await q.unitNames(deps.db, [query.stationId]))[0]?.name ?? '') : '管辖范围内全部实践站';
  const body = await writeNeedsRecords(label, records);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'needs.exported',
      objectType: 'needs_export',
      unitId: query.stationId ?? null,
      changes: {
        filter: { before: null, after: { category: query.category ?? null, month: query.month ?? null } },
        rows: { before: null, after: records.length },
      },
    }),
  );
  const parts = [query.month, query.stationId ? label : null, query.category].filter(Boolean).join('-');
  return { body, fileName: `群众需求采集${parts ? `-${parts}` : ''}.xlsx` };
}
