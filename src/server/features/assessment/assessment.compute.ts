/**
 * The automatic indicators, computed from the records (never typed in): gather each fact list the
 * period's tree needs for all its stations in a constant number of statements (through the other
 * features' lookups), then score each station with the pure rules. Adding an automatic kind is one
 * scorer in shared/rules/assessment.ts and, if it needs new facts, one gatherer here.
 */
import type { TreeSnapshot } from '../../../shared/assessment';
import { chinaDay, chinaDayEnd, chinaDayStart } from '../../../shared/china-time';
import { type AutoFacts, type AutoKind, type AutoScore, monthsOf, scoreAuto } from '../../../shared/rules/assessment';
import type { DbOrTrx } from '../../platform/db';
import { STANDARDS } from '../../../shared/rules/standards';
import { activitiesForAssessment } from '../activities/activities.lookup';
import { adoptedForAssessment } from '../news/news.lookup';
import { ordersForAssessment } from '../orders/orders.lookup';
import { standardsAsOf } from '../standards/standards.board';
import { staffTrainingForAssessment } from '../training/training.lookup';
import { volunteersJoinedForAssessment } from '../volunteers/volunteers.lookup';

type FactKey = Exclude<keyof AutoFacts, 'months'>;

/** Which facts each automatic kind is scored from. */
export const FACTS_OF: Record<AutoKind, FactKey[]> = {
  activity_months: ['activities'],
  orders_completed: ['orders'],
  orders_on_time: ['orders'],
  resident_rating: ['orders'],
  training_coverage: ['staff'],
  volunteer_growth: ['volunteers'],
  summaries_on_time: ['summaries'],
  standards_met: ['standards'],
  news_adopted: ['news'],
};

export interface Span {
  startsOn: string;
  endsOn: string;
}

interface Window {
  from: string;
  to: string;
  /** Training coverage is yearly (业务培训全覆盖): the calendar year up to the period's end. */
  yearFrom: string;
  now: string;
}

type PerStation<K extends FactKey> = Map<string, AutoFacts[K]>;
type Gatherer<K extends FactKey> = (db: DbOrTrx, stationIds: string[], w: Window) => Promise<PerStation<K>>;

function group<T, K extends FactKey>(rows: T[], stationOf: (r: T) => string, map: (r: T) => AutoFacts[K][number]): PerStation<K> {
  const out: PerStation<K> = new Map();
  for (const r of rows) {
    const list = (out.get(stationOf(r)) ?? []) as AutoFacts[K][number][];
    list.push(map(r));
    out.set(stationOf(r), list as AutoFacts[K]);
  }
  return out;
}

const GATHERERS: { [K in FactKey]: Gatherer<K> } = {
  async activities(db, ids, w) {
    const rows = (await activitiesForAssessment(db, ids, w.from, w.to)).filter((a) => a.starts_at >= w.from && a.starts_at < w.to);
    return group(
      rows,
      (r) => r.unit_id,
      (r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, month: chinaDay(r.starts_at).slice(0, 7) }),
    );
  },
  async summaries(db, ids, w) {
    const rows = (await activitiesForAssessment(db, ids, w.from, w.to)).filter((a) => a.ends_at >= w.from && a.ends_at < w.to && a.ends_at < w.now);
    return group(
      rows,
      (r) => r.unit_id,
      (r) => ({ id: r.id, title: r.title, endsAt: r.ends_at, summarisedAt: r.summarised_at ?? null, late: Number(r.summary_late ?? 0) === 1 }),
    );
  },
  async orders(db, ids, w) {
    const rows = await ordersForAssessment(db, ids, w.from, w.to);
    return group(
      rows,
      (r) => r.unit_id,
      (r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        createdAt: r.created_at,
        completed: r.status === 'completed' || r.status === 'rated' || r.status === 'closed',
        onTime: r.accepted_at && r.sla_due_at ? r.accepted_at <= r.sla_due_at : r.sla_due_at && r.sla_due_at < w.now ? false : null,
        rating: r.rating !== null && (r.rated_by === 'requester' || r.rated_by === 'staff') ? Number(r.rating) : null,
      }),
    );
  },
  async staff(db, ids, w) {
    const { staff, attended } = await staffTrainingForAssessment(db, ids, w.yearFrom, w.to);
    const sessions = new Map<string, { id: string; topic: string; startsAt: string }[]>();
    for (const a of attended) sessions.set(a.account_id, [...(sessions.get(a.account_id) ?? []), { id: a.session_id, topic: a.topic, startsAt: a.starts_at }]);
    return group(
      staff,
      (s) => s.unit_id,
      (s) => ({ accountId: s.account_id, name: s.display_name, sessions: sessions.get(s.account_id) ?? [] }),
    );
  },
  /** 八有 as the standards board judges it at the period's end (or now, while the period runs). */
  async standards(db, ids, w) {
    const at = new Date(Math.min(Date.parse(w.to), Date.parse(w.now)));
    const results = await standardsAsOf(db, ids, at);
    return new Map(
      [...results].map(([unitId, list]) => [
        unitId,
        list.map((r) => ({ label: STANDARDS[r.standard].label, status: r.status, reason: r.reason, citations: r.citations })),
      ]),
    );
  },
  async news(db, ids, w) {
    const rows = await adoptedForAssessment(db, ids, w.from, w.to);
    return group(
      rows,
      (r) => r.unit_id,
      (r) => ({ id: r.id, title: r.title, adoptedAt: r.adopted_at }),
    );
  },
  async volunteers(db, ids, w) {
    const rows = await volunteersJoinedForAssessment(db, ids, w.from, w.to);
    return group(
      rows,
      (r) => r.station_id,
      (r) => ({ id: r.id, name: r.name, certifiedAt: r.certified_at ?? '' }),
    );
  },
};

function windowOf(span: Span, now: Date): Window {
  return {
    from: chinaDayStart(span.startsOn),
    to: chinaDayEnd(span.endsOn),
    yearFrom: chinaDayStart(`${span.endsOn.slice(0, 4)}-01-01`),
    now: now.toISOString(),
  };
}

/** The facts of every station for the period: only the lists the tree's automatic kinds need. */
export async function gatherFacts(db: DbOrTrx, tree: TreeSnapshot, span: Span, stationIds: string[], now: Date): Promise<Map<string, AutoFacts>> {
  const w = windowOf(span, now);
  const needed = new Set<FactKey>();
  for (const c of tree) for (const i of c.items) if (i.mode === 'auto' && i.autoKind) for (const k of FACTS_OF[i.autoKind]) needed.add(k);
  const lists = new Map<FactKey, Map<string, unknown[]>>();
  for (const k of needed) lists.set(k, (await GATHERERS[k](db, stationIds, w)) as Map<string, unknown[]>);
  const months = monthsOf(span.startsOn, span.endsOn);
  const of = <K extends FactKey>(k: K, s: string) => (lists.get(k)?.get(s) ?? []) as AutoFacts[K];
  return new Map(
    stationIds.map((s) => [
      s,
      {
        months,
        activities: of('activities', s),
        orders: of('orders', s),
        staff: of('staff', s),
        volunteers: of('volunteers', s),
        summaries: of('summaries', s),
        standards: of('standards', s),
        news: of('news', s),
      },
    ]),
  );
}

/** Per station, per automatic indicator: the points, their explanation and the records they cite. */
export async function computeAuto(db: DbOrTrx, tree: TreeSnapshot, span: Span, stationIds: string[], now: Date): Promise<Map<string, Map<string, AutoScore>>> {
  const facts = await gatherFacts(db, tree, span, stationIds, now);
  const out = new Map<string, Map<string, AutoScore>>();
  for (const s of stationIds) {
    const f = facts.get(s) as AutoFacts;
    const scores = new Map<string, AutoScore>();
    for (const c of tree) for (const i of c.items) if (i.mode === 'auto' && i.autoKind) scores.set(i.id, scoreAuto(i.autoKind, f, i.params, i.maxPoints));
    out.set(s, scores);
  }
  return out;
}
