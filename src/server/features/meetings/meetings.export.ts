/** 导出 Excel: the meetings list and the resolutions board, with the list's filters, every row (not one page); audited. */
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import type { MeetingExportQuery, ResolutionExportQuery } from '../../../shared/meetings';
import { MEETING_KINDS, MEETING_STATUSES, RESOLUTION_STATUSES } from '../../../shared/rules/meeting-flow';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { presentListItem, presentResolution } from './meetings.presenter';
import * as q from './meetings.queries';

async function audited(deps: Deps, ctx: Ctx, objectType: string, filters: object, rows: number) {
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'meetings.exported',
      objectType,
      changes: { filters: { before: null, after: filters }, rows: { before: null, after: rows } },
    }),
  );
}

export async function exportMeetings(deps: Deps, ctx: Ctx, query: z.infer<typeof MeetingExportQuery>) {
  const units = await ctx.scope.units('meetings.read');
  const { rows } = await q.listMeetings(deps.db, { unitIds: [...units], status: query.status, kind: query.kind, offset: 0, limit: EXPORT_MAX_ROWS });
  const items = rows.map(presentListItem);
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: '会议',
    title: `会议列表（导出于 ${chinaMinute(now.toISOString())}，共 ${items.length} 条）`,
    columns: [
      { header: '时间', width: 18 },
      { header: '单位', width: 28 },
      { header: '会议', width: 32 },
      { header: '类型', width: 10 },
      { header: '地点', width: 24 },
      { header: '状态', width: 12 },
      { header: '应到', width: 8 },
      { header: '实到', width: 8 },
      { header: '议定事项', width: 10 },
    ],
    rows: items.map((m) => [
      chinaMinute(m.startsAt),
      m.unitName,
      m.title,
      MEETING_KINDS[m.kind],
      m.place,
      MEETING_STATUSES[m.status],
      m.attendeeCount,
      m.presentCount,
      m.resolutionCount,
    ]),
  });
  await audited(deps, ctx, 'meeting_list', query, items.length);
  return { body, fileName: `会议列表-${chinaDay(now)}.xlsx` };
}

export async function exportResolutions(deps: Deps, ctx: Ctx, query: z.infer<typeof ResolutionExportQuery>) {
  const units = await ctx.scope.units('meetings.read');
  const now = deps.clock.now();
  const today = chinaDay(now);
  const { rows } = await q.listResolutions(deps.db, {
    unitIds: [...units],
    ownerUnitId: query.ownerUnitId,
    status: query.status,
    openOnly: query.state === 'open',
    overdueBefore: query.overdue === 'true' ? today : undefined,
    notOverdueBefore: query.overdue === 'false' ? today : undefined,
    meetingId: query.meetingId,
    offset: 0,
    limit: EXPORT_MAX_ROWS,
  });
  const items = rows.map((r) => presentResolution(r, now));
  const body = await writeSimpleSheet({
    sheetName: '议定事项督办',
    title: `议定事项督办（导出于 ${chinaMinute(now.toISOString())}，共 ${items.length} 条）`,
    columns: [
      { header: '议定事项', width: 40 },
      { header: '承办单位', width: 28 },
      { header: '完成期限', width: 12 },
      { header: '状态', width: 10 },
      { header: '逾期', width: 6 },
      { header: '会议', width: 28 },
      { header: '会议时间', width: 18 },
      { header: '跟进记录（条）', width: 14 },
      { header: '办结时间', width: 18 },
      { header: '取消原因', width: 24 },
    ],
    rows: items.map((r) => [
      r.content,
      r.ownerUnitName,
      r.deadline,
      RESOLUTION_STATUSES[r.status],
      r.overdue ? '是' : '',
      r.meetingTitle,
      chinaMinute(r.meetingStartsAt),
      r.noteCount,
      chinaMinute(r.closedAt),
      r.cancelReason ?? '',
    ]),
  });
  await audited(deps, ctx, 'resolution_list', query, items.length);
  return { body, fileName: `议定事项督办-${today}.xlsx` };
}
