import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/accounts';
import { makeIdNumber } from '../../shared/rules/id-number';
import { type Action, POLICY, type UnitTree, hasRoleFor, unitsInScope } from './access';
import type { Actor } from './deps';
import { unitTreeOf } from './scope';
import { type Agent, TINY_PNG, agentFromResponse, multipart } from '../../../test/support/app';
import {
  type Signed,
  type Staff,
  type Street,
  type Volunteer,
  type World,
  expectStatus,
  givePoints,
  makeDistrictAdmin,
  makeStreet,
  makeWorld,
  PASSWORD,
} from '../../../test/support/factories';
import { type JsonSchema, type OpenApiDoc, type Write, codeOf, fillPath, openApiDoc, sendWrite, sessionWrites } from '../../../test/support/writes';

/**
 * Issue 12, "Must show": every role × every session write × its own unit and another, generated
 * from the app's OpenAPI document and judged by POLICY (platform/access.ts). Each cell is one real
 * request on a real object of the target unit, with a body that passes the endpoint's schema, so
 * the answer is the handler's authorization decision and not a 400 or a 404 for a made-up id.
 *
 * The expected answer of a cell comes from POLICY, not from a table kept here: CASES says which
 * action the handler checks and on which unit (read from the handlers), and `unitsInScope` says
 * whether the actor's grants reach that unit. A cell the policy refuses must not answer 2xx nor
 * write an audit row (an UNEXPECTED SUCCESS). A cell the policy allows must get past the check (not
 * 403, not 404, not 400 validation.failed), unless EXPECTED_REFUSALS names it with a reason.
 *
 * The action map lives here, not on the endpoint declarations: a handler may check several actions
 * (an institute-only one for late hours, the creator's own draft), and a declared field would be a
 * second statement of what the handler does, trusted by nobody that reads the handler. Here it is
 * tested: a wrong entry shows up as an unexpected refusal or success.
 */

/** The units objects are made in: stations A and B of street 1, station C of street 2, the two streets, the district. */
type U = 'A' | 'B' | 'C' | 'S1' | 'S2' | 'D';
const STATIONS: readonly U[] = ['A', 'B', 'C'];
const STREETS: readonly U[] = ['S1', 'S2'];

/** The actors, from the least to the most privileged: the allowed ones are sent last, in this order. */
const ACTORS = [
  'volunteer',
  'resident',
  'team_leader',
  'station_admin',
  'station_admin_B',
  'institute_admin',
  'institute_admin_2',
  'district_viewer',
  'district_admin',
] as const;
type ActorKey = (typeof ACTORS)[number];

/** One request of the matrix, once its objects exist. */
interface Target {
  /** The unit whose scope the handler checks (an object's own unit). */
  unit: string;
  params?: Record<string, string>;
  /** Values for the generated body's properties, by name (ids of the target's objects). */
  ids?: Record<string, unknown>;
  /** Merged over the generated body. */
  body?: Record<string, unknown>;
  /** Runs before each request: a fresh object per request where one request consumes it. */
  fresh?: () => Promise<Partial<Target>>;
}

interface Case {
  /** Tells a second case of the same write apart in the report (`actOnOrder@A:accept`). */
  label?: string;
  /** The POLICY action the handler checks; null: a self-service write nobody gets through POLICY. */
  action: Action | null;
  on: readonly U[];
  target?: (u: U) => Promise<Target>;
  /** The handler checks the role only (a write of the whole deployment, or of the caller's own institute). */
  roleOnly?: boolean;
  /** Someone POLICY does not name who the handler lets through by design: an object's owner. */
  owner?: (a: ActorKey, u: U) => boolean;
}

/**
 * Writes with no object of anyone else to aim at: they act on the caller's own session, account
 * or record only. They are not sent (logging out or changing the password would end the actor's
 * session mid-matrix); the list is checked to stay exactly these.
 */
const SELF_ONLY: Record<string, string> = {
  logout: "ends the caller's own session",
  changePassword: "the caller's own password (needs the current one)",
  startTotpSetup: "the caller's own two-factor secret",
  enableTotp: "the caller's own two-factor login (needs a code of their own secret)",
  disableTotp: "the caller's own two-factor login (needs their password and a code)",
  markAllNotificationsRead: "the caller's own notices",
  issueIcalToken: "the caller's own calendar feed",
  revokeIcalToken: "the caller's own calendar feed",
  registerMyself: "makes the caller's own volunteer record (anyone may volunteer, the public sign-up too)",
  revealMyIdNumber: "reads back the caller's own ID number",
  requestCorrection: "the caller's own volunteer record",
  requestDeletion: "the caller's own personal data",
  setMyConsent: "the caller's own consent to being named",
  uploadFile: 'stores a file as the caller, in no unit: who may then cite it is files.use, checked where it is cited',
};

/**
 * Cells the policy allows that the handler still refuses, by a rule beyond POLICY: `op@unit actor`.
 * Each is a reviewed decision; a new one fails the suite until it is listed here with its reason.
 */
const EXPECTED_REFUSALS: Record<string, string> = {
  'signInToMeeting@S1 team_leader':
    "meetings.attend names every staff role, but a meeting's list takes leading-group members and the admins of the institute and its stations only (meetings.bad_attendee): a team leader is never on it",
};

/**
 * Denied cells answered with a state error instead of 403/404: nothing written, but the answer is
 * not the authorization check's.
 */
const DENIED_BY_STATE: Record<string, string> = {
  'checkInToActivity@B volunteer': 'the caller checks in themselves: with no sign-up there the answer is 409 checkins.not_signed_up',
};

/**
 * Writes whose allowed actors reach the handler but cannot succeed from the state built here: they
 * answer 409/422 after the check (the refused ones still get 403/404 first).
 */
const NO_SUCCESS: Record<string, string> = {
  submitActivitySummary: 'needs an activity that has ended: the clock would have to pass it',
  grantActivityBonus: 'needs an activity that has ended: the clock would have to pass it',
  createDefaultAssessmentIndicators: "the street's indicator tree exists already: createAssessmentIndicator's cells run first",
  finaliseCampaign: '公示 has to run its working days first: the clock would have to pass them',
};

let w: World;
let doc: OpenApiDoc;
let writes: Write[];
let tree: UnitTree;
const actors = {} as Record<ActorKey, Signed & { grants: { role: Role; unitId: string }[] }>;
let street2: Street;
let districtId: string;
const unitIds = {} as Record<U, string>;
let n = 0;
/** Sequence numbers of ID numbers made here (three digits: under 1000). */
let people = 0;
const next = () => ++n;

const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = make();
    memo.set(key, p);
  }
  return p;
}

const id = (u: U) => unitIds[u];
/** A staff actor as the factories made it (accountId, role, unit). */
const staffActor = (k: ActorKey): Staff => actors[k] as unknown as Staff;
const instituteOf = (u: U): U => (u === 'C' || u === 'S2' ? 'S2' : 'S1');
/** Who makes the target's objects: its street's institute admin (the district admin for the district). */
const adminOf = (u: U): Staff => (u === 'D' ? staffActor('district_admin') : instituteOf(u) === 'S2' ? street2.admin : w.admin);
const day = (days = 0) => new Date(w.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
const at = (hours: number) => new Date(w.clock.now().getTime() + hours * 3_600_000).toISOString();

/** A setup answer, read loosely: each helper takes the one or two fields it needs. */
// biome-ignore lint/suspicious/noExplicitAny: setup answers of ~40 endpoints, each read for an id or two
type Answer = Record<string, any>;

/** A setup write as the target's admin: the answer's JSON, or the setup fails with the body. */
async function mk(u: U | Signed, method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown = {}, status?: number): Promise<Answer> {
  const who: Signed = typeof u === 'string' ? adminOf(u) : u;
  const res = await sendWrite(who.agent, method, url, body);
  if (status ? res.statusCode !== status : res.statusCode >= 300) throw new Error(`setup ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}
const post = (u: U | Signed, url: string, body: unknown = {}, status?: number) => mk(u, 'POST', url, body, status);

function upload(who: Signed): Promise<string> {
  return w.upload(who);
}

// ─── the target's objects, made once (or per tag) ───────────────────────────────────────────────

/** A certified volunteer of the station with an account of their own (station A's is the volunteer actor). */
function volunteerOf(u: U): Promise<Volunteer> {
  return once(`volunteer ${u}`, async () => {
    if (u === 'A') return actors.volunteer as unknown as Volunteer;
    const v = await w.makeVolunteer({ stationId: id(u), approved: false });
    await post(u, `/api/volunteers/${v.id}/transitions`, { action: 'certify' });
    return v;
  });
}

/** A volunteer entered by the station's staff, no account (certified unless `pending`). */
function entered(u: U, tag = '', pending = false): Promise<{ id: string }> {
  return once(`entered ${u} ${tag}`, async () => {
    const k = next();
    const seq = ++people;
    const res = await post(u, '/api/volunteers', {
      ...{ name: `录入志愿者${k}`, idNumber: makeIdNumber('500102', '1983-04-01', seq), phone: `136${String(k).padStart(8, '0')}` },
      ...{ stationId: id(u), category: '热心群众', serviceCategories: ['助老助残'] },
      consent: { method: 'phone_confirmation', note: '电话确认本人同意登记' },
    });
    if (!pending) await post(u, `/api/volunteers/${res.id}/transitions`, { action: 'certify' });
    return { id: res.id as string };
  });
}

function activity(u: U, tag = '', o: { publish?: boolean; startsAt?: string; needsApproval?: boolean } = {}): Promise<{ id: string }> {
  return once(`activity ${u} ${tag}`, async () => {
    const startsAt = o.startsAt ?? at(72);
    const made = await post(u, '/api/activities', {
      unitId: id(u),
      title: `矩阵活动${next()}`,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
      positions: [{ name: '志愿者', headcount: 10 }],
      needsApproval: o.needsApproval ?? false,
    });
    const a = made.items[0];
    if (o.publish !== false) await post(u, `/api/activities/${a.id}/transitions`, { action: 'publish' });
    return { id: a.id as string };
  });
}

/** An activity of the station with the station's volunteer signed up. */
function signedUp(u: U, tag: string): Promise<{ activityId: string; volunteerId: string; signupId: string }> {
  return once(`signup ${u} ${tag}`, async () => {
    const a = await activity(u, `signup ${tag}`, { ...(tag.includes('checkin') ? { startsAt: at(0.5) } : {}), needsApproval: tag === 'decide' });
    const v = await volunteerOf(u);
    await post(v, `/api/activities/${a.id}/signups`, {});
    const list = (await expectStatus(await adminOf(u).agent.get(`/api/activities/${a.id}/signups`), 200, 'signups')).json();
    const mine = ((list.items ?? list) as { id: string; volunteerId?: string }[]).find((x) => x.volunteerId === v.id);
    if (!mine) throw new Error(`no sign-up of ${v.id}: ${JSON.stringify(list).slice(0, 300)}`);
    return { activityId: a.id, volunteerId: v.id, signupId: mine.id };
  });
}

function victimAccount(u: U, tag: string): Promise<string> {
  return once(`account ${u} ${tag}`, async () => {
    const k = next();
    const made = await post(u, '/api/accounts', { username: `victim${k}`, displayName: `受测账号${k}`, role: 'team_leader', unitId: id(u) });
    return made.account.id as string;
  });
}

function team(u: U): Promise<string> {
  return once(`team ${u}`, async () => (await post(u, '/api/teams', { unitId: id(u), kind: 'community_squad', name: `矩阵队伍${next()}` })).id);
}
function teamMember(u: U, tag: string): Promise<{ teamId: string; memberId: string }> {
  return once(`member ${u} ${tag}`, async () => {
    const teamId = await team(u);
    const v = await entered(u, `member ${tag}`);
    const page = await post(u, `/api/teams/${teamId}/members`, { volunteerId: v.id });
    const member = ((page.items ?? page.members ?? []) as { id: string; volunteerId: string }[]).find((m) => m.volunteerId === v.id);
    if (!member) throw new Error(`no member ${v.id}: ${JSON.stringify(page).slice(0, 300)}`);
    return { teamId, memberId: member.id };
  });
}

/** The station's volunteer asking to join a team of the station: a pending membership. */
function applicant(u: U): Promise<{ teamId: string; memberId: string }> {
  return once(`applicant ${u}`, async () => {
    const teamId = (await post(u, '/api/teams', { unitId: id(u), kind: 'community_squad', name: `申请队伍${next()}` })).id as string;
    const v = await volunteerOf(u);
    await post(v, `/api/teams/${teamId}/join`, {});
    const page = (await expectStatus(await adminOf(u).agent.get(`/api/teams/${teamId}`), 200, 'team')).json();
    const member = ((page.items ?? page.members ?? []) as { id: string; volunteerId: string }[]).find((m) => m.volunteerId === v.id);
    if (!member) throw new Error(`no applicant ${v.id}: ${JSON.stringify(page).slice(0, 300)}`);
    return { teamId, memberId: member.id };
  });
}

// ─── the body generator ────────────────────────────────────────────────────────────────────────

function deref(s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split('/').pop() as string;
  return deref(doc.components?.schemas?.[name] ?? {});
}

/** Candidate strings, the first that fits the schema's pattern wins. */
function candidates(k: number): string[] {
  return [`矩阵测试${k}`, `m${k}x`, `139${String(k).padStart(8, '0')}`, '09:00', day(7)];
}

/**
 * A value that passes the schema: required properties only, enums and consts their first value,
 * ids from the target, dates from the world's clock, every minimum respected.
 */
function sample(schema: JsonSchema, name: string, ids: Record<string, unknown>): unknown {
  const s = deref(schema);
  if (name in ids) return ids[name];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((x) => deref(x).type !== 'null') ?? alt[0], name, ids);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => sample(x, name, ids)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) out[key] = sample(s.properties?.[key] ?? {}, key, ids);
    // The target's ids go in wherever the schema has a property of that name, required or not.
    for (const key of Object.keys(s.properties ?? {})) if (key in ids && !(key in out)) out[key] = ids[key];
    return out;
  }
  if (type === 'array') return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, name, ids));
  if (type === 'integer' || type === 'number') {
    let v = 1;
    if (s.minimum !== undefined && v < s.minimum) v = s.minimum;
    if (s.maximum !== undefined && v > s.maximum) v = s.maximum;
    return v;
  }
  if (type === 'boolean') return false;
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'date') return day(0);
  if (s.format === 'date-time') return at(72);
  const k = next();
  const fits = candidates(k).map((c) => c.padEnd(s.minLength ?? 0, '长'));
  return (s.pattern ? fits.find((c) => new RegExp(s.pattern as string, 'u').test(c)) : fits[0]) ?? fits[0];
}

// ─── the cases: which action each write's handler checks, on which unit, with what body ───────

const onUnit = (u: U): Target => ({ unit: id(u), ids: { unitId: id(u) } });
const station = (u: U): Target => ({ unit: id(u), ids: { stationId: id(u), unitId: id(u) } });
const institute = (u: U): Target => ({ unit: id(u), ids: { instituteId: id(u), unitId: id(u) } });

const CASES: Record<string, Case | Case[]> = {
  // accounts
  createAccount: {
    action: 'accounts.manage',
    on: STATIONS,
    target: async (u) => ({ ...onUnit(u), body: { role: 'team_leader' } }),
  },
  disableAccount: { action: 'accounts.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await victimAccount(u, 'disable') } }) },
  enableAccount: { action: 'accounts.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await victimAccount(u, 'enable') } }) },
  resetAccountPassword: { action: 'accounts.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await victimAccount(u, 'reset') } }) },
  revokeAccountSessions: { action: 'accounts.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await victimAccount(u, 'revoke') } }) },

  // org
  createUnit: { action: 'org.create_unit', on: STREETS, target: async (u) => ({ unit: id(u), ids: { parentId: id(u) }, body: { kind: 'station' } }) },
  updateUnit: { action: 'org.edit', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: id(u) }, body: { intro: '矩阵测试简介' } }) },
  createPost: { action: 'org.edit', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: id(u) }, body: { post: 'staff' } }) },
  updatePost: {
    action: 'org.edit',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      body: { post: 'station_head' },
      params: { id: (await once(`post ${u} u`, () => post(u, `/api/org/units/${id(u)}/posts`, { post: 'station_head', holderName: '张站长' }))).id },
    }),
  },
  deletePost: {
    action: 'org.edit',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      fresh: async () => ({ params: { id: (await post(u, `/api/org/units/${id(u)}/posts`, { post: 'staff', holderName: `工作人员${next()}` })).id } }),
    }),
  },
  addLeadingGroupMember: { action: 'org.edit', on: STREETS, target: async (u) => ({ unit: id(u), params: { id: id(u) } }) },
  updateLeadingGroupMember: {
    action: 'org.edit',
    on: STREETS,
    target: async (u) => ({
      unit: id(u),
      params: { id: (await once(`lg ${u} u`, () => post(u, `/api/org/units/${id(u)}/leading-group`, { name: '王组长', groupRole: 'member' }))).id },
    }),
  },
  removeLeadingGroupMember: {
    action: 'org.edit',
    on: STREETS,
    target: async (u) => ({
      unit: id(u),
      params: { id: (await once(`lg ${u} d`, () => post(u, `/api/org/units/${id(u)}/leading-group`, { name: '赵成员', groupRole: 'member' }))).id },
    }),
  },

  // settings, audit
  updateRule: {
    action: 'settings.edit',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { unitId: id(u), key: 'security.totpRequiredRoles' }, body: { value: [] } }),
  },
  resetRule: { action: 'settings.edit', on: STREETS, target: async (u) => ({ unit: id(u), params: { unitId: id(u), key: 'orders.defaultSlaHours' } }) },
  verifyAudit: { action: 'audit.verify', on: ['S1'], roleOnly: true },
  exportAuditCheckpoint: { action: 'audit.verify', on: ['S1'], roleOnly: true },

  // notifications: another person's notice
  markNotificationRead: {
    action: null,
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && u === 'A',
    target: async (u) => ({ unit: id(u), params: { id: await noticeOf(u) } }),
  },

  // volunteers
  registerVolunteer: {
    action: 'volunteers.manage',
    on: STATIONS,
    target: async (u) => ({
      ...station(u),
      fresh: async () => {
        const k = next();
        return {
          body: {
            idNumber: makeIdNumber('500102', '1984-06-01', ++people),
            phone: `133${String(k).padStart(8, '0')}`,
            consent: { method: 'phone_confirmation', note: '电话确认' },
          },
        };
      },
    }),
  },
  importVolunteers: { action: 'volunteers.manage', on: ['S1'], roleOnly: true },
  exportVolunteersNational: {
    action: 'volunteers.export_national',
    on: ['S1'],
    roleOnly: true,
    target: async () => ({ unit: id('S1'), body: { reason: '向全国平台报送' } }),
  },
  updateVolunteer: {
    action: 'volunteers.manage',
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && u === 'A',
    target: async (u) => ({ unit: id(u), params: { id: (await volunteerOf(u)).id }, body: { skills: ['驾驶'] } }),
  },
  transitionVolunteer: {
    action: 'volunteers.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await entered(u, 'pending', true)).id }, body: { action: 'certify' } }),
  },
  addTraining: { action: 'volunteers.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: (await entered(u)).id } }) },
  addAward: { action: 'volunteers.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: (await entered(u)).id } }) },
  resolveCorrectionRequest: {
    action: 'volunteers.manage',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      params: { id: (await once(`correction ${u}`, async () => post(await volunteerOf(u), '/api/correction-requests', { message: '我的手机号变了' }))).id },
    }),
  },

  // teams
  createTeam: { action: 'teams.manage', on: STATIONS, target: async (u) => ({ ...onUnit(u), body: { kind: 'community_squad' } }) },
  updateTeam: { action: 'teams.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await team(u) }, body: { intro: '矩阵测试' } }) },
  addTeamMember: {
    action: 'teams.manage',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      params: { id: await team(u) },
      fresh: async () => ({ ids: { volunteerId: (await entered(u, `add ${next()}`)).id } }),
    }),
  },
  joinTeam: {
    action: null,
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && u === 'A',
    target: async (u) => ({
      unit: id(u),
      params: {
        id: await once(`jointeam ${u}`, async () => (await post(u, '/api/teams', { unitId: id(u), kind: 'community_squad', name: `招募队伍${next()}` })).id),
      },
    }),
  },
  decideTeamMember: {
    action: 'teams.manage',
    on: STATIONS,
    target: async (u) => {
      const m = await applicant(u);
      return { unit: id(u), params: { id: m.teamId, memberId: m.memberId }, body: { decision: 'approve' } };
    },
  },
  setTeamMemberRole: {
    action: 'teams.manage',
    on: STATIONS,
    target: async (u) => {
      const m = await teamMember(u, 'role');
      return { unit: id(u), params: { id: m.teamId, memberId: m.memberId }, body: { role: 'deputy' } };
    },
  },
  removeTeamMember: {
    action: 'teams.manage',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      params: { id: await team(u) },
      fresh: async () => ({ params: { id: await team(u), memberId: (await teamMember(u, `remove ${next()}`)).memberId } }),
    }),
  },

  // hours
  backfillServiceRecord: {
    action: 'hours.enter',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      ids: { unitId: id(u), evidenceFileIds: [await evidence(u)] },
      body: { serviceDate: day(-1), startTime: '09:00', endTime: '11:00', content: '上门陪伴老人', reason: '纸质签到补录' },
      fresh: async () => ({ ids: { volunteerId: (await entered(u, `backfill ${next()}`)).id } }),
    }),
  },
  decideServiceRecord: {
    action: 'hours.approve',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await hoursRecord(u, 'decide') }, body: { decision: 'approve' } }),
  },
  approveServiceRecords: { action: 'hours.approve', on: STATIONS, target: async (u) => ({ unit: id(u), ids: { ids: [await hoursRecord(u, 'bulk')] } }) },
  correctServiceRecord: {
    action: 'hours.enter',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await hoursRecord(u, 'correct', true) }, body: { hoursDelta: 0.5, reason: '补记半小时' } }),
  },
  exportHoursNational: {
    action: 'hours.export_national',
    on: STATIONS,
    target: async (u) => ({ ...onUnit(u), body: { from: day(-30), to: day(0), reason: '向全国平台报送' } }),
  },
  importHours: { action: 'hours.enter', on: ['S1'], roleOnly: true },

  // certificates
  issueCertificate: {
    action: 'certificates.issue',
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && u === 'A',
    target: async (u) => ({ unit: id(u), ids: { volunteerId: (await volunteerOf(u)).id }, body: { from: day(-365), to: day(0) } }),
  },
  revokeCertificate: { action: 'certificates.issue', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await certificate(u) } }) },

  // programmes, brands, venues
  createProgramme: { action: 'programmes.manage', on: STATIONS, target: async (u) => onUnit(u) },
  updateProgramme: {
    action: 'programmes.manage',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      params: { id: (await once(`programme ${u}`, () => post(u, '/api/programmes', { unitId: id(u), block: 'care', name: `矩阵项目${next()}` }))).id },
      body: { intro: '矩阵' },
    }),
  },
  setBrand: { action: 'programmes.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { unitId: id(u) } }) },
  createVenue: { action: 'venues.manage', on: STATIONS, target: async (u) => ({ ...onUnit(u), body: { rooms: [] } }) },
  updateVenue: { action: 'venues.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await venue(u) }, body: { intro: '矩阵' } }) },
  addRoom: { action: 'venues.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await venue(u) } }) },
  updateRoom: { action: 'venues.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await room(u) }, body: { capacity: 30 } }) },

  // activities
  createActivity: {
    action: 'activities.create',
    on: STATIONS,
    target: async (u) => ({ ...onUnit(u), body: { startsAt: at(72), endsAt: at(74), positions: [{ name: '志愿者', headcount: 5 }] } }),
  },
  updateActivity: {
    action: 'activities.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await activity(u, 'update')).id }, body: { title: '改过的活动' } }),
  },
  transitionActivity: {
    action: 'activities.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await activity(u, 'transition', { publish: false })).id }, body: { action: 'publish' } }),
  },
  signUpForActivity: {
    action: null,
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && instituteOf(u) === 'S1',
    target: async (u) => ({ unit: id(u), params: { id: (await activity(u, 'open')).id } }),
  },
  cancelMySignup: {
    action: null,
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && u === 'A',
    target: async (u) => ({ unit: id(u), params: { id: (await signedUp(u, 'cancel mine')).activityId } }),
  },
  cancelSignupForVolunteer: {
    action: 'activities.manage',
    on: STATIONS,
    target: async (u) => {
      const s = await signedUp(u, 'cancel staff');
      return {
        unit: id(u),
        params: { id: s.activityId, volunteerId: s.volunteerId },
        fresh: async () => {
          const again = await signedUp(u, `cancel staff ${next()}`);
          return { params: { id: again.activityId, volunteerId: again.volunteerId } };
        },
      };
    },
  },
  decideActivitySignup: {
    action: 'activities.manage',
    on: STATIONS,
    target: async (u) => {
      const s = await signedUp(u, 'decide');
      return { unit: id(u), params: { id: s.activityId, signupId: s.signupId }, body: { approve: true } };
    },
  },
  checkInToActivity: {
    action: null,
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && u === 'A',
    target: async (u) => {
      const a = (await signedUp(u, 'checkin')).activityId;
      const token = (await expectStatus(await adminOf(u).agent.get(`/api/activities/${a}/checkin-token`), 200, 'check-in token')).json();
      return { unit: id(u), params: { id: a }, body: { token: token.token } };
    },
  },
  staffCheckIn: {
    action: 'activities.manage',
    on: STATIONS,
    target: async (u) => {
      const s = await signedUp(u, 'staff checkin');
      return { unit: id(u), params: { id: s.activityId }, ids: { volunteerId: s.volunteerId }, body: { direction: 'in', reason: '手机没电' } };
    },
  },
  submitActivitySummary: {
    action: 'activities.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await activity(u, 'summary')).id } }),
  },
  grantActivityBonus: { action: 'points.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: (await activity(u, 'bonus')).id } }) },

  // orders
  createServiceItem: { action: 'orders.manage', on: STATIONS, target: async (u) => onUnit(u) },
  archiveServiceItem: {
    action: 'orders.manage',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      params: {
        id: (await once(`item ${u}`, () => post(u, '/api/service-items', { unitId: id(u), name: `矩阵服务${next()}`, typicalHours: 1, slaHours: 24 }))).id,
      },
      body: { archived: true },
    }),
  },
  // A person's own order is open to anyone (the public portal takes them too): what the matrix checks is staff taking one on someone's behalf.
  placeOrder: {
    action: 'orders.manage',
    on: STATIONS,
    target: async (u) => ({ ...station(u), body: { onBehalf: { name: '李大爷', channel: 'staff_phone' } } }),
  },
  actOnOrder: [
    {
      action: 'orders.manage',
      on: STATIONS,
      target: async (u) => ({ unit: id(u), params: { id: await order(u) }, body: { action: 'review', verified: true } }),
    },
    // The self-service side: accepting an order offered to a volunteer (station A's: the volunteer actor; else another).
    {
      label: 'accept',
      action: null,
      on: STATIONS,
      owner: (a, u) => a === 'volunteer' && u === 'A',
      target: async (u) => ({ unit: id(u), params: { id: await offeredOrder(u) }, body: { action: 'accept' } }),
    },
  ],

  // care
  createCareRecipient: { action: 'care.manage', on: STATIONS, target: async (u) => ({ ...station(u), body: { legalBasis: 'statutory_duty' } }) },
  updateCareRecipient: {
    action: 'care.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await careRecipient(u) }, body: { needs: '每周探访' } }),
  },
  addCareVisit: { action: 'care.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await careRecipient(u) }, body: { at: at(-2) } }) },

  // open311
  issueOpen311Key: { action: 'open311.manage', on: STREETS, target: async (u) => onUnit(u) },
  revokeOpen311Key: {
    action: 'open311.manage',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await once(`key ${u}`, () => post(u, '/api/open311/keys', { unitId: id(u), name: '热线' }))).id } }),
  },

  // funds
  createBudgetLine: { action: 'funds.write', on: STATIONS, target: async (u) => ({ ...onUnit(u), body: { year: 2026 } }) },
  adjustBudgetLine: {
    action: 'funds.write',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await budgetLine(u) }, body: { amountFen: 100 } }),
  },
  createFundEntry: { action: 'funds.write', on: STATIONS, target: async (u) => ({ ...onUnit(u), body: { spentOn: day(-1), receiptFileIds: [] } }) },
  correctFundEntry: {
    action: 'funds.write',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await fundEntry(u) }, body: { amountFen: -100 } }),
  },

  // meetings (held by a street; resolutions owned by a station)
  createMeeting: {
    action: 'meetings.write',
    on: STREETS,
    target: async (u) => ({
      ...onUnit(u),
      ids: { unitId: id(u), attendees: [{ source: 'leading_group', refId: await leader(u) }] },
      body: { startsAt: at(2) },
    }),
  },
  updateMeeting: {
    action: 'meetings.write',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await meeting(u, 'update')).id }, body: { place: '二楼会议室' } }),
  },
  markMeetingHeld: { action: 'meetings.write', on: STREETS, target: async (u) => ({ unit: id(u), params: { id: (await meeting(u, 'held')).id } }) },
  publishMeetingMinutes: {
    action: 'meetings.write',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await meeting(u, 'publish', true)).id } }),
  },
  signInToMeeting: {
    action: 'meetings.attend',
    on: STREETS,
    target: async (u) => {
      const m = await meeting(u, 'sign-in');
      return {
        unit: id(u),
        params: { id: m.id },
        body: { token: (await expectStatus(await adminOf(u).agent.get(`/api/meetings/${m.id}/sign-in-token`), 200, 'token')).json().token },
      };
    },
  },
  markMeetingAttendance: {
    action: 'meetings.write',
    on: STREETS,
    target: async (u) => {
      const m = await meeting(u, 'attendance');
      return { unit: id(u), params: { id: m.id, attendeeId: m.attendees[0].id }, body: { status: 'present' } };
    },
  },
  addMeetingResolution: {
    action: 'meetings.write',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await meeting(u, 'resolution', true)).id }, ids: { ownerUnitId: id(u) }, body: { deadline: day(14) } }),
  },
  followUpResolution: { action: 'meetings.follow_up', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await resolution(u) } }) },

  // plan
  createPlanTask: { action: 'plan.manage', on: STATIONS, target: async (u) => ({ ...onUnit(u), body: { deadline: day(7) } }) },
  addPlanTaskNote: { action: 'plan.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await planTask(u) } }) },
  createPlanMilestone: { action: 'plan.manage', on: STREETS, target: async (u) => ({ ...onUnit(u), body: { dueOn: day(30) } }) },
  setPlanMilestoneDone: {
    action: 'plan.manage',
    on: STREETS,
    target: async (u) => ({
      unit: id(u),
      params: { id: (await once(`milestone ${u}`, () => post(u, '/api/plan/milestones', { unitId: id(u), title: '完成阵地挂牌', dueOn: day(30) }))).id },
      body: { doneOn: day(0) },
    }),
  },
  addRulesDocument: {
    action: 'plan.write',
    on: STATIONS,
    target: async (u) => ({ ...onUnit(u), ids: { unitId: id(u), fileId: await evidence(u) }, body: { effectiveOn: day(0) } }),
  },

  // training (held by a street)
  createTrainingSession: { action: 'training.write', on: STREETS, target: async (u) => ({ ...onUnit(u), body: { hours: 2, startsAt: at(2) } }) },
  markTrainingAttendance: {
    action: 'training.write',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await training(u)).id }, body: { kind: 'staff', refId: adminOf(u).accountId, status: 'present' } }),
  },
  setTrainingMaterials: {
    action: 'training.write',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await training(u)).id }, body: { fileIds: [] } }),
  },
  /** A trainee is a staff account or a certified volunteer of the holding unit or below (training.attendance.ts), not a POLICY action. */
  signInToTraining: {
    action: null,
    on: STREETS,
    owner: (a, u) => (u === 'S1' ? ['volunteer', 'station_admin', 'station_admin_B', 'institute_admin'].includes(a) : a === 'institute_admin_2'),
    target: async (u) => {
      const t = await training(u);
      return {
        unit: id(u),
        params: { id: t.id },
        body: { token: (await expectStatus(await adminOf(u).agent.get(`/api/training/sessions/${t.id}/sign-in-token`), 200, 'token')).json().token },
      };
    },
  },

  // standards
  addStandardEvidence: {
    action: 'standards.evidence',
    on: STATIONS,
    target: async (u) => ({ ...onUnit(u), body: { standard: 'signage', kind: 'signboard', fileIds: [], link: 'https://example.com/photo' } }),
  },
  withdrawStandardEvidence: { action: 'standards.evidence', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await standardEvidence(u) } }) },
  confirmStandard: {
    action: 'standards.confirm',
    on: STATIONS,
    target: async (u) => ({ ...onUnit(u), body: { standard: 'signage', decision: 'met', reason: '标牌齐全' } }),
  },

  // assessment (the tree and periods of a street; the sheets of a station)
  createAssessmentIndicator: { action: 'assessment.manage', on: STREETS, target: async (u) => institute(u) },
  createDefaultAssessmentIndicators: { action: 'assessment.manage', on: STREETS, target: async (u) => institute(u) },
  updateAssessmentIndicator: {
    action: 'assessment.manage',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: await indicator(u) }, body: { title: '改过的指标' } }),
  },
  openAssessmentPeriod: {
    action: 'assessment.manage',
    on: STREETS,
    target: async (u) => ({
      ...institute(u),
      fresh: async () => {
        const y = 2030 + next();
        return { body: { kind: 'year', label: `${y}年度`, startsOn: `${y}-01-01`, endsOn: `${y}-12-31`, selfDeadline: `${y}-12-20` } };
      },
    }),
  },
  reviewAssessmentPeriod: { action: 'assessment.manage', on: STREETS, target: async (u) => ({ unit: id(u), params: { id: (await period(u, 'review')).id } }) },
  publishAssessmentPeriod: {
    action: 'assessment.manage',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await period(u, 'publish', true)).id } }),
  },
  scoreAssessmentSelf: {
    action: 'assessment.self',
    on: STATIONS,
    target: async (u) => {
      const p = await period(instituteOf(u), 'self');
      return { unit: id(u), params: { id: p.id, stationId: id(u) }, ids: { indicatorId: await indicator(instituteOf(u)) }, body: { points: 1 } };
    },
  },
  submitAssessmentSelf: {
    action: 'assessment.self',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await period(instituteOf(u), 'submit')).id, stationId: id(u) } }),
  },
  scoreAssessmentReview: {
    action: 'assessment.manage',
    on: STATIONS,
    target: async (u) => {
      const p = await period(instituteOf(u), 'review-score', true);
      return { unit: id(u), params: { id: p.id, stationId: id(u) }, ids: { indicatorId: await indicator(instituteOf(u)) }, body: { points: 1 } };
    },
  },

  // needs
  recordNeeds: { action: 'needs.record', on: STATIONS, target: async (u) => ({ ...station(u), body: { category: '助老助残' } }) },
  withdrawNeedsRecord: { action: 'needs.record', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await needsRecord(u) } }) },

  // activity plans (a street's plan; the assignments of a station)
  createActivityPlan: {
    action: 'activity_plans.manage',
    on: STREETS,
    target: async (u) => ({ ...institute(u), body: { periodKind: 'month', periodStart: '2027-01-01', periodEnd: '2027-01-31' } }),
  },
  addActivityPlanItem: {
    action: 'activity_plans.manage',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await activityPlan(u, 'item', false)).id } }),
  },
  publishActivityPlan: {
    action: 'activity_plans.manage',
    on: STREETS,
    target: async (u) => ({ unit: id(u), params: { id: (await activityPlan(u, 'publish', false)).id } }),
  },
  acceptPlanAssignment: {
    action: 'activity_plans.respond',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await assignment(u, 'accept') } }),
  },
  linkPlanAssignment: {
    action: 'activity_plans.respond',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await assignment(u, 'link') }, ids: { activityId: (await activity(u, 'plan link')).id } }),
  },
  markPlanAssignmentNotHeld: {
    action: 'activity_plans.respond',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await assignment(u, 'not held') } }),
  },

  // campaigns (a street's campaign; a station's nominations)
  createCampaign: {
    action: 'campaigns.manage',
    on: STREETS,
    target: async (u) => ({ ...institute(u), body: { year: 2026, nominateFrom: day(0), nominateUntil: day(30) } }),
  },
  nominate: {
    action: 'campaigns.nominate',
    on: STATIONS,
    target: async (u) => ({
      unit: id(u),
      params: { id: (await campaign(instituteOf(u), 'open')).id },
      ids: { stationId: id(u) },
      body: { consent: true, consentOn: day(0), address: '幸福小区2栋', members: 2 },
    }),
  },
  withdrawNomination: { action: 'campaigns.nominate', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await nomination(u, 'withdraw') } }) },
  decideNomination: {
    action: 'campaigns.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await nomination(u, 'decide') }, body: { selected: true } }),
  },
  publishCampaign: { action: 'campaigns.manage', on: STREETS, target: async (u) => ({ unit: id(u), params: { id: await selectedCampaign(u) } }) },
  finaliseCampaign: { action: 'campaigns.manage', on: STREETS, target: async (u) => ({ unit: id(u), params: { id: (await campaign(u, 'finalise')).id } }) },
  resolveObjection: { action: 'campaigns.manage', on: STREETS, target: async (u) => ({ unit: id(u), params: { id: await objection(u) } }) },

  // recognition
  giveAward: {
    action: 'recognition.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), body: { volunteerId: (await entered(u)).id, awardedOn: day(0), level: '社区级' } }),
  },
  revokeAward: { action: 'recognition.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await award(u) } }) },
  createBenefit: { action: 'recognition.benefits', on: STREETS, roleOnly: true },
  updateBenefit: { action: 'recognition.benefits', on: STREETS, target: async (u) => ({ unit: id(u), params: { id: await benefit(u) } }) },
  recordConsent: {
    action: 'recognition.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await entered(u)).id }, body: { status: 'masked' } }),
  },

  // points
  grantPoints: { action: 'points.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: (await entered(u)).id } }) },
  deductPoints: { action: 'points.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await pointsHolder(u) } }) },
  revokePointEntry: { action: 'points.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await pointEntry(u) } }) },

  // market (a shop of a station; donors of a street)
  createMarketShop: { action: 'market.manage', on: STATIONS, target: async (u) => ({ ...onUnit(u), body: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] } }) },
  updateMarketShop: {
    action: 'market.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await shop(u)).shopId }, body: { name: '改名超市' } }),
  },
  createMarketGoods: { action: 'market.manage', on: STATIONS, target: async (u) => ({ unit: id(u), ids: { shopId: (await shop(u)).shopId } }) },
  updateMarketGoods: {
    action: 'market.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: (await shop(u)).goodsId }, body: { pricePoints: 2 } }),
  },
  createMarketDonor: { action: 'market.manage', on: STREETS, target: async (u) => institute(u) },
  createMarketIntake: {
    action: 'market.manage',
    on: STATIONS,
    target: async (u) => {
      const s = await shop(u);
      return {
        unit: id(u),
        ids: { shopId: s.shopId, items: [{ goodsId: s.goodsId, quantity: 1 }] },
        body: { kind: 'purchase', supplier: '粮油店', receivedOn: day(0) },
      };
    },
  },
  recordMarketStockOut: {
    action: 'market.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), ids: { goodsId: (await shop(u)).goodsId }, body: { kind: 'loss' } }),
  },
  reserveMarketGoods: {
    action: null,
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && instituteOf(u) === 'S1',
    target: async (u) => ({ unit: id(u), ids: { goodsId: (await shop(u)).goodsId } }),
  },
  collectMarketReservation: { action: 'market.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await reservation(u, 'collect') } }) },
  // The volunteer cancels their own reservation, the shop's staff any: here reservations the station's volunteer made.
  cancelMarketReservation: {
    action: 'market.manage',
    on: STATIONS,
    owner: (a, u) => a === 'volunteer' && u === 'A',
    target: async (u) => ({
      unit: id(u),
      params: { id: await ownReservation(u, 'cancel') },
      fresh: async () => ({ params: { id: await ownReservation(u, `cancel ${next()}`) } }),
    }),
  },

  // showcase, news
  createShowcase: {
    action: 'showcase.manage',
    on: STATIONS,
    target: async (u) => ({ ...onUnit(u), body: { kind: 'gallery', media: [{ fileId: await evidence(u) }] } }),
  },
  updateShowcase: {
    action: 'showcase.manage',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await showcase(u, 'update') }, body: { media: [{ fileId: await evidence(u) }] } }),
  },
  publishShowcase: { action: 'showcase.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await showcase(u, 'publish') } }) },
  withdrawShowcase: { action: 'showcase.manage', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await showcase(u, 'withdraw', true) } }) },
  createNews: { action: 'news.write', on: STATIONS, target: async (u) => ({ ...onUnit(u), body: { body: '<p>正文</p>' } }) },
  updateNews: {
    action: 'news.write',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await news(u, 'update') }, body: { body: '<p>改过</p>' } }),
  },
  publishNews: { action: 'news.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await news(u, 'publish') } }) },
  withdrawNews: { action: 'news.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await news(u, 'withdraw', 'published') } }) },
  submitNews: { action: 'news.write', on: STATIONS, target: async (u) => ({ unit: id(u), params: { id: await news(u, 'submit') } }) },
  adoptNews: { action: 'news.review', on: STATIONS, target: async (u) => ({ unit: instituteUnit(u), params: { id: await news(u, 'adopt', 'submitted') } }) },
  returnNews: { action: 'news.review', on: STATIONS, target: async (u) => ({ unit: instituteUnit(u), params: { id: await news(u, 'return', 'submitted') } }) },

  // privacy
  decidePrivacyRequest: {
    action: 'privacy.process',
    on: STATIONS,
    target: async (u) => ({ unit: id(u), params: { id: await privacyRequest(u) }, body: { decision: 'reject', reason: '仍在服务期内' } }),
  },

  // district
  createStreet: {
    action: 'org.create_street',
    on: ['D'],
    target: async () => ({
      unit: districtId,
      ids: { districtId },
      fresh: async () => {
        const k = next();
        return { body: { code: `5001${String(k).padStart(5, '0')}`, admin: { username: `streetm${k}`, displayName: `街道管理员${k}` } } };
      },
    }),
  },
  setStreetAdminStatus: {
    action: 'accounts.manage_street_admins',
    on: ['S2'],
    target: async (u) => ({ unit: id(u), params: { accountId: street2.admin.accountId }, body: { disabled: false } }),
  },
  createDistrictAccount: {
    action: 'accounts.manage_district',
    on: ['D'],
    target: async () => ({ unit: districtId, ids: { districtId }, body: { role: 'district_viewer' } }),
  },
  setDistrictAccountStatus: {
    action: 'accounts.manage_district',
    on: ['D'],
    target: async () => ({ unit: districtId, params: { accountId: staffActor('district_viewer').accountId }, body: { disabled: false } }),
  },
};

const instituteUnit = (u: U) => id(instituteOf(u));

// ─── more objects ──────────────────────────────────────────────────────────────────────────────

/** A photo uploaded by a colleague at the station: a file of the station, which its admins and its street's may cite (files.use). */
function evidence(u: U): Promise<string> {
  return once(`file ${u}`, async () => upload(await staffIn(u, 'station_admin')));
}
function hoursRecord(u: U, tag: string, approved = false): Promise<string> {
  return once(`hours ${u} ${tag}`, async () => {
    const clerk = await staffIn(u, 'station_admin');
    const file = await evidence(u);
    const r = await post(clerk, '/api/hours/backfill', {
      ...{
        volunteerId: (await entered(u, `hours ${tag}`)).id,
        unitId: id(u),
        title: '文明实践志愿服务',
        serviceDate: day(-1),
        startTime: '09:00',
        endTime: '11:00',
      },
      ...{ content: '上门陪伴老人', evidenceFileIds: [file], reason: '纸质签到补录' },
    });
    if (approved) await post(u, `/api/hours/${r.id}/decision`, { decision: 'approve' });
    return r.id as string;
  });
}
/** A colleague of the station made by its street's admin (the factories' makeStaff is street 1's): here, who enters hours, so that the station's own admin may approve them. */
function staffIn(u: U, role: Role): Promise<Staff> {
  return once(`staff ${u} ${role}`, async () => {
    const k = next();
    const username = `clerk${k}`;
    const made = await post(u, '/api/accounts', { username, displayName: `录入员${k}`, role, unitId: id(u) });
    const first = await w.t.login(username, made.oneTimePassword);
    const res = expectStatus(await first.post('/api/auth/password', { currentPassword: made.oneTimePassword, newPassword: PASSWORD }), 200, 'clerk password');
    return { agent: agentFromResponse(w.t.app, username, res), username, name: `录入员${k}`, accountId: made.account.id, role, unitId: id(u) };
  });
}

function certificate(u: U): Promise<string> {
  return once(`certificate ${u}`, async () => {
    await hoursRecord(u, 'certificate', true);
    const c = await post(u, '/api/certificates', { volunteerId: (await entered(u, 'hours certificate')).id, from: day(-365), to: day(0) });
    return c.id as string;
  });
}
function venue(u: U): Promise<string> {
  return once(`venue ${u}`, async () => (await post(u, '/api/venues', { unitId: id(u), kind: 'culture', name: `矩阵阵地${next()}`, rooms: [] })).id);
}
function room(u: U): Promise<string> {
  return once(`room ${u}`, async () => {
    const name = `活动室${next()}`;
    const v = await post(u, `/api/venues/${await venue(u)}/rooms`, { name, capacity: 20 });
    return (v.rooms as { id: string; name: string }[]).find((r) => r.name === name)?.id as string;
  });
}
/** An order of the station reviewed and offered to the station's volunteer (station A's: the volunteer actor). */
function offeredOrder(u: U): Promise<string> {
  return once(`offered order ${u}`, async () => {
    const requester = u === 'A' ? (actors.resident as Signed) : await residentOf(u);
    const o = await post(requester, '/api/orders', { description: '想请人帮忙修水龙头', stationId: id(u) });
    await post(u, `/api/orders/${o.id}/actions`, { action: 'review', verified: true });
    await post(u, `/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'volunteer', id: (await volunteerOf(u)).id } });
    return o.id as string;
  });
}

/** A reservation the station's volunteer made themselves (station A's: the volunteer actor). */
async function ownReservation(u: U, tag: string): Promise<string> {
  return once(`own reservation ${u} ${tag}`, async () => {
    const v = await volunteerOf(u);
    if (u !== 'A') await once(`points ${u} volunteer`, () => givePoints(w, v.id, 50));
    return (await post(v, '/api/market/reservations', { goodsId: (await shop(u)).goodsId })).id as string;
  });
}

function order(u: U): Promise<string> {
  return once(`order ${u}`, async () => {
    const requester = u === 'A' ? (actors.resident as Signed) : await residentOf(u);
    return (await post(requester, '/api/orders', { description: '想请人帮忙买点米和油', stationId: id(u) })).id;
  });
}
/** A resident of a station with an account, made by the station's street admin (the factory's is street 1's). */
function residentOf(u: U): Promise<Signed> {
  return once(`resident ${u}`, async () => {
    const k = next();
    const username = `resident${k}m`;
    const made = await post(u, '/api/accounts', {
      username,
      displayName: `居民${k}`,
      phone: `134${String(k).padStart(8, '0')}`,
      role: 'resident',
      unitId: id(u),
    });
    const first = await w.t.login(username, made.oneTimePassword);
    const res = expectStatus(
      await first.post('/api/auth/password', { currentPassword: made.oneTimePassword, newPassword: PASSWORD }),
      200,
      'resident password',
    );
    return { agent: agentFromResponse(w.t.app, username, res), username, name: `居民${k}` };
  });
}

function careRecipient(u: U): Promise<string> {
  return once(`care ${u}`, async () => {
    const r = await post(u, '/api/care-recipients', {
      stationId: id(u),
      name: `关爱对象${next()}`,
      categories: ['空巢老人'],
      legalBasis: 'statutory_duty',
      needs: '定期探访',
    });
    return (r.recipient?.id ?? r.id) as string;
  });
}
function budgetLine(u: U): Promise<string> {
  return once(
    `budget ${u}`,
    async () => (await post(u, '/api/funds/budget-lines', { year: 2026, unitId: id(u), kind: 'operation', source: 'fiscal', amountFen: 100_000 })).id,
  );
}
function fundEntry(u: U): Promise<string> {
  return once(`fund ${u}`, async () => {
    const e = await post(u, '/api/funds/entries', {
      ...{ spentOn: day(-1), unitId: id(u), kind: 'operation', source: 'fiscal', amountFen: 10_000 },
      ...{ purpose: '购买活动物资', payee: '便民超市', receiptFileIds: [] },
    });
    return e.id as string;
  });
}
function leader(u: U): Promise<string> {
  return once(`leader ${u}`, async () => (await post(u, `/api/org/units/${id(u)}/leading-group`, { name: '刘组长', groupRole: 'leader' })).id);
}
function meeting(u: U, tag: string, held = false): Promise<{ id: string; attendees: { id: string }[] }> {
  return once(`meeting ${u} ${tag}`, async () => {
    const attendees = [{ source: 'leading_group', refId: await leader(u) }, ...STAFF_ATTENDEES(u).map((a) => ({ source: 'staff', refId: a.accountId }))];
    const m = await post(u, '/api/meetings', {
      ...{ unitId: id(u), title: '新时代文明实践联席会议', kind: 'joint', startsAt: at(-1), place: '街道会议室' },
      ...{ agenda: ['通报工作'], attendees },
    });
    if (held) {
      await post(u, `/api/meetings/${m.id}/held`, {});
      await mk(u, 'PATCH', `/api/meetings/${m.id}`, { minutes: '会议研究了场地标识工作。' });
    }
    return m as { id: string; attendees: { id: string }[] };
  });
}
/**
 * The street's staff actors who may be on a meeting's list (a team leader may not): signing in is
 * then a question of scope.
 */
const STAFF_ATTENDEES = (u: U): Staff[] =>
  (instituteOf(u) === 'S1' ? (['station_admin', 'station_admin_B', 'institute_admin'] as const) : (['institute_admin_2'] as const)).map(staffActor);
function resolution(u: U): Promise<string> {
  return once(`resolution ${u}`, async () => {
    const m = await meeting(instituteOf(u), `resolution for ${u}`, true);
    const r = await post(instituteOf(u), `/api/meetings/${m.id}/resolutions`, { content: '落实场地标识', ownerUnitId: id(u), deadline: day(14) });
    return (r.id ?? r.resolutions?.at(-1)?.id) as string;
  });
}
function planTask(u: U): Promise<string> {
  return once(
    `task ${u}`,
    async () => (await post(u, '/api/plan/tasks', { unitId: id(u), title: '制作场地标牌', section: '二、(二)', leadName: '王宣传', deadline: day(7) })).id,
  );
}
function training(u: U): Promise<{ id: string }> {
  return once(`training ${u}`, async () =>
    post(u, '/api/training/sessions', {
      unitId: id(u),
      topic: '志愿服务业务培训',
      content: '时长认定',
      trainer: '讲师',
      hours: 2,
      place: '培训室',
      startsAt: at(0.25),
    }),
  ) as Promise<{ id: string }>;
}
function standardEvidence(u: U): Promise<string> {
  return once(`evidence ${u}`, async () => {
    const e = await post(u, '/api/standards/evidence', {
      unitId: id(u),
      standard: 'signage',
      kind: 'signboard',
      note: '门口标牌',
      fileIds: [await evidence(u)],
    });
    return e.id as string;
  });
}
/** An item of the street's indicator tree worth 10 points, under a category of its own. */
function indicator(u: U): Promise<string> {
  return once(`indicator ${u}`, async () => {
    const category = await post(u, '/api/assessment/indicators', { instituteId: id(u), title: '阵地建设' });
    return (await post(u, '/api/assessment/indicators', { instituteId: id(u), parentId: category.id, title: '场地标识', maxPoints: 10 })).id as string;
  });
}
/** A year's assessment of the street; `review`: moved on to the institute's review. */
function period(u: U, tag: string, review = false): Promise<{ id: string }> {
  return once(`period ${u} ${tag}`, async () => {
    await indicator(u);
    const y = 2100 + next();
    const p = await post(u, '/api/assessment/periods', {
      instituteId: id(u),
      kind: 'year',
      label: `${y}年度`,
      startsOn: `${y}-01-01`,
      endsOn: `${y}-12-31`,
      selfDeadline: `${y}-12-20`,
    });
    if (review) await post(u, `/api/assessment/periods/${p.id}/review`, {});
    return p as { id: string };
  });
}
function needsRecord(u: U): Promise<string> {
  return once(`needs ${u}`, async () => {
    const r = await post(u, '/api/needs', {
      ...{ stationId: id(u), collectedOn: day(0), method: 'visit', place: '幸福小区', respondentName: '张阿姨' },
      ...{ category: '助老助残', description: '上门理发', people: 1 },
    });
    return r.id as string;
  });
}
function activityPlan(u: U, tag: string, publish: boolean, stationIds: string[] = []): Promise<{ id: string; items?: { id: string }[] }> {
  return once(`plan ${u} ${tag}`, async () => {
    const k = next();
    const month = String((k % 12) + 1).padStart(2, '0');
    const year = 2040 + k;
    const plan = await post(u, '/api/activity-plans', {
      ...{ instituteId: id(u), periodKind: 'month', periodLabel: `${year}年${month}月` },
      ...{ periodStart: `${year}-${month}-01`, periodEnd: `${year}-${month}-28`, title: '活动计划' },
    });
    await post(u, `/api/activity-plans/${plan.id}/items`, { title: '冬季送温暖', stationIds });
    if (publish) return post(u, `/api/activity-plans/${plan.id}/publish`, {}) as Promise<{ id: string }>;
    return plan as { id: string };
  });
}
function assignment(u: U, tag: string): Promise<string> {
  return once(`assignment ${u} ${tag}`, async () => {
    await activityPlan(instituteOf(u), `assign ${u} ${tag}`, true, [id(u)]);
    const list = (await expectStatus(await adminOf(u).agent.get(`/api/plan-assignments?stationId=${id(u)}&pageSize=200`), 200, 'assignments')).json();
    const items = (list.items ?? list) as { id: string; status?: string }[];
    const fresh = items.filter((a) => !used.has(a.id));
    const a = fresh[0];
    if (!a) throw new Error(`no plan assignment for ${u}: ${JSON.stringify(list).slice(0, 300)}`);
    used.add(a.id);
    return a.id;
  });
}
const used = new Set<string>();
function campaign(u: U, tag: string): Promise<{ id: string }> {
  return once(`campaign ${u} ${tag}`, async () =>
    post(u, '/api/campaigns', {
      ...{ instituteId: id(u), year: 2026, kind: 'ten_star', title: `十星级文明户${next()}` },
      ...{ criteria: '爱国守法', nominateFrom: day(0), nominateUntil: day(30) },
    }),
  ) as Promise<{ id: string }>;
}
/** A campaign of the street with one nomination selected: ready for 公示. */
function selectedCampaign(u: U): Promise<string> {
  return once(`selected campaign ${u}`, async () => {
    const nom = await nomination(u === 'S1' ? 'A' : 'C', `publish ${u}`);
    await post(u, `/api/campaign-nominations/${nom}/decision`, { selected: true, reason: '事迹突出' });
    return (await campaign(u, `nominations publish ${u}`)).id;
  });
}

function nomination(u: U, tag: string): Promise<string> {
  return once(`nomination ${u} ${tag}`, async () => {
    const c = await campaign(instituteOf(u), `nominations ${tag}`);
    const r = await post(u, `/api/campaigns/${c.id}/nominations`, {
      ...{ stationId: id(u), nomineeName: `被推荐人${next()}`, deeds: '热心助人', evidence: '社区证明' },
      ...{ consent: true, consentRecordedBy: '社区工作人员', consentOn: day(0), address: '幸福小区1栋', members: 3 },
    });
    return r.id as string;
  });
}
function objection(u: U): Promise<string> {
  return once(`objection ${u}`, async () => {
    const c = await campaign(u, 'objection');
    const station = u === 'S1' ? 'A' : 'C';
    const nom = await post(u, `/api/campaigns/${c.id}/nominations`, {
      ...{ stationId: id(station), nomineeName: `被推荐人${next()}`, deeds: '热心助人', evidence: '社区证明' },
      ...{ consent: true, consentRecordedBy: '社区工作人员', consentOn: day(0), address: '幸福小区1栋', members: 3 },
    });
    await post(u, `/api/campaign-nominations/${nom.id}/decision`, { selected: true, reason: '事迹突出' });
    await post(u, `/api/campaigns/${c.id}/publication`, {});
    const res = await w.anon.post(`/api/public/campaigns/${c.id}/objections`, { nominationId: nom.id, content: '反映的情况不实', contact: '13900000001' });
    if (res.statusCode >= 300) throw new Error(`objection: ${res.statusCode} ${res.body}`);
    const view = (await expectStatus(await adminOf(u).agent.get(`/api/campaigns/${c.id}`), 200, 'campaign')).json();
    return view.objections[0].id as string;
  });
}
function award(u: U): Promise<string> {
  return once(`award ${u}`, async () => {
    const r = await post(u, '/api/recognition/awards', {
      volunteerId: (await entered(u)).id,
      title: '优秀志愿者',
      level: '社区级',
      grantedBy: '社区',
      awardedOn: day(0),
      reason: '服务突出',
    });
    return r.id as string;
  });
}
function benefit(u: U): Promise<string> {
  return once(
    `benefit ${u}`,
    async () => (await post(u, '/api/recognition/benefits', { title: '优先服务', description: '说明', provider: '爱心商家', minLevel: 1 })).id,
  );
}
function pointsHolder(u: U): Promise<string> {
  return once(`points ${u}`, async () => {
    const v = await entered(u, 'points');
    await post(u, `/api/points/volunteers/${v.id}/grants`, { points: 50, reason: '测试发放' });
    return v.id;
  });
}
function pointEntry(u: U): Promise<string> {
  return once(`point entry ${u}`, async () => {
    const v = await entered(u, 'entry');
    const r = await post(u, `/api/points/volunteers/${v.id}/grants`, { points: 5, reason: '测试发放' });
    return r.entries.items[0].id as string;
  });
}
function shop(u: U): Promise<{ shopId: string; goodsId: string }> {
  return once(`shop ${u}`, async () => {
    const s = await post(u, '/api/market/shops', { unitId: id(u), name: '爱心超市', openWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    const g = await post(u, '/api/market/goods', { shopId: s.id, name: '大米', unitLabel: '袋', pricePoints: 1, monthlyLimit: 0 });
    await post(u, '/api/market/intakes', {
      shopId: s.id,
      kind: 'purchase',
      supplier: '粮油店',
      valueFen: 10000,
      receivedOn: day(0),
      items: [{ goodsId: g.id, quantity: 100 }],
    });
    return { shopId: s.id as string, goodsId: g.id as string };
  });
}
function reservation(u: U, tag: string): Promise<string> {
  return once(`reservation ${u} ${tag}`, async () => {
    const v = await entered(u, `reserve ${tag}`);
    await givePoints(w, v.id, 20);
    const r = await post(u, '/api/market/reservations', { goodsId: (await shop(u)).goodsId, volunteerId: v.id });
    return r.id as string;
  });
}
function showcase(u: U, tag: string, publish = false): Promise<string> {
  return once(`showcase ${u} ${tag}`, async () => {
    const s = await post(u, '/api/showcase', { unitId: id(u), kind: 'gallery', title: '重阳节敬老活动', media: [{ fileId: await evidence(u) }] });
    if (publish) await post(u, `/api/showcase/${s.id}/publication`, {});
    return s.id as string;
  });
}
function news(u: U, tag: string, state: 'draft' | 'published' | 'submitted' = 'draft'): Promise<string> {
  return once(`news ${u} ${tag}`, async () => {
    const s = await post(u, '/api/news', { unitId: id(u), title: `矩阵新闻${next()}`, category: 'work', body: '<p>正文</p>' });
    if (state === 'published') await post(u, `/api/news/${s.id}/publication`, {});
    if (state === 'submitted') await post(u, `/api/news/${s.id}/submissions`, {});
    return s.id as string;
  });
}
function privacyRequest(u: U): Promise<string> {
  return once(`privacy ${u}`, async () => (await post(await volunteerOf(u), '/api/privacy/my-requests', {})).id);
}
/** A notice of someone made for it: the signed-up volunteer of the station, told of their sign-up. */
function noticeOf(u: U): Promise<string> {
  return once(`notice ${u}`, async () => {
    const v = await volunteerOf(u);
    await signedUp(u, 'notice');
    const list = (await expectStatus(await v.agent.get('/api/notifications?pageSize=50'), 200, 'notices')).json();
    const first = (list.items ?? [])[0];
    if (!first) throw new Error(`no notice for the volunteer of ${u}: ${JSON.stringify(list).slice(0, 200)}`);
    return first.id as string;
  });
}

// ─── running the matrix ────────────────────────────────────────────────────────────────────────

type Outcome = 'success' | 'refused' | 'invalid' | 'state';
interface Cell {
  op: string;
  /** The target: its unit, and the case's label when a write has two. */
  u: string;
  actor: ActorKey;
  allowed: boolean;
  status: number;
  code: unknown;
  /** Audit rows this actor wrote (actions), among the refused: who wrote is read from the row. */
  audited: string[];
  outcome: Outcome;
  body: string;
}
const cells: Cell[] = [];
const setupErrors: string[] = [];

function actorFor(k: ActorKey): Actor {
  return { grants: actors[k].grants.map((g) => ({ ...g, teamId: null })) } as unknown as Actor;
}

function allowed(c: Case, k: ActorKey, u: U, t: Target): boolean {
  if (c.owner?.(k, u)) return true;
  if (!c.action) return false;
  const a = actorFor(k);
  if (c.roleOnly) return hasRoleFor(a, c.action);
  return unitsInScope(tree, a, c.action).has(t.unit);
}

function outcomeOf(res: LightMyRequestResponse): Outcome {
  if (res.statusCode < 300) return 'success';
  const code = codeOf(res);
  if (res.statusCode === 403 || res.statusCode === 404) return 'refused';
  if (code === 'validation.failed' || code === 'request.bad_json') return 'invalid';
  return 'state';
}

/** Where the audit log ends now. */
async function auditEnd(): Promise<number> {
  const row = await w.t.deps.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('pos').as('pos'))
    .executeTakeFirstOrThrow();
  return Number(row.pos ?? 0);
}

/** The audit rows written since `end`: their action and whose account wrote them. */
function auditSince(end: number) {
  return w.t.deps.db.selectFrom('audit_log').select(['action', 'actor_account_id', 'outcome']).where('pos', '>', end).execute();
}
const accountOf = new Map<ActorKey, string>();

function multipartSend(agent: Agent, url: string): Promise<LightMyRequestResponse> {
  const body = multipart('file', 'roster.xlsx', TINY_PNG);
  return w.t.app.inject({ method: 'POST', url, headers: { ...body.headers, cookie: agent.cookie, 'x-csrf-token': agent.csrfToken }, payload: body.payload });
}

async function runCase(wr: Write, c: Case): Promise<void> {
  for (const u of c.on) {
    let t: Target;
    let base: Partial<Target>;
    try {
      t = c.target ? await c.target(u) : { unit: id(u) };
      base = t.fresh ? await t.fresh() : {};
      fillPath(wr.path, { ...t.params, ...base.params });
    } catch (e) {
      setupErrors.push(`${wr.operationId}@${u}: ${(e as Error).message}`);
      continue;
    }
    const send = async (k: ActorKey, more: Partial<Target>): Promise<Cell> => {
      const ids = { ...t.ids, ...more.ids };
      const body = wr.body && !wr.multipart ? { ...(sample(wr.body, 'body', ids) as object), ...t.body, ...more.body } : undefined;
      const url = fillPath(wr.path, { ...t.params, ...more.params });
      const agent = actors[k].agent;
      const res = wr.multipart ? await multipartSend(agent, url) : await sendWrite(agent, wr.method, url, body);
      const cell: Cell = {
        ...{ op: wr.operationId, u: c.label ? `${u}:${c.label}` : u, actor: k, allowed: allowed(c, k, u, t) },
        ...{ status: res.statusCode, code: codeOf(res), audited: [], outcome: outcomeOf(res), body: res.body.slice(0, 200) },
      };
      cells.push(cell);
      return cell;
    };
    // The refused first, on the objects as made (nothing they send may change them), with one look
    // at the audit log around them all: a row goes to the cell of the account that wrote it, and a
    // row of no account (or of no refused actor's) to all of them.
    const denied = ACTORS.filter((k) => !allowed(c, k, u, t));
    const end = await auditEnd();
    const sent: Cell[] = [];
    for (const k of denied) sent.push(await send(k, base));
    for (const row of end === (await auditEnd()) ? [] : await auditSince(end)) {
      const owner = sent.find((cell) => accountOf.get(cell.actor) === row.actor_account_id);
      for (const cell of owner ? [owner] : sent) cell.audited.push(`${row.action} (${row.outcome})`);
    }
    // Then the allowed, least privileged first, each on a fresh object where one request consumes it.
    let first = true;
    for (const k of ACTORS.filter((x) => allowed(c, x, u, t))) {
      await send(k, first ? base : t.fresh ? await t.fresh() : {});
      first = false;
    }
  }
}

const started = Date.now();

beforeAll(async () => {
  w = await makeWorld();
  const da = await makeDistrictAdmin(w);
  districtId = da.districtId;
  const dv = await w.makeDistrictViewer();
  street2 = await makeStreet(w, da);
  const a = await w.makeStation();
  const b = await w.makeStation();
  const c = await street2.makeStation();
  Object.assign(unitIds, { A: a.id, B: b.id, C: c.id, S1: w.instituteId, S2: street2.id, D: districtId });
  const staff = (s: Staff) => ({ ...s, grants: [{ role: s.role, unitId: s.unitId }] });
  Object.assign(actors, {
    volunteer: { ...(await w.makeVolunteer({ stationId: a.id })), grants: [] },
    resident: await w.makeResident({ stationId: a.id }).then((r) => ({ ...r, grants: [{ role: 'resident' as Role, unitId: a.id }] })),
    team_leader: staff(await w.makeStaff('team_leader', a.id)),
    station_admin: staff(await w.stationAdmin(a.id)),
    station_admin_B: staff(await w.stationAdmin(b.id)),
    institute_admin: staff(w.admin),
    institute_admin_2: staff(street2.admin),
    district_viewer: staff(dv),
    district_admin: staff(da),
  });
  await givePoints(w, (actors.volunteer as unknown as Volunteer).id, 50);
  for (const k of ACTORS) accountOf.set(k, expectStatus(await actors[k].agent.get('/api/auth/me'), 200, 'me').json().account.id);
  doc = await openApiDoc(w.anon);
  writes = sessionWrites(doc);
  tree = await unitTreeOf(w.t.deps.db);
  for (const wr of writes) {
    const c = CASES[wr.operationId];
    for (const one of c ? [c].flat() : []) await runCase(wr, one);
  }
});
afterAll(async () => {
  await w?.close();
});

describe('the authorization matrix: every role × every session write × its own unit and another', () => {
  it('covers every session write: a case for each, or a reason it has no one else to aim at', () => {
    const ops = writes.map((r) => r.operationId).sort();
    const covered = [...Object.keys(CASES), ...Object.keys(SELF_ONLY)].sort();
    expect(covered).toEqual(ops);
    expect(Object.keys(CASES).filter((k) => k in SELF_ONLY)).toEqual([]);
    for (const c of Object.values(CASES).flat()) if (c.action) expect(POLICY).toHaveProperty([c.action]);
  });

  it('builds every target', () => {
    expect(setupErrors).toEqual([]);
  });

  it('has no unexpected success: no 2xx and no audit row where the policy says no', () => {
    const wrong = cells.filter((c) => !c.allowed && (c.outcome === 'success' || c.audited.length > 0));
    expect(wrong.map((c) => `${c.op}@${c.u} as ${c.actor}: ${c.status} ${c.audited.join(' ')} ${c.body}`)).toEqual([]);
  });

  it('refuses the district viewer every write: before the handler (403 access.read_only) but for the self-service ones, in them (403/404)', () => {
    const self = new Set(writes.filter((r) => r.selfService).map((r) => r.operationId));
    const viewer = cells.filter((c) => c.actor === 'district_viewer');
    expect(viewer.length).toBeGreaterThan(300);
    const wrong = viewer.filter((c) => (self.has(c.op) ? c.outcome !== 'refused' : c.code !== 'access.read_only'));
    expect(wrong.map((c) => `${c.op}@${c.u}: ${c.status} ${String(c.code)}`)).toEqual([]);
  });

  it('lets the allowed actor past the check: refused only where EXPECTED_REFUSALS says why', () => {
    const refused = cells.filter((c) => c.allowed && (c.outcome === 'refused' || c.outcome === 'invalid'));
    expect(refused.map((c) => `${c.op}@${c.u} ${c.actor}`).sort()).toEqual(Object.keys(EXPECTED_REFUSALS).sort());
  });

  it('gets a success for the allowed actor on almost every write and target, the rest listed in NO_SUCCESS', () => {
    const targets = new Map<string, Cell[]>();
    for (const c of cells) targets.set(`${c.op}@${c.u}`, [...(targets.get(`${c.op}@${c.u}`) ?? []), c]);
    const withAllowed = [...targets].filter(([, cs]) => cs.some((c) => c.allowed));
    const without = withAllowed.filter(([, cs]) => !cs.some((c) => c.allowed && c.outcome === 'success'));
    expect([...new Set(without.map(([, cs]) => cs[0].op))].sort()).toEqual(Object.keys(NO_SUCCESS).sort());
    // Every write has someone allowed somewhere (the self-service ones their owner).
    expect(new Set(withAllowed.map(([, cs]) => cs[0].op)).size).toBe(Object.keys(CASES).length);
    expect(without.length / withAllowed.length).toBeLessThan(0.05);
  });

  it('reaches the authorization decision in nearly every cell: none stops at validation', () => {
    expect(cells.filter((c) => c.outcome === 'invalid').map((c) => `${c.op}@${c.u} ${c.actor}: ${c.body}`)).toEqual([]);
    const byState = cells.filter((c) => !c.allowed && c.outcome === 'state');
    expect(byState.map((c) => `${c.op}@${c.u} ${c.actor}`).sort()).toEqual(Object.keys(DENIED_BY_STATE).sort());
    const reached = cells.filter((c) => c.outcome === 'success' || c.outcome === 'refused' || (c.allowed && c.outcome === 'state'));
    expect(reached.length / cells.length).toBeGreaterThan(0.99);
    // 9 actors × 150 writes × 1–3 targets.
    expect(cells.length).toBeGreaterThan(3000);
  });

  it('reports', () => {
    const by = (o: Outcome, allow: boolean) => cells.filter((c) => c.outcome === o && c.allowed === allow).length;
    console.log(
      JSON.stringify({
        cells: cells.length,
        ms: Date.now() - started,
        allowed: { success: by('success', true), refused: by('refused', true), invalid: by('invalid', true), state: by('state', true) },
        denied: { success: by('success', false), refused: by('refused', false), invalid: by('invalid', false), state: by('state', false) },
      }),
    );
    const pairs = new Map<string, Cell[]>();
    for (const c of cells) pairs.set(`${c.op}@${c.u}`, [...(pairs.get(`${c.op}@${c.u}`) ?? []), c]);
    const noSuccess = [...pairs].filter(([, cs]) => cs.some((c) => c.allowed) && !cs.some((c) => c.allowed && c.outcome === 'success'));
    console.log(
      noSuccess
        .map(
          ([k, cs]) =>
            `NOSUCCESS ${k} ${cs
              .filter((c) => c.allowed)
              .map((c) => `${c.actor}:${c.status} ${String(c.code)}`)
              .join(', ')}`,
        )
        .join('\n'),
    );
    const bad = cells.filter((c) => (c.allowed && c.outcome !== 'success') || (!c.allowed && c.outcome !== 'refused'));
    console.log(bad.map((c) => `${c.allowed ? 'ALLOWED' : 'denied '} ${c.op}@${c.u} ${c.actor}: ${c.status} ${c.body}`).join('\n'));
  });
});
