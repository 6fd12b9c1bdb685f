/**
 * 积分 in the demo: every approved service record of the demo earns its points through the same
 * function an approval calls (points.earning's creditApprovedRecord, with the institute's rules), in
 * the order the records were decided; a few station admins' grants and one deduction with reasons.
 */
import { readRules } from '../../platform/scope';
import type { Trx } from '../../platform/db';
import { creditApprovedRecord } from '../../features/points/points.earning';
import { postPoints } from '../../features/points/points.ledger';
import type { SeedPeople } from './maan-volunteers';

const GRANTS = ['社区疫苗接种点引导服务表现突出', '暑期“四点半课堂”连续服务满 20 次', '重阳节敬老活动骨干志愿者', '垃圾分类督导“最美志愿者”'];

export async function seedPoints(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const rules = await readRules(trx, p.instituteId);
  const records = await trx
    .selectFrom('service_records')
    .select(['id', 'volunteer_id', 'unit_id', 'title', 'minutes', 'source', 'corrects_id', 'decided_at', 'entered_at'])
    .where('status', '=', 'approved')
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
  const net = new Map<string, number>();
  for (const r of records) {
    const original = r.source === 'correction' ? r.corrects_id : null;
    if (original) net.set(original, (net.get(original) ?? 0) + Number(r.minutes));
    else net.set(r.id, (net.get(r.id) ?? 0) + Number(r.minutes));
    const rec = {
      recordId: r.id,
      volunteerId: r.volunteer_id,
      unitId: r.unit_id,
      title: r.title,
      minutes: Number(r.minutes),
      correctsRecordId: original,
      netMinutesOfOriginal: original ? (net.get(original) ?? 0) : null,
    };
    await creditApprovedRecord(trx, rec, rules, new Date(r.decided_at ?? r.entered_at));
  }
  // A few manual grants by station admins, and one deduction, so the console shows every kind of movement.
  const holders = await trx
    .selectFrom('point_balances')
    .innerJoin('volunteers', 'volunteers.id', 'point_balances.volunteer_id')
    .select(['volunteers.id', 'volunteers.station_id', 'point_balances.balance'])
    .orderBy('point_balances.balance', 'desc')
    .orderBy('volunteers.id')
    .limit(12)
    .execute();
  for (const [i, h] of holders.entries()) {
    const s = p.stationIds.indexOf(h.station_id);
    const createdBy = s >= 0 ? p.stationAdminIds[s] : p.adminAccountId;
    const at = new Date(now.getTime() - (30 - i) * 86_400_000);
    if (i < GRANTS.length * 2)
      await postPoints(trx, {
        volunteerId: h.id,
        unitId: h.station_id,
        kind: 'grant',
        points: 5 + (i % 3) * 5,
        reason: GRANTS[i % GRANTS.length],
        createdBy,
        at,
      });
    if (i === 3 && Number(h.balance) > 2)
      await postPoints(trx, {
        volunteerId: h.id,
        unitId: h.station_id,
        kind: 'deduct',
        points: -2,
        reason: '报名活动后无故缺席',
        createdBy,
        at: new Date(at.getTime() + 3600_000),
      });
  }
}
