import { chinaDay, chinaTimeToIso } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { maskIdNumber } from '../../../shared/mask';

import { birthDateFromId, genderFromId, makeIdNumber } from '../../../shared/rules/id-number';
import { starLevel } from '../../../shared/rules/stars';
import { RULES } from '../../../shared/settings';
import { SERVICE_CATEGORIES, VOLUNTEER_CATEGORIES } from '../../../shared/volunteers';
import { encrypt, hmacHex } from '../../platform/crypto';
import type { Trx } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import { buildSnapshot } from '../../features/certificates/certificates.service';
import type { ServiceRecordsTable, VolunteersTable } from '../schema';

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜'.split('');
const GIVEN = '国英华明秀兰志强丽军敏静伟芳娟勇艳杰涛超霞平刚桂梅玉红建文辉云鹏飞燕琴春雪峰海波宇婷佳欣怡浩然子涵'.split('');
const SKILLS = [
  '理论宣讲',
  '医疗护理',
  '心理疏导',
  '法律咨询',
  '书法绘画',
  '文艺表演',
  '广场舞',
  '摄影摄像',
  '电脑维修',
  '家电维修',
  '理发',
  '烹饪',
  '驾驶',
  '手语',
  '急救',
  '辅导作业',
  '外语',
  '财会',
  '农技',
  '电工',
];
const TITLES = [
  ['理论讲习所·政策微宣讲', '在社区活动室宣讲惠民政策，解答居民提问'],
  ['温暖润童心·四点半课堂', '为留守儿童辅导作业、开展阅读'],
  ['共享邻里情·敬老助老', '上门探望空巢老人，打扫卫生、陪伴聊天'],
  ['文明城区大家创·环境整治', '清理楼道杂物和小广告，劝导文明停车'],
  ['心阅书香·亲子阅读', '组织亲子共读，整理社区阅览室图书'],
  ['关爱半边天·健康讲座', '协助妇女健康讲座签到、秩序维护'],
  ['我们的舞台·文艺汇演', '参与节日文艺汇演的场地布置和引导'],
  ['双创加油站·技能培训', '协助开展家政技能培训'],
];

/** Deterministic pseudo-random numbers: the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Hours carried over from the paper ledger, spread so every star level has people in it. */
const CARRY_OVER = [0, 0, 0, 0, 20, 45, 60, 80, 95, 110, 150, 210, 260, 320, 380, 450, 520, 640, 780, 900, 1050, 1200, 1380, 1550, 1720];

function daysAgo(now: Date, n: number): string {
  return chinaDay(new Date(now.getTime() - n * 86_400_000));
}

export interface SeedPeople {
  stationIds: string[];
  instituteId: string;
  adminAccountId: string;
  stationAdminIds: string[];
  /** Demo persons volunteer01… (index = number - 1) and leader01. */
  volunteerPersonIds: string[];
  leaderPersonId: string;
  leaderAccountId: string;
}

/**
 * Volunteers (≥ 300 over the 20 stations), teams, a few months of approved and pending hours,
 * star levels and issued certificates, so a newcomer sees the ledger alive.
 */
export async function seedVolunteers(deps: Pick<Deps, 'config'>, trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const rand = rng(20200229);
  const at = now.toISOString();
  const keys = deps.config.keys;

  // A scanned sign-in sheet stands in for the evidence of backfilled demo records.
  const evidenceId = randomUUID();
  const rel = path.join('demo', 'sign-in-sheet.png');
  mkdirSync(path.join(deps.config.dataDir, 'uploads', 'demo'), { recursive: true });
  const png = await QRCode.toBuffer('马鞍街道新时代文明实践志愿服务签到表（演示数据）', { width: 240 });
  writeFileSync(path.join(deps.config.dataDir, 'uploads', rel), png);
  await trx
    .insertInto('files')
    .values({
      id: evidenceId,
      unit_id: p.instituteId,
      purpose: 'evidence',
      original_name: '签到表.png',
      mime: 'image/png',
      size: png.length,
      sha256: '',
      path: rel,
      uploaded_by: p.adminAccountId,
      created_at: at,
    })
    .execute();

  const perStation = 15;
  const volunteers: (VolunteersTable & { name: string; personId: string })[] = [];
  const people: {
    id: string;
    name: string;
    phone: string;
    gender: string;
    birth_date: string;
    id_type: string;
    id_number_enc: string;
    id_number_hash: string;
    id_number_tail: string;
    id_number_masked: string;
    created_at: string;
    updated_at: string;
  }[] = [];
  let volunteerNo = 0;
  for (let s = 0; s < p.stationIds.length; s++) {
    for (let k = 0; k < perStation; k++) {
      const i = s * perStation + k;
      const demoIndex = k === 0 && s < 10 ? s : -1; // volunteer01…10 are the first volunteer of stations 1…10
      const year = 1950 + Math.floor(rand() * 56);
      const birth = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const idNumber = makeIdNumber('500102', birth, 100 + (i % 800));
      const existingPerson = demoIndex >= 0 ? p.volunteerPersonIds[demoIndex] : s === 0 && k === 1 ? p.leaderPersonId : null;
      const personId = existingPerson ?? randomUUID();
      const name = `${SURNAMES[Math.floor(rand() * SURNAMES.length)]}${GIVEN[Math.floor(rand() * GIVEN.length)]}${rand() > 0.45 ? GIVEN[Math.floor(rand() * GIVEN.length)] : ''}`;
      const idCols = {
        gender: genderFromId(idNumber),
        birth_date: birthDateFromId(idNumber) as string,
        id_type: '01',
        id_number_enc: encrypt(keys.encryption, idNumber),
        id_number_hash: hmacHex(keys.index, `01:${idNumber}`),
        id_number_tail: idNumber.slice(-4),
        id_number_masked: maskIdNumber(idNumber.slice(0, 3), idNumber.slice(-4)),
        updated_at: at,
      };
      let displayName = name;
      if (existingPerson) {
        const row = await trx.selectFrom('people').select('name').where('id', '=', existingPerson).executeTakeFirstOrThrow();
        displayName = row.name;
        await trx.updateTable('people').set(idCols).where('id', '=', existingPerson).execute();
      } else {
        people.push({ id: personId, name, phone: `1380000${String(i).padStart(4, '0')}`, created_at: at, ...idCols });
      }
      const status: VolunteersTable['status'] =
        demoIndex >= 0 || existingPerson
          ? 'certified'
          : k === 14
            ? 'reviewing'
            : k === 13 && s % 5 === 0
              ? 'rejected'
              : k === 12 && s % 7 === 0
                ? 'suspended'
                : 'certified';
      const certifiedAt = status === 'reviewing' || status === 'rejected' ? null : daysAgo(now, 120 + Math.floor(rand() * 600));
      if (certifiedAt) volunteerNo++;
      const cats = [
        ...new Set([SERVICE_CATEGORIES[Math.floor(rand() * SERVICE_CATEGORIES.length)], SERVICE_CATEGORIES[Math.floor(rand() * SERVICE_CATEGORIES.length)]]),
      ];
      const skills = [...new Set([SKILLS[Math.floor(rand() * SKILLS.length)], ...(rand() > 0.5 ? [SKILLS[Math.floor(rand() * SKILLS.length)]] : [])])];
      const slots = ['sat-am', 'sat-pm', 'sun-am', 'sun-pm', 'mon-eve', 'wed-eve', 'fri-pm', 'tue-am'].filter(() => rand() > 0.6);
      volunteers.push({
        id: randomUUID(),
        person_id: personId,
        personId,
        name: displayName,
        station_id: p.stationIds[s],
        volunteer_no: certifiedAt ? `SJ${certifiedAt.slice(0, 4)}${String(volunteerNo).padStart(6, '0')}` : null,
        status,
        status_reason: status === 'rejected' ? '登记信息与本人不符，请到社区核实' : status === 'suspended' ? '本人申请暂停（外出务工）' : null,
        category: year < 1962 ? '五老' : VOLUNTEER_CATEGORIES[Math.floor(rand() * VOLUNTEER_CATEGORIES.length)],
        political_status: rand() > 0.6 ? '中共党员' : '群众',
        education: null,
        ethnicity: '汉族',
        email: null,
        employment: null,
        residence_area: '重庆市涪陵区',
        skills: JSON.stringify(skills),
        service_categories: JSON.stringify(cats),
        availability: JSON.stringify(slots),
        emergency_name: null,
        emergency_phone: null,
        emergency_phone_enc: null,
        emergency_phone_masked: null,
        guardian_name: null,
        guardian_phone: null,
        guardian_phone_enc: null,
        guardian_phone_masked: null,
        guardian_relation: null,
        guardian_consent_method: null,
        guardian_consent_at: null,
        consent_method: k % 3 === 0 ? 'self_online' : 'signed_form',
        consent_at: certifiedAt ? `${certifiedAt}T01:00:00.000Z` : at,
        consent_by: k % 3 === 0 ? null : p.stationAdminIds[s],
        consent_file_id: k % 3 === 0 ? null : evidenceId,
        consent_note: null,
        registered_by: k % 3 === 0 ? null : p.stationAdminIds[s],
        certified_at: certifiedAt ? `${certifiedAt}T02:00:00.000Z` : null,
        insured_until: k % 2 === 0 ? '2027-12-31' : null,
        created_at: at,
        updated_at: at,
      });
    }
  }
  for (let i = 0; i < people.length; i += 200)
    await trx
      .insertInto('people')
      .values(people.slice(i, i + 200))
      .execute();
  const vRows = volunteers.map(({ name: _n, personId: _p, ...v }) => v);
  for (let i = 0; i < vRows.length; i += 200)
    await trx
      .insertInto('volunteers')
      .values(vRows.slice(i, i + 200))
      .execute();
  await trx
    .insertInto('counters')
    .values({ name: `volunteer_no:${chinaDay(now).slice(0, 4)}`, value: volunteerNo })
    .execute();
  await trx
    .insertInto('volunteer_status_log')
    .values(
      volunteers.map((v) => ({
        id: randomUUID(),
        volunteer_id: v.id,
        from_status: null,
        to_status: v.status,
        reason: v.status_reason,
        actor_id: v.registered_by,
        at,
      })),
    )
    .execute();

  // Teams: the street 分队, one 小队 per station, and specialised teams.
  const teams: { id: string; unit_id: string; kind: 'street_corps' | 'community_squad' | 'specialised'; name: string; intro: string }[] = [
    {
      id: randomUUID(),
      unit_id: p.instituteId,
      kind: 'street_corps',
      name: '马鞍街道新时代文明实践志愿服务分队',
      intro: '由街道党工委书记任分队长，负责志愿者组织引导、登记注册、表彰嘉许和权益保障。',
    },
    {
      id: randomUUID(),
      unit_id: p.instituteId,
      kind: 'specialised',
      name: '理论宣讲志愿服务队',
      intro: '“理论讲习所”宣讲骨干，进院落、进楼栋开展政策微宣讲。',
    },
    { id: randomUUID(), unit_id: p.instituteId, kind: 'specialised', name: '医疗义诊志愿服务队', intro: '辖区医护人员组成，定期开展义诊体检和健康科普。' },
  ];
  const stationNames = await trx.selectFrom('units').select(['id', 'short_name']).where('id', 'in', p.stationIds).execute();
  for (const st of stationNames) {
    teams.push({
      id: randomUUID(),
      unit_id: st.id,
      kind: 'community_squad',
      name: `${st.short_name}志愿服务小队`,
      intro: '社区“两委”成员、新乡贤、“五老”人员和热心群众组成，承接街道分队活动计划。',
    });
  }
  await trx
    .insertInto('teams')
    .values(teams.map((t) => ({ ...t, parent_team_id: null, archived: 0, created_at: at, updated_at: at })))
    .execute();
  const members: {
    id: string;
    team_id: string;
    volunteer_id: string;
    role: 'leader' | 'deputy' | 'member';
    status: 'active' | 'pending';
    note: string | null;
    requested_at: string;
    decided_by: string | null;
    decided_at: string | null;
  }[] = [];
  let leaderTeamId = '';
  for (const team of teams.filter((t) => t.kind === 'community_squad')) {
    const own = volunteers.filter((v) => v.station_id === team.unit_id && v.status === 'certified');
    own.forEach((v, idx) => {
      const isLeader = v.personId === p.leaderPersonId || (idx === 0 && !own.some((o) => o.personId === p.leaderPersonId));
      if (isLeader && v.personId === p.leaderPersonId) leaderTeamId = team.id;
      members.push({
        id: randomUUID(),
        team_id: team.id,
        volunteer_id: v.id,
        role: isLeader ? 'leader' : idx === 2 ? 'deputy' : 'member',
        status: 'active',
        note: null,
        requested_at: at,
        decided_by: p.adminAccountId,
        decided_at: at,
      });
    });
    const pendingOne = volunteers.find((v) => v.station_id === team.unit_id && v.status === 'certified' && !own.includes(v));
    if (pendingOne)
      members.push({
        id: randomUUID(),
        team_id: team.id,
        volunteer_id: pendingOne.id,
        role: 'member',
        status: 'pending',
        note: '想参加周末活动',
        requested_at: at,
        decided_by: null,
        decided_at: null,
      });
  }
  const certified = volunteers.filter((v) => v.status === 'certified');
  const enrol = (teamId: string, list: typeof certified, withLeader: boolean) => {
    list.forEach((v, idx) => {
      members.push({
        id: randomUUID(),
        team_id: teamId,
        volunteer_id: v.id,
        role: withLeader && idx === 0 ? 'leader' : 'member',
        status: 'active',
        note: null,
        requested_at: at,
        decided_by: p.adminAccountId,
        decided_at: at,
      });
    });
  };
  enrol(
    teams[1].id,
    certified.filter((_, i) => i % 12 === 0),
    true,
  );
  enrol(
    teams[2].id,
    certified.filter((_, i) => i % 15 === 4),
    true,
  );
  enrol(
    teams[0].id,
    certified.filter((_, i) => i % 10 === 1),
    false,
  );
  for (let i = 0; i < members.length; i += 200)
    await trx
      .insertInto('team_members')
      .values(members.slice(i, i + 200))
      .execute();
  if (leaderTeamId)
    await trx.updateTable('role_grants').set({ team_id: leaderTeamId }).where('account_id', '=', p.leaderAccountId).where('role', '=', 'team_leader').execute();

  // Hours: a carry-over from the paper ledger, recent approved services, and some pending backfills.
  const records: ServiceRecordsTable[] = [];
  const unitNames = new Map((await trx.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  certified.forEach((v, idx) => {
    const station = p.stationIds.indexOf(v.station_id);
    const carry = v.personId === p.volunteerPersonIds[0] ? 236 : CARRY_OVER[(idx * 7) % CARRY_OVER.length];
    const base = {
      volunteer_id: v.id,
      unit_id: v.station_id,
      activity_id: null,
      order_id: null,
      place: null,
      organiser_name: unitNames.get(v.station_id) ?? '',
      person_in_charge: null,
      evidence_file_ids: JSON.stringify([evidenceId]),
      late: 0,
      flag: null,
      corrects_id: null,
    };
    if (carry > 0) {
      records.push({
        ...base,
        id: randomUUID(),
        source: 'backfilled',
        title: '历史服务时长结转（2020—2025 年纸质台账）',
        service_date: '2025-12-31',
        start_at: null,
        end_at: null,
        minutes: carry * 60,
        content: '依据社区纸质志愿服务台账核对后结转',
        entry_method: '团体录入',
        reason: '平台启用前的纸质台账',
        status: 'approved',
        entered_by: p.adminAccountId,
        entered_at: '2026-01-05T02:00:00.000Z',
        decided_by: p.stationAdminIds[station],
        decided_at: '2026-01-06T02:00:00.000Z',
        decision_note: null,
      });
    }
    const n = 2 + (idx % 5);
    for (let j = 0; j < n; j++) {
      const day = daysAgo(now, 7 + Math.floor(rand() * 80));
      const [title, content] = TITLES[Math.floor(rand() * TITLES.length)];
      const startHour = rand() > 0.5 ? 9 : 14;
      const hours = 2 + Math.floor(rand() * 3);
      const start = new Date(chinaTimeToIso(day, `${String(startHour).padStart(2, '0')}:00`));
      records.push({
        ...base,
        id: randomUUID(),
        source: 'backfilled',
        title,
        content,
        service_date: day,
        start_at: start.toISOString(),
        end_at: new Date(start.getTime() + hours * 3600_000).toISOString(),
        minutes: hours * 60 + (j === 0 ? 30 : 0),
        entry_method: '团体录入',
        reason: '纸质签到表补录',
        status: 'approved',
        entered_by: p.adminAccountId,
        entered_at: `${day}T10:00:00.000Z`,
        decided_by: p.stationAdminIds[station],
        decided_at: `${day}T12:00:00.000Z`,
        decision_note: null,
      });
    }
    if (idx % 6 === 0) {
      const day = daysAgo(now, 2 + (idx % 4));
      const start = new Date(chinaTimeToIso(day, '15:00'));
      records.push({
        ...base,
        id: randomUUID(),
        source: 'backfilled',
        title: '共享邻里情·敬老助老',
        content: '陪同空巢老人就医、代购生活用品',
        service_date: day,
        start_at: start.toISOString(),
        end_at: new Date(start.getTime() + 3 * 3600_000).toISOString(),
        minutes: 180,
        entry_method: '团体录入',
        reason: '活动当天忘记签退，按纸质签到表补录',
        status: 'pending',
        entered_by: p.stationAdminIds[station],
        entered_at: at,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      });
    }
  });
  for (let i = 0; i < records.length; i += 200)
    await trx
      .insertInto('service_records')
      .values(records.slice(i, i + 200))
      .execute();
}

/** Star levels from all approved demo hours, and certificates for a few of the most active. Runs last. */
export async function seedStarsAndCertificates(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const thresholds = [...RULES['stars.thresholds'].default];
  const certified = await trx
    .selectFrom('volunteers')
    .select(['id', 'station_id', 'person_id', 'volunteer_no'])
    .where('status', '=', 'certified')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const sums = await trx
    .selectFrom('service_records')
    .select(['volunteer_id', (eb) => eb.fn.sum<number>('minutes').as('m')])
    .where('status', '=', 'approved')
    .groupBy('volunteer_id')
    .execute();
  const minutesBy = new Map(sums.map((r) => [r.volunteer_id, Number(r.m)]));
  const stars = certified
    .map((v) => ({ v, m: minutesBy.get(v.id) ?? 0 }))
    .filter(({ m }) => starLevel(m, thresholds) > 0)
    .map(({ v, m }, i) => ({
      id: randomUUID(),
      volunteer_id: v.id,
      level: starLevel(m, thresholds),
      previous_level: 0,
      minutes: m,
      thresholds: JSON.stringify(thresholds),
      at: new Date(now.getTime() - ((i % 40) + 1) * 86_400_000).toISOString(),
    }));
  for (let i = 0; i < stars.length; i += 200)
    await trx
      .insertInto('star_levels')
      .values(stars.slice(i, i + 200))
      .execute();

  for (const v of certified.filter((x) => (minutesBy.get(x.id) ?? 0) > 300 * 60).slice(0, 8)) {
    const pi = await trx.selectFrom('people').select(['name', 'id_number_masked']).where('id', '=', v.person_id).executeTakeFirstOrThrow();
    const { snapshot, totalMinutes } = await buildSnapshot(
      trx,
      { id: v.id, station_id: v.station_id, name: pi.name, id_number_masked: pi.id_number_masked, volunteer_no: v.volunteer_no },
      '2025-01-01',
      chinaDay(now),
      null,
      now,
    );
    await trx
      .insertInto('certificates')
      .values({
        id: randomUUID(),
        number: snapshot.number,
        volunteer_id: v.id,
        unit_id: v.station_id,
        from_date: '2025-01-01',
        to_date: chinaDay(now),
        minutes: totalMinutes,
        snapshot: JSON.stringify(snapshot),
        issued_by: p.stationAdminIds[p.stationIds.indexOf(v.station_id)],
        issued_at: at,
        revoked_at: null,
        revoked_by: null,
        revoke_reason: null,
      })
      .execute();
  }
}
