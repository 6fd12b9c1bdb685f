import type {
  AssessmentIndicatorsTable,
  AssessmentPeriodLogTable,
  AssessmentPeriodsTable,
  AssessmentResultsTable,
  AssessmentScoresTable,
  AssessmentSubmissionsTable,
} from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

// ---- units -------------------------------------------------------------------------------------

/** The institute's stations (not archived), in the console's order. */
export function stationsOf(db: DbOrTrx, instituteId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', instituteId)
    .where('kind', '=', 'station')
    .where('archived', '=', 0)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function unitNames(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
}

// ---- indicators --------------------------------------------------------------------------------

export async function listIndicators(db: DbOrTrx, f: { instituteIds: string[]; includeArchived: boolean; offset: number; limit: number }) {
  if (f.instituteIds.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('assessment_indicators').where('institute_id', 'in', f.instituteIds);
  if (!f.includeArchived) base = base.where('archived', '=', 0);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.selectAll().orderBy('institute_id').orderBy('level').orderBy('sort').orderBy('id').offset(f.offset).limit(f.limit).execute();
  return { rows, total };
}

/** The institute's whole live tree (categories and items, not archived). */
export function liveTree(db: DbOrTrx, instituteId: string) {
  return db
    .selectFrom('assessment_indicators')
    .selectAll()
    .where('institute_id', '=', instituteId)
    .where('archived', '=', 0)
    .orderBy('level')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function getIndicator(db: DbOrTrx, id: string) {
  return db.selectFrom('assessment_indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertIndicators(db: DbOrTrx, rows: AssessmentIndicatorsTable[]) {
  return db.insertInto('assessment_indicators').values(rows).execute();
}

export function updateIndicator(db: DbOrTrx, id: string, patch: Partial<AssessmentIndicatorsTable>) {
  return db.updateTable('assessment_indicators').set(patch).where('id', '=', id).execute();
}

// ---- periods -----------------------------------------------------------------------------------

function periods(db: DbOrTrx) {
  return db
    .selectFrom('assessment_periods')
    .innerJoin('units', 'units.id', 'assessment_periods.institute_id')
    .selectAll('assessment_periods')
    .select('units.name as institute_name');
}
export type PeriodRow = NonNullable<Awaited<ReturnType<typeof getPeriod>>>;

export async function listPeriods(db: DbOrTrx, f: { instituteIds: string[]; status?: AssessmentPeriodsTable['status']; offset: number; limit: number }) {
  if (f.instituteIds.length === 0) return { rows: [], total: 0 };
  let count = db.selectFrom('assessment_periods').where('institute_id', 'in', f.instituteIds);
  let page = periods(db).where('assessment_periods.institute_id', 'in', f.instituteIds);
  if (f.status) {
    count = count.where('status', '=', f.status);
    page = page.where('assessment_periods.status', '=', f.status);
  }
  const total = Number((await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await page.orderBy('assessment_periods.starts_on', 'desc').orderBy('assessment_periods.id').offset(f.offset).limit(f.limit).execute();
  return { rows, total };
}

export function getPeriod(db: DbOrTrx, id: string) {
  return periods(db).where('assessment_periods.id', '=', id).executeTakeFirst();
}

export function findPeriod(db: DbOrTrx, instituteId: string, kind: AssessmentPeriodsTable['kind'], startsOn: string) {
  return db
    .selectFrom('assessment_periods')
    .select('id')
    .where('institute_id', '=', instituteId)
    .where('kind', '=', kind)
    .where('starts_on', '=', startsOn)
    .executeTakeFirst();
}

export function insertPeriod(db: DbOrTrx, row: AssessmentPeriodsTable) {
  return db.insertInto('assessment_periods').values(row).execute();
}

/** A guarded status change: answers how many rows moved (0 when someone else moved it first). */
export async function movePeriod(db: DbOrTrx, id: string, from: AssessmentPeriodsTable['status'], patch: Partial<AssessmentPeriodsTable>) {
  const r = await db.updateTable('assessment_periods').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function insertPeriodLog(db: DbOrTrx, row: AssessmentPeriodLogTable) {
  return db.insertInto('assessment_period_log').values(row).execute();
}

// ---- scores ------------------------------------------------------------------------------------

/** Every score row of a period (optionally of some stations), oldest version first: the presenter keeps the latest per stage. */
export function scoresOf(db: DbOrTrx, periodId: string, stationIds?: string[]) {
  let qb = db
    .selectFrom('assessment_scores')
    .leftJoin('accounts', 'accounts.id', 'assessment_scores.by_account')
    .selectAll('assessment_scores')
    .select('accounts.display_name as by_name')
    .where('assessment_scores.period_id', '=', periodId);
  if (stationIds) {
    if (stationIds.length === 0) return Promise.resolve([]);
    qb = qb.where('assessment_scores.station_id', 'in', stationIds);
  }
  return qb.orderBy('assessment_scores.version').orderBy('assessment_scores.id').execute();
}
export type ScoreRow = Awaited<ReturnType<typeof scoresOf>>[number];

export async function nextVersion(db: DbOrTrx, k: Pick<AssessmentScoresTable, 'period_id' | 'station_id' | 'indicator_id' | 'stage'>) {
  const r = await db
    .selectFrom('assessment_scores')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('period_id', '=', k.period_id)
    .where('station_id', '=', k.station_id)
    .where('indicator_id', '=', k.indicator_id)
    .where('stage', '=', k.stage)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

export function insertScores(db: DbOrTrx, rows: AssessmentScoresTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('assessment_scores').values(rows).execute();
}

// ---- submissions and results -------------------------------------------------------------------

export function submissionsOf(db: DbOrTrx, periodId: string) {
  return db.selectFrom('assessment_submissions').selectAll().where('period_id', '=', periodId).execute();
}

export function insertSubmission(db: DbOrTrx, row: AssessmentSubmissionsTable) {
  return db.insertInto('assessment_submissions').values(row).execute();
}

export function resultsOf(db: DbOrTrx, periodId: string) {
  return db
    .selectFrom('assessment_results')
    .innerJoin('units', 'units.id', 'assessment_results.station_id')
    .selectAll('assessment_results')
    .select('units.name as station_name')
    .where('assessment_results.period_id', '=', periodId)
    .orderBy('assessment_results.rank')
    .orderBy('units.sort')
    .orderBy('units.id')
    .execute();
}

export async function resultsPage(db: DbOrTrx, periodId: string, page: { offset: number; limit: number }) {
  const total = Number(
    (
      await db
        .selectFrom('assessment_results')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('period_id', '=', periodId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const rows = await db
    .selectFrom('assessment_results')
    .innerJoin('units', 'units.id', 'assessment_results.station_id')
    .selectAll('assessment_results')
    .select('units.name as station_name')
    .where('assessment_results.period_id', '=', periodId)
    .orderBy('assessment_results.rank')
    .orderBy('units.sort')
    .orderBy('units.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total };
}

export function insertResults(db: DbOrTrx, rows: AssessmentResultsTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('assessment_results').values(rows).execute();
}

/** A station's published results, newest first, with the period and how many stations were ranked. */
export async function historyOf(db: DbOrTrx, stationId: string, page: { offset: number; limit: number }) {
  const base = db.selectFrom('assessment_results').where('assessment_results.station_id', '=', stationId);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .innerJoin('assessment_periods', 'assessment_periods.id', 'assessment_results.period_id')
    .selectAll('assessment_results')
    .select([
      'assessment_periods.label',
      'assessment_periods.kind',
      'assessment_periods.starts_on',
      'assessment_periods.ends_on',
      'assessment_periods.tree',
      (eb) =>
        eb
          .selectFrom('assessment_results as r2')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('r2.period_id', '=', 'assessment_results.period_id')
          .as('station_count'),
    ])
    .orderBy('assessment_periods.starts_on', 'desc')
    .orderBy('assessment_results.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total };
}

/** The stations whose self-assessment evidence cites an upload (staff over them may open it: files' registry). */
export async function stationsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  const rows = await db.selectFrom('assessment_scores').select('station_id').distinct().where('evidence_file_ids', 'like', `%${fileId}%`).execute();
  return rows.map((r) => r.station_id);
}
