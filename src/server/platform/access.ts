import type { Role } from '../../shared/accounts';
import { listUnitNodes, type UnitNode } from './access.queries';
import type { Actor, Deps } from './deps';
import { AppError, notFound } from './errors';

const STAFF: Role[] = ['district_viewer', 'institute_admin', 'station_admin', 'team_leader'];
const ADMINS: Role[] = ['institute_admin', 'station_admin'];

/**
 * Who may do what. A grant covers its own unit and every unit below it; `upward` actions also
 * reach the units above (a station admin reads the rules its institute set).
 */
export const POLICY = {
  'org.read': { roles: STAFF, upward: false },
  'org.edit': { roles: ADMINS, upward: false },
  'org.create_unit': { roles: ['institute_admin'], upward: false },
  'settings.read': { roles: STAFF, upward: true },
  'settings.edit': { roles: ['institute_admin'], upward: false },
  'audit.read': { roles: ['institute_admin'], upward: false },
  'accounts.read': { roles: ADMINS, upward: false },
  'accounts.manage': { roles: ADMINS, upward: false },
  'volunteers.read': { roles: ADMINS, upward: false },
  'volunteers.manage': { roles: ADMINS, upward: false },
  'teams.read': { roles: STAFF, upward: false },
  'teams.manage': { roles: ADMINS, upward: false },
  'hours.read': { roles: ADMINS, upward: false },
  'hours.enter': { roles: ADMINS, upward: false },
  'hours.approve': { roles: ADMINS, upward: false },
  'certificates.issue': { roles: ADMINS, upward: false },
  'programmes.read': { roles: STAFF, upward: true },
  'programmes.manage': { roles: ADMINS, upward: false },
  'venues.read': { roles: STAFF, upward: true },
  'venues.manage': { roles: ADMINS, upward: false },
  'activities.read': { roles: STAFF, upward: false },
  'activities.create': { roles: STAFF, upward: false },
  'activities.manage': { roles: ADMINS, upward: false },
  'orders.read': { roles: ['institute_admin', 'station_admin', 'district_viewer'], upward: false },
  'orders.manage': { roles: ADMINS, upward: false },
  'care.read': { roles: ADMINS, upward: false },
  'care.manage': { roles: ADMINS, upward: false },
  'open311.manage': { roles: ['institute_admin'], upward: false },
} as const satisfies Record<string, { roles: readonly Role[]; upward: boolean }>;
export type Action = keyof typeof POLICY;

export interface UnitTree {
  nodes: Map<string, UnitNode>;
  /** The unit and its ancestors, nearest first. */
  ancestry(id: string): string[];
  /** The unit and everything below it. */
  subtree(id: string): string[];
}

export async function loadUnitTree(deps: Pick<Deps, 'db'>): Promise<UnitTree> {
  const rows = await listUnitNodes(deps.db);
  const nodes = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.parent_id) continue;
    const list = children.get(r.parent_id) ?? [];
    list.push(r.id);
    children.set(r.parent_id, list);
  }
  return {
    nodes,
    ancestry(id) {
      const out: string[] = [];
      for (let cur = nodes.get(id); cur && out.length < 10; cur = cur.parent_id ? nodes.get(cur.parent_id) : undefined) out.push(cur.id);
      return out;
    },
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
  };
}

function grantsFor(actor: Actor, action: Action) {
  const roles: readonly Role[] = POLICY[action].roles;
  return actor.grants.filter((g) => roles.includes(g.role));
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
 * The first line of every service function that touches a unit's data. Out of scope answers 404,
 * the same as "does not exist"; a role that can never do this at all gets 403.
 */
export async function requireAccess(deps: Pick<Deps, 'db'>, actor: Actor, action: Action, unitId: string): Promise<UnitTree> {
  if (grantsFor(actor, action).length === 0) throw new AppError('access.denied');
  const tree = await loadUnitTree(deps);
  if (!tree.nodes.has(unitId) || !unitsInScope(tree, actor, action).has(unitId)) throw notFound();
  return tree;
}

/** For list endpoints: the set of units to filter by, or 403 for a role with no such right. */
export async function requireScope(deps: Pick<Deps, 'db'>, actor: Actor, action: Action): Promise<{ tree: UnitTree; unitIds: Set<string> }> {
  if (grantsFor(actor, action).length === 0) throw new AppError('access.denied');
  const tree = await loadUnitTree(deps);
  return { tree, unitIds: unitsInScope(tree, actor, action) };
}

export function isStaffRole(role: Role): boolean {
  return STAFF.includes(role);
}
