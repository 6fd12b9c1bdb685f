import type { Role } from '../../shared/accounts';
import type { Actor } from './deps';
import type { UnitNode } from './scope.queries';

const STAFF: Role[] = ['district_viewer', 'institute_admin', 'station_admin', 'team_leader'];
const ADMINS: Role[] = ['institute_admin', 'station_admin'];

/**
 * What someone sees of a kind beyond their staff scope: units reached from their own volunteer
 * station and/or from each of their grants, either up the tree (`ancestry`) or across the whole
 * institute (`institute`). `onlyWithoutStaffScope`: staff with a scope see that scope and no more.
 */
export interface OthersSee {
  from: readonly ('volunteer_station' | 'grants')[];
  reach: 'ancestry' | 'institute';
  onlyWithoutStaffScope: boolean;
}

export interface PolicyEntry {
  roles: readonly Role[];
  upward: boolean;
  /** For the kinds volunteers and residents also see (`scope.visibleUnits(kind)`). */
  others?: OthersSee;
}

/**
 * Who may do what. A grant covers its own unit and every unit below it; `upward` actions also
 * reach the units above (a station admin reads the rules its institute set). `others` says what
 * volunteers and residents see of a kind.
 */
export const POLICY = {
  'org.read': { roles: STAFF, upward: false },
  'org.edit': { roles: ADMINS, upward: false },
  'org.create_unit': { roles: ['institute_admin'], upward: false },
  'settings.read': { roles: STAFF, upward: true },
  'settings.edit': { roles: ['institute_admin'], upward: false },
  'audit.read': { roles: ['institute_admin'], upward: false },
  /** The chain is one for the deployment: verifying it is for institute admins only. */
  'audit.verify': { roles: ['institute_admin'], upward: false },
  'accounts.read': { roles: ADMINS, upward: false },
  'accounts.manage': { roles: ADMINS, upward: false },
  /** Only an institute admin makes another institute admin. */
  'accounts.grant_institute_admin': { roles: ['institute_admin'], upward: false },
  'volunteers.read': { roles: ADMINS, upward: false },
  'volunteers.manage': { roles: ADMINS, upward: false },
  /** Full phone numbers and e-mail: the staff of the volunteer's own station (issue 3). */
  'volunteers.contact': { roles: ['station_admin'], upward: false },
  'teams.read': { roles: STAFF, upward: false, others: { from: ['volunteer_station'], reach: 'ancestry', onlyWithoutStaffScope: false } },
  'teams.manage': { roles: ADMINS, upward: false },
  'hours.read': { roles: ADMINS, upward: false },
  'hours.enter': { roles: ADMINS, upward: false },
  'hours.approve': { roles: ADMINS, upward: false },
  /** 办法 第十三条: a record entered late is decided by the institute. */
  'hours.approve_late': { roles: ['institute_admin'], upward: false },
  'certificates.issue': { roles: ADMINS, upward: false },
  'programmes.read': { roles: STAFF, upward: true, others: { from: ['volunteer_station', 'grants'], reach: 'ancestry', onlyWithoutStaffScope: false } },
  'programmes.manage': { roles: ADMINS, upward: false },
  'venues.read': { roles: STAFF, upward: true },
  'venues.manage': { roles: ADMINS, upward: false },
  'activities.read': { roles: STAFF, upward: false, others: { from: ['grants'], reach: 'institute', onlyWithoutStaffScope: true } },
  'activities.create': { roles: STAFF, upward: false },
  'activities.manage': { roles: ADMINS, upward: false },
  'orders.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  'orders.manage': { roles: ADMINS, upward: false },
  'care.read': { roles: ADMINS, upward: false },
  'care.manage': { roles: ADMINS, upward: false },
  'open311.manage': { roles: ['institute_admin'], upward: false },
  /** Reuse an upload (as evidence, a photo) made by someone else in the unit: its admins. */
  'files.use': { roles: ADMINS, upward: false },
  /** Open an upload cited by a record in the unit (hours evidence, an order's photos): who reads hours or orders there. */
  'files.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  /** 经费: the institute sees its own and its stations' funds, a station its own, the district everything below it. */
  'funds.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  /** Budgets and spending are entered by the unit's admins (the institute's for the institute and every station); the district only reads. */
  'funds.write': { roles: ADMINS, upward: false },
  /** 联席会议 (工作方案 五、(一)): the district and the institute read meetings; station admins the resolutions their station owns. */
  'meetings.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  /** Plan a meeting, record attendance, minutes and resolutions: the institute's staff. */
  'meetings.write': { roles: ['institute_admin'], upward: false },
  /** Follow up a resolution: the owner unit's admins (and the institute above it). */
  'meetings.follow_up': { roles: ADMINS, upward: false },
  /** Sign in to a meeting on one's own phone: any staff member on the list, the meeting being held by a unit above. */
  'meetings.attend': { roles: STAFF, upward: true },
  /** 工作方案 (任务分解, 实施步骤, 制度): the district and the institute read everything below them, a station its own. */
  'plan.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  /** Progress notes on a unit's tasks and its rules documents: that unit's admins (and the institute's). */
  'plan.write': { roles: ADMINS, upward: false },
  /** Create tasks and implementation steps: the institute's admins. */
  'plan.manage': { roles: ['institute_admin'], upward: false },
  /** 培训 (工作方案 五、(三)): the district and institute read their trainings; a station reads those held above it. */
  'training.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: true },
  /** Hold a training and record attendance: the institute's staff. */
  'training.write': { roles: ['institute_admin'], upward: false },
  /** Training coverage: of one's own unit and those below it (a station its own only). */
  'training.coverage': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  /** 八有 standards board: staff read their own unit and those below it (a station its own). */
  'standards.read': { roles: STAFF, upward: false },
  /** Submit or withdraw evidence: the unit's admins (the institute's for every station). */
  'standards.evidence': { roles: ADMINS, upward: false },
  /** Confirm or decline a standard: the institute's admins. */
  'standards.confirm': { roles: ['institute_admin'], upward: false },
  /** 考核 (工作方案 五、(二)): staff read the periods of their institute (upward) and the sheets of the stations in their scope. */
  'assessment.read': { roles: STAFF, upward: true },
  /** Self-assessment is the station's own: its station admins only (an institute admin reviews, never self-assesses). */
  'assessment.self': { roles: ['station_admin'], upward: false },
  /** The indicator tree, periods, review and publishing: the institute's admins. */
  'assessment.manage': { roles: ['institute_admin'], upward: false },
  /** 群众需求信息采集: staff read the needs of their units (a station its own, the district all). */
  'needs.read': { roles: STAFF, upward: false },
  /** Record a need or withdraw a mistaken record: the station's admins and the institute's. */
  'needs.record': { roles: ADMINS, upward: false },
  /** 活动计划: staff read the plans of their institute (a station reads up to the institute that passes them down). */
  'activity_plans.read': { roles: STAFF, upward: true },
  /** Draft, fill and publish a plan: the institute's admins. */
  'activity_plans.manage': { roles: ['institute_admin'], upward: false },
  /** Accept, link an activity, or say why not held: the target station's admins (and the institute's). */
  'activity_plans.respond': { roles: ADMINS, upward: false },
  /** 评选: staff read their institute's campaigns (a station reads up to its institute) and their stations' nominations. */
  'campaigns.read': { roles: STAFF, upward: true },
  /** Nominate or withdraw a nomination: the station's admins (and the institute's). */
  'campaigns.nominate': { roles: ADMINS, upward: false },
  /** Create, review, publish for 公示, handle objections, finalise: the institute's admins. */
  'campaigns.manage': { roles: ['institute_admin'], upward: false },
  /** 表彰嘉许: staff read the awards, milestones and honour list of their units. */
  'recognition.read': { roles: STAFF, upward: false },
  /** Give or revoke an award, record a volunteer's consent: the station's admins and the institute's. */
  'recognition.manage': { roles: ADMINS, upward: false },
  /** 礼遇 catalogue: the institute's admins keep it; staff below read it (upward). */
  'recognition.benefits': { roles: ['institute_admin'], upward: false },
  'recognition.benefits_read': { roles: STAFF, upward: true },
  /** 积分: staff read the statements of their units' volunteers (a station its own, the district everything below). */
  'points.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  /** Grant, deduct, undo, an activity bonus: the volunteer's station admins and the institute's. */
  'points.write': { roles: ADMINS, upward: false },
  /** Check that every balance equals its ledger: the institute's admins. */
  'points.verify': { roles: ['institute_admin'], upward: false },
  /** 爱心超市: staff read the shops of their units (a station reads its institute's shop too: it hands over there). */
  'market.read': { roles: STAFF, upward: true },
  /** Goods, donations, stock and the counter: the running unit's admins (and the institute's). */
  'market.manage': { roles: ADMINS, upward: false },
  /** 成果展示: staff read the items of their units. */
  'showcase.read': { roles: STAFF, upward: false },
  /** Create, edit, publish and withdraw: the unit's admins (and the institute's). */
  'showcase.manage': { roles: ADMINS, upward: false },
  /** 数据大屏: the figures of one's own units (a station its own, the institute its stations, the district everything below). */
  'dashboard.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  /** 工作报表 (月报/年报): the institute's own admins and the district's viewer; a station reads its own pages, not the institute's report. */
  'reports.read': { roles: ['institute_admin', 'district_viewer'], upward: false },
  /** 新闻宣传: staff read the news of their units (the district everything below). */
  'news.read': { roles: STAFF, upward: false },
  /** Write, publish, withdraw and submit (信息报送): the unit's admins (and the institute's). */
  'news.write': { roles: ADMINS, upward: false },
  /** Adopt or return a submission for the district's column: the institute's admins. */
  'news.review': { roles: ['institute_admin'], upward: false },
  /** 个人信息删除申请 (PIPL 47): the admins of the person's station (and the institute's) see and decide. */
  'privacy.process': { roles: ADMINS, upward: false },
  /** Issue 12: the roster for the national system with full ID numbers and phones, behind a reason: the institute's admins only. */
  'volunteers.export_national': { roles: ['institute_admin'], upward: false },
  /** Issue 12: approved hours for the national system with full ID numbers, behind a reason: the admins over the unit. */
  'hours.export_national': { roles: ADMINS, upward: false },
  /** Issue 13: the district admin creates streets (institutes) under its district, each with its first institute admin. */
  'org.create_street': { roles: ['district_admin'], upward: false },
  /** Issue 13: the district admin disables or enables a street's institute admins (and no one else's account). */
  'accounts.manage_street_admins': { roles: ['district_admin'], upward: false },
  /** Issue 13: the district admin adds the district's own accounts (another admin, a viewer) and disables or enables them. */
  'accounts.manage_district': { roles: ['district_admin'], upward: false },
  /** Issue 13: district-wide default rules, which each street may override: the district admin. */
  'settings.edit_district': { roles: ['district_admin'], upward: false },
  /** Issue 13: the streets and their figures side by side: the district's admin and viewer. */
  'district.read': { roles: ['district_admin', 'district_viewer'], upward: false },
} as const satisfies Record<string, PolicyEntry>;
export type Action = keyof typeof POLICY;
/** The kinds whose visibility POLICY states for volunteers and residents too. */
export type VisibleKind = 'teams' | 'programmes' | 'activities';

export interface UnitTree {
  nodes: Map<string, UnitNode>;
  /** The unit and its ancestors, nearest first. */
  ancestry(id: string): string[];
  /** The unit and everything below it. */
  subtree(id: string): string[];
  /** The institute a unit belongs to (itself, for an institute): the one way to find it. Null above the institutes. */
  instituteOf(id: string): string | null;
}

export function buildUnitTree(rows: UnitNode[]): UnitTree {
  const nodes = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.parent_id) continue;
    const list = children.get(r.parent_id) ?? [];
    list.push(r.id);
    children.set(r.parent_id, list);
  }
  const ancestry = (id: string) => {
    const out: string[] = [];
    for (let cur = nodes.get(id); cur && out.length < 10; cur = cur.parent_id ? nodes.get(cur.parent_id) : undefined) out.push(cur.id);
    return out;
  };
  return {
    nodes,
    ancestry,
    subtree(id) {
      const out: string[] = [];
      const stack = [id];
      while (stack.length) {
        const next = stack.pop() as string;
        if (!nodes.has(next)) continue;
        out.push(next);
        stack.push(...(children.get(next) ?? []));
      }
      return out;
    },
    instituteOf(id) {
      return ancestry(id).find((u) => nodes.get(u)?.kind === 'institute') ?? null;
    },
  };
}

/**
 * Roles that read and never write, whatever an entry's role list says: the district's viewer
 * (区中心) oversees every institute below it and changes nothing. Holding it here, not in each
 * entry, means a new write action cannot hand the district a write by listing `STAFF`.
 */
export const READ_ONLY_ROLES: readonly Role[] = ['district_viewer'];
/*
 * The district admin (issue 13) reads whatever the district viewer reads (added in `rolesFor`), and
 * writes only what an entry names it for: streets, their admins' accounts, the district's own
 * accounts, the district's default rules. So it never gains a street's own writes through `STAFF`
 * or `ADMINS`.
 */
/** Reads whose names do not end in `.read`. */
const OTHER_READS: ReadonlySet<string> = new Set(['training.coverage']);

/** Whether an action only reads: named `<kind>.read`, or listed as a read above. */
export function isReadAction(action: Action): boolean {
  return action.endsWith('.read') || OTHER_READS.has(action);
}

/** The roles that may do an action: its entry's, less the read-only roles when it writes. */
export function rolesFor(action: Action): readonly Role[] {
  const roles: readonly Role[] = POLICY[action].roles;
  if (!isReadAction(action)) return roles.filter((r) => !READ_ONLY_ROLES.includes(r));
  return roles.includes('district_viewer') && !roles.includes('district_admin') ? [...roles, 'district_admin'] : roles;
}

/**
 * Whether every role the actor holds only reads (at least one grant, all of them read-only): such an
 * account writes nothing but what it does for itself (`EndpointSpec.selfService`), refused for every
 * other write before its handler runs (platform/auth.ts). An account without grants is not read-only,
 * nor is one that also holds a volunteer's, a resident's or any staff role.
 */
export function isReadOnlyActor(actor: Pick<Actor, 'grants'>): boolean {
  return actor.grants.length > 0 && actor.grants.every((g) => READ_ONLY_ROLES.includes(g.role));
}

function grantsFor(actor: Actor, action: Action) {
  const roles = rolesFor(action);
  return actor.grants.filter((g) => roles.includes(g.role));
}

/** Whether any of the actor's roles may ever do `action`, somewhere. */
export function hasRoleFor(actor: Actor, action: Action): boolean {
  return grantsFor(actor, action).length > 0;
}

/** The units in which the actor may do `action`. */
export function unitsInScope(tree: UnitTree, actor: Actor, action: Action): Set<string> {
  const out = new Set<string>();
  for (const g of grantsFor(actor, action)) {
    for (const id of tree.subtree(g.unitId)) out.add(id);
    if (POLICY[action].upward) for (const id of tree.ancestry(g.unitId)) out.add(id);
  }
  return out;
}

/**
 * What a person sees of a kind: their staff scope for `<kind>.read`, plus what POLICY's `others`
 * grants from their own volunteer station and their grants (volunteers, residents).
 */
export function visibleUnitsOf(tree: UnitTree, actor: Actor, kind: VisibleKind, volunteerStationId: string | null): Set<string> {
  const action = `${kind}.read` as const;
  const units = unitsInScope(tree, actor, action);
  const others = (POLICY[action] as PolicyEntry).others;
  if (!others || (others.onlyWithoutStaffScope && units.size > 0)) return units;
  const starts = [
    ...(others.from.includes('volunteer_station') && volunteerStationId ? [volunteerStationId] : []),
    ...(others.from.includes('grants') ? actor.grants.map((g) => g.unitId) : []),
  ];
  for (const start of starts) {
    if (others.reach === 'ancestry') for (const u of tree.ancestry(start)) units.add(u);
    else {
      const inst = tree.instituteOf(start);
      if (inst) for (const u of tree.subtree(inst)) units.add(u);
    }
  }
  return units;
}
