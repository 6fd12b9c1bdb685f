import { chinaDay } from '../../../shared/china-time';

import { type Candidate, rankCandidates, slotOf } from '../../../shared/rules/matching';
import type { Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import * as q from './orders.queries';
import { rolesFor, whoAmI } from './orders.roles';

/** Ranked suggestions with reasons for dispatching (see rules/matching.ts). */
export async function suggestVolunteers(deps: Deps, ctx: Ctx, id: string) {
  const o = await q.getOrder(deps.db, id);
  if (!o) throw notFound();
  const tree = await ctx.scope.tree();
  if (!rolesFor(ctx.actor, tree, o, await whoAmI(deps, ctx, [o.id])).staff) throw notFound();
  const inst = tree.instituteOf(o.unit_id);
  const stations = await q.stationPoints(deps.db);
  const coords = new Map(stations.map((s) => [s.id, s]));
  const vols = await q.certifiedVolunteersIn(deps.db, inst ? tree.subtree(inst) : [o.unit_id]);
  const loads = new Map((await q.openLoads(deps.db)).map((l) => [l.accepted_volunteer_id, Number(l.n)]));
  const ratings = new Map((await q.ratingsByVolunteer(deps.db)).map((r) => [r.accepted_volunteer_id, { avg: Number(r.avg), n: Number(r.n) }]));
  const item = o.item_id ? await q.getItem(deps.db, o.item_id) : undefined;
  const declined = new Set((await q.declinedBy(deps.db, id)).map((d) => d.volunteer_id));
  const day = chinaDay(deps.clock.now());
  const candidates: Candidate[] = vols
    .filter((v) => !declined.has(v.id))
    .filter((v) => !item?.insurance_required || (v.insured_until !== null && v.insured_until >= day))
    .map((v) => {
      const st = coords.get(v.station_id);
      const rt = ratings.get(v.id);
      return {
        volunteerId: v.id,
        name: v.name,
        stationId: v.station_id,
        skills: JSON.parse(v.skills),
        serviceCategories: JSON.parse(v.service_categories),
        availability: JSON.parse(v.availability),
        lat: st?.lat === null || st?.lat === undefined ? null : Number(st.lat),
        lng: st?.lng === null || st?.lng === undefined ? null : Number(st.lng),
        openOrders: loads.get(v.id) ?? 0,
        averageRating: rt ? rt.avg : null,
        ratedOrders: rt?.n ?? 0,
      };
    });
  const station = coords.get(o.unit_id);
  const need = {
    stationId: o.unit_id,
    requiredSkills: item ? JSON.parse(item.required_skills) : [],
    serviceCategory: item?.service_category ?? null,
    lat: o.lat !== null ? Number(o.lat) : station?.lat !== null && station?.lat !== undefined ? Number(station.lat) : null,
    lng: o.lng !== null ? Number(o.lng) : station?.lng !== null && station?.lng !== undefined ? Number(station.lng) : null,
    slot: o.preferred_at ? slotOf(o.preferred_at) : null,
  };
  return { items: rankCandidates(need, candidates, 10) };
}
