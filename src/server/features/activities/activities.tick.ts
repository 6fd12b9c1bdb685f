import type { AuditWho } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { unitTreeOf } from '../../platform/scope';
import { notify } from '../notifications/notifications.service';
import { closeActivity } from './activities.closing';
import * as q from './activities.queries';

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/** What the clock moves: starts, ends (with hours), and the day-before reminders. Safe to run in every process. */
export async function tick(deps: Deps): Promise<{ started: number; ended: number; reminded: number }> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  let started = 0;
  let ended = 0;
  for (const a of await q.dueToStart(deps.db, iso))
    started += await q.moveStatus(deps.db, a.id, ['published', 'full'], { status: 'in_progress', updated_at: iso });
  const due = await q.dueToEnd(deps.db, iso);
  if (due.length) {
    const tree = await unitTreeOf(deps.db);
    for (const a of due) {
      try {
        await deps.db.transaction().execute((trx) => closeActivity(deps, trx, tree, a.id, now, SYSTEM));
        ended++;
      } catch (err) {
        // Another process closed it first: a guarded move, not an error.
        if (!(err instanceof AppError)) throw err;
      }
    }
  }
  const remind = await q.dueForReminder(deps.db, iso, new Date(now.getTime() + 24 * 3600_000).toISOString());
  for (const r of remind) {
    await deps.db.transaction().execute(async (trx) => {
      const n = await q.updateSignup(trx, r.id, ['confirmed'], { reminded_at: iso });
      if (n === 1)
        await notify(trx, now, r.person_id, {
          kind: 'activities.reminder',
          title: `明天有活动：${r.title}`,
          body: `开始时间 ${new Date(r.starts_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
          link: `/m/activities/${r.activity_id}`,
        });
    });
  }
  return { started, ended, reminded: remind.length };
}
