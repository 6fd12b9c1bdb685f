import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import type { FollowUpInput, ResolutionInput, ResolutionListQuery } from '../../../shared/meetings';
import { canMoveResolution, isClosedResolution } from '../../../shared/rules/meeting-flow';
import type { MeetingResolutionsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { presentFollowUp, presentResolution } from './meetings.presenter';
import * as q from './meetings.queries';
import { readableMeeting } from './meetings.service';

/** 议定事项 are recorded once the meeting has been held, owned by the institute or one of its stations. */
export async function addResolution(deps: Deps, ctx: Ctx, meetingId: string, input: z.infer<typeof ResolutionInput>) {
  const m = await readableMeeting(deps, ctx, meetingId, 'meetings.write');
  if (m.status !== 'held')
    throw new AppError('meetings.bad_status', { message: m.status === 'planned' ? '会议召开后才能记录议定事项' : '会议纪要已发布，不能再添加议定事项' });
  const tree = await ctx.scope.tree();
  const owner = tree.nodes.get(input.ownerUnitId);
  if (!owner || owner.kind === 'district' || tree.instituteOf(input.ownerUnitId) !== m.unit_id) throw new AppError('meetings.bad_owner');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const row: MeetingResolutionsTable = {
      id,
      meeting_id: meetingId,
      owner_unit_id: input.ownerUnitId,
      content: input.content,
      deadline: input.deadline,
      status: 'open',
      cancel_reason: null,
      overdue_notified_at: null,
      closed_at: null,
      sort: await q.nextResolutionSort(trx, meetingId),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await q.insertResolution(trx, row);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'meetings.resolution_added',
      objectType: 'resolution',
      objectId: id,
      unitId: input.ownerUnitId,
      changes: {
        content: { before: null, after: input.content },
        deadline: { before: null, after: input.deadline },
        meeting: { before: null, after: meetingId },
      },
    });
  });
  const r = await q.getResolution(deps.db, id);
  if (!r) throw notFound();
  return presentResolution(r, now);
}

/** The board: what the caller's units own (and, for the institute, everything its meetings decided). */
export async function listResolutions(deps: Deps, ctx: Ctx, query: z.infer<typeof ResolutionListQuery>) {
  const units = await ctx.scope.units('meetings.read');
  const now = deps.clock.now();
  const today = chinaDay(now);
  const { rows, total } = await q.listResolutions(deps.db, {
    unitIds: [...units],
    ownerUnitId: query.ownerUnitId,
    status: query.status,
    openOnly: query.state === 'open',
    overdueBefore: query.overdue === 'true' ? today : undefined,
    notOverdueBefore: query.overdue === 'false' ? today : undefined,
    meetingId: query.meetingId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map((r) => presentResolution(r, now)), total, page: query.page, pageSize: query.pageSize };
}

async function detailOf(deps: Deps, r: q.ResolutionRow) {
  const notes = await q.followUpsOf(deps.db, [r.id]);
  return { ...presentResolution(r, deps.clock.now()), notes: notes.map(presentFollowUp) };
}

export async function getResolution(deps: Deps, ctx: Ctx, id: string) {
  const r = await q.getResolution(deps.db, id);
  if (!r) throw notFound();
  // The owner unit's staff, and everyone above it (the institute, the district).
  await ctx.scope.require('meetings.read', r.owner_unit_id);
  return detailOf(deps, r);
}

/** A follow-up note (append-only), optionally moving the status; cancelling needs a reason. */
export async function followUp(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof FollowUpInput>) {
  const r = await q.getResolution(deps.db, id);
  if (!r) throw notFound();
  // The owner station's admins and the institute's; another station's admins get 404.
  await ctx.scope.require('meetings.follow_up', r.owner_unit_id);
  if (isClosedResolution(r.status)) throw new AppError('meetings.resolution_closed');
  const to = input.status && input.status !== r.status ? input.status : null;
  if (to && !canMoveResolution(r.status, to)) throw new AppError('meetings.bad_transition');
  if (to === 'cancelled' && !input.cancelReason) throw new AppError('meetings.reason_required', { message: '取消议定事项须说明原因' });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Guarded on the status we read: a parallel close makes this one a conflict, not a note on a closed item.
    const n = await q.moveResolution(trx, id, r.status, {
      updated_at: now.toISOString(),
      ...(to && { status: to }),
      ...(to === 'cancelled' && { cancel_reason: input.cancelReason ?? null }),
      ...(to && isClosedResolution(to) && { closed_at: now.toISOString() }),
    });
    if (n !== 1) throw new AppError('conflict');
    await q.insertFollowUp(trx, {
      id: randomUUID(),
      resolution_id: id,
      // After the guarded update above: on PostgreSQL its row lock orders parallel follow-ups.
      seq: await q.nextFollowUpSeq(trx, id),
      note: input.note,
      status_from: to ? r.status : null,
      status_to: to,
      by_account: ctx.actor.accountId,
      by_name: ctx.actor.displayName,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'meetings.resolution_followed_up',
      objectType: 'resolution',
      objectId: id,
      unitId: r.owner_unit_id,
      changes: {
        note: { before: null, after: input.note },
        ...(to ? { status: { before: r.status, after: to } } : {}),
        ...(to === 'cancelled' ? { cancelReason: { before: null, after: input.cancelReason } } : {}),
      },
    });
  });
  const after = await q.getResolution(deps.db, id);
  if (!after) throw notFound();
  return detailOf(deps, after);
}
