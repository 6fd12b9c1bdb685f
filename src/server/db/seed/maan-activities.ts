import { chinaDay, chinaDayStart } from '../../../shared/china-time';
import { randomInt, randomUUID } from 'node:crypto';
import { creditFor } from '../../../shared/rules/attendance';

import { PLAN_PROGRAMMES } from '../../../shared/programmes';
import type { Trx } from '../../platform/db';
import type { ActivitiesTable, CheckinsTable, PositionsTable, ServiceRecordsTable, SignupsTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VENUES: { kind: string; name: string; address: string; rooms: [string, number][]; hours: string }[] = [
  {
    kind: 'theory',
    name: '马鞍街道道德讲堂',
    address: '龙井湖小区文明实践所二楼',
    rooms: [
      ['道德讲堂', 80],
      ['党员活动室', 30],
    ],
    hours: '周一至周五 9:00–17:30',
  },
  {
    kind: 'education',
    name: '青少年之家·儿童之家',
    address: '龙井湖小区文明实践所一楼',
    rooms: [
      ['四点半课堂', 30],
      ['阅览室', 24],
    ],
    hours: '周一至周五 14:00–18:30，周末 9:00–17:00',
  },
  {
    kind: 'culture',
    name: '街道综合文化服务中心',
    address: '马鞍大道 88 号',
    rooms: [
      ['多功能厅', 150],
      ['书画室', 20],
      ['排练厅', 40],
    ],
    hours: '每天 9:00–21:00',
  },
  { kind: 'civility', name: '金银社区乡村振兴示范点', address: '金银路 18 号', rooms: [['志愿服务站', 20]], hours: '周一至周六 8:30–17:30' },
  {
    kind: 'health_sports',
    name: '街道养老服务中心',
    address: '太极大道 205 号',
    rooms: [
      ['日间照料室', 25],
      ['健康小屋', 10],
    ],
    hours: '每天 8:00–18:00',
  },
  { kind: 'health_sports', name: '铜鼓湖公园文化健身广场', address: '铜鼓湖公园东门', rooms: [], hours: '全天开放' },
  { kind: 'culture', name: '龟陵城遗址景区', address: '龟陵城', rooms: [], hours: '9:00–17:00' },
];

const PLANS: [string, string, number][] = [
  ['理论讲习所', '政策微宣讲：身边的惠民政策', 2],
  ['温暖润童心', '四点半课堂：作业辅导与阅读', 2],
  ['共享邻里情', '敬老助老：空巢老人上门探访', 3],
  ['共享邻里情', '义诊体检进社区', 3],
  ['心阅书香', '亲子共读与图书整理', 2],
  ['文明城区大家创', '楼道清理与文明劝导', 2],
  ['关爱半边天', '妇女健康知识讲座服务', 2],
  ['我们的舞台·我们的风采', '坝坝舞展演秩序服务', 3],
  ['双创加油站', '家政技能培训协助', 3],
  ['文明新风沁民心', '“十星文明户”评选入户宣传', 2],
];

/** Programmes, brands, venues with rooms, and 200+ activities around today with sign-ups, attendance and hours. */
export async function seedActivities(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const rand = rng(19491001);
  const at = now.toISOString();
  const programmes = PLAN_PROGRAMMES.map((pr, i) => ({
    id: randomUUID(),
    unit_id: p.instituteId,
    block: pr.block,
    name: pr.name,
    intro: pr.intro,
    sort: i + 1,
    archived: 0,
    created_at: at,
    updated_at: at,
  }));
  await trx.insertInto('programmes').values(programmes).execute();
  const byName = new Map(programmes.map((x) => [x.name, x.id]));
  await trx
    .insertInto('brands')
    .values({
      unit_id: p.instituteId,
      name: '“马鞍文明实践·邻里守望”',
      intro: '以“共享邻里情”为主线，统筹 20 个社区的志愿服务小队，打造“一所一品”。',
      photo_file_ids: '[]',
      programme_id: byName.get('共享邻里情') ?? null,
      updated_at: at,
      updated_by: p.adminAccountId,
    })
    .execute();
  const stations = await trx
    .selectFrom('units')
    .select(['id', 'short_name', 'address', 'lng', 'lat'])
    .where('id', 'in', p.stationIds)
    .orderBy('sort')
    .execute();
  const features = ['四点半课堂', '银龄互助', '书香院落', '文明楼栋', '乡贤议事', '健康小屋', '家风传承', '巾帼课堂'];
  await trx
    .insertInto('brands')
    .values(
      stations.map((s, i) => ({
        unit_id: s.id,
        name: `${s.short_name}·${features[i % features.length]}`,
        intro: `${s.short_name}结合本社区实际打造的特色文明实践项目。`,
        photo_file_ids: '[]',
        programme_id: null,
        updated_at: at,
        updated_by: p.adminAccountId,
      })),
    )
    .execute();

  const venueIds: { id: string; rooms: { id: string; capacity: number }[]; lng: number; lat: number; address: string }[] = [];
  for (const [i, v] of VENUES.entries()) {
    const id = randomUUID();
    const lng = 107.38 + (i % 4) * 0.012;
    const lat = 29.72 + Math.floor(i / 4) * 0.01;
    await trx
      .insertInto('venues')
      .values({
        id,
        unit_id: p.instituteId,
        mode: 'offline',
        kind: v.kind,
        name: v.name,
        address: `重庆市涪陵区马鞍街道${v.address}`,
        lng,
        lat,
        opening_hours: v.hours,
        contact_name: '张晓燕',
        contact_phone: '023-72811000',
        url: null,
        intro: null,
        photo_file_ids: '[]',
        archived: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const rooms = v.rooms.map(([name, capacity]) => ({ id: randomUUID(), venue_id: id, name, capacity, archived: 0, created_at: at }));
    if (rooms.length) await trx.insertInto('rooms').values(rooms).execute();
    venueIds.push({ id, rooms, lng, lat, address: `重庆市涪陵区马鞍街道${v.address}` });
  }
  await trx
    .insertInto('venues')
    .values([
      {
        id: randomUUID(),
        unit_id: p.instituteId,
        mode: 'online',
        kind: 'wechat',
        name: '“智慧马鞍”微信公众号',
        address: null,
        lng: null,
        lat: null,
        opening_hours: null,
        contact_name: '李文彬',
        contact_phone: null,
        url: null,
        intro: '发布文明实践活动预告与志愿服务风采。',
        photo_file_ids: '[]',
        archived: 0,
        created_at: at,
        updated_at: at,
      },
      {
        id: randomUUID(),
        unit_id: p.instituteId,
        mode: 'online',
        kind: 'district_column',
        name: '区“新时代文明实践”专栏·马鞍声音',
        address: null,
        lng: null,
        lat: null,
        opening_hours: null,
        contact_name: '李文彬',
        contact_phone: null,
        url: null,
        intro: '向区中心专栏报送马鞍街道文明实践信息。',
        photo_file_ids: '[]',
        archived: 0,
        created_at: at,
        updated_at: at,
      },
      {
        id: randomUUID(),
        unit_id: p.instituteId,
        mode: 'online',
        kind: 'groups',
        name: '各社区居民微信群（进圈入群）',
        address: null,
        lng: null,
        lat: null,
        opening_hours: null,
        contact_name: null,
        contact_phone: null,
        url: null,
        intro: '网络文明传播志愿者在居民群中宣传政策、收集需求。',
        photo_file_ids: '[]',
        archived: 0,
        created_at: at,
        updated_at: at,
      },
    ])
    .execute();
  for (const s of stations) {
    await trx
      .insertInto('venues')
      .values({
        id: randomUUID(),
        unit_id: s.id,
        mode: 'offline',
        kind: 'civility',
        name: `${s.short_name}新时代文明实践站`,
        address: s.address,
        lng: s.lng,
        lat: s.lat,
        opening_hours: '周一至周五 9:00–17:30',
        contact_name: null,
        contact_phone: null,
        url: null,
        intro: '由便民服务大厅、学雷锋志愿服务站整合设置。',
        photo_file_ids: '[]',
        archived: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  // Activities: for each station, roughly two a month over four months back and one ahead.
  const volunteers = await trx.selectFrom('volunteers').select(['id', 'station_id', 'person_id']).where('status', '=', 'certified').execute();
  const activities: ActivitiesTable[] = [];
  const positions: PositionsTable[] = [];
  const signups: SignupsTable[] = [];
  const checkins: CheckinsTable[] = [];
  const records: ServiceRecordsTable[] = [];
  const stationAdmin = new Map(p.stationIds.map((id, i) => [id, p.stationAdminIds[i]]));
  const todayMs = Date.parse(chinaDayStart(chinaDay(now)));
  for (const [si, s] of stations.entries()) {
    const pool = volunteers.filter((v) => v.station_id === s.id);
    const count = 9 + (si % 4);
    for (let k = 0; k < count; k++) {
      // Stations 7 and 15 (兴华, 滨江) skip some months, so the monthly rule has something to show.
      const dayOffset = Math.round(-120 + (k * 150) / count + rand() * 6);
      if ((si === 6 || si === 14) && dayOffset > -90 && dayOffset < -30) continue;
      const [progName, title, hours] = PLANS[(si + k) % PLANS.length];
      const startHour = rand() > 0.5 ? 9 : 14;
      const start = new Date(todayMs + dayOffset * 86_400_000 + startHour * 3600_000);
      const end = new Date(start.getTime() + hours * 3600_000);
      const past = end.getTime() < now.getTime();
      const venue = venueIds[(si + k) % venueIds.length];
      const useStation = rand() > 0.4;
      const id = randomUUID();
      const status: ActivitiesTable['status'] = past ? (dayOffset < -14 ? 'summarised' : 'ended') : 'published';
      activities.push({
        id,
        unit_id: s.id,
        series_id: null,
        programme_id: byName.get(progName) ?? null,
        type: 'service',
        title,
        content: `${s.short_name}志愿服务小队开展“${progName}”文明实践活动：${title}。`,
        venue_id: useStation ? null : venue.id,
        room_id: null,
        address: useStation ? s.address : venue.address,
        lng: useStation ? s.lng : venue.lng,
        lat: useStation ? s.lat : venue.lat,
        geofence_m: 500,
        starts_at: start.toISOString(),
        ends_at: end.toISOString(),
        credit_minutes: hours * 60,
        min_age: k % 5 === 0 ? 18 : null,
        max_age: null,
        required_skills: '[]',
        insurance_required: 0,
        signup_opens_at: null,
        signup_closes_at: null,
        cancel_cutoff_at: null,
        needs_approval: 0,
        waitlist: 1,
        contact_name: '社区专职工作者',
        contact_phone: null,
        status,
        status_reason: null,
        checkin_code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        created_by: stationAdmin.get(s.id) ?? null,
        reminded_at: null,
        hours_written_at: past ? end.toISOString() : null,
        created_at: at,
        updated_at: at,
      });
      const positionId = randomUUID();
      const headcount = 6 + (k % 5);
      const chosen = pool.filter(() => rand() > 0.55).slice(0, past ? headcount : Math.min(headcount - 2, 4));
      positions.push({ id: positionId, activity_id: id, name: '志愿者', headcount, taken: chosen.length, sort: 0 });
      for (const v of chosen) {
        const attended = !past || rand() > 0.12;
        signups.push({
          id: randomUUID(),
          activity_id: id,
          position_id: positionId,
          volunteer_id: v.id,
          status: past && !attended ? 'no_show' : 'confirmed',
          waitlist_seq: null,
          channel: rand() > 0.8 ? 'staff' : 'self',
          by_account: null,
          reason: null,
          reminded_at: null,
          created_at: at,
          updated_at: at,
        });
        if (!past || !attended) continue;
        const late = Math.floor(rand() * 20);
        const early = rand() > 0.85 ? Math.floor(hours * 60 * 0.6) : Math.floor(rand() * 10);
        const inAt = new Date(start.getTime() + late * 60_000).toISOString();
        const forgot = rand() > 0.93;
        const outAt = new Date(end.getTime() - early * 60_000).toISOString();
        checkins.push({
          id: randomUUID(),
          activity_id: id,
          volunteer_id: v.id,
          day: chinaDay(start),
          in_at: inAt,
          in_method: 'qr',
          in_token: null,
          out_at: forgot ? end.toISOString() : outAt,
          out_method: forgot ? 'auto' : 'qr',
          out_token: null,
          by_account: null,
          staff_reason: null,
          lat: null,
          lng: null,
          flag: forgot ? 'auto_closed' : null,
          created_at: inAt,
        });
        const credit = creditFor([{ inAt, outAt: forgot ? end.toISOString() : outAt }], start.toISOString(), end.toISOString(), hours * 60, 0.6);
        if (!credit.meetsThreshold) continue;
        const confirmed = dayOffset < -10;
        records.push({
          id: randomUUID(),
          volunteer_id: v.id,
          unit_id: s.id,
          source: 'verified',
          activity_id: id,
          order_id: null,
          title,
          service_date: chinaDay(start),
          start_at: start.toISOString(),
          end_at: end.toISOString(),
          minutes: credit.creditedMinutes,
          place: s.address,
          content: null,
          organiser_name: `${s.short_name}新时代文明实践站`,
          person_in_charge: null,
          entry_method: '扫码打卡',
          evidence_file_ids: '[]',
          reason: `签到时长 ${credit.presentMinutes} 分钟`,
          status: confirmed ? 'approved' : 'pending',
          late: 0,
          flag: forgot ? 'auto_closed' : null,
          corrects_id: null,
          entered_by: null,
          entered_at: end.toISOString(),
          decided_by: confirmed ? (stationAdmin.get(s.id) ?? null) : null,
          decided_at: confirmed ? new Date(end.getTime() + 86_400_000).toISOString() : null,
          decision_note: null,
        });
      }
    }
  }
  const chunk = async <T>(table: 'activities' | 'positions' | 'signups' | 'checkins' | 'service_records', rows: T[]) => {
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + 200) as never)
        .execute();
  };
  await chunk('activities', activities);
  await chunk('positions', positions);
  await chunk('signups', signups);
  await chunk('checkins', checkins);
  await chunk('service_records', records);
  const summaries = activities
    .filter((a) => a.status === 'summarised')
    .map((a) => ({
      activity_id: a.id,
      served_count: 10 + randomInt(0, 40),
      notes: '活动按计划开展，群众反响良好。',
      photo_file_ids: '[]',
      late: 0,
      submitted_by: a.created_by,
      submitted_at: a.ends_at,
    }));
  for (let i = 0; i < summaries.length; i += 200)
    await trx
      .insertInto('activity_summaries')
      .values(summaries.slice(i, i + 200))
      .execute();
}
