import { randomUUID } from 'node:crypto';
import { insertAccount } from '../../features/accounts/accounts.queries';
import { fillBesideLedger } from '../../features/hours/hours.ledger';
import type { Role } from '../../../shared/accounts';
import type { PostKind } from '../../../shared/org';
import { hashPassword, oneTimePassword } from '../../platform/crypto';
import type { Db, Trx } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import { markOrgChanged } from '../../platform/scope';
import { seedActivities } from './maan-activities';
import { seedAssessment } from './maan.assessment';
import { seedFunds } from './maan.funds';
import { seedMeetings } from './maan.meetings';
import { seedPlan } from './maan.plan';
import { seedStandards } from './maan.standards';
import { seedTraining } from './maan.training';
import { seedNeeds } from './maan.needs';
import { seedRecognition } from './maan.recognition';
import { seedMarket } from './maan.market';
import { seedOrdersAndCare } from './maan-orders';
import { seedStarsAndCertificates, seedVolunteers } from './maan-volunteers';
import { seedCampaigns } from './maan.campaigns';
import { seedPoints } from './maan.points';
import { seedShowcase } from './maan.showcase';
import { seedNews } from './maan.news';
import { seedTotpRuleOff } from './maan.security';

/** The demo password every demo account shares; README lists it. */
export const DEMO_PASSWORD = 'Shijian#2026';

/**
 * The twenty communities of the demo. Ma'an street is real (the plan in shared/seed comes from it);
 * 金银社区 is named in the plan, the other community names and all people here are fictional.
 */
export const DEMO_STATIONS: { name: string; address: string; lng: number; lat: number; staffed: boolean }[] = [
  ['金银', '金银路 18 号社区便民服务中心', 107.3721, 29.7269],
  ['龙井湖', '龙井湖小区 3 栋一楼', 107.3812, 29.7356],
  ['马鞍', '马鞍大道 66 号', 107.3905, 29.7301],
  ['望州', '望州路 12 号', 107.3958, 29.7402],
  ['太极', '太极大道 205 号', 107.4012, 29.7288],
  ['黎明', '黎明路 7 号', 107.3866, 29.7215],
  ['兴华', '兴华中路 31 号', 107.3789, 29.7188],
  ['梨香溪', '梨香溪村委会旧址', 107.3631, 29.7422],
  ['鹤凤', '鹤凤大道 90 号', 107.4101, 29.7365],
  ['红岩', '红岩街 5 号', 107.3977, 29.7159],
  ['荔枝', '荔枝园路 22 号', 107.4056, 29.7211],
  ['江南', '江南大道 118 号', 107.3743, 29.7098],
  ['白鹤', '白鹤梁路 3 号', 107.3914, 29.7052],
  ['长江', '滨江路 260 号', 107.4138, 29.7093],
  ['滨江', '滨江路 88 号', 107.4189, 29.7154],
  ['松林', '松林路 41 号', 107.3587, 29.7311],
  ['沙溪', '沙溪沟社区服务站', 107.3512, 29.7203],
  ['东风', '东风路 16 号', 107.4233, 29.7276],
  ['顺江', '顺江大道 77 号', 107.4275, 29.7351],
  ['铜鼓', '铜鼓湖公园东门', 107.4312, 29.7428],
].map(([n, address, lng, lat], i) => ({
  name: `${n}社区新时代文明实践站`,
  address: `重庆市涪陵区马鞍街道${address}`,
  lng: lng as number,
  lat: lat as number,
  // Two stations have no staff member yet, so the staffing check has something to show.
  staffed: i !== 6 && i !== 14,
}));

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何罗高林'.split('');
const GIVEN = [
  '建国',
  '秀英',
  '德明',
  '桂兰',
  '志强',
  '丽华',
  '文彬',
  '晓燕',
  '国庆',
  '玉梅',
  '海涛',
  '红梅',
  '永刚',
  '淑芬',
  '俊杰',
  '春燕',
  '明辉',
  '小琴',
  '家豪',
  '雪梅',
];
export function demoName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + 3) % GIVEN.length]}`;
}

/** Seeds the Ma'an demo organisation into an empty database. Returns false when data already exists. */
export async function seedDemo(deps: Pick<Deps, 'db' | 'config'>, now: Date): Promise<boolean> {
  const db = deps.db;
  const existing = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  // One hash for every demo account: they share the demo password, and hashing 40 times would slow tests.
  const demoHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const people = await seedInto(trx, now.toISOString(), demoHash);
    // A server already running on this database reloads its cached unit tree.
    await markOrgChanged(trx);
    await seedVolunteers(deps, trx, now, people);
    await seedActivities(trx, now, people);
    await seedOrdersAndCare(deps, trx, now, people);
    await seedStarsAndCertificates(trx, now, people);
    await seedFunds(trx, now, people);
    await seedMeetings(trx, now, people);
    await seedPlan(deps, trx, now, people);
    await seedTraining(trx, now, people);
    await seedStandards(deps, trx, now, people);
    await seedAssessment(deps, trx, now, people);
    await seedNeeds(trx, now, people);
    await seedCampaigns(trx, now, people);
    await seedRecognition(trx, now, people);
    await seedPoints(trx, now, people);
    await seedMarket(trx, now, people);
    await seedShowcase(deps, trx, now, people);
    await seedNews(trx, now, people);
    await seedTotpRuleOff(trx, now.toISOString());
    await fillBesideLedger(trx, now);
  });
  return true;
}

async function seedInto(trx: Trx, at: string, demoHash: string) {
  const ts = { created_at: at, updated_at: at };
  const districtId = randomUUID();
  const instituteId = randomUUID();
  await trx
    .insertInto('units')
    .values([
      {
        id: districtId,
        kind: 'district',
        parent_id: null,
        name: '涪陵区新时代文明实践中心',
        short_name: '区中心',
        address: '重庆市涪陵区',
        lng: 107.3896,
        lat: 29.7032,
        phone: '023-72200000',
        intro: null,
        sort: 0,
        archived: 0,
        ...ts,
      },
      {
        id: instituteId,
        kind: 'institute',
        parent_id: districtId,
        name: '马鞍街道新时代文明实践所',
        short_name: '马鞍实践所',
        address: '重庆市涪陵区马鞍街道龙井湖小区',
        lng: 107.3834,
        lat: 29.7349,
        phone: '023-72811000',
        intro: '马鞍街道按照“1+20”二级体系建设新时代文明实践所，由街道党工委书记任所长，办公室设在街道党群办，统筹 20 个社区新时代文明实践站开展文明实践活动。',
        sort: 0,
        archived: 0,
        ...ts,
      },
    ])
    .execute();
  const stationIds: string[] = [];
  for (const [i, s] of DEMO_STATIONS.entries()) {
    const id = randomUUID();
    stationIds.push(id);
    await trx
      .insertInto('units')
      .values({
        id,
        kind: 'station',
        parent_id: instituteId,
        name: s.name,
        short_name: s.name.replace('新时代文明实践站', ''),
        address: s.address,
        lng: s.lng,
        lat: s.lat,
        phone: `023-7281${String(1100 + i + 1)}`,
        intro: null,
        sort: i + 1,
        archived: 0,
        ...ts,
      })
      .execute();
  }

  const post = (unitId: string, kind: PostKind, holder: string, title: string | null, sort: number) => ({
    id: randomUUID(),
    unit_id: unitId,
    post: kind,
    holder_name: holder,
    title,
    phone: null,
    sort,
    ...ts,
  });
  const posts = [
    post(instituteId, 'director', '周国强', '街道党工委书记', 1),
    post(instituteId, 'deputy_director', '陈德明', '街道党工委专职副书记', 2),
    post(instituteId, 'office_head', '李文彬', '街道宣传委员', 3),
    post(instituteId, 'deputy_office_head', '王丽华', '党群办负责人', 4),
    post(instituteId, 'deputy_office_head', '刘志强', '文服中心负责人', 5),
    post(instituteId, 'staff', '张晓燕', '党群办干事', 6),
    post(instituteId, 'staff', '赵俊杰', '文服中心干事', 7),
  ];
  for (const [i, id] of stationIds.entries()) {
    posts.push(post(id, 'station_head', demoName(i * 3 + 1), '社区党委书记', 1));
    posts.push(post(id, 'deputy_station_head', demoName(i * 3 + 2), '居委会主任', 2));
    if (DEMO_STATIONS[i].staffed) posts.push(post(id, 'staff', demoName(i * 3 + 3), '社区专职工作者', 3));
  }
  await trx.insertInto('posts').values(posts).execute();

  const member = (name: string, role: 'leader' | 'deputy' | 'member', title: string, duty: string, sort: number) => ({
    id: randomUUID(),
    unit_id: instituteId,
    name,
    group_role: role,
    title,
    duty,
    sort,
    ...ts,
  });
  await trx
    .insertInto('leading_group_members')
    .values([
      member('周国强', 'leader', '街道党工委书记', '全面负责实践所建设', 1),
      member('孙永刚', 'deputy', '街道办事处主任', '统筹资源与经费保障', 2),
      member('陈德明', 'deputy', '街道党工委专职副书记', '分管实践所日常工作', 3),
      member('李文彬', 'member', '街道宣传委员', '实践所办公室主任，负责宣传与信息报送', 4),
      member('王丽华', 'member', '党群办负责人', '志愿服务队伍建设', 5),
      member('刘志强', 'member', '文服中心负责人', '阵地建设与文化活动', 6),
      member('何春燕', 'member', '社区事务办负责人', '群众需求收集与点单派单', 7),
      member('罗明辉', 'member', '财政办负责人', '经费管理', 8),
    ])
    .execute();

  let phoneSeq = 0;
  const account = async (username: string, name: string, grants: { role: Role; unitId: string }[]): Promise<{ accountId: string; personId: string }> => {
    const personId = randomUUID();
    const accountId = randomUUID();
    phoneSeq++;
    await trx
      .insertInto('people')
      .values({ id: personId, name, phone: `1390000${String(phoneSeq).padStart(4, '0')}`, ...ts })
      .execute();
    await trx
      .insertInto('accounts')
      .values({
        id: accountId,
        username,
        person_id: personId,
        display_name: name,
        password_hash: demoHash,
        must_change_password: 0,
        password_changed_at: at,
        failed_count: 0,
        locked_until: null,
        disabled: 0,
        last_login_at: null,
        ...ts,
      })
      .execute();
    for (const g of grants) {
      await trx
        .insertInto('role_grants')
        .values({ id: randomUUID(), account_id: accountId, role: g.role, unit_id: g.unitId, team_id: null, created_at: at })
        .execute();
    }
    return { accountId, personId };
  };
  const admin = await account('admin', '李文彬', [{ role: 'institute_admin', unitId: instituteId }]);
  await account('district', '区中心 高海涛', [{ role: 'district_viewer', unitId: districtId }]);
  // Issue 13: the district admin — creates streets and their admins, sets the district's default rules.
  await account('districtadmin', '区中心 陈思远', [{ role: 'district_admin', unitId: districtId }]);
  const stationAdminIds: string[] = [];
  for (const [i, id] of stationIds.entries()) {
    stationAdminIds.push((await account(`station${String(i + 1).padStart(2, '0')}`, demoName(i * 3 + 3), [{ role: 'station_admin', unitId: id }])).accountId);
  }
  const leader = await account('leader01', '吴国庆', [
    { role: 'team_leader', unitId: stationIds[0] },
    { role: 'volunteer', unitId: stationIds[0] },
  ]);
  const volunteerPersonIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    volunteerPersonIds.push(
      (await account(`volunteer${String(i + 1).padStart(2, '0')}`, demoName(100 + i), [{ role: 'volunteer', unitId: stationIds[i % stationIds.length] }]))
        .personId,
    );
  }
  for (let i = 0; i < 5; i++) {
    await account(`resident${String(i + 1).padStart(2, '0')}`, demoName(211 + i * 3), [{ role: 'resident', unitId: stationIds[i % stationIds.length] }]);
  }
  return {
    stationIds,
    instituteId,
    adminAccountId: admin.accountId,
    stationAdminIds,
    volunteerPersonIds,
    leaderPersonId: leader.personId,
    leaderAccountId: leader.accountId,
  };
}

/**
 * A production database starts empty but for one institute and its admin, whose one-time password
 * is returned to be printed once and must be changed at first login.
 */
export async function bootstrapProduction(db: Db, now: Date, instituteName: string): Promise<{ username: string; password: string } | null> {
  const existing = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const instituteId = randomUUID();
    const personId = randomUUID();
    const accountId = randomUUID();
    await markOrgChanged(trx);
    await trx
      .insertInto('units')
      .values({
        id: instituteId,
        kind: 'institute',
        parent_id: null,
        name: instituteName,
        short_name: null,
        address: null,
        lng: null,
        lat: null,
        phone: null,
        intro: null,
        sort: 0,
        archived: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx.insertInto('people').values({ id: personId, name: '系统管理员', phone: null, created_at: at, updated_at: at }).execute();
    // Through insertAccount, so the one-time password is in the history too: the admin cannot change away from it and back.
    await insertAccount(
      trx,
      {
        id: accountId,
        username: 'admin',
        person_id: personId,
        display_name: '系统管理员',
        password_hash: hash,
        must_change_password: 1,
        password_changed_at: at,
        failed_count: 0,
        locked_until: null,
        disabled: 0,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      },
      randomUUID(),
    );
    await trx
      .insertInto('role_grants')
      .values({ id: randomUUID(), account_id: accountId, role: 'institute_admin', unit_id: instituteId, team_id: null, created_at: at })
      .execute();
  });
  return { username: 'admin', password };
}
