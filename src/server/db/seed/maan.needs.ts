import { randomUUID } from 'node:crypto';
import { addDays, chinaDay } from '../../../shared/china-time';
import type { NEEDS_CATEGORIES } from '../../../shared/needs';
import type { Trx } from '../../platform/db';
import type { ActivityPlanAssignmentsTable, ActivityPlanEventsTable, ActivityPlanItemsTable, ActivityPlansTable, NeedsRecordsTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

const METHODS: NeedsRecordsTable['method'][] = ['visit', 'visit', 'survey', 'forum', 'phone', 'other'];
const NEEDS: [category: (typeof NEEDS_CATEGORIES)[number], text: string][] = [
  ['助老助残', '独居老人希望每周有人上门陪护聊天、帮忙代购'],
  ['助老助残', '行动不便，希望有志愿者上门理发'],
  ['关爱儿童', '双职工家庭希望放学后有人辅导作业'],
  ['健康促进', '希望社区组织慢性病用药讲座和义诊'],
  ['法律服务', '咨询赡养纠纷和遗嘱相关法律问题'],
  ['文化惠民', '希望小区广场舞队有固定排练场地和指导老师'],
  ['环境保护', '楼道堆放杂物，希望组织清理和垃圾分类宣传'],
  ['社区治理', '小区停车秩序混乱，希望召开居民议事会'],
  ['教育服务', '老年人希望学习智能手机使用和防诈骗'],
  ['科普宣传', '希望给孩子们开展防溺水、防火安全科普'],
];

/**
 * Ma'an's needs collection (about sixty records over the last three months, a few linked to care
 * recipients, one withdrawn) and two activity plans: last month's (ended: items held through
 * seeded activities, one not held with a reason, some never answered and so overdue) and this
 * quarter's (pending, accepted and scheduled items).
 */
export async function seedNeeds(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const today = chinaDay(now);
  const admins = await trx
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', [p.adminAccountId, ...p.stationAdminIds])
    .execute();
  const nameOf = new Map(admins.map((a) => [a.id, a.display_name]));
  const recipients = await trx.selectFrom('care_recipients').select(['id', 'station_id']).where('station_id', 'in', p.stationIds).execute();
  const records: NeedsRecordsTable[] = [];
  for (let k = 0; k < 60; k++) {
    const si = (k * 7) % p.stationIds.length;
    const stationId = p.stationIds[si];
    const [category, description] = NEEDS[(k * 3 + Math.floor(k / 10)) % NEEDS.length];
    const care = k % 6 === 1 ? recipients.find((r) => r.station_id === stationId) : undefined;
    records.push({
      id: randomUUID(),
      station_id: stationId,
      collected_on: addDays(today, -((k * 37) % 88) - 1),
      method: METHODS[k % METHODS.length],
      place: k % 3 === 0 ? `${['幸福', '和平', '建设', '朝阳'][k % 4]}小区 ${1 + (k % 9)} 栋` : '社区新时代文明实践站',
      collector_id: p.stationAdminIds[si],
      collector_name: nameOf.get(p.stationAdminIds[si]) ?? '站点管理员',
      respondent_name: `${'张王李赵刘陈杨黄'[k % 8]}${['大爷', '阿姨', '女士', '先生'][k % 4]}`,
      respondent_phone: k % 2 === 0 ? `1380000${String(1000 + k).padStart(4, '0')}` : null,
      care_recipient_id: care?.id ?? null,
      category,
      description,
      people: 1 + ((k * 5) % 12),
      created_at: at,
    });
  }
  await trx.insertInto('needs_records').values(records).execute();
  await trx
    .insertInto('needs_withdrawals')
    .values({
      id: randomUUID(),
      record_id: records[3].id,
      reason: '与 10 月走访记录重复',
      by_account: records[3].collector_id,
      by_name: records[3].collector_name,
      created_at: at,
    })
    .execute();
  await seedPlans(trx, now, p, nameOf);
}

async function seedPlans(trx: Trx, now: Date, p: SeedPeople, nameOf: Map<string, string>): Promise<void> {
  const at = now.toISOString();
  const today = chinaDay(now);
  const [y, m] = today.split('-').map(Number);
  const lastMonth = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const lmStart = `${lastMonth.y}-${String(lastMonth.m).padStart(2, '0')}-01`;
  const lmEnd = addDays(`${y}-${String(m).padStart(2, '0')}-01`, -1);
  const q = Math.floor((m - 1) / 3);
  const qStart = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const qEnd = addDays(q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`, -1);
  const plan = (kind: ActivityPlansTable['period_kind'], label: string, start: string, end: string, title: string): ActivityPlansTable => ({
    id: randomUUID(),
    institute_id: p.instituteId,
    period_kind: kind,
    period_label: label,
    period_start: start,
    period_end: end,
    title,
    status: 'published',
    published_at: at,
    published_by: p.adminAccountId,
    created_by: p.adminAccountId,
    created_at: at,
    updated_at: at,
  });
  const monthly = plan('month', `${lastMonth.y}年${lastMonth.m}月`, lmStart, lmEnd, `${lastMonth.m}月新时代文明实践活动计划`);
  const quarterly = plan('quarter', `${y}年第${['一', '二', '三', '四'][q]}季度`, qStart, qEnd, `${y}年第${['一', '二', '三', '四'][q]}季度活动计划`);
  await trx.insertInto('activity_plans').values([monthly, quarterly]).execute();
  const item = (planId: string, seq: number, title: string, category: string, description: string, stationIds: string[] = []): ActivityPlanItemsTable => ({
    id: randomUUID(),
    plan_id: planId,
    seq,
    title,
    programme_id: null,
    category,
    suggested_date: null,
    description,
    all_stations: stationIds.length ? 0 : 1,
    station_ids: JSON.stringify(stationIds),
    created_at: at,
  });
  const mItems = [
    item(monthly.id, 1, '邻里守望志愿服务', '助老助残', '走访独居、空巢老人，开展代购、理发等上门服务'),
    item(monthly.id, 2, '移风易俗主题宣讲', '理论宣讲', '结合村规民约开展移风易俗宣讲'),
  ];
  const qItems = [
    item(quarterly.id, 1, '冬季送温暖', '扶贫济困', '为困难家庭送去过冬物资'),
    item(quarterly.id, 2, '少儿安全科普课堂', '科普宣传', '防火、防溺水、防诈骗安全科普', p.stationIds.slice(0, 10)),
  ];
  await trx
    .insertInto('activity_plan_items')
    .values([...mItems, ...qItems])
    .execute();

  // Activities of each station, to link: held ones of last month, and upcoming ones.
  const acts = await trx
    .selectFrom('activities')
    .select(['id', 'unit_id', 'status', 'starts_at'])
    .where('unit_id', 'in', p.stationIds)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  const used = new Set<string>();
  const pick = (stationId: string, ok: (a: (typeof acts)[number]) => boolean) => {
    const a = acts.find((x) => x.unit_id === stationId && !used.has(x.id) && ok(x));
    if (a) used.add(a.id);
    return a;
  };
  const heldIn = (from: string, to: string) => (a: (typeof acts)[number]) =>
    (a.status === 'ended' || a.status === 'summarised') && chinaDay(a.starts_at) >= from && chinaDay(a.starts_at) <= to;
  const upcoming = (a: (typeof acts)[number]) => a.status === 'published';

  const assignments: ActivityPlanAssignmentsTable[] = [];
  const events: ActivityPlanEventsTable[] = [];
  const add = (
    planId: string,
    itemId: string,
    si: number,
    status: ActivityPlanAssignmentsTable['status'],
    extra: Partial<ActivityPlanAssignmentsTable> = {},
  ) => {
    const row: ActivityPlanAssignmentsTable = {
      id: randomUUID(),
      plan_id: planId,
      item_id: itemId,
      station_id: p.stationIds[si],
      status,
      note: null,
      activity_id: null,
      reason: null,
      created_at: at,
      updated_at: at,
      ...extra,
    };
    assignments.push(row);
    if (status !== 'pending') {
      events.push({
        id: randomUUID(),
        assignment_id: row.id,
        from_status: 'pending',
        to_status: status,
        note: row.reason ?? row.note,
        activity_id: row.activity_id,
        by_account: p.stationAdminIds[si],
        by_name: nameOf.get(p.stationAdminIds[si]) ?? '站点管理员',
        created_at: at,
      });
    }
  };
  for (const [si, stationId] of p.stationIds.entries()) {
    // Last month: most stations held both items; a few never answered (overdue); one explains.
    for (const [ii, it] of mItems.entries()) {
      const held = si % 5 !== 4 ? pick(stationId, heldIn(lmStart, lmEnd)) : undefined;
      if (si === 3 && ii === 1) add(monthly.id, it.id, si, 'not_held', { reason: '宣讲老师临时有事，已调整到下月第一周' });
      else if (held) add(monthly.id, it.id, si, 'linked', { activity_id: held.id, note: '已按计划开展' });
      else if (si % 5 === 4 && ii === 0) add(monthly.id, it.id, si, 'accepted', { note: '已承接，正在联系志愿者' });
      else add(monthly.id, it.id, si, 'pending');
    }
    // This quarter: answers in every state.
    for (const [ii, it] of qItems.entries()) {
      if (ii === 1 && si >= 10) continue;
      const k = (si + ii) % 4;
      const act = k === 2 ? pick(stationId, upcoming) : k === 3 ? pick(stationId, heldIn(qStart, today)) : undefined;
      if (act) add(quarterly.id, it.id, si, 'linked', { activity_id: act.id });
      else if (k === 1 || k === 2) add(quarterly.id, it.id, si, 'accepted', { note: '本站承接' });
      else add(quarterly.id, it.id, si, 'pending');
    }
  }
  await trx.insertInto('activity_plan_assignments').values(assignments).execute();
  if (events.length) await trx.insertInto('activity_plan_events').values(events).execute();
}
