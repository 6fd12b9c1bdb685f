import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/shared/accounts';
import { makeIdNumber } from '../../src/shared/rules/id-number';
import { bootstrapProduction } from '../../src/server/db/seed/maan';
import { seedTotpRuleOff } from '../../src/server/db/seed/maan.security';
import type { Clock } from '../../src/server/platform/clock';
import { hashPassword, oneTimePassword } from '../../src/server/platform/crypto';
import { markOrgChanged } from '../../src/server/platform/scope';
import type { Config } from '../../src/server/platform/config';
import { type Agent, type TestApp, TINY_PNG, agentFromResponse, makeTestApp, upload } from './app';

/**
 * Tests build their own world. `makeWorld()` is an empty organisation — what the production
 * bootstrap gives (one institute and its admin, here with the password already changed) — and the
 * factories below add to it through the HTTP API as a signed-in actor, so every rule, audit row and
 * scope check of the real product applies. The HTTP API is the contract; nothing here imports a
 * service function or writes a table. A factory fills in missing parents: `makeVolunteer()` with
 * no station makes one.
 *
 * The exceptions are the bootstraps (there is no API that creates the first institute, nor a
 * district above it): `makeWorld` calls the production `bootstrapProduction`, exactly as `main.ts`
 * does on an empty database, and `makeDistrictViewer` writes a district and its viewer's account
 * the way the bootstrap writes the institute and its admin.
 */

/** The password every person made by the factories ends up with. */
export const PASSWORD = 'Ceshi#Mima2026';

/** Anyone signed in: their client, and who they are. */
export interface Signed {
  agent: Agent;
  username: string;
  name: string;
}
export interface Staff extends Signed {
  accountId: string;
  role: Role;
  unitId: string;
}
export interface Volunteer extends Signed {
  /** The volunteer record's id (what staff and orders refer to). */
  id: string;
  stationId: string;
  phone: string;
  idNumber: string;
  status: string;
}
/** A volunteer record entered by staff: no account, so no client. */
export type Entered = Omit<Volunteer, keyof Signed> & { name: string };
export interface Resident extends Signed {
  accountId: string;
  stationId: string;
  phone: string;
}
export interface Unit {
  id: string;
  name: string;
}
/** A created thing as the API answered it. */
export type View = { id: string } & Record<string, unknown>;

export interface VolunteerOpts {
  stationId?: string;
  /** Certified by staff after sign-up (default true); false leaves it in review. */
  approved?: boolean;
  /** 16 years old, signed up with a guardian's consent. */
  minor?: boolean;
  /** Date of birth (YYYY-MM-DD) of an adult; default 1980-05-01. */
  born?: string;
  availability?: string[];
  name?: string;
  skills?: string[];
  serviceCategories?: string[];
  category?: string;
}

export interface ActivityOpts extends Record<string, unknown> {
  unitId?: string;
  /** Who creates and publishes it (default: the institute admin). */
  by?: Signed;
  /** 'draft' leaves it as created; 'published' (default) publishes it. */
  status?: 'draft' | 'published';
  startsAt?: string;
  endsAt?: string;
  /** One position with this many places, unless `positions` is given. */
  headcount?: number;
}

export interface OrderOpts {
  stationId?: string;
  requester?: Resident;
  itemId?: string;
  description?: string;
}

export interface World {
  t: TestApp;
  clock: Clock;
  instituteId: string;
  /** The institute admin from the bootstrap. */
  admin: Staff;
  /** The signed-in client of an actor made here. */
  as(who: Signed): Agent;
  /** Requests without a session (the portal, sign-up). */
  anon: { get(url: string): Promise<LightMyRequestResponse>; post(url: string, body?: unknown): Promise<LightMyRequestResponse> };
  makeStation(opts?: { name?: string; address?: string; lat?: number; lng?: number }): Promise<Unit>;
  /** A staff account with one role on one unit (default: the institute). */
  /** A colleague made by the institute admin; `phone` lets them sign in with it too. */
  makeStaff(role: Role, unitId?: string, opts?: { phone?: string; name?: string }): Promise<Staff>;
  /**
   * Puts a district above the institute (once) and makes a district_viewer there. No API makes a
   * district or its first account (nobody sits above it), so this is a bootstrap step like
   * `makeWorld`'s own: it writes the district's rows once, then everything goes through the API.
   */
  makeDistrictViewer(): Promise<Staff & { districtId: string }>;
  /** The station's admin, made once per station and reused. */
  stationAdmin(stationId: string): Promise<Staff>;
  makeVolunteer(opts?: VolunteerOpts): Promise<Volunteer>;
  /**
   * A volunteer entered by staff, with the person's consent by phone and no account of their own
   * (certified unless `approved: false`). Cheap — no password to hash — for suites that need many.
   */
  enterVolunteer(opts?: { stationId?: string; name?: string; approved?: boolean }): Promise<Entered>;
  makeResident(opts?: { stationId?: string; name?: string }): Promise<Resident>;
  makeTeam(opts?: { unitId?: string; kind?: 'street_corps' | 'community_squad' | 'specialised'; name?: string }): Promise<View>;
  makeProgramme(opts?: { unitId?: string; block?: 'learn' | 'care' | 'culture' | 'civility'; name?: string; by?: Signed }): Promise<View>;
  makeVenue(opts?: { unitId?: string; kind?: string; name?: string; rooms?: { name: string; capacity: number }[] }): Promise<View>;
  makeActivity(opts?: ActivityOpts): Promise<View>;
  makeMenuItem(opts?: {
    unitId?: string;
    name?: string;
    requiredSkills?: string[];
    insuranceRequired?: boolean;
    slaHours?: number;
    typicalHours?: number;
  }): Promise<View>;
  makeOrder(opts?: OrderOpts): Promise<View & { requester: Resident }>;
  makeCareRecipient(opts?: { stationId?: string; name?: string; categories?: string[]; by?: Signed }): Promise<View>;
  /**
   * Moves a manual clock (test/support/clock.ts) and signs every staff member made here in again:
   * staff sessions end after 30 idle minutes, volunteers' and residents' last days.
   */
  advance(ms: number): Promise<void>;
  /** Signs the actor in again (after the clock moved past their session) and returns the new client. */
  relogin(who: Signed): Promise<Agent>;
  /** Uploads a file as the actor (a real PNG by default) and returns its id. */
  upload(who: Signed, name?: string, bytes?: typeof TINY_PNG): Promise<string>;
  close(): Promise<void>;
}

/** Throws with the body when the API did not answer as a setup step expects. */
export function expectStatus(res: LightMyRequestResponse, status: number, what: string): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res;
}

/** An ISO time `hours` from the clock's now. */
export function hoursFrom(clock: Clock, hours: number): string {
  return new Date(clock.now().getTime() + hours * 3600_000).toISOString();
}

export async function makeWorld(opts: { clock?: Clock; config?: Partial<Config> } = {}): Promise<World> {
  const t = await makeTestApp({ clock: opts.clock, config: opts.config });
  const clock = t.deps.clock;
  const app = t.app;
  let n = 0;
  const next = () => ++n;

  const boot = await bootstrapProduction(t.deps.db, clock.now(), '测试街道新时代文明实践所');
  if (!boot) throw new Error('bootstrap: the database was not empty');
  // Suites sign staff in with a password only; totp.api.test.ts turns the two-factor rule back on.
  await seedTotpRuleOff(t.deps.db, clock.now().toISOString());
  const first = await t.login(boot.username, boot.password);
  const adminAgent = agentFromResponse(
    app,
    boot.username,
    expectStatus(await first.post('/api/auth/password', { currentPassword: boot.password, newPassword: PASSWORD }), 200, 'admin password'),
  );
  const me = (await adminAgent.get('/api/auth/me')).json();
  const instituteId: string = me.roles[0].unitId;
  const admin: Staff = {
    agent: adminAgent,
    username: boot.username,
    name: me.account.displayName,
    accountId: me.account.id,
    role: 'institute_admin',
    unitId: instituteId,
  };

  const stationAdmins = new Map<string, Promise<Staff>>();
  const staffMade: Staff[] = [];
  let defaultStation: Promise<Unit> | null = null;

  /** Signs in with a one-time password and sets the factory password, as a new colleague does. */
  async function firstLogin(username: string, otp: string): Promise<Agent> {
    const a = await t.login(username, otp);
    return agentFromResponse(
      app,
      username,
      expectStatus(await a.post('/api/auth/password', { currentPassword: otp, newPassword: PASSWORD }), 200, `password of ${username}`),
    );
  }

  async function makeStation(o: { name?: string; address?: string; lat?: number; lng?: number } = {}): Promise<Unit> {
    const { name = `测试${next()}社区新时代文明实践站`, ...more } = o;
    const res = expectStatus(await admin.agent.post('/api/org/units', { kind: 'station', parentId: instituteId, name, ...more }), 201, 'makeStation');
    return { id: res.json().id, name };
  }
  const station = (id?: string): Promise<string> => {
    if (id) return Promise.resolve(id);
    if (!defaultStation) defaultStation = makeStation();
    return defaultStation.then((s) => s.id);
  };

  async function makeStaff(role: Role, unitId = instituteId, o: { phone?: string; name?: string } = {}): Promise<Staff> {
    const k = next();
    const username = `staff${k}`;
    const name = o.name ?? `工作人员${k}`;
    const res = expectStatus(
      await admin.agent.post('/api/accounts', { username, displayName: name, role, unitId, ...(o.phone ? { phone: o.phone } : {}) }),
      201,
      `makeStaff ${role}`,
    );
    const body = res.json();
    const staff: Staff = { agent: await firstLogin(username, body.oneTimePassword), username, name, accountId: body.account.id, role, unitId };
    staffMade.push(staff);
    return staff;
  }

  let district: Promise<Staff & { districtId: string }> | null = null;
  function makeDistrictViewer(): Promise<Staff & { districtId: string }> {
    if (!district) district = bootstrapDistrict();
    return district;
  }
  async function bootstrapDistrict(): Promise<Staff & { districtId: string }> {
    const k = next();
    const username = `district${k}`;
    const name = `区中心${k}`;
    const otp = oneTimePassword();
    const hash = await hashPassword(otp);
    const at = clock.now().toISOString();
    const districtId = randomUUID();
    const personId = randomUUID();
    const accountId = randomUUID();
    await t.deps.db.transaction().execute(async (trx) => {
      await markOrgChanged(trx);
      await trx
        .insertInto('units')
        .values({
          ...{ id: districtId, kind: 'district', parent_id: null, name: '测试区新时代文明实践中心', short_name: null, address: null },
          ...{ lng: null, lat: null, phone: null, intro: null, sort: 0, archived: 0, created_at: at, updated_at: at },
        })
        .execute();
      await trx.updateTable('units').set({ parent_id: districtId, updated_at: at }).where('id', '=', instituteId).execute();
      await trx.insertInto('people').values({ id: personId, name, phone: null, created_at: at, updated_at: at }).execute();
      await trx
        .insertInto('accounts')
        .values({
          ...{ id: accountId, username, person_id: personId, display_name: name, password_hash: hash, must_change_password: 1 },
          ...{ password_changed_at: at, failed_count: 0, locked_until: null, disabled: 0, last_login_at: null, created_at: at, updated_at: at },
        })
        .execute();
      await trx
        .insertInto('role_grants')
        .values({ id: randomUUID(), account_id: accountId, role: 'district_viewer', unit_id: districtId, team_id: null, created_at: at })
        .execute();
    });
    const staff = { agent: await firstLogin(username, otp), username, name, accountId, role: 'district_viewer' as const, unitId: districtId, districtId };
    staffMade.push(staff);
    return staff;
  }

  function stationAdmin(stationId: string): Promise<Staff> {
    let s = stationAdmins.get(stationId);
    if (!s) {
      s = makeStaff('station_admin', stationId);
      stationAdmins.set(stationId, s);
    }
    return s;
  }

  async function makeVolunteer(o: VolunteerOpts = {}): Promise<Volunteer> {
    const stationId = await station(o.stationId);
    const k = next();
    const year = clock.now().getUTCFullYear();
    const birth = o.minor ? `${year - 16}-01-01` : (o.born ?? '1980-05-01');
    const idNumber = makeIdNumber('500102', birth, k % 1000);
    const phone = `139${String(k).padStart(8, '0')}`;
    const name = o.name ?? `志愿者${k}`;
    const body = {
      name,
      idNumber,
      phone,
      stationId,
      category: o.category ?? '热心群众',
      serviceCategories: o.serviceCategories ?? ['助老助残'],
      skills: o.skills ?? [],
      ...(o.availability ? { availability: o.availability } : {}),
      password: PASSWORD,
      agree: true,
      ...(o.minor ? { guardian: { name: `${name}家长`, phone: `138${String(k).padStart(8, '0')}`, relation: '母亲', consentMethod: 'in_person' } } : {}),
    };
    // Each person signs up from their own phone: the sign-up route's per-address rate limit must not pool them.
    const res = expectStatus(
      await app.inject({ method: 'POST', url: '/api/volunteers/signup', payload: body, remoteAddress: `10.9.${(k >> 8) & 255}.${k & 255}` }),
      201,
      'makeVolunteer sign-up',
    );
    const agent = agentFromResponse(app, phone, res);
    const mine = expectStatus(await agent.get('/api/volunteers/me'), 200, 'makeVolunteer me').json();
    const id: string = mine.volunteer.id;
    let status: string = mine.volunteer.status;
    if (o.approved !== false) {
      status = expectStatus(await admin.agent.post(`/api/volunteers/${id}/transitions`, { action: 'certify' }), 200, 'makeVolunteer certify').json().status;
    }
    return { agent, username: phone, name, id, stationId, phone, idNumber, status };
  }

  async function enterVolunteer(o: { stationId?: string; name?: string; approved?: boolean } = {}): Promise<Entered> {
    const stationId = await station(o.stationId);
    const k = next();
    const idNumber = makeIdNumber('500102', '1982-03-01', k % 1000);
    const phone = `135${String(k).padStart(8, '0')}`;
    const name = o.name ?? `志愿者${k}`;
    const res = await admin.agent.post('/api/volunteers', {
      ...{ name, idNumber, phone, stationId, category: '热心群众', serviceCategories: ['助老助残'] },
      consent: { method: 'phone_confirmation', note: '电话确认本人同意登记' },
    });
    const id: string = expectStatus(res, 201, 'enterVolunteer').json().id;
    let status: string = res.json().status;
    if (o.approved !== false) {
      status = expectStatus(await admin.agent.post(`/api/volunteers/${id}/transitions`, { action: 'certify' }), 200, 'enterVolunteer certify').json().status;
    }
    return { id, stationId, name, phone, idNumber, status };
  }

  async function makeResident(o: { stationId?: string; name?: string } = {}): Promise<Resident> {
    const stationId = await station(o.stationId);
    const k = next();
    const username = `resident${k}`;
    const name = o.name ?? `居民${k}`;
    const phone = `137${String(k).padStart(8, '0')}`;
    const res = expectStatus(
      await admin.agent.post('/api/accounts', { username, displayName: name, phone, role: 'resident', unitId: stationId }),
      201,
      'makeResident',
    );
    const body = res.json();
    return { agent: await firstLogin(username, body.oneTimePassword), username, name, accountId: body.account.id, stationId, phone };
  }

  async function makeTeam(o: { unitId?: string; kind?: 'street_corps' | 'community_squad' | 'specialised'; name?: string } = {}): Promise<View> {
    const unitId = o.unitId ?? instituteId;
    const kind = o.kind ?? (unitId === instituteId ? 'street_corps' : 'community_squad');
    const res = expectStatus(await admin.agent.post('/api/teams', { unitId, kind, name: o.name ?? `测试队伍${next()}` }), 201, 'makeTeam');
    return res.json();
  }

  async function makeProgramme(o: { unitId?: string; block?: string; name?: string; by?: Signed } = {}): Promise<View> {
    const res = await (o.by?.agent ?? admin.agent).post('/api/programmes', {
      unitId: o.unitId ?? instituteId,
      block: o.block ?? 'care',
      name: o.name ?? `测试项目${next()}`,
    });
    return expectStatus(res, 201, 'makeProgramme').json();
  }

  async function makeVenue(o: { unitId?: string; kind?: string; name?: string; rooms?: { name: string; capacity: number }[] } = {}): Promise<View> {
    const res = await admin.agent.post('/api/venues', {
      unitId: o.unitId ?? instituteId,
      kind: o.kind ?? 'culture',
      name: o.name ?? `测试阵地${next()}`,
      rooms: o.rooms ?? [],
    });
    return expectStatus(res, 201, 'makeVenue').json();
  }

  async function makeActivity(o: ActivityOpts = {}): Promise<View> {
    const { unitId, by, status, startsAt, endsAt, headcount, ...rest } = o;
    const starts = startsAt ?? hoursFrom(clock, 72);
    const body = {
      unitId: unitId ?? instituteId,
      title: `测试活动${next()}`,
      startsAt: starts,
      endsAt: endsAt ?? new Date(Date.parse(starts) + 2 * 3600_000).toISOString(),
      positions: [{ name: '志愿者', headcount: headcount ?? 10 }],
      ...rest,
    };
    const agent = by?.agent ?? admin.agent;
    const created = expectStatus(await agent.post('/api/activities', body), 201, 'makeActivity').json().items[0];
    if ((status ?? 'published') === 'draft') return created;
    return expectStatus(await admin.agent.post(`/api/activities/${created.id}/transitions`, { action: 'publish' }), 200, 'makeActivity publish').json();
  }

  async function makeMenuItem(
    o: { unitId?: string; name?: string; requiredSkills?: string[]; insuranceRequired?: boolean; slaHours?: number; typicalHours?: number } = {},
  ): Promise<View> {
    const res = await admin.agent.post('/api/service-items', {
      unitId: o.unitId ?? instituteId,
      name: o.name ?? `测试服务${next()}`,
      typicalHours: o.typicalHours ?? 1,
      slaHours: o.slaHours ?? 24,
      requiredSkills: o.requiredSkills ?? [],
      insuranceRequired: o.insuranceRequired ?? false,
    });
    return expectStatus(res, 201, 'makeMenuItem').json();
  }

  async function makeOrder(o: OrderOpts = {}): Promise<View & { requester: Resident }> {
    const requester = o.requester ?? (await makeResident({ stationId: o.stationId }));
    const res = await requester.agent.post('/api/orders', {
      description: o.description ?? '想请人帮忙买点米和油',
      stationId: o.stationId ?? requester.stationId,
      ...(o.itemId ? { itemId: o.itemId } : {}),
    });
    return { ...expectStatus(res, 201, 'makeOrder').json(), requester };
  }

  async function makeCareRecipient(o: { stationId?: string; name?: string; categories?: string[]; by?: Signed } = {}): Promise<View> {
    const stationId = await station(o.stationId);
    const res = await (o.by?.agent ?? admin.agent).post('/api/care-recipients', {
      stationId,
      name: o.name ?? `关爱对象${next()}`,
      categories: o.categories ?? ['空巢老人'],
      legalBasis: 'statutory_duty',
      needs: '定期探访',
    });
    return expectStatus(res, 201, 'makeCareRecipient').json().recipient;
  }

  return {
    t,
    clock,
    instituteId,
    admin,
    as: (who) => who.agent,
    anon: {
      get: (url) => app.inject({ method: 'GET', url }),
      post: (url, body) => app.inject({ method: 'POST', url, payload: (body ?? {}) as object }),
    },
    makeStation,
    makeStaff,
    makeDistrictViewer,
    stationAdmin,
    makeVolunteer,
    enterVolunteer,
    makeResident,
    makeTeam,
    makeProgramme,
    makeVenue,
    makeActivity,
    makeMenuItem,
    makeOrder,
    makeCareRecipient,
    async advance(ms) {
      const manual = clock as Clock & { advance?(ms: number): void };
      if (!manual.advance) throw new Error('advance needs makeWorld({ clock: manualClock() })');
      manual.advance(ms);
      for (const s of [admin, ...staffMade]) s.agent = await t.login(s.username, PASSWORD);
    },
    async relogin(who) {
      who.agent = await t.login(who.username, PASSWORD);
      return who.agent;
    },
    upload: (who, name, bytes) => upload(t, who.agent, name ?? 'evidence.png', bytes ?? TINY_PNG),
    close: () => t.close(),
  };
}

// funds

/** A budget line through the API (default: the institute's 2026 fiscal operating budget of 10,000.00 yuan). */
export async function makeBudgetLine(
  w: World,
  o: { unitId?: string; year?: number; kind?: string; source?: string; department?: string; amountFen?: number; programmeId?: string; by?: Signed } = {},
): Promise<View> {
  const res = await (o.by?.agent ?? w.admin.agent).post('/api/funds/budget-lines', {
    year: o.year ?? 2026,
    unitId: o.unitId ?? w.instituteId,
    kind: o.kind ?? 'operation',
    source: o.source ?? 'fiscal',
    ...(o.department ? { department: o.department } : {}),
    ...(o.programmeId ? { programmeId: o.programmeId } : {}),
    amountFen: o.amountFen ?? 1_000_000,
  });
  return expectStatus(res, 201, 'makeBudgetLine').json();
}

/** A spending entry through the API (default: 1,000.00 yuan of the institute's fiscal operating funds on 2026-03-15). */
export async function makeFundEntry(
  w: World,
  o: {
    unitId?: string;
    spentOn?: string;
    kind?: string;
    source?: string;
    department?: string;
    amountFen?: number;
    programmeId?: string;
    budgetLineId?: string;
    receiptFileIds?: string[];
    by?: Signed;
  } = {},
): Promise<View> {
  const res = await (o.by?.agent ?? w.admin.agent).post('/api/funds/entries', {
    spentOn: o.spentOn ?? '2026-03-15',
    unitId: o.unitId ?? w.instituteId,
    kind: o.kind ?? 'operation',
    source: o.source ?? 'fiscal',
    ...(o.department ? { department: o.department } : {}),
    ...(o.programmeId ? { programmeId: o.programmeId } : {}),
    ...(o.budgetLineId ? { budgetLineId: o.budgetLineId } : {}),
    amountFen: o.amountFen ?? 100_000,
    purpose: '购买活动物资',
    payee: '马鞍街道便民超市',
    receiptFileIds: o.receiptFileIds ?? [],
  });
  return expectStatus(res, 201, 'makeFundEntry').json();
}

// meetings

/**
 * A meeting of the world's institute, planned by its admin through the API: one leading-group
 * member (made here) and the given staff as attendees, starting 30 minutes from the clock's now.
 */
export async function makeMeeting(
  w: World,
  opts: { attendees?: Staff[]; title?: string; kind?: 'joint' | 'regular' | 'special'; startsAt?: string; agenda?: string[] } = {},
): Promise<View & { leaderRefId: string }> {
  const leader = expectStatus(
    await w.admin.agent.post(`/api/org/units/${w.instituteId}/leading-group`, { name: `组长${Math.random().toString(36).slice(2, 6)}`, groupRole: 'leader' }),
    201,
    'makeMeeting leading group',
  ).json();
  const res = await w.admin.agent.post('/api/meetings', {
    unitId: w.instituteId,
    title: opts.title ?? '新时代文明实践联席会议',
    kind: opts.kind ?? 'joint',
    startsAt: opts.startsAt ?? new Date(w.clock.now().getTime() + 30 * 60_000).toISOString(),
    place: '街道会议室',
    agenda: opts.agenda ?? ['通报上季度工作', '研究组建志愿服务队伍'],
    attendees: [{ source: 'leading_group', refId: leader.id }, ...(opts.attendees ?? []).map((s) => ({ source: 'staff', refId: s.accountId }))],
  });
  return { ...expectStatus(res, 201, 'makeMeeting').json(), leaderRefId: leader.id };
}

// plan

/** A 任务分解表 task given by the institute admin to `unitId` (default: the institute), due in a week unless told. */
export async function makePlanTask(
  w: World,
  opts: { unitId?: string; title?: string; section?: string; leadName?: string; deadline?: string } = {},
): Promise<View> {
  const res = await w.admin.agent.post('/api/plan/tasks', {
    unitId: opts.unitId ?? w.instituteId,
    title: opts.title ?? '制作统一的场地标牌标识',
    section: opts.section ?? '二、(二)',
    leadName: opts.leadName ?? '王宣传',
    deadline: opts.deadline ?? new Date(w.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
  });
  return expectStatus(res, 201, 'makePlanTask').json();
}

// training

/** A training of the world's institute (default), held by its admin through the API, starting 30 minutes from the clock's now. */
export async function makeTrainingSession(
  w: World,
  opts: { unitId?: string; topic?: string; hours?: number; startsAt?: string; by?: Signed } = {},
): Promise<View> {
  const res = await (opts.by?.agent ?? w.admin.agent).post('/api/training/sessions', {
    unitId: opts.unitId ?? w.instituteId,
    topic: opts.topic ?? '志愿服务业务培训',
    content: '志愿服务记录与时长认定',
    trainer: '区中心培训讲师',
    hours: opts.hours ?? 2,
    place: '实践所培训室',
    startsAt: opts.startsAt ?? new Date(w.clock.now().getTime() + 30 * 60_000).toISOString(),
  });
  return expectStatus(res, 201, 'makeTrainingSession').json();
}

// standards

/** Evidence for a "八有" standard (统一标识 by default) with one uploaded photo, submitted by `by` (default the institute admin). */
export async function makeStandardEvidence(
  w: World,
  opts: { unitId?: string; standard?: 'signage' | 'venue' | 'showcase'; kind?: string; note?: string; by?: Staff } = {},
): Promise<View> {
  const by = opts.by ?? w.admin;
  const file = await w.upload(by);
  const res = await by.agent.post('/api/standards/evidence', {
    unitId: opts.unitId ?? w.instituteId,
    standard: opts.standard ?? 'signage',
    kind: opts.kind ?? 'signboard',
    note: opts.note ?? '实践所门口统一标牌',
    fileIds: [file],
  });
  return expectStatus(res, 201, 'makeStandardEvidence').json();
}

// needs

/** A needs record of `stationId`, entered by `by` (default: the institute admin), collected today unless told. */
export async function makeNeedsRecord(
  w: World,
  opts: { stationId: string; category?: string; collectedOn?: string; people?: number; careRecipientId?: string; phone?: string; by?: Signed },
): Promise<View> {
  const res = await (opts.by?.agent ?? w.admin.agent).post('/api/needs', {
    stationId: opts.stationId,
    collectedOn: opts.collectedOn ?? w.clock.now().toISOString().slice(0, 10),
    method: 'visit',
    place: '幸福小区 3 栋',
    respondentName: '张阿姨',
    ...(opts.phone ? { respondentPhone: opts.phone } : {}),
    ...(opts.careRecipientId ? { careRecipientId: opts.careRecipientId } : {}),
    category: opts.category ?? '助老助残',
    description: '希望有人定期上门理发',
    people: opts.people ?? 1,
  });
  return expectStatus(res, 201, 'makeNeedsRecord').json();
}

// activity plans

/** A draft activity plan of the world's institute for the month of `periodStart` (default 2026-12), with the given items. */
export async function makeActivityPlan(
  w: World,
  opts: { kind?: 'month' | 'quarter'; periodStart?: string; periodEnd?: string; items?: { title: string; stationIds?: string[] }[]; publish?: boolean } = {},
): Promise<View & { items: { id: string; title: string }[] }> {
  const plan = expectStatus(
    await w.admin.agent.post('/api/activity-plans', {
      instituteId: w.instituteId,
      periodKind: opts.kind ?? 'month',
      periodLabel: '2026年12月',
      periodStart: opts.periodStart ?? '2026-12-01',
      periodEnd: opts.periodEnd ?? '2026-12-31',
      title: '十二月新时代文明实践活动计划',
    }),
    201,
    'makeActivityPlan',
  ).json();
  let detail = plan;
  for (const item of opts.items ?? [{ title: '冬季送温暖上门服务' }]) {
    detail = expectStatus(
      await w.admin.agent.post(`/api/activity-plans/${plan.id}/items`, { title: item.title, stationIds: item.stationIds ?? [] }),
      201,
      'plan item',
    ).json();
  }
  if (opts.publish) detail = expectStatus(await w.admin.agent.post(`/api/activity-plans/${plan.id}/publish`, {}), 200, 'publish plan').json();
  return detail;
}

// market

/**
 * Credits a volunteer with points through the ledger's only writer (kind `grant`), as the points
 * feature's own grant would: the market's suites need spenders before earning exists in their world.
 */
export async function givePoints(w: World, volunteerId: string, points: number): Promise<void> {
  const { postPoints } = await import('../../src/server/features/points/points.ledger');
  await w.t.deps.db.transaction().execute(async (trx) => {
    await postPoints(trx, {
      volunteerId,
      unitId: w.instituteId,
      kind: 'grant',
      points,
      reason: '测试发放',
      createdBy: w.admin.accountId,
      at: w.clock.now(),
    });
  });
}

/** A shop of `unitId` (default: the institute) open every day, with one goods stocked by a purchase of `stock`. */
export async function makeMarket(
  w: World,
  opts: { unitId?: string; by?: Signed; price?: number; limit?: number; stock?: number; openWeekdays?: number[] } = {},
): Promise<{ shopId: string; goodsId: string }> {
  const agent = (opts.by ?? w.admin).agent;
  const shop = expectStatus(
    await agent.post('/api/market/shops', { unitId: opts.unitId ?? w.instituteId, name: '爱心超市', openWeekdays: opts.openWeekdays ?? [1, 2, 3, 4, 5, 6, 7] }),
    201,
    'makeMarket shop',
  ).json();
  const goods = expectStatus(
    await agent.post('/api/market/goods', { shopId: shop.id, name: '大米', unitLabel: '袋', pricePoints: opts.price ?? 10, monthlyLimit: opts.limit ?? 0 }),
    201,
    'makeMarket goods',
  ).json();
  if ((opts.stock ?? 10) > 0) {
    expectStatus(
      await agent.post('/api/market/intakes', {
        shopId: shop.id,
        kind: 'purchase',
        supplier: '粮油店',
        valueFen: 10000,
        receivedOn: w.clock.now().toISOString().slice(0, 10),
        items: [{ goodsId: goods.id, quantity: opts.stock ?? 10 }],
      }),
      201,
      'makeMarket stock',
    );
  }
  return { shopId: shop.id, goodsId: goods.id };
}

/**
 * Issue 13: the district admin (区级管理员). Like the district viewer it is a bootstrap step — the
 * district's own accounts are made through the API only by a district admin — so it writes one
 * account and its grant on the world's district
 * (made by `makeDistrictViewer`, which also puts the world's institute under it); everything after
 * goes through the API.
 */
export async function makeDistrictAdmin(w: World): Promise<Staff & { districtId: string }> {
  const { districtId } = await w.makeDistrictViewer();
  const username = `districtadmin${++streetCount}`;
  const name = `区级管理员${streetCount}`;
  const otp = oneTimePassword();
  const hash = await hashPassword(otp);
  const at = w.clock.now().toISOString();
  const personId = randomUUID();
  const accountId = randomUUID();
  await w.t.deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('people').values({ id: personId, name, phone: null, created_at: at, updated_at: at }).execute();
    await trx
      .insertInto('accounts')
      .values({
        ...{ id: accountId, username, person_id: personId, display_name: name, password_hash: hash, must_change_password: 1 },
        ...{ password_changed_at: at, failed_count: 0, locked_until: null, disabled: 0, last_login_at: null, created_at: at, updated_at: at },
      })
      .execute();
    await trx
      .insertInto('role_grants')
      .values({ id: randomUUID(), account_id: accountId, role: 'district_admin', unit_id: districtId, team_id: null, created_at: at })
      .execute();
  });
  const agent = await firstLoginIn(w, username, otp);
  // As makeWorld turns the two-factor rule off for its institute, the district's default turns it off for the streets made here.
  expectStatus(await agent.put(`/api/settings/${districtId}/rules/security.totpRequiredRoles`, { value: [] }), 200, 'district totp rule off');
  return { agent, username, name, accountId, role: 'district_admin', unitId: districtId, districtId };
}

let streetCount = 0;

async function firstLoginIn(w: World, username: string, otp: string): Promise<Agent> {
  const a = await w.t.login(username, otp);
  return agentFromResponse(
    w.t.app,
    username,
    expectStatus(await a.post('/api/auth/password', { currentPassword: otp, newPassword: PASSWORD }), 200, `password of ${username}`),
  );
}

/** A second street in the same database: made by the district admin through the API, with its own institute admin signed in. */
export interface Street {
  id: string;
  name: string;
  code: string;
  admin: Staff;
  makeStation(name?: string): Promise<Unit>;
}

export async function makeStreet(w: World, by: Staff & { districtId: string }, o: { name?: string; code?: string; address?: string } = {}): Promise<Street> {
  const k = ++streetCount;
  const name = o.name ?? `测试${k}街道新时代文明实践所`;
  const code = o.code ?? `500102${String(k).padStart(3, '0')}`;
  const username = `street${k}admin`;
  const res = expectStatus(
    await by.agent.post('/api/district/streets', {
      districtId: by.districtId,
      name,
      code,
      address: o.address ?? `测试区${k}号`,
      admin: { username, displayName: `街道管理员${k}` },
    }),
    201,
    'makeStreet',
  ).json();
  const admin: Staff = {
    agent: await firstLoginIn(w, username, res.oneTimePassword),
    username,
    name: `街道管理员${k}`,
    accountId: res.admin.accountId,
    role: 'institute_admin',
    unitId: res.street.id,
  };
  return {
    id: res.street.id,
    name,
    code,
    admin,
    async makeStation(stationName) {
      const s = stationName ?? `测试${++streetCount}社区新时代文明实践站`;
      const made = expectStatus(await admin.agent.post('/api/org/units', { kind: 'station', parentId: res.street.id, name: s }), 201, 'street makeStation');
      return { id: made.json().id, name: s };
    },
  };
}
