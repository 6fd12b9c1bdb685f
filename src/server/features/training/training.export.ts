/** 导出 Excel: the sessions list and the year's coverage table, with the lists' filters, every row; audited. */
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import { TRAINING_STATUSES, type CoverageDetailQuery, type TrainingExportQuery } from '../../../shared/training';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { listCoverage } from './training.coverage';
import { listSessions } from './training.service';

const UNIT_KINDS = { district: '区中心', institute: '实践所', station: '实践站' } as const;

async function audited(deps: Deps, ctx: Ctx, objectType: string, filters: object, rows: number) {
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'training.exported',
      objectType,
      changes: { filters: { before: null, after: filters }, rows: { before: null, after: rows } },
    }),
  );
}

export async function exportSessions(deps: Deps, ctx: Ctx, query: z.infer<typeof TrainingExportQuery>) {
  const { items } = await listSessions(deps, ctx, { ...query, page: 1, pageSize: EXPORT_MAX_ROWS });
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: '培训',
    title: `培训列表（导出于 ${chinaMinute(now.toISOString())}，共 ${items.length} 条）`,
    columns: [
      { header: '时间', width: 18 },
      { header: '举办单位', width: 28 },
      { header: '主题', width: 30 },
      { header: '授课人', width: 12 },
      { header: '学时', width: 8 },
      { header: '地点', width: 24 },
      { header: '状态', width: 10 },
      { header: '出席人数', width: 10 },
      { header: '培训材料（份）', width: 14 },
    ],
    rows: items.map((s) => [
      chinaMinute(s.startsAt),
      s.unitName,
      s.topic,
      s.trainer,
      s.hours,
      s.place,
      TRAINING_STATUSES[s.status],
      s.presentCount,
      s.materialFileIds.length,
    ]),
  });
  await audited(deps, ctx, 'training_list', query, items.length);
  return { body, fileName: `培训列表-${chinaDay(now)}.xlsx` };
}

export async function exportCoverage(deps: Deps, ctx: Ctx, query: z.infer<typeof CoverageDetailQuery>) {
  const { items } = await listCoverage(deps, ctx, { year: query.year, page: 1, pageSize: EXPORT_MAX_ROWS });
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: `${query.year}年培训覆盖`,
    title: `${query.year}年业务培训覆盖情况（导出于 ${chinaMinute(now.toISOString())}）`,
    columns: [
      { header: '单位', width: 30 },
      { header: '类型', width: 10 },
      { header: '工作人员', width: 10 },
      { header: '已参训', width: 10 },
      { header: '覆盖率（%）', width: 12 },
      { header: '无人参训', width: 10 },
    ],
    rows: items.map((r) => [r.unitName, UNIT_KINDS[r.unitKind], r.staffCount, r.trainedCount, r.percent, r.nobodyTrained ? '是' : '']),
  });
  await audited(deps, ctx, 'training_coverage', query, items.length);
  return { body, fileName: `${query.year}年培训覆盖情况.xlsx` };
}
