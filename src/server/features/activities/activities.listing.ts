import { chinaDay, chinaDayEnd, chinaDayStart } from '../../../shared/china-time';
import type { z } from 'zod';
import type { ActivityListQuery, ActivityView } from '../../../shared/activities';

import type { RuleValues } from '../../../shared/settings';
import type { Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { activityReach, requireActivity, unitsOrNone, VISIBLE_TO_PUBLIC } from './activities.access';
import { type ActivityViewData, presentActivity } from './activities.presenter';
import * as q from './activities.queries';

/** What `presentActivities` needs besides the rows: loaded by `activityViews`, or in hand after a write. */
export type LoadedViewData = Pick<ActivityViewData, 'positions' | 'mySignups' | 'waitlistPlaces'>;

/** Loads what the presenter needs for these rows in a fixed number of queries, then presents them. */
export async function activityViews(deps: Deps, ctx: Ctx, rows: q.ActivityRow[]): Promise<ActivityView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const positions = await q.listPositions(deps.db, ids);
  const me = (await ctx.scope.me()).volunteer;
  const mySignups = me ? await q.signupsOfVolunteer(deps.db, me.id, ids) : [];
  const waitlistPlaces = await q.waitlistPlaces(
    deps.db,
    mySignups.filter((s) => s.status === 'waitlisted' && s.waitlist_seq !== null).map((s) => s.id),
  );
  return presentActivities(deps, ctx, rows, { positions, mySignups, waitlistPlaces });
}

/** Presents rows with their loaded data; the rules and the caller's scope come from the caches (no statement when warm). */
export async function presentActivities(deps: Deps, ctx: Ctx, rows: q.ActivityRow[], loaded: LoadedViewData): Promise<ActivityView[]> {
  // One unit at a time from the rules cache: the first read of an institute fills it for the rest.
  const rulesByUnit = new Map<string, RuleValues>();
  for (const u of new Set(rows.map((r) => r.unit_id))) rulesByUnit.set(u, await ctx.scope.rulesOf(u));
  const manageable = await unitsOrNone(ctx.scope, 'activities.manage');
  const data = { actor: ctx.actor, manageable, today: chinaDay(deps.clock.now()), rulesByUnit, ...loaded };
  return rows.map((r) => presentActivity(r, data));
}

export async function listActivities(deps: Deps, ctx: Ctx, query: z.infer<typeof ActivityListQuery>) {
  const { units, staff } = await activityReach(ctx.scope);
  let unitIds = [...units];
  if (query.unitId) {
    if (!units.has(query.unitId)) throw notFound();
    unitIds = (await ctx.scope.tree()).subtree(query.unitId).filter((u) => units.has(u));
  }
  let ids: string[] | undefined;
  if (query.mine === 'true') {
    const me = (await ctx.scope.me()).volunteer;
    ids = me ? (await q.signupsOfVolunteer(deps.db, me.id)).filter((s) => s.status !== 'cancelled').map((s) => s.activity_id) : [];
  }
  const statuses = query.status ? [query.status] : staff ? undefined : VISIBLE_TO_PUBLIC;
  if (!staff && query.status && !VISIBLE_TO_PUBLIC.includes(query.status)) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await q.listActivities(
    deps.db,
    {
      unitIds,
      statuses,
      programmeId: query.programmeId,
      q: query.q,
      ids,
      from: query.from ? chinaDayStart(query.from) : undefined,
      to: query.to ? chinaDayEnd(query.to) : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await activityViews(deps, ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getActivity(deps: Deps, ctx: Ctx, id: string): Promise<ActivityView> {
  const { row } = await requireActivity(deps, ctx, id, 'read');
  return (await activityViews(deps, ctx, [row]))[0];
}
