/** Approving or rejecting pending service records (办法 第十三条), one at a time or in a batch. */
import type { DecideInput, ServiceRecordView } from '../../../shared/hours';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx, Trx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { readRules } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import { notify } from '../notifications/notifications.service';
import { creditApprovedRecord } from '../points/points.earning';
import { decisionBlock } from './hours.access';
import { decideService } from './hours.ledger';
import * as q from './hours.queries';
import { getRecord } from './hours.records';
import { recomputeStars } from './hours.stars';

/**
 * Inside the decision's transaction the rules are read through it (on SQLite a second connection
 * would wait forever), so the stars use the values committed with the decision.
 */
async function thresholdsInTransaction(trx: DbOrTrx, tree: UnitTree, stationId: string): Promise<number[]> {
  return (await readRules(trx, tree.instituteOf(stationId) ?? ''))['stars.thresholds'];
}

/** 积分: the approved record earns its points (a correction moves the original's) in the approval's transaction. */
async function earnPoints(trx: Trx, tree: UnitTree, r: q.RecordRow, now: Date) {
  const rules = await readRules(trx, tree.instituteOf(r.volunteer_station_id) ?? '');
  const correctsRecordId = r.source === 'correction' ? r.corrects_id : null;
  const netMinutesOfOriginal = correctsRecordId ? await q.netMinutesOf(trx, correctsRecordId) : null;
  const rec = {
    recordId: r.id,
    volunteerId: r.volunteer_id,
    unitId: r.unit_id,
    title: r.title,
    minutes: Number(r.minutes),
    correctsRecordId,
    netMinutesOfOriginal,
  };
  await creditApprovedRecord(trx, rec, rules, now);
}

async function decideIn(deps: Deps, ctx: Ctx, trx: Trx, tree: UnitTree, id: string, input: DecideInput, now: Date) {
  const r = await q.getRecord(trx, id);
  if (!r) throw notFound();
  const block = decisionBlock(ctx.actor, tree, r);
  if (block === 'not_found') throw notFound();
  if (block) throw new AppError(block);
  if (r.status !== 'pending') throw new AppError('hours.not_pending');
  if (input.decision === 'reject' && !input.note) throw new AppError('hours.reason_required');
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const decided = await decideService(trx, r, { status, decidedBy: ctx.actor.accountId, note: input.note ?? null, at: now });
  if (!decided) throw new AppError('hours.not_pending');
  await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
    action: status === 'approved' ? 'hours.approved' : 'hours.rejected',
    objectType: 'service_record',
    objectId: id,
    unitId: r.unit_id,
    changes: { status: { before: 'pending', after: status }, ...(input.note ? { note: { before: null, after: input.note } } : {}) },
  });
  if (status === 'approved') {
    await recomputeStars(trx, now, r.volunteer_id, await thresholdsInTransaction(trx, tree, r.volunteer_station_id));
    await earnPoints(trx, tree, r, now);
  } else {
    await notify(trx, now, r.volunteer_person_id, {
      kind: 'hours.rejected',
      title: '服务记录未通过审核',
      body: `${r.service_date} ${r.title}：${input.note}`,
      link: '/m/volunteer',
    });
  }
}

export async function decideRecord(deps: Deps, ctx: Ctx, id: string, input: DecideInput): Promise<ServiceRecordView> {
  const tree = await ctx.scope.tree();
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) => decideIn(deps, ctx, trx, tree, id, input, now));
  return getRecord(deps, ctx, id);
}

/** Bulk confirmation is all or nothing: one record that may not be approved stops the batch, naming it. */
export async function approveMany(deps: Deps, ctx: Ctx, ids: string[]): Promise<{ approved: number }> {
  const tree = await ctx.scope.tree();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const id of new Set(ids)) {
      try {
        await decideIn(deps, ctx, trx, tree, id, { decision: 'approve' }, now);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, { message: `${err.message}（记录 ${id}）`, details: { recordId: id } });
        throw err;
      }
    }
  });
  return { approved: new Set(ids).size };
}
