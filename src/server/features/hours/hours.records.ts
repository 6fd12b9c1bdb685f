/** The service-record ledger as staff and volunteers read it, and staff's backfilled entries. */
import { chinaDay, chinaTimeToIso } from '../../../shared/china-time';
import { type BackfillInput, HOURS_COUNT_CAP, type HoursPage, type HoursQuery, type ServiceRecordView } from '../../../shared/hours';
import { isLateEntry, MAX_RECORD_MINUTES } from '../../../shared/rules/hours';
import { minutesToHours } from '../../../shared/rules/stars';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { decisionBlock, requireRecordReadable } from './hours.access';
import { recordBackfilledService } from './hours.ledger';
import * as q from './hours.queries';

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

export async function getRecord(deps: Deps, ctx: Ctx, id: string): Promise<ServiceRecordView> {
  const { r, tree } = await requireRecordReadable(deps, ctx.scope, id);
  return presentRecord(r, ctx.actor, tree);
}

/** The roots of a set of units closed under subtrees (an hours scope): the units whose parent is not in it. */
function rootsOf(tree: UnitTree, units: Set<string>): string[] {
  return [...units].filter((u) => {
    const parent = tree.nodes.get(u)?.parent_id;
    return !parent || !units.has(parent);
  });
}

export async function listRecords(deps: Deps, ctx: Ctx, query: HoursQuery): Promise<HoursPage> {
  const unitIds = await ctx.scope.units('hours.read');
  const tree = await ctx.scope.tree();
  let units = unitIds;
  if (query.unitId) {
    if (!unitIds.has(query.unitId)) throw notFound();
    // hours.read is not upward: the scope is whole subtrees, so the unit's subtree lies inside it.
    units = new Set(tree.subtree(query.unitId));
  }
  const { rows, total, capped } = await q.listRecords(
    deps.db,
    {
      scopeRoots: rootsOf(tree, units),
      volunteerId: query.volunteerId,
      status: query.status,
      source: query.source,
      late: query.late === undefined ? undefined : query.late === 'true',
      from: query.from,
      to: query.to,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
    HOURS_COUNT_CAP,
  );
  return { items: rows.map((r) => presentRecord(r, ctx.actor, tree)), total, totalCapped: capped, page: query.page, pageSize: query.pageSize };
}

/** The volunteer's own records (办法 第十二条: volunteers can see their records). */
export async function listMyRecords(deps: Deps, ctx: Ctx, query: HoursQuery) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  const tree = await ctx.scope.tree();
  const { rows, total, capped } = await q.listRecords(
    deps.db,
    { volunteerId: v.id, status: query.status, from: query.from, to: query.to },
    query.pageSize,
    (query.page - 1) * query.pageSize,
    HOURS_COUNT_CAP,
  );
  return { items: rows.map((r) => presentRecord(r, ctx.actor, tree)), total, totalCapped: capped, page: query.page, pageSize: query.pageSize };
}
