import type { z } from 'zod';
import { chinaDay, chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import type { MonthlyQuery, MonthlyTableView } from '../../../shared/activities';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, writeSimpleSheet } from '../../platform/xlsx';
import * as q from './activities.queries';

type Query = z.infer<typeof MonthlyQuery>;

/** `months` months ending at `until` (YYYY-MM), oldest first. */
function monthLabels(until: string, months: number): string[] {
  const [y, m] = until.split('-').map(Number);
  const labels: string[] = [];
  for (let i = months - 1; i >= 0; i--) labels.push(new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
  return labels;
}

const perMonth = (rows: { unit_id: string; starts_at: string }[], unitId: string, label: string) =>
  rows.filter((h) => h.unit_id === unitId && chinaDay(new Date(h.starts_at)).slice(0, 7) === label).length;

/**
 * The plan's monthly rule (二、（二）6): practice activities per station per month, against the minimum.
 * Any window of months, behind or ahead of today: a finished month counts what was held and is red
 * below the rule; the running month and those ahead add what is published and not yet held, so a
 * station head sees next month's shortfall while there is still time to plan.
 */
export async function monthlyTable(deps: Deps, ctx: Ctx, query: Query): Promise<MonthlyTableView> {
  const scope = await ctx.scope.units('activities.read');
  const stations = (await q.activeStations(deps.db)).filter((s) => scope.has(s.id));
  const current = chinaDay(deps.clock.now()).slice(0, 7);
  const labels = monthLabels(query.until ?? current, query.months);
  const from = chinaMonthStart(labels[0]);
  const to = chinaMonthEnd(labels[labels.length - 1]);
  const ids = stations.map((s) => s.id);
  const [held, planned] = await Promise.all([q.heldPerMonth(deps.db, ids, from, to), q.plannedPerMonth(deps.db, ids, from, to)]);
  const minimum = stations[0] ? (await ctx.scope.rulesOf(stations[0].id))['activities.minPerStationPerMonth'] : 1;
  return {
    months: labels,
    minimum,
    current,
    rows: stations.map((s) => {
      const counts = labels.map((label) => perMonth(held, s.id, label));
      // A month that has not ended yet counts what is planned too; only those ahead can still change.
      const plans = labels.map((label) => (label >= current ? perMonth(planned, s.id, label) : 0));
      return {
        unitId: s.id,
        unitName: s.name,
        counts,
        planned: plans,
        below: counts.map((c, i) => labels[i] < current && c < minimum),
        plannedBelow: counts.map((c, i) => labels[i] >= current && c + plans[i] < minimum),
      };
    }),
  };
}

/** The same table as Excel: one row per station, held (and planned ahead) per month; audited. */
export async function exportMonthlyTable(deps: Deps, ctx: Ctx, query: Query) {
  const t = await monthlyTable(deps, ctx, query);
  const now = deps.clock.now();
  const cell = (r: MonthlyTableView['rows'][number], i: number) => {
    const m = t.months[i];
    if (m < t.current) return r.below[i] ? `${r.counts[i]}（未达标）` : r.counts[i];
    const text = r.planned[i] ? `已开展 ${r.counts[i]}，计划 ${r.planned[i]}` : `已开展 ${r.counts[i]}`;
    return r.plannedBelow[i] ? `${text}（计划不足）` : r.planned[i] ? text : r.counts[i];
  };
  const body = await writeSimpleSheet({
    sheetName: '每月开展活动情况',
    title: `各实践站每月开展文明实践活动情况（每月至少 ${t.minimum} 次；导出于 ${chinaMinute(now.toISOString())}）`,
    columns: [{ header: '实践站', width: 30 }, ...t.months.map((m) => ({ header: m === t.current ? `${m}（本月）` : m, width: m >= t.current ? 22 : 14 }))],
    rows: t.rows.map((r) => [r.unitName, ...t.months.map((_, i) => cell(r, i))]),
  });
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'activities.monthly_exported',
      objectType: 'activities_monthly',
      changes: { months: { before: null, after: t.months }, rows: { before: null, after: t.rows.length } },
    }),
  );
  return { body, fileName: `各实践站每月开展活动情况-${t.months[0]}至${t.months[t.months.length - 1]}.xlsx` };
}
