import type { ActivityStatus } from '../../../shared/activities';
import type { RuleValues } from '../../../shared/settings';
import type { ActivitiesTable } from '../../db/schema';
import { loadUnitTree, type UnitTree, unitsInScope } from '../../platform/access';
import type { DbOrTrx } from '../../platform/db';
import type { Actor, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { instituteOf, rulesFor } from '../settings/settings.service';
import * as q from './activities.queries';

/** Who may see and who may manage an activity; every use case starts here. */
export const VISIBLE_TO_PUBLIC: ActivityStatus[] = ['published', 'full', 'in_progress', 'ended', 'summarised', 'cancelled'];
/** Once it runs (or is over), an activity's plan and sign-ups no longer change. */
export const LOCKED: ActivityStatus[] = ['in_progress', 'ended', 'summarised', 'cancelled'];

export async function rulesOfUnit(db: DbOrTrx, tree: UnitTree, unitId: string): Promise<RuleValues> {
  return rulesFor(db, instituteOf(tree, unitId) ?? tree.subtree(unitId).find((u) => tree.nodes.get(u)?.kind === 'institute') ?? '');
}

/** `manageable` is the caller's `activities.manage` scope, worked out once per request. */
export function canManage(actor: Actor, manageable: Set<string>, a: Pick<ActivitiesTable, 'unit_id' | 'created_by' | 'status'>): boolean {
  if (manageable.has(a.unit_id)) return true;
  // A team leader keeps their own draft until it is published.
  return a.created_by === actor.accountId && ['draft', 'rejected', 'submitted'].includes(a.status);
}

/** Units whose activities a person sees: staff by scope; everyone else the whole institute of their station. */
export function visibleUnits(actor: Actor, tree: UnitTree): { units: string[]; staff: boolean } {
  const scope = unitsInScope(tree, actor, 'activities.read');
  if (scope.size > 0) return { units: [...scope], staff: true };
  const units = new Set<string>();
  for (const g of actor.grants) {
    const inst = instituteOf(tree, g.unitId);
    if (inst) for (const u of tree.subtree(inst)) units.add(u);
  }
  return { units: [...units], staff: false };
}

/** The activity if the caller may see it (404 otherwise); `manage` and `staff` also need the right to act on it. */
export async function requireActivity(deps: Deps, actor: Actor, id: string, mode: 'read' | 'manage' | 'staff') {
  const row = await q.getActivity(deps.db, id);
  if (!row) throw notFound();
  const tree = await loadUnitTree(deps);
  const { units, staff } = visibleUnits(actor, tree);
  if (!units.includes(row.unit_id)) throw notFound();
  if (!staff && !VISIBLE_TO_PUBLIC.includes(row.status)) throw notFound();
  const manageable = unitsInScope(tree, actor, 'activities.manage');
  if (mode === 'manage' && !canManage(actor, manageable, row)) throw new AppError('access.denied');
  if (mode === 'staff' && !manageable.has(row.unit_id)) throw new AppError('access.denied');
  return { row, tree };
}
