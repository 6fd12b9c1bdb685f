/** Who the caller is to an order (staff of its unit, the requester, the assigned or an eligible volunteer), worked out once per request. */
import { type UnitTree, unitsInScope } from '../../platform/access';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import type { Me as Caller } from '../../platform/scope';
import * as q from './orders.queries';

export interface Roles {
  /** A volunteer who declined it still sees it (and that they declined). */
  declined: boolean;
  staff: boolean;
  requester: boolean;
  volunteerId: string | null;
  assigned: boolean;
  eligible: boolean;
}

/** What we need to know about the caller once per request, not once per order. */
export interface Me {
  volunteer: Caller['volunteer'];
  declined: Set<string>;
  teams: Set<string>;
}

export async function whoAmI(deps: Deps, ctx: Ctx, orderIds: string[]): Promise<Me> {
  const { volunteer } = await ctx.scope.me();
  if (!volunteer) return { volunteer, declined: new Set(), teams: new Set() };
  const declined = orderIds.length ? await q.declinesOf(deps.db, volunteer.id, orderIds) : [];
  const teams = await q.activeTeamsOf(deps.db, volunteer.id);
  return { volunteer, declined: new Set(declined.map((d) => d.order_id)), teams: new Set(teams.map((t) => t.team_id)) };
}

/** Who the caller is to this order: staff of its unit (or the institute), the requester, the assigned or an eligible volunteer. */
export function rolesFor(actor: Actor, tree: UnitTree, o: q.OrderRow, me: Me): Roles {
  const manage = unitsInScope(tree, actor, 'orders.manage');
  const staff = manage.has(o.unit_id) || (o.target_type === 'institute' && o.target_id !== null && manage.has(o.target_id));
  const requester = o.requester_person_id !== null && o.requester_person_id === actor.personId;
  const v = me.volunteer;
  const volunteerId = v && v.status === 'certified' ? v.id : null;
  const assigned = volunteerId !== null && o.accepted_volunteer_id === volunteerId;
  const declined = volunteerId !== null && me.declined.has(o.id);
  let eligible = false;
  if (volunteerId && v && o.status === 'dispatched' && !declined) {
    switch (o.target_type) {
      case 'volunteer':
        eligible = o.target_id === volunteerId;
        break;
      case 'team':
        eligible = o.target_id !== null && me.teams.has(o.target_id);
        break;
      case 'station':
        eligible = o.target_id === v.stationId;
        break;
      case 'institute':
      case 'pool':
        eligible = tree.instituteOf(v.stationId) === tree.instituteOf(o.unit_id);
        break;
      default:
        eligible = false;
    }
  }
  return { declined, staff, requester, volunteerId, assigned, eligible };
}

export function canSee(r: Roles, actor: Actor, tree: UnitTree, o: q.OrderRow) {
  return r.staff || r.requester || r.assigned || r.eligible || r.declined || unitsInScope(tree, actor, 'orders.read').has(o.unit_id);
}
