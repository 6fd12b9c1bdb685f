/** Published results: the ranking with subtotals, a station's history across periods, the Excel and PDF reports. */
import type { z } from 'zod';
import type { HistoryRow, ResultRow } from '../../../shared/assessment';
import type { PageQuery } from '../../../shared/common';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { writeAssessmentWorkbook } from './assessment.excel';
import { renderAssessmentPdf } from './assessment.pdf';
import { readablePeriod, standings, treeOf } from './assessment.periods';
import { maxTotalOf } from './assessment.presenter';
import * as q from './assessment.queries';

async function publishedPeriod(deps: Deps, ctx: Ctx, id: string) {
  const p = await readablePeriod(deps, ctx, id);
  if (p.status !== 'published') throw new AppError('assessment.not_published');
  return p;
}

type Subtotals = NonNullable<ResultRow['subtotals']>;

export async function listResults(deps: Deps, ctx: Ctx, id: string, query: z.infer<typeof PageQuery>) {
  const p = await publishedPeriod(deps, ctx, id);
  const { rows, total } = await q.resultsPage(deps.db, p.id, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const items: ResultRow[] = [];
  for (const r of rows) {
    // Another station's result: its name, total and rank, not its breakdown.
    const mine = await ctx.scope.can('assessment.read', r.station_id);
    items.push({
      stationId: r.station_id,
      stationName: r.station_name,
      total: Number(r.total) / 10,
      rank: Number(r.rank),
      subtotals: mine ? (JSON.parse(r.subtotals) as Subtotals) : null,
    });
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function stationHistory(deps: Deps, ctx: Ctx, stationId: string, query: z.infer<typeof PageQuery>) {
  const tree = await ctx.scope.require('assessment.read', stationId);
  if (tree.nodes.get(stationId)?.kind !== 'station') throw new AppError('assessment.bad_station');
  const { rows, total } = await q.historyOf(deps.db, stationId, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const items: HistoryRow[] = rows.map((r) => ({
    periodId: r.period_id,
    label: r.label,
    kind: r.kind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    publishedAt: r.published_at,
    total: Number(r.total) / 10,
    maxTotal: maxTotalOf(JSON.parse(r.tree)),
    rank: Number(r.rank),
    stationCount: Number(r.station_count ?? 0),
    subtotals: JSON.parse(r.subtotals) as Subtotals,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * The report's content: the ranking (every station, totals) and the sheets of the stations the
 * caller reads (all of them for the institute and the district, its own for a station).
 */
async function reportOf(deps: Deps, ctx: Ctx, id: string) {
  const p = await publishedPeriod(deps, ctx, id);
  const ranking = await q.resultsOf(deps.db, p.id);
  const readable: string[] = [];
  for (const r of ranking) if (await ctx.scope.can('assessment.read', r.station_id)) readable.push(r.station_id);
  const sheets = await standings(deps.db, p, readable, deps.clock.now());
  const names = new Map(ranking.map((r) => [r.station_id, r.station_name]));
  return {
    p,
    tree: treeOf(p),
    ranking: ranking.map((r) => ({ stationId: r.station_id, stationName: r.station_name, total: Number(r.total) / 10, rank: Number(r.rank) })),
    sheets: sheets.map((s) => ({ stationId: s.stationId, stationName: names.get(s.stationId) ?? '', rows: s.rows })),
  };
}

async function auditExport(deps: Deps, ctx: Ctx, p: { id: string; institute_id: string }, format: string) {
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'assessment.exported',
      objectType: 'assessment_period',
      objectId: p.id,
      unitId: p.institute_id,
      changes: { format: { before: null, after: format } },
    }),
  );
}

export async function exportExcel(deps: Deps, ctx: Ctx, id: string) {
  const r = await reportOf(deps, ctx, id);
  const body = await writeAssessmentWorkbook(r.p.label, r.tree, r.ranking, r.sheets);
  await auditExport(deps, ctx, r.p, 'xlsx');
  return { body, fileName: `${r.p.label}考核结果.xlsx` };
}

export async function exportPdf(deps: Deps, ctx: Ctx, id: string) {
  const r = await reportOf(deps, ctx, id);
  const body = await renderAssessmentPdf(
    { label: r.p.label, instituteName: r.p.institute_name, startsOn: r.p.starts_on, endsOn: r.p.ends_on, maxTotal: maxTotalOf(r.tree) },
    r.ranking,
    r.sheets,
    deps.clock.now(),
  );
  await auditExport(deps, ctx, r.p, 'pdf');
  return { body, fileName: `${r.p.label}考核报告.pdf` };
}
