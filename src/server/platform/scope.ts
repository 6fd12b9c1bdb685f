import { RULE_KEYS, RULES, type RuleValues, isRuleKey } from '../../shared/settings';
import type { VolunteerStatus } from '../../shared/volunteers';
import { type Action, POLICY, type PolicyEntry, type UnitTree, type VisibleKind, buildUnitTree, hasRoleFor, unitsInScope, visibleUnitsOf } from './access';
import type { Db, DbOrTrx } from './db';
import type { Actor, Deps } from './deps';
import { AppError, notFound } from './errors';
import { nextCounter } from './counters.queries';
import { findVolunteerOfPerson, listRuleValues, listUnitNodes, readVersions, VERSION_COUNTERS, type Versions } from './scope.queries';

/**
 * Cross-request caches of the unit tree and the rules, one per database handle (tests open a fresh
 * database per file; two handles never share a copy). They are never the truth: each request
 * brings the versions it read from the database, and a copy older than that is read again. So
 * several processes on one PostgreSQL stay correct: a unit moved by one is reloaded by the others.
 */
interface DbCache {
  tree?: { version: number; tree: UnitTree };
  rules?: { version: number; byInstitute: Map<string, RuleValues> };
}
const caches = new WeakMap<Db, DbCache>();

function cacheOf(db: Db): DbCache {
  let c = caches.get(db);
  if (!c) {
    c = {};
    caches.set(db, c);
  }
  return c;
}

/** The unit tree as of `version` (read now when not given): from the cache, or one read of `units`. */
export async function unitTreeOf(db: Db, version?: number): Promise<UnitTree> {
  const v = version ?? (await readVersions(db)).org;
  const cache = cacheOf(db);
  if (cache.tree && cache.tree.version >= v) return cache.tree.tree;
  // The tree is read after the version, so it is at least that new; a later bump reloads it.
  const tree = buildUnitTree(await listUnitNodes(db));
  if (!cache.tree || cache.tree.version <= v) cache.tree = { version: v, tree };
  return tree;
}

/**
 * An institute's stored values over its district's (issue 13) over the plan's defaults. Uncached: for
 * use inside a transaction. Asked for a district, its own values over the defaults.
 */
export async function readRules(db: DbOrTrx, instituteId: string): Promise<RuleValues> {
  const rows = await listRuleValues(db, instituteId);
  const out = Object.fromEntries(RULE_KEYS.map((k) => [k, RULES[k].default])) as Record<string, unknown>;
  // The parent's rows first, so the unit's own are applied last and win.
  rows.sort((a, b) => Number(a.unit_id === instituteId) - Number(b.unit_id === instituteId));
  for (const r of rows) {
    if (!isRuleKey(r.key)) continue;
    const parsed = RULES[r.key].schema.safeParse(JSON.parse(r.value));
    if (parsed.success) out[r.key] = parsed.data;
  }
  return out as RuleValues;
}

/** An institute's rules as of `version` (read now when not given), from the one rules cache. */
export async function cachedRules(db: Db, instituteId: string, version?: number): Promise<RuleValues> {
  const v = version ?? (await readVersions(db)).rules;
  const cache = cacheOf(db);
  if (!cache.rules || cache.rules.version < v) cache.rules = { version: v, byInstitute: new Map() };
  const hit = cache.rules.byInstitute.get(instituteId);
  if (hit) return hit;
  const rules = await readRules(db, instituteId);
  if (cache.rules.version === v) cache.rules.byInstitute.set(instituteId, rules);
  return rules;
}

/** The caller's own records: their volunteer record, and the units where they are a resident. */
export interface Me {
  volunteer: { id: string; stationId: string; status: VolunteerStatus } | null;
  residentUnitIds: string[];
}

/**
 * What a request knows about its caller, resolved once: grants and the unit tree (cached across
 * requests), the rules, the caller's own volunteer record. Services ask it; they never re-derive
 * it or check a role inline.
 */
export interface Scope {
  readonly actor: Actor;
  tree(): Promise<UnitTree>;
  /** The first line of a service touching a unit: 403 for a role that can never do it, 404 out of scope. */
  require(action: Action, unitId: string): Promise<UnitTree>;
  /** For list endpoints: the units to filter by; 403 for a role with no such right. */
  units(action: Action): Promise<Set<string>>;
  /** Whether the caller may do `action` in `unitId` (no error). */
  can(action: Action, unitId: string): Promise<boolean>;
  /** Whether any of the caller's roles may ever do `action`. */
  hasRole(action: Action): boolean;
  /** The rules in force where `unitId` is: its institute's, found by walking up the tree. */
  rulesOf(unitId: string): Promise<RuleValues>;
  me(): Promise<Me>;
  /** What the caller sees of a kind: staff scope plus what POLICY lets volunteers and residents see. */
  visibleUnits(kind: VisibleKind): Promise<Set<string>>;
  /** After this request changed the organisation or the rules: read the versions again. */
  changed(): void;
}

const requestScopes = new WeakMap<Actor, Scope>();

/**
 * `versions`: what the request read with its session; without them, read once when first needed.
 * `volunteer`: the caller's own volunteer record (or null), when the session's statement read it.
 */
export function makeScope(deps: Pick<Deps, 'db'>, actor: Actor, versions?: Versions, volunteer?: Me['volunteer']): Scope {
  let versionsP: Promise<Versions> | null = versions ? Promise.resolve(versions) : null;
  let treeP: Promise<UnitTree> | null = null;
  const residentUnitIds = () => actor.grants.filter((g) => g.role === 'resident').map((g) => g.unitId);
  let meP: Promise<Me> | null = volunteer === undefined ? null : Promise.resolve({ volunteer, residentUnitIds: residentUnitIds() });
  const getVersions = () => {
    versionsP ??= readVersions(deps.db);
    return versionsP;
  };
  const tree = () => {
    treeP ??= getVersions().then((v) => unitTreeOf(deps.db, v.org));
    return treeP;
  };
  const scope: Scope = {
    actor,
    tree,
    async require(action, unitId) {
      if (!hasRoleFor(actor, action)) throw new AppError('access.denied');
      const t = await tree();
      if (!t.nodes.has(unitId) || !unitsInScope(t, actor, action).has(unitId)) throw notFound();
      return t;
    },
    async units(action) {
      if (!hasRoleFor(actor, action)) throw new AppError('access.denied');
      return unitsInScope(await tree(), actor, action);
    },
    async can(action, unitId) {
      return hasRoleFor(actor, action) && unitsInScope(await tree(), actor, action).has(unitId);
    },
    hasRole: (action) => hasRoleFor(actor, action),
    async rulesOf(unitId) {
      const t = await tree();
      // Above the institutes, a district's own defaults (issue 13) over the plan's.
      const inst = t.instituteOf(unitId) ?? (t.nodes.get(unitId)?.kind === 'district' ? unitId : '');
      return cachedRules(deps.db, inst, (await getVersions()).rules);
    },
    me() {
      meP ??= findVolunteerOfPerson(deps.db, actor.personId).then((v) => ({
        volunteer: v ? { id: v.id, stationId: v.station_id, status: v.status } : null,
        residentUnitIds: residentUnitIds(),
      }));
      return meP;
    },
    async visibleUnits(kind) {
      const needsMe = (POLICY[`${kind}.read`] as PolicyEntry).others?.from.includes('volunteer_station') ?? false;
      const station = needsMe ? ((await scope.me()).volunteer?.stationId ?? null) : null;
      return visibleUnitsOf(await tree(), actor, kind, station);
    },
    changed() {
      versionsP = null;
      treeP = null;
    },
  };
  requestScopes.set(actor, scope);
  return scope;
}

/** The request's scope for this actor, or a new one (a tick, or code still passing `actor` alone). */
export function scopeFor(deps: Pick<Deps, 'db'>, actor: Actor): Scope {
  return requestScopes.get(actor) ?? makeScope(deps, actor);
}

/** Call in the transaction that creates, edits or moves a unit: every process reloads its tree. */
export async function markOrgChanged(trx: DbOrTrx): Promise<void> {
  await nextCounter(trx, VERSION_COUNTERS.org);
}

/** Call in the transaction that sets or resets a rule: every process drops its cached rules. */
export async function markRulesChanged(trx: DbOrTrx): Promise<void> {
  await nextCounter(trx, VERSION_COUNTERS.rules);
}
