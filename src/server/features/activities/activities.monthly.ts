import { chinaDay, chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import type { MonthlyTableView } from '../../../shared/activities';

import type { Ctx, Deps } from '../../platform/deps';
import * as q from './activities.queries';

/** The plan's monthly rule (二、（二）6): practice activities held per station per month, against the minimum. */
export async function monthlyTable(deps: Deps, ctx: Ctx, months: number): Promise<MonthlyTableView> {
  const scope = await ctx.scope.units('activities.read');
  const stations = (await q.activeStations(deps.db)).filter((s) => scope.has(s.id));
  const today = chinaDay(deps.clock.now());
  const labels: string[] = [];
  const [y, m] = today.split('-').map(Number);
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    labels.push(d.toISOString().slice(0, 7));
  }
  const from = chinaMonthStart(labels[0]);
  const to = chinaMonthEnd(today.slice(0, 7));
  const held = await q.heldPerMonth(
    deps.db,
    stations.map((s) => s.id),
    from,
    to,
  );
  const minimum = stations[0] ? (await ctx.scope.rulesOf(stations[0].id))['activities.minPerStationPerMonth'] : 1;
  const current = today.slice(0, 7);
  return {
    months: labels,
    minimum,
    rows: stations.map((s) => {
      const counts = labels.map((label) => held.filter((h) => h.unit_id === s.id && chinaDay(new Date(h.starts_at)).slice(0, 7) === label).length);
      // The running month is not yet below the rule: it still has days left.
      return { unitId: s.id, unitName: s.name, counts, below: counts.map((c, i) => labels[i] !== current && c < minimum) };
    }),
  };
}
