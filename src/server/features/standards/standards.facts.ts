import { chinaDay, chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import { type EvidenceKind, monthsOfYear, type StandardKey, type UnitFacts } from '../../../shared/rules/standards';
import type { RuleValues } from '../../../shared/settings';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { heldActivityMonthsByUnit } from '../activities/activities.lookup';
import { activeUnitsAmong, staffPostsByUnit } from '../org/org.lookup';
import { latestRulesDocumentsByUnit } from '../plan/plan.lookup';
import { brandsByUnit } from '../programmes/programmes.lookup';
import { teamsWithMembersByUnit } from '../teams/teams.lookup';
import { offlineVenuesByUnit } from '../venues/venues.lookup';
import * as q from './standards.queries';

export type BoardUnit = { id: string; name: string; kind: 'institute' | 'station' };

function group<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export function parseIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The facts of some units, gathered in a fixed number of statements whatever their number: units,
 * staff posts, teams, held activities, brands, rules documents, venues, evidence and the latest
 * confirmations (rules come from the request's cache). Archived units and districts are left out.
 */
export async function gatherFacts(deps: Deps, ctx: Ctx, unitIds: string[]): Promise<{ units: BoardUnit[]; facts: Map<string, UnitFacts> }> {
  return gatherFactsAsOf({ db: deps.db, at: deps.clock.now(), rulesOf: (id) => ctx.scope.rulesOf(id) }, unitIds);
}

/** Where the facts are read and as of when: the board reads now through the request's rules; the assessment at a period's end. */
export interface FactsSource {
  db: DbOrTrx;
  at: Date;
  rulesOf(unitId: string): Promise<RuleValues>;
}

export async function gatherFactsAsOf(src: FactsSource, unitIds: string[]): Promise<{ units: BoardUnit[]; facts: Map<string, UnitFacts> }> {
  const deps = { db: src.db };
  const units = (await activeUnitsAmong(deps.db, unitIds)).map((u) => ({ id: u.id, name: u.name, kind: u.kind as BoardUnit['kind'] }));
  const ids = units.map((u) => u.id);
  const today = chinaDay(src.at);
  const months = monthsOfYear(today);
  const [posts, teams, held, brands, documents, venues, evidence, confirmations] = await Promise.all([
    staffPostsByUnit(deps.db, ids),
    teamsWithMembersByUnit(deps.db, ids, ['street_corps', 'community_squad']),
    heldActivityMonthsByUnit(deps.db, ids, chinaMonthStart(`${today.slice(0, 4)}-01`), chinaMonthEnd(months.current)),
    brandsByUnit(deps.db, ids),
    latestRulesDocumentsByUnit(deps.db, ids),
    offlineVenuesByUnit(deps.db, ids),
    q.activeEvidenceOfUnits(deps.db, ids),
    q.latestConfirmationsOfUnits(deps.db, ids),
  ]);
  const byUnit = {
    posts: group(posts, (r) => r.unit_id),
    teams: group(teams, (r) => r.unit_id),
    held: group(held, (r) => r.unit_id),
    documents: group(documents, (r) => r.unit_id),
    venues: group(venues, (r) => r.unit_id),
    evidence: group(evidence, (r) => r.unit_id),
    confirmations: group(confirmations, (r) => r.unit_id),
  };
  const brandOf = new Map(brands.map((b) => [b.unit_id, b]));
  const facts = new Map<string, UnitFacts>();
  for (const u of units) {
    const rules = await src.rulesOf(u.id);
    const brand = brandOf.get(u.id);
    facts.set(u.id, {
      unit: u,
      staffing: u.kind === 'institute' ? rules['staffing.institute'] : rules['staffing.station'],
      staffPosts: (byUnit.posts.get(u.id) ?? []).map((p) => ({ id: p.id, holderName: p.holder_name })),
      teams: (byUnit.teams.get(u.id) ?? [])
        .filter((t) => t.kind === (u.kind === 'institute' ? 'street_corps' : 'community_squad'))
        .map((t) => ({ id: t.id, name: t.name, members: t.members })),
      activities: (byUnit.held.get(u.id) ?? []).map((a) => ({ id: a.id, title: a.title, startsAt: a.starts_at, month: chinaDay(a.starts_at).slice(0, 7) })),
      months,
      minPerMonth: rules['activities.minPerStationPerMonth'],
      brand: brand ? { unitId: brand.unit_id, name: brand.name, updatedAt: brand.updated_at } : null,
      documents: (byUnit.documents.get(u.id) ?? []).map((d) => ({ id: d.id, type: d.type, title: d.title, effectiveOn: d.effective_on })),
      venues: (byUnit.venues.get(u.id) ?? []).map((v) => ({ id: v.id, name: v.name })),
      evidence: (byUnit.evidence.get(u.id) ?? []).map((e) => ({
        id: e.id,
        standard: e.standard as StandardKey,
        kind: e.kind as EvidenceKind,
        note: e.note,
        fileIds: parseIds(e.file_ids),
        link: e.link,
        at: e.created_at,
      })),
      confirmations: Object.fromEntries(
        (byUnit.confirmations.get(u.id) ?? []).map((c) => [c.standard, { decision: c.decision, reason: c.reason, at: c.created_at, byName: c.by_name }]),
      ),
    });
  }
  return { units, facts };
}
