import { appendAudit, type AuditWho } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { cachedRules, unitTreeOf } from '../../platform/scope';
import { notify } from '../notifications/notifications.service';
import { creditGoodRating } from '../points/points.earning';
import { recordEvent } from './orders.events';
import * as q from './orders.queries';

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/** The clock's part: an order not taken within its SLA goes up to the institute; a completed one unrated for N days gets the default rating. */
export async function tickOrders(deps: Deps): Promise<{ escalated: number; defaultRated: number }> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const tree = await unitTreeOf(deps.db);
  let escalated = 0;
  for (const { id } of await q.dueForEscalation(deps.db, iso)) {
    const o = await q.getOrder(deps.db, id);
    if (!o) continue;
    const inst = tree.instituteOf(o.unit_id);
    if (!inst) continue;
    const rules = await cachedRules(deps.db, inst);
    await deps.db.transaction().execute(async (trx) => {
      const n = await q.escalateOrder(trx, id, {
        target_type: 'institute',
        target_id: inst,
        sla_due_at: new Date(now.getTime() + rules['orders.defaultSlaHours'] * 3600_000).toISOString(),
        updated_at: iso,
      });
      if (n !== 1) return;
      await recordEvent(trx, id, now, 'system', { accountId: null, name: '系统' }, 'escalate', 'dispatched', 'dispatched', '超过接单时限，上报实践所');
      for (const admin of [...(await q.unitAdmins(trx, inst)), ...(await q.unitAdmins(trx, o.unit_id))]) {
        await notify(trx, now, admin.person_id, {
          kind: 'orders.escalated',
          title: `需求单超时未接，已上报实践所：${o.title}`,
          body: `单号 ${o.number}`,
          link: `/admin/orders/${id}`,
        });
      }
      await appendAudit(trx, deps.config.keys.audit, now, SYSTEM, {
        action: 'orders.escalate',
        objectType: 'order',
        objectId: id,
        unitId: o.unit_id,
        changes: { target: { before: `${o.target_type}:${o.target_id}`, after: `institute:${inst}` } },
      });
      escalated++;
    });
  }
  let defaultRated = 0;
  const institutes = [...tree.nodes.values()].filter((n) => n.kind === 'institute');
  for (const inst of institutes) {
    const rules = await cachedRules(deps.db, inst.id);
    const days = rules['orders.defaultRatingDays'];
    for (const o of await q.dueForDefaultRating(deps.db, new Date(now.getTime() - days * 86_400_000).toISOString())) {
      if (tree.instituteOf(o.unit_id) !== inst.id) continue;
      await deps.db.transaction().execute(async (trx) => {
        const n = await q.moveOrder(trx, o.id, ['completed'], {
          status: 'rated',
          rating: 5,
          rating_comment: '超过评价期限，默认好评',
          rated_by: 'system',
          rated_at: iso,
          updated_at: iso,
        });
        if (n !== 1) return;
        await recordEvent(trx, o.id, now, 'system', { accountId: null, name: '系统' }, 'rate', 'completed', 'rated', `${days} 天未评价，默认好评`);
        await creditGoodRating(trx, { orderId: o.id, orderNumber: o.number, volunteerId: o.accepted_volunteer_id, unitId: o.unit_id, rating: 5 }, rules, now);
        defaultRated++;
      });
    }
  }
  return { escalated, defaultRated };
}
