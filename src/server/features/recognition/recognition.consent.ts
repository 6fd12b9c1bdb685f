/**
 * Public-list consent, the volunteer's own page (awards, benefits of their star level) and the public
 * 光荣榜. A volunteer is listed in public only while their latest consent says so: `masked` (the
 * default offered, 张*明) or `full_name`; teams are always listed.
 */
import { randomUUID } from 'node:crypto';
import { chinaDay } from '../../../shared/china-time';
import { maskName } from '../../../shared/certificates';
import type { ConsentView, MyHonoursView, PublicHonourView } from '../../../shared/recognition';
import { STAR_NAMES } from '../../../shared/rules/stars';
import type { RecognitionConsentsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { currentStarLevel } from '../hours/hours.lookup';
import { activeTeamIdsOf } from '../teams/teams.lookup';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { presentAward } from './recognition.awards';
import { benefitsOf, offeredOn } from './recognition.benefits';
import * as q from './recognition.queries';

function presentConsent(r: RecognitionConsentsTable | undefined): ConsentView {
  if (!r) return { status: 'none', at: null, bySelf: null, note: null };
  return { status: r.status, at: r.at, bySelf: Boolean(Number(r.by_self)), note: r.note };
}

/** Appends a consent row; its time never ties with the previous one, so "latest" is always one row. */
async function appendConsent(
  trx: DbOrTrx,
  now: Date,
  input: { volunteerId: string; status: RecognitionConsentsTable['status']; bySelf: boolean; note: string | null; by: string },
) {
  const last = await q.latestConsent(trx, input.volunteerId);
  const at = last && last.at >= now.toISOString() ? new Date(new Date(last.at).getTime() + 1) : now;
  const row: RecognitionConsentsTable = {
    id: randomUUID(),
    volunteer_id: input.volunteerId,
    status: input.status,
    by_self: input.bySelf ? 1 : 0,
    note: input.note,
    recorded_by: input.by,
    at: at.toISOString(),
  };
  await q.insertConsent(trx, row);
  return row;
}

async function saveConsent(
  deps: Deps,
  ctx: Ctx,
  v: { id: string; station_id: string },
  status: RecognitionConsentsTable['status'],
  note: string | null,
  bySelf: boolean,
) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await q.latestConsent(trx, v.id);
    const row = await appendConsent(trx, now, { volunteerId: v.id, status, bySelf, note, by: ctx.actor.accountId });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'recognition.consent_recorded',
      objectType: 'volunteer',
      objectId: v.id,
      unitId: v.station_id,
      changes: { consent: { before: before?.status ?? 'none', after: status }, note: { before: null, after: note } },
    });
    return presentConsent(row);
  });
}

export async function setMyConsent(deps: Deps, ctx: Ctx, status: RecognitionConsentsTable['status']) {
  const me = (await ctx.scope.me()).volunteer;
  if (!me) throw new AppError('volunteer.not_found_self');
  return saveConsent(deps, ctx, { id: me.id, station_id: me.stationId }, status, null, true);
}

async function staffVolunteer(deps: Deps, ctx: Ctx, volunteerId: string, action: 'recognition.read' | 'recognition.manage') {
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  await ctx.scope.require(action, v.station_id);
  return v;
}

export async function recordConsent(deps: Deps, ctx: Ctx, volunteerId: string, input: { status: RecognitionConsentsTable['status']; note: string }) {
  const v = await staffVolunteer(deps, ctx, volunteerId, 'recognition.manage');
  return saveConsent(deps, ctx, v, input.status, input.note, false);
}

export async function viewConsent(deps: Deps, ctx: Ctx, volunteerId: string) {
  const v = await staffVolunteer(deps, ctx, volunteerId, 'recognition.read');
  return presentConsent(await q.latestConsent(deps.db, v.id));
}

/** 我的荣誉与礼遇: my awards, what my star level gives today, what the next level adds, my consent. */
export async function myHonours(deps: Deps, ctx: Ctx): Promise<MyHonoursView> {
  const me = (await ctx.scope.me()).volunteer;
  if (!me) throw new AppError('volunteer.not_found_self');
  const tree = await ctx.scope.tree();
  const inst = tree.instituteOf(me.stationId);
  const today = chinaDay(deps.clock.now());
  const [awards, teamAwards, level, catalogue, consent] = await Promise.all([
    q.awardsOfVolunteer(deps.db, me.id),
    activeTeamIdsOf(deps.db, me.id).then((ids) => q.awardsOfTeams(deps.db, ids)),
    currentStarLevel(deps.db, me.id),
    inst ? benefitsOf(deps.db, inst) : Promise.resolve([]),
    q.latestConsent(deps.db, me.id),
  ]);
  const offered = catalogue.filter((b) => offeredOn(b, today));
  const maxLevel = offered.reduce((m, b) => Math.max(m, b.minLevel), 0);
  const nextLevel = offered.filter((b) => b.minLevel > level).reduce<number | null>((m, b) => (m === null || b.minLevel < m ? b.minLevel : m), null);
  return {
    volunteerId: me.id,
    starLevel: level,
    starName: STAR_NAMES[level] ?? `${level}星`,
    awards: awards.map(presentAward),
    teamAwards: teamAwards.map(presentAward),
    benefits: offered.filter((b) => b.minLevel <= level),
    nextLevel: nextLevel ?? (level < maxLevel ? maxLevel : null),
    nextBenefits: nextLevel === null ? [] : offered.filter((b) => b.minLevel === nextLevel),
    consent: presentConsent(consent),
  };
}

/** The public 光荣榜 (no login): standing awards; volunteers only with consent, masked unless they chose full name. */
export async function publicHonours(deps: Deps, query: { year?: string; number?: string; page: number; pageSize: number }) {
  const range = query.year ? { from: `${query.year}-01-01`, to: `${Number(query.year) + 1}-01-01` } : {};
  const { rows, total } = await q.pagePublicAwards(
    deps.db,
    { ...range, number: query.number?.toUpperCase() },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const items: PublicHonourView[] = rows.map((r) => ({
    number: r.number,
    recipientKind: r.recipient_kind,
    name: r.recipient_kind === 'team' || r.consent === 'full_name' ? r.recipient_name : maskName(r.recipient_name),
    title: r.title,
    level: r.level,
    grantedBy: r.granted_by,
    awardedOn: r.awarded_on,
    unitName: r.unit_name,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
