import { chinaDay, chinaTimeToIso } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import type { BackfillInput, CorrectionInput, DecideInput, HoursQuery, HoursSummaryView, ServiceRecordView } from '../../../shared/hours';
import { isLateEntry, MAX_RECORD_MINUTES } from '../../../shared/rules/hours';
import { minutesToHours, STAR_NAMES, starLevel, starProgress } from '../../../shared/rules/stars';
import { hasRoleFor, type UnitTree, unitsInScope } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import { readRules, type Scope } from '../../platform/scope';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { notify } from '../notifications/notifications.service';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { recordBackfilledService, recordCorrection } from './hours.ledger';
import * as q from './hours.queries';

/**
 * Who may decide a record (办法 第十三条, and the field's best-known fraud — hours typed in and
 * approved by the same hand): staff of the organising unit who are neither the volunteer nor the
 * person who entered it; a late record needs the institute.
 */
function decisionBlock(
  actor: Actor,
  tree: UnitTree,
  r: q.RecordRow,
): 'hours.self_approval' | 'hours.entered_by_approver' | 'hours.needs_institute' | 'not_found' | 'access.denied' | null {
  if (!hasRoleFor(actor, 'hours.approve')) return 'access.denied';
  if (!unitsInScope(tree, actor, 'hours.approve').has(r.unit_id)) return 'not_found';
  if (r.volunteer_person_id === actor.personId) return 'hours.self_approval';
  if (r.entered_by && r.entered_by === actor.accountId) return 'hours.entered_by_approver';
  if (r.late) {
    const inst = tree.instituteOf(r.unit_id);
    if (!inst || !unitsInScope(tree, actor, 'hours.approve_late').has(inst)) return 'hours.needs_institute';
  }
  return null;
}

export function presentRecord(r: q.RecordRow, actor: Actor, tree: UnitTree): ServiceRecordView {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    volunteerNo: r.volunteer_no,
    unitId: r.unit_id,
    organiserName: r.organiser_name,
    source: r.source,
    title: r.title,
    serviceDate: r.service_date,
    startAt: r.start_at,
    endAt: r.end_at,
    hours: minutesToHours(Number(r.minutes)),
    place: r.place,
    content: r.content,
    personInCharge: r.person_in_charge,
    entryMethod: r.entry_method,
    evidenceFileIds: JSON.parse(r.evidence_file_ids),
    reason: r.reason,
    status: r.status,
    late: Boolean(r.late),
    flag: r.flag,
    correctsId: r.corrects_id,
    enteredByName: r.entered_by_name,
    enteredAt: r.entered_at,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    canDecide: r.status === 'pending' && decisionBlock(actor, tree, r) === null,
  };
}

/**
 * Recomputes a volunteer's star level after their approved hours change, recording each change
 * and telling them when they move up (and it lands on the institute's recognition list).
 */
export async function recomputeStars(trx: DbOrTrx, at: Date, volunteerId: string, thresholds: number[]): Promise<void> {
  const total = await q.approvedMinutes(trx, volunteerId);
  const level = starLevel(total, thresholds);
  const last = Number((await q.lastStarLevel(trx, volunteerId))?.level ?? 0);
  if (level === last) return;
  await q.insertStarLevel(trx, {
    id: randomUUID(),
    volunteer_id: volunteerId,
    level,
    previous_level: last,
    minutes: total,
    thresholds: JSON.stringify(thresholds),
    at: at.toISOString(),
  });
  if (level > last) {
    const v = await volunteerById(trx, volunteerId);
    if (v) {
      await notify(trx, at, v.person_id, {
        kind: 'stars.level_up',
        title: `恭喜您成为${STAR_NAMES[level]}志愿者`,
        body: `累计认定服务时长 ${minutesToHours(total)} 小时。感谢您的奉献！`,
        link: '/m/volunteer',
      });
    }
  }
}

/**
 * Inside the decision's transaction the rules are read through it (on SQLite a second connection
 * would wait forever), so the stars use the values committed with the decision.
 */
async function thresholdsInTransaction(trx: DbOrTrx, tree: UnitTree, stationId: string): Promise<number[]> {
  return (await readRules(trx, tree.instituteOf(stationId) ?? ''))['stars.thresholds'];
}

/** A backfilled record: entered afterwards by staff with evidence and a reason; pending until someone else approves it. */
export async function enterBackfill(deps: Deps, ctx: Ctx, input: BackfillInput): Promise<ServiceRecordView> {
  await ctx.scope.require('hours.enter', input.unitId);
  const volunteer = await volunteerById(deps.db, input.volunteerId);
  if (!volunteer) throw notFound();
  if (volunteer.status !== 'certified') throw new AppError('hours.volunteer_not_certified');
  const start = chinaTimeToIso(input.serviceDate, input.startTime);
  const end = chinaTimeToIso(input.serviceDate, input.endTime);
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  if (minutes <= 0 || minutes > MAX_RECORD_MINUTES)
    throw new AppError('hours.bad_time', { fields: [{ path: 'body.endTime', message: '结束时间必须晚于开始时间' }] });
  const now = deps.clock.now();
  if (end > now.toISOString()) throw new AppError('hours.future');
  for (const f of input.evidenceFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('hours.evidence_missing');
  const rules = await ctx.scope.rulesOf(input.unitId);
  const late = isLateEntry(input.serviceDate, chinaDay(now), rules['hours.recordDeadlineWorkingDays'], {
    holidays: rules['calendar.holidays'],
    makeupWorkdays: rules['calendar.makeupWorkdays'],
  });
  const unitName = (await q.unitName(deps.db, input.unitId)).name;
  const id = await deps.db.transaction().execute(async (trx) => {
    const clash = await q.overlapping(trx, input.volunteerId, start, end);
    if (clash.length) throw new AppError('hours.overlap', { message: `该志愿者在这段时间已有服务记录：${clash[0].service_date} ${clash[0].title}` });
    const recordId = await recordBackfilledService(trx, {
      volunteerId: input.volunteerId,
      unitId: input.unitId,
      title: input.title,
      serviceDate: input.serviceDate,
      startAt: start,
      endAt: end,
      minutes,
      place: input.place ?? null,
      content: input.content,
      organiserName: unitName,
      personInCharge: input.personInCharge ?? null,
      entryMethod: '团体录入',
      evidenceFileIds: input.evidenceFileIds,
      reason: input.reason,
      late,
      flag: late ? 'late_entry' : null,
      enteredBy: ctx.actor.accountId,
      at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.backfilled',
      objectType: 'service_record',
      objectId: recordId,
      unitId: input.unitId,
      changes: {
        volunteer: { before: null, after: volunteer.name },
        minutes: { before: null, after: minutes },
        serviceDate: { before: null, after: input.serviceDate },
        late: { before: null, after: late },
      },
    });
    return recordId;
  });
  return getRecord(deps, ctx, id);
}

async function requireRecordReadable(deps: Deps, scope: Scope, id: string) {
  const actor = scope.actor;
  const r = await q.getRecord(deps.db, id);
  if (!r) throw notFound();
  const tree = await scope.tree();
  if (r.volunteer_person_id === actor.personId) return { r, tree };
  const readable = unitsInScope(tree, actor, 'hours.read');
  if (!readable.has(r.unit_id) && !readable.has(r.volunteer_station_id)) throw notFound();
  return { r, tree };
}

export async function getRecord(deps: Deps, ctx: Ctx, id: string): Promise<ServiceRecordView> {
  const { r, tree } = await requireRecordReadable(deps, ctx.scope, id);
  return presentRecord(r, ctx.actor, tree);
}

async function decideIn(deps: Deps, ctx: Ctx, trx: DbOrTrx, tree: UnitTree, id: string, input: DecideInput, now: Date) {
  const r = await q.getRecord(trx, id);
  if (!r) throw notFound();
  const block = decisionBlock(ctx.actor, tree, r);
  if (block === 'not_found') throw notFound();
  if (block) throw new AppError(block);
  if (r.status !== 'pending') throw new AppError('hours.not_pending');
  if (input.decision === 'reject' && !input.note) throw new AppError('hours.reason_required');
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const n = await q.decideRecord(trx, id, { status, decided_by: ctx.actor.accountId, decided_at: now.toISOString(), decision_note: input.note ?? null });
  if (n !== 1) throw new AppError('hours.not_pending');
  await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
    action: status === 'approved' ? 'hours.approved' : 'hours.rejected',
    objectType: 'service_record',
    objectId: id,
    unitId: r.unit_id,
    changes: { status: { before: 'pending', after: status }, ...(input.note ? { note: { before: null, after: input.note } } : {}) },
  });
  if (status === 'approved') await recomputeStars(trx, now, r.volunteer_id, await thresholdsInTransaction(trx, tree, r.volunteer_station_id));
  else {
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

export async function listRecords(deps: Deps, ctx: Ctx, query: HoursQuery) {
  const unitIds = await ctx.scope.units('hours.read');
  const tree = await ctx.scope.tree();
  let units = [...unitIds];
  if (query.unitId) {
    if (!unitIds.has(query.unitId)) throw notFound();
    units = tree.subtree(query.unitId).filter((u) => unitIds.has(u));
  }
  const { rows, total } = await q.listRecords(
    deps.db,
    {
      unitIds: units,
      volunteerId: query.volunteerId,
      status: query.status,
      source: query.source,
      late: query.late === undefined ? undefined : query.late === 'true',
      from: query.from,
      to: query.to,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map((r) => presentRecord(r, ctx.actor, tree)), total, page: query.page, pageSize: query.pageSize };
}

/** The volunteer's own records (办法 第十二条: volunteers can see their records). */
export async function listMyRecords(deps: Deps, ctx: Ctx, query: HoursQuery) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  const tree = await ctx.scope.tree();
  const { rows, total } = await q.listRecords(
    deps.db,
    { volunteerId: v.id, status: query.status, from: query.from, to: query.to },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map((r) => presentRecord(r, ctx.actor, tree)), total, page: query.page, pageSize: query.pageSize };
}

async function requireVolunteerReadable(deps: Deps, scope: Scope, volunteerId: string) {
  const actor = scope.actor;
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  const tree = await scope.tree();
  if (v.person_id !== actor.personId && !unitsInScope(tree, actor, 'volunteers.read').has(v.station_id)) throw notFound();
  return { v, tree };
}

export async function hoursSummary(deps: Deps, ctx: Ctx, volunteerId: string): Promise<HoursSummaryView> {
  const { v } = await requireVolunteerReadable(deps, ctx.scope, volunteerId);
  const thresholds = (await ctx.scope.rulesOf(v.station_id))['stars.thresholds'];
  const [approved, pending, years, history] = await Promise.all([
    q.approvedMinutes(deps.db, v.id),
    q.pendingMinutes(deps.db, v.id),
    q.minutesByYear(deps.db, v.id),
    q.starHistory(deps.db, v.id),
  ]);
  return {
    volunteerId: v.id,
    approvedHours: minutesToHours(approved),
    pendingHours: minutesToHours(pending),
    byYear: years.map((y) => ({ year: String(y.year), hours: minutesToHours(Number(y.minutes)), records: Number(y.records) })),
    stars: starProgress(approved, thresholds),
    starHistory: history.map((h) => ({ level: Number(h.level), previousLevel: Number(h.previous_level), hours: minutesToHours(Number(h.minutes)), at: h.at })),
  };
}

export async function mySummary(deps: Deps, ctx: Ctx) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  return hoursSummary(deps, ctx, v.id);
}

export async function recognitionList(deps: Deps, ctx: Ctx) {
  const unitIds = await ctx.scope.units('volunteers.read');
  const tree = await ctx.scope.tree();
  const stations = [...unitIds].filter((u) => tree.nodes.get(u)?.kind === 'station');
  const rows = await q.recognitions(deps.db, stations, 200);
  return {
    items: rows.map((r) => ({
      volunteerId: r.volunteer_id,
      name: r.name,
      volunteerNo: r.volunteer_no,
      stationName: r.station_name,
      level: Number(r.level),
      levelName: STAR_NAMES[Number(r.level)] ?? '',
      hours: minutesToHours(Number(r.minutes)),
      at: r.at,
    })),
  };
}

/** 办法 第八条 training and 第九条 awards, entered by the volunteer's station staff. */
export async function addTraining(
  deps: Deps,
  ctx: Ctx,
  volunteerId: string,
  input: { name: string; content?: string; hours: number; organiser: string; heldOn: string },
) {
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  await ctx.scope.require('volunteers.manage', v.station_id);
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertTraining(trx, {
      id,
      volunteer_id: volunteerId,
      name: input.name,
      content: input.content ?? null,
      minutes: Math.round(input.hours * 60),
      organiser: input.organiser,
      held_on: input.heldOn,
      entered_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.training_added',
      objectType: 'training_record',
      objectId: id,
      unitId: v.station_id,
      changes: { name: { before: null, after: input.name } },
    });
  });
  return { id, name: input.name, content: input.content ?? null, hours: input.hours, organiser: input.organiser, heldOn: input.heldOn };
}

export async function listTraining(deps: Deps, ctx: Ctx, volunteerId: string) {
  await requireVolunteerReadable(deps, ctx.scope, volunteerId);
  const rows = await q.listTraining(deps.db, volunteerId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      content: r.content,
      hours: minutesToHours(Number(r.minutes)),
      organiser: r.organiser,
      heldOn: r.held_on,
    })),
  };
}

export async function addAward(deps: Deps, ctx: Ctx, volunteerId: string, input: { name: string; level?: string; issuer: string; awardedOn: string }) {
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  await ctx.scope.require('volunteers.manage', v.station_id);
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertAward(trx, {
      id,
      volunteer_id: volunteerId,
      name: input.name,
      level: input.level ?? null,
      issuer: input.issuer,
      awarded_on: input.awardedOn,
      entered_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.award_added',
      objectType: 'award',
      objectId: id,
      unitId: v.station_id,
      changes: { name: { before: null, after: input.name } },
    });
    await notify(trx, now, v.person_id, { kind: 'awards.added', title: `您获得了表彰：${input.name}`, body: input.issuer, link: '/m/volunteer' });
  });
  return { id, name: input.name, level: input.level ?? null, issuer: input.issuer, awardedOn: input.awardedOn };
}

export async function listAwards(deps: Deps, ctx: Ctx, volunteerId: string) {
  await requireVolunteerReadable(deps, ctx.scope, volunteerId);
  const rows = await q.listAwards(deps.db, volunteerId);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, level: r.level, issuer: r.issuer, awardedOn: r.awarded_on })) };
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
