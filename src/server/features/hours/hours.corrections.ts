/** Corrections (办法 第十三条): staff's signed correction records, and volunteers' requests for one. */
import { randomUUID } from 'node:crypto';
import type { CorrectionInput, ServiceRecordView } from '../../../shared/hours';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { notify } from '../notifications/notifications.service';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { recordCorrection } from './hours.ledger';
import * as q from './hours.queries';
import { getRecord } from './hours.records';

/**
 * A correction never edits the approved original: it is a new record of signed minutes, linked to
 * it, with a reason, approved like any other record.
 */
export async function correctRecord(deps: Deps, ctx: Ctx, originalId: string, input: CorrectionInput): Promise<ServiceRecordView> {
  const original = await q.getRecord(deps.db, originalId);
  if (!original) throw notFound();
  await ctx.scope.require('hours.enter', original.unit_id);
  if (original.status !== 'approved' || original.source === 'correction') throw new AppError('hours.not_approved');
  const delta = Math.round(input.hoursDelta * 60);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    if ((await q.netMinutesOf(trx, originalId)) + delta < 0) throw new AppError('hours.correction_below_zero');
    const recordId = await recordCorrection(trx, original, { minutes: delta, reason: input.reason, enteredBy: ctx.actor.accountId, at: now });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.correction_entered',
      objectType: 'service_record',
      objectId: recordId,
      unitId: original.unit_id,
      changes: { corrects: { before: null, after: originalId }, minutes: { before: null, after: delta }, reason: { before: null, after: input.reason } },
    });
    return recordId;
  });
  return getRecord(deps, ctx, id);
}

function presentRequest(r: Awaited<ReturnType<typeof q.listCorrectionRequests>>[number]) {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    recordId: r.record_id,
    recordTitle: r.record_title ?? null,
    message: r.message,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}

/** 办法 第十三条: a volunteer may ask for a record to be corrected; it becomes a task for the unit's staff. */
export async function requestCorrection(deps: Deps, ctx: Ctx, input: { recordId?: string; message: string }) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  let unitId = v.stationId;
  if (input.recordId) {
    const r = await q.getRecord(deps.db, input.recordId);
    if (!r || r.volunteer_id !== v.id) throw notFound();
    unitId = r.unit_id;
  }
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertCorrectionRequest(trx, {
      id,
      volunteer_id: v.id,
      record_id: input.recordId ?? null,
      unit_id: unitId,
      message: input.message,
      status: 'open',
      resolution: null,
      resolved_by: null,
      resolved_at: null,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.correction_requested',
      objectType: 'correction_request',
      objectId: id,
      unitId,
      changes: { message: { before: null, after: input.message } },
    });
  });
  const [row] = (await q.listCorrectionRequests(deps.db, { volunteerId: v.id })).filter((r) => r.id === id);
  return presentRequest(row);
}

export async function listCorrectionRequests(deps: Deps, ctx: Ctx, query: { status?: string; page: number; pageSize: number }) {
  const { status, page, pageSize } = query;
  const range = { limit: pageSize, offset: (page - 1) * pageSize };
  // Staff with hours to look after see their units' requests; anyone else their own.
  let filter: { unitIds?: string[]; volunteerId?: string } = {};
  if (!ctx.scope.hasRole('hours.read')) {
    const v = (await ctx.scope.me()).volunteer;
    if (!v) throw new AppError('volunteer.not_found_self');
    filter = { volunteerId: v.id };
  } else filter = { unitIds: [...(await ctx.scope.units('hours.read'))] };
  const { rows, total } = await q.pageCorrectionRequests(deps.db, { ...filter, status }, range);
  return { items: rows.map(presentRequest), total, page, pageSize };
}

export async function resolveCorrection(deps: Deps, ctx: Ctx, id: string, input: { status: 'resolved' | 'declined'; resolution: string }) {
  const req = await q.getCorrectionRequest(deps.db, id);
  if (!req) throw notFound();
  await ctx.scope.require('hours.enter', req.unit_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.resolveCorrectionRequest(trx, id, {
      status: input.status,
      resolution: input.resolution,
      resolved_by: ctx.actor.accountId,
      resolved_at: now.toISOString(),
    });
    if (n !== 1) throw new AppError('hours.request_closed');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.correction_request_resolved',
      objectType: 'correction_request',
      objectId: id,
      unitId: req.unit_id,
      changes: { status: { before: 'open', after: input.status } },
    });
    const v = await volunteerById(trx, req.volunteer_id);
    if (v)
      await notify(trx, now, v.person_id, {
        kind: 'hours.correction_request',
        title: input.status === 'resolved' ? '您的更正申请已处理' : '您的更正申请未被采纳',
        body: input.resolution,
        link: '/m/volunteer',
      });
  });
  const [row] = (await q.listCorrectionRequests(deps.db, { volunteerId: req.volunteer_id })).filter((r) => r.id === id);
  return presentRequest(row);
}
