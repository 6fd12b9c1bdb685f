/** 导出 Excel: the task table (附件2 任务分解表) with the list's filters, every row (not one page); audited. */
import type { z } from 'zod';
import { chinaDay } from '../../../shared/china-time';
import type { TaskExportQuery } from '../../../shared/plan';
import { TASK_STATUSES } from '../../../shared/rules/plan-flow';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { listTasks } from './plan.tasks';

export async function exportTasks(deps: Deps, ctx: Ctx, query: z.infer<typeof TaskExportQuery>) {
  const { items } = await listTasks(deps, ctx, { ...query, page: 1, pageSize: EXPORT_MAX_ROWS });
  const now = deps.clock.now();
  const body = await writeSimpleSheet({
    sheetName: '任务分解表',
    title: `工作方案任务分解表（导出于 ${chinaMinute(now.toISOString())}，共 ${items.length} 项）`,
    columns: [
      { header: '方案条目', width: 12 },
      { header: '任务', width: 36 },
      { header: '具体内容', width: 40 },
      { header: '责任单位', width: 28 },
      { header: '责任人', width: 12 },
      { header: '完成时限', width: 12 },
      { header: '状态', width: 10 },
      { header: '逾期', width: 6 },
      { header: '进展记录（条）', width: 14 },
      { header: '完成时间', width: 18 },
    ],
    rows: items.map((t) => [
      t.section,
      t.title,
      t.detail ?? '',
      t.unitName,
      t.leadName,
      t.deadline,
      TASK_STATUSES[t.status],
      t.overdue ? '是' : '',
      t.noteCount,
      chinaMinute(t.doneAt),
    ]),
  });
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'plan.exported',
      objectType: 'plan_task_list',
      unitId: query.unitId ?? null,
      changes: { filters: { before: null, after: query }, rows: { before: null, after: items.length } },
    }),
  );
  return { body, fileName: `任务分解表-${chinaDay(now)}.xlsx` };
}
