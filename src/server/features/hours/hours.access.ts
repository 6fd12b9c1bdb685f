/** Who may see or decide a service record, and whose hours one may read: shared by every hours use case. */
import { hasRoleFor, type UnitTree, unitsInScope } from '../../platform/access';
import type { Actor, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { volunteerById } from '../volunteers/volunteers.lookup';
import * as q from './hours.queries';

/**
 * Who may decide a record (办法 第十三条, and the field's best-known fraud — hours typed in and
 * approved by the same hand): staff of the organising unit who are neither the volunteer nor the
 * person who entered it; a late record needs the institute.
 */
export function decisionBlock(
  actor: Actor,
  tree: UnitTree,
  r: q.RecordRow,
): 'hours.self_approval' | 'hours.entered_by_approver' | 'hours.needs_institute' | 'not_found' | 'access.denied' | null {
  if (!hasRoleFor(actor, 'hours.approve')) return 'access.denied';
  if (!unitsInScope(tree, actor, 'hours.approve').has(r.unit_id)) return 'not_found';
  if (r.volunteer_person_id === actor.personId) return 'hours.self_approval';
  if (r.entered_by && r.entered_by === actor.accountId) return 'hours.entered_by_approver';
  if (r.late) {
    const inst = tree.instituteOf(r.unit_id);
    if (!inst || !unitsInScope(tree, actor, 'hours.approve_late').has(inst)) return 'hours.needs_institute';
  }
  return null;
}

export async function requireRecordReadable(deps: Deps, scope: Scope, id: string) {
  const actor = scope.actor;
  const r = await q.getRecord(deps.db, id);
  if (!r) throw notFound();
  const tree = await scope.tree();
  if (r.volunteer_person_id === actor.personId) return { r, tree };
  const readable = unitsInScope(tree, actor, 'hours.read');
  if (!readable.has(r.unit_id) && !readable.has(r.volunteer_station_id)) throw notFound();
  return { r, tree };
}

export async function requireVolunteerReadable(deps: Deps, scope: Scope, volunteerId: string) {
  const actor = scope.actor;
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  const tree = await scope.tree();
  if (v.person_id !== actor.personId && !unitsInScope(tree, actor, 'volunteers.read').has(v.station_id)) throw notFound();
  return { v, tree };
}
