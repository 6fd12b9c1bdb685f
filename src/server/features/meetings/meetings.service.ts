import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AttendeeCandidate, CandidatesQuery, MeetingDetail, MeetingInput, MeetingListQuery, UpdateMeetingInput } from '../../../shared/meetings';
import { nextMeetingStatus } from '../../../shared/rules/meeting-flow';
import type { MeetingAttendeesTable, MeetingsTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { appendAudit, diffFields } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { presentDetail, presentListItem } from './meetings.presenter';
import * as q from './meetings.queries';

const GROUP_ROLES: Record<string, string> = { leader: '组长', deputy: '副组长', member: '成员' };

export async function listMeetings(deps: Deps, ctx: Ctx, query: z.infer<typeof MeetingListQuery>) {
  const units = await ctx.scope.units('meetings.read');
  const { rows, total } = await q.listMeetings(deps.db, {
    unitIds: [...units],
    status: query.status,
    kind: query.kind,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(presentListItem), total, page: query.page, pageSize: query.pageSize };
}

/** The meeting, after the caller's right to read it: 404 outside their scope. */
export async function readableMeeting(deps: Deps, ctx: Ctx, id: string, action: 'meetings.read' | 'meetings.write' = 'meetings.read') {
  const m = await q.getMeeting(deps.db, id);
  if (!m) throw notFound();
  await ctx.scope.require(action, m.unit_id);
  return m;
}

/** Every part of the meeting page, in a fixed number of queries. */
export async function meetingDetail(deps: Deps, ctx: Ctx, m: q.MeetingRow): Promise<MeetingDetail> {
  const [unit, attendees, resolutions, files, canWrite] = await Promise.all([
    q.unitName(deps.db, m.unit_id),
    q.attendeesOf(deps.db, m.id),
    q.resolutionsOfMeeting(deps.db, m.id),
    q.filesByIds(deps.db, JSON.parse(m.attachment_file_ids)),
    ctx.scope.can('meetings.write', m.unit_id),
  ]);
  return presentDetail(m, unit?.name ?? '', attendees, resolutions, files, deps.clock.now(), canWrite);
}

export async function getMeeting(deps: Deps, ctx: Ctx, id: string) {
  return meetingDetail(deps, ctx, await readableMeeting(deps, ctx, id));
}

/** Who may be asked: the institute's leading group and the admins of the institute and its stations. */
async function candidatesOf(db: DbOrTrx, tree: UnitTree, instituteId: string): Promise<(AttendeeCandidate & { personId: string | null })[]> {
  const [group, staff] = await Promise.all([q.leadingGroup(db, instituteId), q.staffAccounts(db, tree.subtree(instituteId))]);
  const out: (AttendeeCandidate & { personId: string | null })[] = group.map((g) => ({
    source: 'leading_group',
    refId: g.id,
    name: g.name,
    title: [`领导小组${GROUP_ROLES[g.group_role] ?? ''}`, g.title].filter(Boolean).join(' · '),
    hasAccount: false,
    personId: null,
  }));
  const seen = new Set<string>();
  for (const s of staff) {
    if (seen.has(s.account_id)) continue;
    seen.add(s.account_id);
    out.push({ source: 'staff', refId: s.account_id, name: s.display_name, title: s.unit_name, hasAccount: true, personId: s.person_id });
  }
  return out;
}

async function requireInstitute(ctx: Ctx, action: 'meetings.write' | 'meetings.read', unitId: string) {
  const tree = await ctx.scope.require(action, unitId);
  if (tree.nodes.get(unitId)?.kind !== 'institute') throw new AppError('meetings.not_institute');
  return tree;
}

export async function attendeeCandidates(deps: Deps, ctx: Ctx, query: z.infer<typeof CandidatesQuery>) {
  const tree = await requireInstitute(ctx, 'meetings.write', query.unitId);
  const all = (await candidatesOf(deps.db, tree, query.unitId)).map(({ personId: _p, ...c }) => c);
  const start = (query.page - 1) * query.pageSize;
  return { items: all.slice(start, start + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize };
}

async function attendeeRows(
  db: DbOrTrx,
  tree: UnitTree,
  instituteId: string,
  meetingId: string,
  refs: { source: 'leading_group' | 'staff'; refId: string }[],
): Promise<MeetingAttendeesTable[]> {
  const byKey = new Map((await candidatesOf(db, tree, instituteId)).map((c) => [`${c.source}:${c.refId}`, c]));
  const seen = new Set<string>();
  const rows: MeetingAttendeesTable[] = [];
  for (const ref of refs) {
    const key = `${ref.source}:${ref.refId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = byKey.get(key);
    if (!c) throw new AppError('meetings.bad_attendee');
    rows.push({
      id: randomUUID(),
      meeting_id: meetingId,
      source: c.source,
      ref_id: c.refId,
      person_id: c.personId,
      name: c.name,
      title: c.title,
      status: 'pending',
      signed_at: null,
      method: null,
      absent_reason: null,
      recorded_by: null,
      sort: rows.length,
    });
  }
  return rows;
}

async function checkFiles(deps: Deps, ctx: Ctx, ids: string[], already: string[] = []) {
  for (const id of ids) if (!already.includes(id) && !(await canUseFile(deps, ctx, id))) throw new AppError('meetings.bad_file');
}

export async function createMeeting(deps: Deps, ctx: Ctx, input: z.infer<typeof MeetingInput>) {
  const tree = await requireInstitute(ctx, 'meetings.write', input.unitId);
  await checkFiles(deps, ctx, input.attachmentFileIds);
  const now = deps.clock.now();
  const row: MeetingsTable = {
    id: randomUUID(),
    unit_id: input.unitId,
    title: input.title,
    kind: input.kind,
    starts_at: new Date(input.startsAt).toISOString(),
    place: input.place,
    agenda: JSON.stringify(input.agenda),
    minutes: null,
    attachment_file_ids: JSON.stringify(input.attachmentFileIds),
    status: 'planned',
    published_at: null,
    created_by: ctx.actor.accountId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  const attendees = await attendeeRows(deps.db, tree, input.unitId, row.id, input.attendees);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertMeeting(trx, row);
    await q.insertAttendees(trx, attendees);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'meetings.created',
      objectType: 'meeting',
      objectId: row.id,
      unitId: row.unit_id,
      changes: { ...diffFields(null, row, ['title', 'kind', 'starts_at', 'place']), attendees: { before: null, after: attendees.length } },
    });
  });
  return getMeeting(deps, ctx, row.id);
}

export async function updateMeeting(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof UpdateMeetingInput>) {
  const before = await readableMeeting(deps, ctx, id, 'meetings.write');
  if (before.status === 'published') throw new AppError('meetings.bad_status', { message: '会议纪要已发布，不能再修改' });
  if (input.attendees && before.status !== 'planned') throw new AppError('meetings.bad_status', { message: '会议已召开，参会名单不能再调整' });
  if (input.attachmentFileIds) await checkFiles(deps, ctx, input.attachmentFileIds, JSON.parse(before.attachment_file_ids));
  const tree = await ctx.scope.tree();
  const attendees = input.attendees ? await attendeeRows(deps.db, tree, before.unit_id, id, input.attendees) : null;
  const now = deps.clock.now();
  const patch: Partial<MeetingsTable> = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.startsAt !== undefined && { starts_at: new Date(input.startsAt).toISOString() }),
    ...(input.place !== undefined && { place: input.place }),
    ...(input.agenda !== undefined && { agenda: JSON.stringify(input.agenda) }),
    ...(input.minutes !== undefined && { minutes: input.minutes }),
    ...(input.attachmentFileIds !== undefined && { attachment_file_ids: JSON.stringify(input.attachmentFileIds) }),
  };
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.moveMeeting(trx, id, before.status, { ...patch, updated_at: now.toISOString() });
    if (n !== 1) throw new AppError('conflict');
    if (attendees) {
      await q.deleteAttendees(trx, id);
      await q.insertAttendees(trx, attendees);
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'meetings.updated',
      objectType: 'meeting',
      objectId: id,
      unitId: before.unit_id,
      changes: {
        ...diffFields(before, { ...before, ...patch }, ['title', 'kind', 'starts_at', 'place', 'agenda', 'minutes', 'attachment_file_ids']),
        ...(attendees ? { attendees: { before: null, after: attendees.length } } : {}),
      },
    });
  });
  return getMeeting(deps, ctx, id);
}

/** planned → held → published, each a guarded move with its audit row. */
export async function advanceMeeting(deps: Deps, ctx: Ctx, id: string, to: 'held' | 'published') {
  const m = await readableMeeting(deps, ctx, id, 'meetings.write');
  if (nextMeetingStatus(m.status) !== to) throw new AppError('meetings.bad_status');
  if (to === 'published' && !m.minutes?.trim()) throw new AppError('meetings.minutes_required');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.moveMeeting(trx, id, m.status, {
      status: to,
      updated_at: now.toISOString(),
      ...(to === 'published' && { published_at: now.toISOString() }),
    });
    if (n !== 1) throw new AppError('meetings.bad_status');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: to === 'held' ? 'meetings.held' : 'meetings.minutes_published',
      objectType: 'meeting',
      objectId: id,
      unitId: m.unit_id,
      changes: { status: { before: m.status, after: to } },
    });
  });
  return getMeeting(deps, ctx, id);
}
