/** 导出 Excel: the star list and hours by volunteer, with the pages' filters, every row; audited. */
import { chinaDay } from '../../../shared/china-time';
import { type HoursExportQuery, RECORD_SOURCES, RECORD_STATUSES } from '../../../shared/hours';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { listRecords } from './hours.records';
import { recognitionList } from './hours.stars';

async function audited(deps: Deps, ctx: Ctx, objectType: string, filters: object, rows: number) {
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'hours.exported',
      objectType,
      changes: { filters: { before: null, after: filters }, rows: { before: null, after: rows } },
    }),
  );
}

export async function exportStarList(deps: Deps, ctx: Ctx, query: { level?: number }) {
  const { items } = await recognitionList(deps, ctx, { page: 1, pageSize: EXPORT_MAX_ROWS });
  const rows = items.filter((r) => query.level === undefined || r.level === query.level);
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: '星级表彰名单',
    title: `星级表彰名单${query.level ? `（${rows[0]?.levelName ?? `${query.level} 星`}）` : ''}（导出于 ${chinaMinute(now.toISOString())}，共 ${rows.length} 人次）`,
    columns: [
      { header: '志愿者', width: 12 },
      { header: '志愿者编号', width: 18 },
      { header: '实践站', width: 30 },
      { header: '达到星级', width: 10 },
      { header: '晋升时累计认定时长（小时）', width: 16 },
      { header: '晋升时间', width: 18 },
    ],
    rows: rows.map((r) => [r.name, r.volunteerNo ?? '', r.stationName, r.levelName, r.hours, chinaMinute(r.at)]),
  });
  await audited(deps, ctx, 'star_list', query, rows.length);
  return { body, fileName: `星级表彰名单-${chinaDay(now)}.xlsx` };
}

interface PerVolunteer {
  name: string;
  no: string;
  records: number;
  approved: number;
  pending: number;
  rejected: number;
}

/** Hours per volunteer over the records the hours list shows with these filters: one row per volunteer. */
export async function exportHoursByVolunteer(deps: Deps, ctx: Ctx, query: HoursExportQuery) {
  const { items } = await listRecords(deps, ctx, { ...query, page: 1, pageSize: EXPORT_MAX_ROWS });
  const byVolunteer = new Map<string, PerVolunteer>();
  for (const r of items) {
    const v = byVolunteer.get(r.volunteerId) ?? { name: r.volunteerName, no: r.volunteerNo ?? '', records: 0, approved: 0, pending: 0, rejected: 0 };
    v.records += 1;
    v[r.status] += r.hours;
    byVolunteer.set(r.volunteerId, v);
  }
  const tenth = (h: number) => Math.round(h * 10) / 10;
  const rows = [...byVolunteer.values()].sort((a, b) => b.approved - a.approved || a.name.localeCompare(b.name, 'zh-CN'));
  const filters = [
    query.status ? RECORD_STATUSES[query.status] : '',
    query.source ? RECORD_SOURCES[query.source] : '',
    query.from || query.to ? `${query.from ?? '…'} 至 ${query.to ?? '…'}` : '',
  ].filter(Boolean);
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: '按志愿者汇总时长',
    title: `服务时长按志愿者汇总${filters.length ? `（${filters.join('，')}）` : ''}（导出于 ${chinaMinute(now.toISOString())}，共 ${rows.length} 人）`,
    columns: [
      { header: '志愿者', width: 12 },
      { header: '志愿者编号', width: 18 },
      { header: '记录条数', width: 10 },
      { header: '已认定（小时）', width: 14 },
      { header: '待审核（小时）', width: 14 },
      { header: '未通过（小时）', width: 14 },
    ],
    rows: rows.map((v) => [v.name, v.no, v.records, tenth(v.approved), tenth(v.pending), tenth(v.rejected)]),
  });
  await audited(deps, ctx, 'hours_by_volunteer', query, rows.length);
  return { body, fileName: `服务时长按志愿者汇总-${chinaDay(now)}.xlsx` };
}
