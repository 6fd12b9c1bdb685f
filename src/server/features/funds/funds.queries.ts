import { sql } from 'kysely';
import type { FundBudgetLinesTable, FundEntriesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

/** A calendar year as the text range `spent_on` is compared with. */
function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

// ------------------------------------------------------------------ budget lines

function lineBase(db: DbOrTrx) {
  return db
    .selectFrom('fund_budget_lines as l')
    .innerJoin('units', 'units.id', 'l.unit_id')
    .leftJoin('programmes', 'programmes.id', 'l.programme_id')
    .leftJoin('accounts', 'accounts.id', 'l.created_by')
    .selectAll('l')
    .select([
      'units.name as unit_name',
      'programmes.name as programme_name',
      'accounts.display_name as created_by_name',
      (eb) =>
        eb
          .selectFrom('fund_budget_lines as adj')
          .select((e) => e.fn.sum<number | string>('adj.amount_fen').as('s'))
          .whereRef('adj.corrects_id', '=', 'l.id')
          .as('adjusted_fen'),
    ])
    .where('l.corrects_id', 'is', null);
}
export type LineRow = Awaited<ReturnType<typeof getLine>> & object;

export function getLine(db: DbOrTrx, id: string) {
  return lineBase(db).where('l.id', '=', id).executeTakeFirst();
}

export interface LineFilter {
  year: number;
  unitIds: string[];
}

export async function listLines(db: DbOrTrx, f: LineFilter, page: number, pageSize: number) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  const count = await db
    .selectFrom('fund_budget_lines')
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .where('corrects_id', 'is', null)
    .where('year', '=', f.year)
    .where('unit_id', 'in', f.unitIds)
    .executeTakeFirstOrThrow();
  const rows = await lineBase(db)
    .where('l.year', '=', f.year)
    .where('l.unit_id', 'in', f.unitIds)
    .orderBy('units.kind')
    .orderBy('units.sort')
    .orderBy('l.created_at')
    .orderBy('l.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}

export function adjustmentsOf(db: DbOrTrx, lineIds: string[]) {
  if (lineIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('fund_budget_lines as a')
    .leftJoin('accounts', 'accounts.id', 'a.created_by')
    .select(['a.id', 'a.corrects_id', 'a.amount_fen', 'a.reason', 'a.created_at', 'accounts.display_name as created_by_name'])
    .where('a.corrects_id', 'in', lineIds)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export function insertLine(db: DbOrTrx, row: FundBudgetLinesTable) {
  return db.insertInto('fund_budget_lines').values(row).execute();
}

/** Locks the original line (PostgreSQL) and returns its amount after every adjustment. */
export async function lockedLineNet(db: DbOrTrx, id: string, lock: boolean): Promise<number | null> {
  let qb = db.selectFrom('fund_budget_lines').select(['id', 'amount_fen']).where('id', '=', id);
  if (lock) qb = qb.forUpdate();
  const row = await qb.executeTakeFirst();
  if (!row) return null;
  const adj = await db
    .selectFrom('fund_budget_lines')
    .select((e) => e.fn.sum<number | string>('amount_fen').as('s'))
    .where('corrects_id', '=', id)
    .executeTakeFirst();
  return Number(row.amount_fen) + Number(adj?.s ?? 0);
}

// ------------------------------------------------------------------ entries

function entryBase(db: DbOrTrx) {
  return db
    .selectFrom('fund_entries as e')
    .innerJoin('units', 'units.id', 'e.unit_id')
    .leftJoin('programmes', 'programmes.id', 'e.programme_id')
    .leftJoin('accounts', 'accounts.id', 'e.created_by')
    .selectAll('e')
    .select([
      'units.name as unit_name',
      'programmes.name as programme_name',
      'accounts.display_name as created_by_name',
      (eb) =>
        eb
          .selectFrom('fund_entries as c')
          .select((x) => x.fn.sum<number | string>('c.amount_fen').as('s'))
          .whereRef('c.corrects_id', '=', 'e.id')
          .as('corrected_fen'),
      (eb) =>
        eb
          .selectFrom('fund_entries as c')
          .select((x) => x.fn.countAll<number | string>().as('n'))
          .whereRef('c.corrects_id', '=', 'e.id')
          .as('correction_count'),
    ]);
}
export type EntryRow = Awaited<ReturnType<typeof getEntry>> & object;

export function getEntry(db: DbOrTrx, id: string) {
  return entryBase(db).where('e.id', '=', id).executeTakeFirst();
}

export interface EntryFilter {
  year: number;
  unitIds: string[];
  programmeId?: string;
  source?: string;
  kind?: string;
}

export async function listEntries(db: DbOrTrx, f: EntryFilter, page: number, pageSize: number) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  const [from, to] = yearRange(f.year);
  let count = db
    .selectFrom('fund_entries as e')
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .where('e.spent_on', '>=', from)
    .where('e.spent_on', '<=', to)
    .where('e.unit_id', 'in', f.unitIds);
  let rows = entryBase(db).where('e.spent_on', '>=', from).where('e.spent_on', '<=', to).where('e.unit_id', 'in', f.unitIds);
  if (f.programmeId) {
    count = count.where('e.programme_id', '=', f.programmeId);
    rows = rows.where('e.programme_id', '=', f.programmeId);
  }
  if (f.source) {
    count = count.where('e.source', '=', f.source as FundEntriesTable['source']);
    rows = rows.where('e.source', '=', f.source as FundEntriesTable['source']);
  }
  if (f.kind) {
    count = count.where('e.kind', '=', f.kind as FundEntriesTable['kind']);
    rows = rows.where('e.kind', '=', f.kind as FundEntriesTable['kind']);
  }
  const n = await count.executeTakeFirstOrThrow();
  const list = await rows
    .orderBy('e.spent_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: list, total: Number(n.n) };
}

/** Every entry of the year in scope, oldest first (the spreadsheet). */
export function allEntriesOfYear(db: DbOrTrx, year: number, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  const [from, to] = yearRange(year);
  return entryBase(db)
    .where('e.spent_on', '>=', from)
    .where('e.spent_on', '<=', to)
    .where('e.unit_id', 'in', unitIds)
    .orderBy('e.spent_on')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export function insertEntry(db: DbOrTrx, row: FundEntriesTable) {
  return db.insertInto('fund_entries').values(row).execute();
}

/** Locks the original entry (PostgreSQL) and returns it with its amount after every counter-entry. */
export async function lockedEntryNet(db: DbOrTrx, id: string, lock: boolean): Promise<number | null> {
  let qb = db.selectFrom('fund_entries').select(['id', 'amount_fen']).where('id', '=', id);
  if (lock) qb = qb.forUpdate();
  const row = await qb.executeTakeFirst();
  if (!row) return null;
  const c = await db
    .selectFrom('fund_entries')
    .select((e) => e.fn.sum<number | string>('amount_fen').as('s'))
    .where('corrects_id', '=', id)
    .executeTakeFirst();
  return Number(row.amount_fen) + Number(c?.s ?? 0);
}

// ------------------------------------------------------------------ what entries and lines point at

export function programmeById(db: DbOrTrx, id: string) {
  return db.selectFrom('programmes').select(['id', 'unit_id']).where('id', '=', id).executeTakeFirst();
}

export async function unitName(db: DbOrTrx, id: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export function rawLine(db: DbOrTrx, id: string) {
  return db.selectFrom('fund_budget_lines').selectAll().where('id', '=', id).executeTakeFirst();
}

export function rawEntry(db: DbOrTrx, id: string) {
  return db.selectFrom('fund_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

// ------------------------------------------------------------------ totals

/**
 * The year's budget and spending per unit, programme, source and kind in one statement: budget
 * lines (with their adjustments) and entries (with their counter-entries) stacked with UNION ALL
 * and summed by group. Groups with only a budget or only spending appear too.
 */
export async function sumsOfYear(db: DbOrTrx, year: number, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  const [from, to] = yearRange(year);
  const budgets = db
    .selectFrom('fund_budget_lines')
    .select(['unit_id', 'programme_id', 'source', 'kind', 'amount_fen as budget', sql<number>`0`.as('spent')])
    .where('year', '=', year)
    .where('unit_id', 'in', unitIds);
  // Spending booked against a budget line counts under that line's programme (or none), so it meets
  // its budget; unbooked spending counts under its own programme.
  const spending = db
    .selectFrom('fund_entries as e')
    .leftJoin('fund_budget_lines as bl', 'bl.id', 'e.budget_line_id')
    .select([
      'e.unit_id',
      sql<string | null>`CASE WHEN e.budget_line_id IS NULL THEN e.programme_id ELSE bl.programme_id END`.as('programme_id'),
      'e.source',
      'e.kind',
      sql<number>`0`.as('budget'),
      'e.amount_fen as spent',
    ])
    .where('e.spent_on', '>=', from)
    .where('e.spent_on', '<=', to)
    .where('e.unit_id', 'in', unitIds);
  const rows = await db
    .selectFrom(budgets.unionAll(spending).as('x'))
    .innerJoin('units', 'units.id', 'x.unit_id')
    .leftJoin('programmes', 'programmes.id', 'x.programme_id')
    .select((eb) => [
      'x.unit_id',
      'units.name as unit_name',
      'units.kind as unit_kind',
      'units.sort as unit_sort',
      'x.programme_id',
      'programmes.name as programme_name',
      'x.source',
      'x.kind',
      eb.fn.sum<number | string>('x.budget').as('budget_fen'),
      eb.fn.sum<number | string>('x.spent').as('spent_fen'),
    ])
    .groupBy(['x.unit_id', 'units.name', 'units.kind', 'units.sort', 'x.programme_id', 'programmes.name', 'x.source', 'x.kind'])
    .orderBy('units.kind')
    .orderBy('units.sort')
    .orderBy('units.name')
    .orderBy('programmes.name')
    .orderBy('x.source')
    .orderBy('x.kind')
    .execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen ?? 0), spent_fen: Number(r.spent_fen ?? 0) }));
}

/** The units of the entries (and counter-entries) whose receipts include a file. */
export async function unitsWithReceipt(db: DbOrTrx, fileId: string): Promise<string[]> {
  const rows = await db.selectFrom('fund_entries').select('unit_id').distinct().where('receipt_file_ids', 'like', `%${fileId}%`).execute();
  return rows.map((r) => r.unit_id);
}
