/** 考核期: open (snapshot the tree) → reviewing → published (auto points frozen, totals and ranks written). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PeriodDetail, PeriodInput, PeriodQuery, PeriodView, StationRow, TreeSnapshot } from '../../../shared/assessment';
import { type AutoScore, type PeriodStatus, rankByTotal } from '../../../shared/rules/assessment';
import type { AssessmentIndicatorsTable, AssessmentPeriodsTable, AssessmentResultsTable, AssessmentScoresTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import type { DbOrTrx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { computeAuto } from './assessment.compute';
import { presentIndicator, requireInstitute } from './assessment.indicators';
import { frozenAuto, type Latest, latestOf, maxTotalOf, selfTotalOf, sheetRows, totalsOf } from './assessment.presenter';
import * as q from './assessment.queries';

export function treeOf(p: Pick<AssessmentPeriodsTable, 'tree'>): TreeSnapshot {
  return JSON.parse(p.tree) as TreeSnapshot;
}

/** The live tree as a period keeps it: categories with their items (items without points left out). */
export function snapshotOf(rows: AssessmentIndicatorsTable[]): TreeSnapshot {
  const views = rows.map(presentIndicator);
  return views
    .filter((c) => c.level === 1)
    .map((c) => ({
      id: c.id,
      title: c.title,
      items: views
        .filter((i) => i.parentId === c.id && i.maxPoints > 0)
        .map(({ id, title, content, standard, maxPoints, mode, autoKind, params }) => ({ id, title, content, standard, maxPoints, mode, autoKind, params })),
    }))
    .filter((c) => c.items.length > 0);
}

export function presentPeriod(p: q.PeriodRow, canManage: boolean): PeriodView {
  return {
    id: p.id,
    instituteId: p.institute_id,
    instituteName: p.institute_name,
    kind: p.kind,
    label: p.label,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    selfDeadline: p.self_deadline,
    status: p.status,
    openedAt: p.opened_at,
    publishedAt: p.published_at,
    maxTotal: maxTotalOf(treeOf(p)),
    canManage,
  };
}

export async function listPeriods(deps: Deps, ctx: Ctx, query: z.infer<typeof PeriodQuery>) {
  const tree = await ctx.scope.tree();
  const instituteIds = [...(await ctx.scope.units('assessment.read'))].filter((u) => tree.nodes.get(u)?.kind === 'institute');
  const { rows, total } = await q.listPeriods(deps.db, {
    instituteIds,
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const items = await Promise.all(rows.map(async (r) => presentPeriod(r, await ctx.scope.can('assessment.manage', r.institute_id))));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The period, if the caller reads its institute (404 otherwise). */
export async function readablePeriod(deps: Deps, ctx: Ctx, id: string) {
  const p = await q.getPeriod(deps.db, id);
  if (!p) throw notFound();
  await ctx.scope.require('assessment.read', p.institute_id);
  return p;
}

/** Inserts a period with its tree snapshot and its first history row (the caller's transaction). */
export async function insertOpenPeriod(trx: DbOrTrx, row: Omit<AssessmentPeriodsTable, 'tree' | 'status' | 'published_at'>) {
  const tree = snapshotOf(await q.liveTree(trx, row.institute_id));
  if (tree.length === 0) throw new AppError('assessment.empty_tree');
  const full: AssessmentPeriodsTable = { ...row, status: 'open', tree: JSON.stringify(tree), published_at: null };
  await q.insertPeriod(trx, full);
  await q.insertPeriodLog(trx, { id: randomUUID(), period_id: row.id, from_status: null, to_status: 'open', by_account: row.opened_by, at: row.opened_at });
  return full;
}

export async function openPeriod(deps: Deps, ctx: Ctx, input: z.infer<typeof PeriodInput>) {
  await requireInstitute(ctx, 'assessment.manage', input.instituteId);
  if (input.endsOn < input.startsOn || input.selfDeadline < input.startsOn) throw new AppError('assessment.bad_dates');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    if (await q.findPeriod(trx, input.instituteId, input.kind, input.startsOn)) throw new AppError('assessment.duplicate_period');
    const row = await insertOpenPeriod(trx, {
      id,
      institute_id: input.instituteId,
      kind: input.kind,
      label: input.label,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      self_deadline: input.selfDeadline,
      opened_by: ctx.actor.accountId,
      opened_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'assessment.period_opened',
      objectType: 'assessment_period',
      objectId: id,
      unitId: input.instituteId,
      changes: { label: { before: null, after: input.label }, indicators: { before: null, after: treeOf(row).reduce((s, c) => s + c.items.length, 0) } },
    });
  });
  return presentPeriod((await q.getPeriod(deps.db, id)) as q.PeriodRow, true);
}

/** Every station's automatic points: frozen rows once published, computed from the records before. */
export async function autoOf(db: DbOrTrx, p: q.PeriodRow, stationIds: string[], latest: Latest, now: Date): Promise<Map<string, Map<string, AutoScore>>> {
  const tree = treeOf(p);
  if (p.status === 'published') return new Map(stationIds.map((s) => [s, frozenAuto(latest, tree, s)]));
  return computeAuto(db, tree, { startsOn: p.starts_on, endsOn: p.ends_on }, stationIds, now);
}

/** Totals (tenths) and subtotals of every station, from one read of the scores. */
export async function standings(db: DbOrTrx, p: q.PeriodRow, stationIds: string[], now: Date) {
  const latest = latestOf(await q.scoresOf(db, p.id, stationIds));
  const auto = await autoOf(db, p, stationIds, latest, now);
  const tree = treeOf(p);
  return stationIds.map((s) => {
    const rows = sheetRows(tree, s, auto.get(s) ?? new Map(), latest);
    return { stationId: s, rows, ...totalsOf(tree, rows), selfTotal: selfTotalOf(rows), adjusted: rows.filter((r) => r.review).length };
  });
}

export async function getPeriod(deps: Deps, ctx: Ctx, id: string): Promise<PeriodDetail> {
  const p = await readablePeriod(deps, ctx, id);
  const stations = await q.stationsOf(deps.db, p.institute_id);
  const readable = new Set<string>();
  for (const s of stations) if (await ctx.scope.can('assessment.read', s.id)) readable.add(s.id);
  // Before publishing a station sees only its own row; after, every station's total and rank.
  const shown = p.status === 'published' ? stations : stations.filter((s) => readable.has(s.id));
  const [scores, submissions, results] = await Promise.all([
    standings(deps.db, p, [...readable], deps.clock.now()),
    q.submissionsOf(deps.db, p.id),
    p.status === 'published' ? q.resultsOf(deps.db, p.id) : Promise.resolve([]),
  ]);
  const byStation = new Map(scores.map((s) => [s.stationId, s]));
  const submitted = new Map(submissions.map((s) => [s.station_id, s.at]));
  const ranked = new Map(results.map((r) => [r.station_id, r]));
  const rows: StationRow[] = shown.map((s) => {
    const mine = byStation.get(s.id);
    const result = ranked.get(s.id);
    return {
      stationId: s.id,
      stationName: s.name,
      submittedAt: submitted.get(s.id) ?? null,
      selfTotal: mine?.selfTotal ?? 0,
      adjusted: mine?.adjusted ?? 0,
      total: result ? Number(result.total) / 10 : mine ? mine.total / 10 : null,
      rank: result ? Number(result.rank) : null,
    };
  });
  if (p.status === 'published') rows.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return { ...presentPeriod(p, await ctx.scope.can('assessment.manage', p.institute_id)), stations: rows, tree: treeOf(p) };
}

/**
 * Publishing, in the caller's transaction: freeze each station's automatic points (with their
 * explanation and citations) as `auto` rows, then write every station's total, rank and subtotals.
 */
export async function writePublication(trx: DbOrTrx, p: q.PeriodRow, now: Date, byAccount: string | null) {
  const stations = await q.stationsOf(trx, p.institute_id);
  const ids = stations.map((s) => s.id);
  const at = now.toISOString();
  const auto = await computeAuto(trx, treeOf(p), { startsOn: p.starts_on, endsOn: p.ends_on }, ids, now);
  const frozen: AssessmentScoresTable[] = [];
  for (const [stationId, scores] of auto)
    for (const [indicatorId, s] of scores)
      frozen.push({
        id: randomUUID(),
        period_id: p.id,
        station_id: stationId,
        indicator_id: indicatorId,
        stage: 'auto',
        version: 1,
        points: s.tenths,
        note: s.explanation,
        evidence_file_ids: '[]',
        citations: JSON.stringify(s.citations),
        by_account: null,
        at,
      });
  for (let i = 0; i < frozen.length; i += 200) await q.insertScores(trx, frozen.slice(i, i + 200));
  const moved = await q.movePeriod(trx, p.id, 'reviewing', { status: 'published', published_at: at, updated_at: at });
  if (moved === 0) throw new AppError('assessment.bad_status');
  const published = { ...p, status: 'published' as const };
  const ranked = rankByTotal((await standings(trx, published, ids, now)).map((s) => ({ ...s, total: s.total })));
  const results: AssessmentResultsTable[] = ranked.map((r) => ({
    id: randomUUID(),
    period_id: p.id,
    station_id: r.stationId,
    total: r.total,
    rank: r.rank,
    subtotals: JSON.stringify(r.subtotals),
    published_at: at,
  }));
  await q.insertResults(trx, results);
  await q.insertPeriodLog(trx, { id: randomUUID(), period_id: p.id, from_status: 'reviewing', to_status: 'published', by_account: byAccount, at });
  return results;
}

/** Moves a period one step: open → reviewing, reviewing → published. The wrong state answers 409. */
export async function advancePeriod(deps: Deps, ctx: Ctx, id: string, to: Exclude<PeriodStatus, 'open'>) {
  const p = await readablePeriod(deps, ctx, id);
  await ctx.scope.require('assessment.manage', p.institute_id);
  const from: PeriodStatus = to === 'reviewing' ? 'open' : 'reviewing';
  if (p.status !== from) throw new AppError('assessment.bad_status');
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    let count = 0;
    if (to === 'published') count = (await writePublication(trx, p, now, ctx.actor.accountId)).length;
    else {
      if ((await q.movePeriod(trx, id, 'open', { status: 'reviewing', updated_at: at })) === 0) throw new AppError('assessment.bad_status');
      await q.insertPeriodLog(trx, { id: randomUUID(), period_id: id, from_status: 'open', to_status: 'reviewing', by_account: ctx.actor.accountId, at });
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: to === 'published' ? 'assessment.period_published' : 'assessment.period_reviewing',
      objectType: 'assessment_period',
      objectId: id,
      unitId: p.institute_id,
      changes: { status: { before: from, after: to }, ...(to === 'published' ? { stations: { before: null, after: count } } : {}) },
    });
  });
  return getPeriod(deps, ctx, id);
}
