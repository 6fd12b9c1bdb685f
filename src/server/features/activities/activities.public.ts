import type { z } from 'zod';
import { type ActivityStatus, PUBLIC_CALENDAR_MAX_DAYS, type PublicActivityQuery, type PublicActivityView } from '../../../shared/activities';
import { addDays, chinaDay, chinaDayEnd, chinaDayStart } from '../../../shared/china-time';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { unitTreeOf } from '../../platform/scope';
import { activeProgrammes } from '../programmes/programmes.lookup';
import { VISIBLE_TO_PUBLIC } from './activities.access';
import { presentPublicActivity } from './activities.presenter';
import * as q from './activities.queries';

/**
 * The portal's activity calendar, for anyone without logging in (工作方案 四: 线上线下同频共振).
 * Published activities of every institute and station, never drafts, never cancelled ones, and no
 * person in them; signing up stays behind the login (`signUp`).
 */
const SHOWN: ActivityStatus[] = VISIBLE_TO_PUBLIC.filter((s) => s !== 'cancelled');

async function publicUnits(deps: Deps): Promise<Set<string>> {
  return new Set((await q.publicUnitIds(deps.db)).map((u) => u.id));
}

/** Presents rows with their positions and their units' phones: two queries whatever the number. */
async function present(deps: Deps, rows: q.ActivityRow[]): Promise<PublicActivityView[]> {
  if (rows.length === 0) return [];
  const positions = await q.listPositions(
    deps.db,
    rows.map((r) => r.id),
  );
  const phones = new Map((await q.unitPhones(deps.db, [...new Set(rows.map((r) => r.unit_id))])).map((u) => [u.id, u.phone]));
  return rows.map((r) => presentPublicActivity(r, positions, phones.get(r.unit_id) ?? null));
}

/** Days from `from` to `to`, both included. */
const daysIn = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export async function listPublicActivities(deps: Deps, query: z.infer<typeof PublicActivityQuery>) {
  const from = query.from ?? chinaDay(deps.clock.now());
  const to = query.to ?? addDays(from, 6);
  if (to < from) throw new AppError('activities.range_reversed');
  if (daysIn(from, to) > PUBLIC_CALENDAR_MAX_DAYS) throw new AppError('activities.range_too_long');
  const units = await publicUnits(deps);
  let unitIds = [...units];
  if (query.unitId) {
    if (!units.has(query.unitId)) throw notFound();
    unitIds = (await unitTreeOf(deps.db)).subtree(query.unitId).filter((u) => units.has(u));
  }
  const { rows, total } = await q.listActivities(
    deps.db,
    { unitIds, statuses: SHOWN, programmeId: query.programmeId, block: query.block, from: chinaDayStart(from), to: chinaDayEnd(to) },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await present(deps, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getPublicActivity(deps: Deps, id: string): Promise<PublicActivityView> {
  const row = await q.getActivity(deps.db, id);
  if (!row || !SHOWN.includes(row.status) || !(await publicUnits(deps)).has(row.unit_id)) throw notFound();
  return (await present(deps, [row]))[0];
}

export async function listPublicProgrammes(deps: Deps, query: { page: number; pageSize: number }) {
  const { items, total } = await activeProgrammes(deps.db, [...(await publicUnits(deps))], {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
