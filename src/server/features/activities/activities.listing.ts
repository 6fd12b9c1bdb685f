import type { z } from 'zod';
import type { ActivityListQuery, ActivityView } from '../../../shared/activities';
import { shanghaiDay } from '../../../shared/rules/hours';
import type { RuleValues } from '../../../shared/settings';
import { loadUnitTree, type UnitTree, unitsInScope } from '../../platform/access';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { instituteOf, rulesFor } from '../settings/settings.service';
import * as vq from '../volunteers/volunteers.queries';
import { requireActivity, VISIBLE_TO_PUBLIC, visibleUnits } from './activities.access';
import { presentActivity } from './activities.presenter';
import * as q from './activities.queries';

/** Loads what the presenter needs for these rows in a fixed number of queries, then presents them. */
export async function activityViews(deps: Deps, actor: Actor, tree: UnitTree, rows: q.ActivityRow[]): Promise<ActivityView[]> {
  const ids = rows.map((r) => r.id);
  const positions = await q.listPositions(deps.db, ids);
  const me = await vq.getVolunteerByPerson(deps.db, actor.personId);
  const mySignups = me ? await q.signupsOfVolunteer(deps.db, me.id, ids) : [];
  const waitlistPlaces = await q.waitlistPlaces(deps.db, mySignups.filter((s) => s.status === 'waitlisted' && s.waitlist_seq !== null).map((s) => s.id));
  const instituteOfUnit = new Map(rows.map((r) => [r.unit_id, instituteOf(tree, r.unit_id) ?? '']));
  const institutes = [...new Set(instituteOfUnit.values())];
  const rules = new Map(await Promise.all(institutes.map(async (i) => [i, await rulesFor(deps.db, i)] as const)));
  const rulesByUnit = new Map([...instituteOfUnit].map(([unit, inst]) => [unit, rules.get(inst) as RuleValues]));
  const data = { actor, manageable: unitsInScope(tree, actor, 'activities.manage'), today: shanghaiDay(deps.clock.now()), positions, mySignups, waitlistPlaces, rulesByUnit };
  return rows.map((r) => presentActivity(r, data));
}

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

export async function listActivities(deps: Deps, ctx: Ctx, query: z.infer<typeof ActivityListQuery>) {
  const tree = await loadUnitTree(deps);
  const { units, staff } = visibleUnits(ctx.actor, tree);
  let unitIds = units;
  if (query.unitId) {
    if (!units.includes(query.unitId)) throw notFound();
    unitIds = tree.subtree(query.unitId).filter((u) => units.includes(u));
  }
  let ids: string[] | undefined;
  if (query.mine === 'true') {
    const me = await vq.getVolunteerByPerson(deps.db, ctx.actor.personId);
    ids = me ? (await q.signupsOfVolunteer(deps.db, me.id)).filter((s) => s.status !== 'cancelled').map((s) => s.activity_id) : [];
  }
  const statuses = query.status ? [query.status] : staff ? undefined : VISIBLE_TO_PUBLIC;
  if (!staff && query.status && !VISIBLE_TO_PUBLIC.includes(query.status)) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await q.listActivities(
    deps.db,
    {
      unitIds, statuses, programmeId: query.programmeId, q: query.q, ids,
      from: query.from ? dayStart(query.from) : undefined,
      to: query.to ? new Date(Date.parse(dayStart(query.to)) + 86_400_000).toISOString() : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await activityViews(deps, ctx.actor, tree, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getActivity(deps: Deps, ctx: Ctx, id: string): Promise<ActivityView> {
  const { row, tree } = await requireActivity(deps, ctx.actor, id, 'read');
  return (await activityViews(deps, ctx.actor, tree, [row]))[0];
}
