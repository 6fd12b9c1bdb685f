import { randomUUID } from 'node:crypto';
import type { FundBudgetLinesTable, FundEntriesTable } from '../../db/schema';
import type { Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import * as q from './funds.queries';

/**
 * The funds ledger has one writer: this file. Budget lines and spending entries are only ever
 * inserted (the database refuses UPDATE and DELETE on both tables). A change is a new row that
 * points at the original with `corrects_id` and gives a reason:
 *
 * - spending: a counter-entry (冲减) with a negative amount; the original's net never goes below 0;
 * - a budget line: an adjustment (追加/调减) of either sign; the line's net never goes below 0.
 *
 * Budget lines are adjusted by counter-entries rather than new versions, so that a year's budget is
 * always the plain sum of its rows (one SUM in SQL, no "which version is current" to decide) and
 * every change stays visible, with who made it and why.
 *
 * Both checks read the original's net and insert in the same transaction, with the original row
 * locked on PostgreSQL (`FOR UPDATE`, which is not an UPDATE: the triggers let it pass); SQLite
 * runs one write transaction at a time. So two counter-entries sent at once cannot together take
 * more than the original had.
 */

export type NewLine = Omit<FundBudgetLinesTable, 'id' | 'corrects_id' | 'reason'>;
export type NewEntry = Omit<FundEntriesTable, 'id' | 'corrects_id' | 'reason'>;

export async function recordBudgetLine(trx: Trx, line: NewLine): Promise<string> {
  const id = randomUUID();
  await q.insertLine(trx, { ...line, id, corrects_id: null, reason: null });
  return id;
}

export async function recordBudgetAdjustment(
  trx: Trx,
  lock: boolean,
  original: FundBudgetLinesTable,
  a: { amountFen: number; reason: string; createdBy: string; at: Date },
): Promise<string> {
  if (original.corrects_id) throw new AppError('funds.not_correctable');
  const net = await q.lockedLineNet(trx, original.id, lock);
  if (net === null) throw notFound();
  if (net + a.amountFen < 0) throw new AppError('funds.correction_exceeds');
  const id = randomUUID();
  await q.insertLine(trx, {
    id,
    year: original.year,
    unit_id: original.unit_id,
    programme_id: original.programme_id,
    kind: original.kind,
    source: original.source,
    department: original.department,
    amount_fen: a.amountFen,
    note: null,
    corrects_id: original.id,
    reason: a.reason,
    created_by: a.createdBy,
    created_at: a.at.toISOString(),
  });
  return id;
}

export async function recordEntry(trx: Trx, entry: NewEntry): Promise<string> {
  if (entry.amount_fen <= 0) throw new AppError('validation.failed');
  const id = randomUUID();
  await q.insertEntry(trx, { ...entry, id, corrects_id: null, reason: null });
  return id;
}

/** A counter-entry: same unit, date, programme, line, source and kind as the original, a negative amount, a reason. */
export async function recordCounterEntry(
  trx: Trx,
  lock: boolean,
  original: FundEntriesTable,
  c: { amountFen: number; reason: string; createdBy: string; at: Date },
): Promise<string> {
  if (original.corrects_id) throw new AppError('funds.not_correctable');
  if (c.amountFen >= 0) throw new AppError('validation.failed');
  const net = await q.lockedEntryNet(trx, original.id, lock);
  if (net === null) throw notFound();
  if (net + c.amountFen < 0) throw new AppError('funds.correction_exceeds');
  const id = randomUUID();
  await q.insertEntry(trx, {
    id,
    spent_on: original.spent_on,
    unit_id: original.unit_id,
    programme_id: original.programme_id,
    budget_line_id: original.budget_line_id,
    kind: original.kind,
    source: original.source,
    department: original.department,
    amount_fen: c.amountFen,
    purpose: original.purpose,
    payee: original.payee,
    receipt_file_ids: '[]',
    corrects_id: original.id,
    reason: c.reason,
    created_by: c.createdBy,
    created_at: c.at.toISOString(),
  });
  return id;
}
