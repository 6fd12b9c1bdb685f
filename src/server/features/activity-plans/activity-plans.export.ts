/** 导出 Excel: a plan's 承接情况 as one row per item and station, every row (not one page); audited. */
import { chinaDay } from '../../../shared/china-time';
import { ASSIGNMENT_STATES } from '../../../shared/activity-plans';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { planMatrix } from './activity-plans.assignments';
import { getPlan } from './activity-plans.plans';

export async function exportPlanMatrix(deps: Deps, ctx: Ctx, planId: string) {
  const plan = await getPlan(deps, ctx, planId);
  const matrix = await planMatrix(deps, ctx, planId, { page: 1, pageSize: EXPORT_MAX_ROWS });
  const cells = matrix.rows.flatMap((r) => r.cells.map((c) => ({ item: r.item, c })));
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: '承接情况',
    title: `${plan.title} 承接情况（导出于 ${chinaMinute(now.toISOString())}，${matrix.rows.length} 个条目、${matrix.stations.length} 个实践站）`,
    columns: [
      { header: '计划条目', width: 30 },
      { header: '类别', width: 12 },
      { header: '建议时间', width: 12 },
      { header: '实践站', width: 28 },
      { header: '承接状态', width: 12 },
      { header: '关联活动', width: 30 },
      { header: '活动时间', width: 18 },
      { header: '说明或未开展原因', width: 30 },
      { header: '逾期', width: 6 },
    ],
    rows: cells.map(({ item, c }) => [
      item.title,
      item.category ?? '',
      item.suggestedDate ?? '',
      c.stationName,
      ASSIGNMENT_STATES[c.state],
      c.activity?.title ?? '',
      chinaMinute(c.activity?.startsAt),
      c.reason ?? c.note ?? '',
      c.overdue ? '是' : '',
    ]),
  });
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activity_plans.exported',
      objectType: 'activity_plan',
      objectId: planId,
      changes: { rows: { before: null, after: cells.length } },
    }),
  );
  return { body, fileName: `${plan.title}-承接情况-${chinaDay(now)}.xlsx` };
}
