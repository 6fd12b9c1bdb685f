import type { ActivityStatus } from '../../../shared/activities';
import type { UnitTree } from '../../platform/access';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import type { ActivitiesTable } from '../../db/schema';
import * as q from './activities.queries';

/** Who may see and who may manage an activity; every use case starts here. */
export const VISIBLE_TO_PUBLIC: ActivityStatus[] = ['published', 'full', 'in_progress', 'ended', 'summarised', 'cancelled'];
/** Once it runs (or is over), an activity's plan and sign-ups no longer change. */
export const LOCKED: ActivityStatus[] = ['in_progress', 'ended', 'summarised', 'cancelled'];

/** `manageable` is the caller's `activities.manage` scope, worked out once per request. */
export function canManage(actor: Actor, manageable: Set<string>, a: Pick<ActivitiesTable, 'unit_id' | 'created_by' | 'status'>): boolean {
  if (manageable.has(a.unit_id)) return true;
  // A team leader keeps their own draft until it is published.
  return a.created_by === actor.accountId && ['draft', 'rejected', 'submitted'].includes(a.status);
}

/** The units of an action, or none for a role without it (no 403: the caller may still see as a volunteer). */
export async function unitsOrNone(scope: Scope, action: 'activities.read' | 'activities.manage'): Promise<Set<string>> {
  return scope.hasRole(action) ? scope.units(action) : new Set();
}

/**
 * What the caller sees of activities (POLICY's `activities.read`, with `others` for volunteers and
 * residents), and whether they see it as staff (drafts too) or as the public (published ones only).
 */
export async function activityReach(scope: Scope): Promise<{ units: Set<string>; staff: boolean }> {
  const staff = (await unitsOrNone(scope, 'activities.read')).size > 0;
  return { units: await scope.visibleUnits('activities'), staff };
}

/** The activity if the caller may see it (404 otherwise); `manage` and `staff` also need the right to act on it. */
export async function requireActivity(deps: Deps, ctx: Ctx, id: string, mode: 'read' | 'manage' | 'staff'): Promise<{ row: q.ActivityRow; tree: UnitTree }> {
  const row = await checkActivity(ctx, await q.getActivity(deps.db, id), mode);
  return { row, tree: await ctx.scope.tree() };
}

/** `requireActivity`'s checks over a row the caller has already read (with more in the same statement). */
export async function checkActivity<R extends q.ActivityRow>(ctx: Ctx, row: R | undefined, mode: 'read' | 'manage' | 'staff'): Promise<R> {
  if (!row) throw notFound();
  const { units, staff } = await activityReach(ctx.scope);
  if (!units.has(row.unit_id)) throw notFound();
  if (!staff && !VISIBLE_TO_PUBLIC.includes(row.status)) throw notFound();
  const manageable = await unitsOrNone(ctx.scope, 'activities.manage');
  if (mode === 'manage' && !canManage(ctx.actor, manageable, row)) throw new AppError('access.denied');
  if (mode === 'staff' && !manageable.has(row.unit_id)) throw new AppError('access.denied');
  return row;
}
