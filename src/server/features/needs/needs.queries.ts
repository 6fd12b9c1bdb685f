import type { NeedsRecordsTable, NeedsWithdrawalsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export interface RecordFilter {
  stationIds: string[];
  category?: string;
  from?: string;
  to?: string;
  withdrawn?: boolean;
}

/** Records with their station's name and their withdrawal, if any. */
function records(db: DbOrTrx) {
  return db
    .selectFrom('needs_records')
    .innerJoin('units', 'units.id', 'needs_records.station_id')
    .leftJoin('needs_withdrawals', 'needs_withdrawals.record_id', 'needs_records.id')
    .selectAll('needs_records')
    .select([
      'units.name as station_name',
      'needs_withdrawals.reason as withdraw_reason',
      'needs_withdrawals.by_name as withdrawn_by_name',
      'needs_withdrawals.created_at as withdrawn_at',
    ]);
}

function filtered(db: DbOrTrx, f: RecordFilter) {
  let b = records(db).where('needs_records.station_id', 'in', f.stationIds);
  if (f.category) b = b.where('needs_records.category', '=', f.category);
  if (f.from) b = b.where('needs_records.collected_on', '>=', f.from);
  if (f.to) b = b.where('needs_records.collected_on', '<=', f.to);
  if (f.withdrawn === true) b = b.where('needs_withdrawals.id', 'is not', null);
  if (f.withdrawn === false) b = b.where('needs_withdrawals.id', 'is', null);
  return b;
}

export async function listRecords(db: DbOrTrx, f: RecordFilter, page: { offset: number; limit: number }) {
  if (f.stationIds.length === 0) return { rows: [], total: 0 };
  const counted = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await filtered(db, f)
    .orderBy('needs_records.collected_on', 'desc')
    .orderBy('needs_records.created_at', 'desc')
    .orderBy('needs_records.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

/** Every record matching, for the export (bounded by the caller). */
export function allRecords(db: DbOrTrx, f: RecordFilter, limit: number) {
  if (f.stationIds.length === 0) return Promise.resolve([]);
  return filtered(db, f).orderBy('needs_records.collected_on', 'desc').orderBy('needs_records.id').limit(limit).execute();
}

export function getRecord(db: DbOrTrx, id: string) {
  return records(db).where('needs_records.id', '=', id).executeTakeFirst();
}
export type RecordRow = NonNullable<Awaited<ReturnType<typeof getRecord>>>;

export function insertRecord(db: DbOrTrx, row: NeedsRecordsTable) {
  return db.insertInto('needs_records').values(row).execute();
}

export function insertWithdrawal(db: DbOrTrx, row: NeedsWithdrawalsTable) {
  return db.insertInto('needs_withdrawals').values(row).execute();
}

/** Records and people per station and category within [from, to], withdrawn records left out: one statement. */
export async function countsByStation(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  if (stationIds.length === 0) return [];
  const rows = await db
    .selectFrom('needs_records')
    .leftJoin('needs_withdrawals', 'needs_withdrawals.record_id', 'needs_records.id')
    .select(['needs_records.station_id', 'needs_records.category'])
    .select((eb) => [eb.fn.countAll<number>().as('records'), eb.fn.sum<number>('needs_records.people').as('people')])
    .where('needs_records.station_id', 'in', stationIds)
    .where('needs_records.collected_on', '>=', from)
    .where('needs_records.collected_on', '<=', to)
    .where('needs_withdrawals.id', 'is', null)
    .groupBy(['needs_records.station_id', 'needs_records.category'])
    .execute();
  return rows.map((r) => ({ station_id: r.station_id, category: r.category, records: Number(r.records), people: Number(r.people ?? 0) }));
}

/** Names of the given units in the tree's order (kind, sort). */
export function unitNames(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).orderBy('kind').orderBy('sort').orderBy('name').orderBy('id').execute();
}
