import { chinaDay } from '../../../shared/china-time';
import { type AuditWho, appendAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { notify } from '../notifications/notifications.service';
import * as q from './meetings.queries';

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/**
 * The clock's part: a resolution past its deadline (China day) and not closed tells its owner
 * unit's admins once. The notice is sent by the process whose guarded update set
 * `overdue_notified_at`, so two processes running the tick never send it twice.
 */
export async function tickMeetings(deps: Deps): Promise<{ notified: number }> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  let notified = 0;
  for (const r of await q.dueForOverdueNotice(deps.db, chinaDay(now))) {
    await deps.db.transaction().execute(async (trx) => {
      if ((await q.markOverdueNotified(trx, r.id, iso)) !== 1) return;
      for (const admin of await q.unitAdmins(trx, r.owner_unit_id)) {
        await notify(trx, now, admin.person_id, {
          kind: 'meetings.resolution_overdue',
          title: `议定事项已逾期：${r.content.slice(0, 40)}`,
          body: `${r.meeting_title} 议定，期限 ${r.deadline}，请尽快办理并填写跟进记录。`,
          link: `/admin/resolutions?focus=${r.id}`,
        });
      }
      await appendAudit(trx, deps.config.keys.audit, now, SYSTEM, {
        action: 'meetings.resolution_overdue_notified',
        objectType: 'resolution',
        objectId: r.id,
        unitId: r.owner_unit_id,
        changes: { deadline: { before: null, after: r.deadline } },
      });
      notified++;
    });
  }
  return { notified };
}
