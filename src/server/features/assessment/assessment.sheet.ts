/** A station's scoring sheet: automatic points with their records, the self-assessment with evidence, the institute's review. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ReviewScoreInput, SelfScoreInput, Sheet, SnapshotItem } from '../../../shared/assessment';
import { validateManualPoints } from '../../../shared/rules/assessment';
import type { AssessmentScoresTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { autoOf, presentPeriod, readablePeriod, treeOf } from './assessment.periods';
import { latestOf, maxTotalOf, sheetRows, totalsOf } from './assessment.presenter';
import * as q from './assessment.queries';

/** The period and the station, if the station is one of the period's institute and the caller may `action` it (404 otherwise). */
async function sheetScope(deps: Deps, ctx: Ctx, periodId: string, stationId: string, action: 'assessment.read' | 'assessment.self' | 'assessment.manage') {
  const p = await readablePeriod(deps, ctx, periodId);
  await ctx.scope.require('assessment.read', stationId);
  const station = (await q.stationsOf(deps.db, p.institute_id)).find((s) => s.id === stationId);
  if (!station) throw notFound();
  if (action !== 'assessment.read') await ctx.scope.require(action, stationId);
  return { p, station };
}

export async function getSheet(deps: Deps, ctx: Ctx, periodId: string, stationId: string): Promise<Sheet> {
  const { p, station } = await sheetScope(deps, ctx, periodId, stationId, 'assessment.read');
  const tree = treeOf(p);
  const latest = latestOf(await q.scoresOf(deps.db, p.id, [stationId]));
  const auto = (await autoOf(deps.db, p, [stationId], latest, deps.clock.now())).get(stationId) ?? new Map();
  const rows = sheetRows(tree, stationId, auto, latest);
  const submission = (await q.submissionsOf(deps.db, p.id)).find((s) => s.station_id === stationId);
  const result = p.status === 'published' ? (await q.resultsOf(deps.db, p.id)).find((r) => r.station_id === stationId) : undefined;
  const [canSelf, canReview, canManage] = await Promise.all([
    ctx.scope.can('assessment.self', stationId),
    ctx.scope.can('assessment.manage', stationId),
    ctx.scope.can('assessment.manage', p.institute_id),
  ]);
  return {
    period: presentPeriod(p, canManage),
    stationId,
    stationName: station.name,
    submittedAt: submission?.at ?? null,
    rows,
    total: totalsOf(tree, rows).total / 10,
    maxTotal: maxTotalOf(tree),
    rank: result ? Number(result.rank) : null,
    canSelf: canSelf && p.status === 'open' && !submission,
    canReview: canReview && p.status === 'reviewing',
  };
}

function itemOf(tree: ReturnType<typeof treeOf>, indicatorId: string): SnapshotItem {
  for (const c of tree) for (const i of c.items) if (i.id === indicatorId) return i;
  throw new AppError('assessment.bad_indicator');
}

function tenthsOf(points: number, max: number): number {
  const v = validateManualPoints(points, max);
  if ('error' in v) throw new AppError(v.error, { fields: [{ path: 'points', message: `分值须在 0 到 ${max} 分之间，按 0.5 分递进` }] });
  return v.tenths;
}

/** Appends a score row (the next version) with its audit row, in one transaction; a simultaneous write answers 409. */
async function appendScore(deps: Deps, ctx: Ctx, row: Omit<AssessmentScoresTable, 'id' | 'version' | 'at' | 'by_account'>, before: number | null) {
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const version = await q.nextVersion(trx, row);
      await q.insertScores(trx, [{ ...row, id: randomUUID(), version, by_account: ctx.actor.accountId, at: now.toISOString() }]);
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: row.stage === 'self' ? 'assessment.self_scored' : 'assessment.review_adjusted',
        objectType: 'assessment_period',
        objectId: row.period_id,
        unitId: row.station_id,
        changes: {
          [`${row.indicator_id}:${row.stage}`]: { before: before === null ? null : before / 10, after: row.points / 10 },
          ...(row.note ? { note: { before: null, after: row.note } } : {}),
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict');
    throw err;
  }
}

export async function scoreSelf(deps: Deps, ctx: Ctx, periodId: string, stationId: string, input: z.infer<typeof SelfScoreInput>) {
  const { p } = await sheetScope(deps, ctx, periodId, stationId, 'assessment.self');
  if (p.status !== 'open') throw new AppError('assessment.bad_status');
  if ((await q.submissionsOf(deps.db, p.id)).some((s) => s.station_id === stationId)) throw new AppError('assessment.already_submitted');
  const item = itemOf(treeOf(p), input.indicatorId);
  if (item.mode !== 'manual') throw new AppError('assessment.not_manual');
  const tenths = tenthsOf(input.points, item.maxPoints);
  for (const id of input.evidenceFileIds) if (!(await canUseFile(deps, ctx, id))) throw new AppError('assessment.bad_file');
  const before = latestOf(await q.scoresOf(deps.db, p.id, [stationId])).get(`${stationId}|${item.id}|self`);
  await appendScore(
    deps,
    ctx,
    {
      period_id: p.id,
      station_id: stationId,
      indicator_id: item.id,
      stage: 'self',
      points: tenths,
      note: input.note || null,
      evidence_file_ids: JSON.stringify(input.evidenceFileIds),
      citations: null,
    },
    before ? Number(before.points) : null,
  );
  return getSheet(deps, ctx, periodId, stationId);
}

export async function submitSelf(deps: Deps, ctx: Ctx, periodId: string, stationId: string) {
  const { p } = await sheetScope(deps, ctx, periodId, stationId, 'assessment.self');
  if (p.status !== 'open') throw new AppError('assessment.bad_status');
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      if ((await q.submissionsOf(trx, p.id)).some((s) => s.station_id === stationId)) throw new AppError('assessment.already_submitted');
      await q.insertSubmission(trx, { id: randomUUID(), period_id: p.id, station_id: stationId, by_account: ctx.actor.accountId, at: now.toISOString() });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'assessment.self_submitted',
        objectType: 'assessment_period',
        objectId: p.id,
        unitId: stationId,
        changes: { submitted: { before: false, after: true } },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('assessment.already_submitted');
    throw err;
  }
  return getSheet(deps, ctx, periodId, stationId);
}

/** The institute adjusts any indicator (automatic ones too) while reviewing, always with a reason; the earlier score stays on record. */
export async function scoreReview(deps: Deps, ctx: Ctx, periodId: string, stationId: string, input: z.infer<typeof ReviewScoreInput>) {
  const { p } = await sheetScope(deps, ctx, periodId, stationId, 'assessment.manage');
  if (p.status !== 'reviewing') throw new AppError('assessment.bad_status');
  const item = itemOf(treeOf(p), input.indicatorId);
  const tenths = tenthsOf(input.points, item.maxPoints);
  const sheet = await getSheet(deps, ctx, periodId, stationId);
  const before = sheet.rows.find((r) => r.indicator.id === item.id)?.final ?? null;
  await appendScore(
    deps,
    ctx,
    {
      period_id: p.id,
      station_id: stationId,
      indicator_id: item.id,
      stage: 'review',
      points: tenths,
      note: input.reason,
      evidence_file_ids: '[]',
      citations: null,
    },
    before === null ? null : Math.round(before * 10),
  );
  return getSheet(deps, ctx, periodId, stationId);
}
