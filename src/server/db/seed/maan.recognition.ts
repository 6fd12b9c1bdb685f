import { randomUUID } from 'node:crypto';
import { addDays, chinaDay } from '../../../shared/china-time';
import type { Trx } from '../../platform/db';
import type { RecognitionAwardsTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

const AWARDS: [title: string, level: string, grantedBy: string, reason: string][] = [
  ['优秀志愿者', '街道级', '马鞍街道办事处', '长期参与助老服务，每周上门陪护独居老人，表现突出。'],
  ['最美志愿者', '区级', '区文明办', '在防汛救灾志愿服务中冲锋在前，事迹感人。'],
  ['五星志愿者', '街道级', '马鞍街道新时代文明实践所', '累计服务时长超过 1500 小时。'],
  ['优秀志愿者', '街道级', '马鞍街道办事处', '热心理论宣讲，走进小区开展宣讲二十余场。'],
  ['助老服务之星', '社区级', '马鞍社区新时代文明实践站', '组织邻里互助，帮助高龄老人代购代办。'],
  ['优秀志愿者', '市级', '市志愿服务联合会', '连续三年参与文明城市创建志愿服务。'],
];

/**
 * Ma'an's 表彰 and 礼遇: awards to the first demo volunteers over the year (also on their service
 * record), two teams, one revoked award, the institute's benefits catalogue, and public-list
 * consents for some (masked, full name, one withdrawn).
 */
export async function seedRecognition(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const today = chinaDay(now);
  const year = today.slice(0, 4);
  // volunteer01 first: the demo account a visitor signs in with sees an award on their phone.
  const order = p.volunteerPersonIds.slice(0, 8);
  const vols = (
    await trx
      .selectFrom('volunteers')
      .innerJoin('people', 'people.id', 'volunteers.person_id')
      .select(['volunteers.id', 'volunteers.station_id', 'volunteers.person_id', 'people.name'])
      .where('volunteers.person_id', 'in', order)
      .execute()
  ).sort((a, b) => order.indexOf(a.person_id) - order.indexOf(b.person_id));
  const teams = await trx.selectFrom('teams').select(['id', 'unit_id', 'name']).where('unit_id', '=', p.instituteId).orderBy('name').limit(2).execute();
  const day = (k: number) => {
    const d = addDays(today, -20 - k * 37);
    return d.startsWith(year) ? d : `${year}-01-${String(10 + k).padStart(2, '0')}`;
  };
  const rows: RecognitionAwardsTable[] = [];
  const number = (k: number) => `BZ${year}-DEMO${String(k).padStart(4, '0')}`;
  vols.slice(0, AWARDS.length).forEach((v, k) => {
    const [title, level, grantedBy, reason] = AWARDS[k];
    rows.push({
      id: randomUUID(),
      number: number(k + 1),
      recipient_kind: 'volunteer',
      volunteer_id: v.id,
      team_id: null,
      unit_id: v.station_id,
      recipient_name: v.name,
      title,
      level,
      granted_by: grantedBy,
      awarded_on: day(k),
      reason,
      created_by: p.adminAccountId,
      created_at: at,
    });
  });
  teams.forEach((t, k) => {
    rows.push({
      id: randomUUID(),
      number: number(50 + k),
      recipient_kind: 'team',
      volunteer_id: null,
      team_id: t.id,
      unit_id: t.unit_id,
      recipient_name: t.name,
      title: k === 0 ? '优秀志愿服务队伍' : '最佳志愿服务项目团队',
      level: k === 0 ? '区级' : '街道级',
      granted_by: k === 0 ? '区文明办' : '马鞍街道办事处',
      awarded_on: day(k + 1),
      reason: k === 0 ? '常年开展志愿服务，群众满意度高。' : '服务项目扎实，受益群众广泛。',
      created_by: p.adminAccountId,
      created_at: at,
    });
  });
  if (rows.length === 0) return;
  await trx.insertInto('recognition_awards').values(rows).execute();
  // The volunteers' awards also stand on their service record (办法 第九条), as the API writes them.
  const onRecord = rows.filter((r) => r.volunteer_id);
  await trx
    .insertInto('awards')
    .values(
      onRecord.map((r) => ({
        id: randomUUID(),
        volunteer_id: r.volunteer_id as string,
        name: r.title,
        level: r.level,
        issuer: r.granted_by,
        awarded_on: r.awarded_on,
        entered_by: p.adminAccountId,
        created_at: at,
      })),
    )
    .execute();
  // One entered twice by mistake and revoked.
  const dup = rows[3];
  if (dup) {
    await trx
      .insertInto('recognition_revocations')
      .values({ id: randomUUID(), award_id: dup.id, reason: '重复录入', revoked_by: p.adminAccountId, revoked_at: at })
      .execute();
  }

  const consents: ['masked' | 'full_name' | 'withdrawn', boolean, string | null][] = [
    ['full_name', true, null],
    ['masked', true, null],
    ['masked', false, '本人签署书面同意书'],
    ['withdrawn', true, null],
    ['masked', true, null],
  ];
  await trx
    .insertInto('recognition_consents')
    .values(
      vols.slice(0, consents.length).map((v, k) => ({
        id: randomUUID(),
        volunteer_id: v.id,
        status: consents[k][0],
        by_self: consents[k][1] ? 1 : 0,
        note: consents[k][2],
        recorded_by: p.adminAccountId,
        at,
      })),
    )
    .execute();

  const benefits: [title: string, description: string, provider: string, minLevel: number][] = [
    ['优先服务', '在实践所、实践站办事和参加活动报名时优先安排。', '马鞍街道新时代文明实践所', 1],
    ['免费参观', '凭志愿者证免费参观区博物馆、科技馆。', '区文化馆', 2],
    ['爱心商家九折', '在爱心商家消费享受九折优惠。', '马鞍爱心商家联盟', 3],
    ['免费体检', '每年一次免费健康体检。', '马鞍社区卫生服务中心', 4],
    ['年度表彰推荐', '优先推荐参加区级、市级志愿者表彰评选。', '马鞍街道办事处', 5],
  ];
  await trx
    .insertInto('recognition_benefits')
    .values(
      benefits.map(([title, description, provider, minLevel]) => ({
        id: randomUUID(),
        unit_id: p.instituteId,
        title,
        description,
        provider,
        min_level: minLevel,
        valid_from: null,
        valid_to: minLevel === 3 ? `${year}-12-31` : null,
        active: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}
