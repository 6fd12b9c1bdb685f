import { chinaDay } from '../../../shared/china-time';
import { type AuditWho, appendAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { notify } from '../notifications/notifications.service';
import * as q from './plan.queries';

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/**
 * The clock's part: a 任务分解表 task past its deadline (China day, shared/rules/overdue.ts) and not
 * done tells its owner unit's admins once. The notice is sent by the process whose guarded update
 * set `overdue_notified_at`, so two processes running the tick never send it twice.
 */
export async function tickPlan(deps: Deps): Promise<{ notified: number }> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  let notified = 0;
  for (const t of await q.dueForOverdueNotice(deps.db, chinaDay(now))) {
    await deps.db.transaction().execute(async (trx) => {
      if ((await q.markOverdueNotified(trx, t.id, iso)) !== 1) return;
      for (const admin of await q.unitAdmins(trx, t.unit_id)) {
        await notify(trx, now, admin.person_id, {
          kind: 'plan.task_overdue',
          title: `工作方案任务已逾期：${t.title.slice(0, 40)}`,
          body: `方案条目 ${t.section}，完成时限 ${t.deadline}，请尽快推进并填写进展记录。`,
          link: `/admin/plan?focus=${t.id}`,
        });
      }
      await appendAudit(trx, deps.config.keys.audit, now, SYSTEM, {
        action: 'plan.task_overdue_notified',
        objectType: 'plan_task',
        objectId: t.id,
        unitId: t.unit_id,
        changes: { deadline: { before: null, after: t.deadline } },
      });
      notified++;
    });
  }
  return { notified };
}
