/**
 * The clock's part of the points (rule `points.expiryMonths`, 0 = off): earned points whose day to
 * lapse has come are expired, first in first out — what a volunteer spent, was deducted or already
 * lost is taken from their oldest earnings, so an old entry lapses only for what remains of it.
 *
 * One `expire` entry per earned entry (source = that entry): the unique (kind, source) index means a
 * second process running the tick at the same moment fails its insert and rolls back, never
 * expiring twice. Each volunteer is one transaction, with the balance row locked on PostgreSQL.
 */
import { chinaDay } from '../../../shared/china-time';
import { fifoRemaining } from '../../../shared/rules/points';
import { type AuditWho, appendAudit } from '../../platform/audit';
import type { Trx } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import { balanceOf, postPoints } from './points.ledger';
import * as s from './points.statement.queries';

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/** Expires what is due of one volunteer's earnings on `today`; answers the points expired. */
export async function expireDue(trx: Trx, lock: boolean, volunteerId: string, today: string, at: Date): Promise<number> {
  await s.lockBalance(trx, volunteerId, lock);
  const earned = await s.earnedNets(trx, volunteerId);
  const remaining = fifoRemaining(
    await balanceOf(trx, volunteerId),
    earned.map((e) => Number(e.points) + Number(e.corrected ?? 0)),
  );
  let expired = 0;
  for (const [i, e] of earned.entries()) {
    if (!e.expires_on || e.expires_on > today || remaining[i] <= 0) continue;
    if (await s.entryBySource(trx, 'expire', 'point_entry', e.id)) continue;
    await postPoints(trx, {
      volunteerId,
      unitId: e.unit_id,
      kind: 'expire',
      points: -remaining[i],
      sourceType: 'point_entry',
      sourceId: e.id,
      reason: `${e.created_at.slice(0, 10)} 获得的积分于 ${e.expires_on} 到期，未使用的 ${remaining[i]} 分过期`,
      createdBy: null,
      at,
    });
    expired += remaining[i];
  }
  return expired;
}

export async function tickPoints(deps: Deps): Promise<{ volunteers: number; expired: number }> {
  const now = deps.clock.now();
  const today = chinaDay(now);
  const due = await s.dueToExpire(deps.db, today);
  let volunteers = 0;
  let expired = 0;
  for (const volunteerId of new Set(due.map((d) => d.volunteer_id))) {
    const n = await deps.db.transaction().execute(async (trx) => {
      const points = await expireDue(trx, deps.dialect === 'postgres', volunteerId, today, now);
      if (points > 0)
        await appendAudit(trx, deps.config.keys.audit, now, SYSTEM, {
          action: 'points.expired',
          objectType: 'volunteer',
          objectId: volunteerId,
          unitId: null,
          changes: { points: { before: null, after: -points } },
        });
      return points;
    });
    if (n > 0) volunteers++;
    expired += n;
  }
  return { volunteers, expired };
}
