import { randomUUID } from 'node:crypto';
import type { PointKind } from '../../db/schema';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import * as q from './points.queries';

/**
 * The points ledger has one writer: this file. Every movement of a volunteer's points is an entry
 * with its kind, its source and who made it; the database refuses UPDATE and DELETE on the entries.
 * Each entry moves the volunteer's `point_balances` row in the same transaction:
 *
 * - a credit upserts the row;
 * - a debit is `UPDATE … SET balance = balance + Δ WHERE balance + Δ ≥ 0` — on PostgreSQL the row
 *   lock makes a concurrent spender wait and re-check; SQLite runs one writer at a time — so no
 *   number of parallel redemptions takes a balance below zero (`points.insufficient`).
 *
 * Totals: issued (hours, bonuses, ratings, grants, deductions, corrections) − spent (redemptions net
 * of refunds) − expired = balance, per volunteer and so for any set of volunteers.
 */

const ISSUE: ReadonlySet<PointKind> = new Set(['hours', 'activity_bonus', 'order_rating', 'grant', 'deduct', 'correction']);
const SPEND: ReadonlySet<PointKind> = new Set(['redeem', 'redeem_refund']);

export interface PointMovement {
  volunteerId: string;
  unitId: string;
  kind: PointKind;
  /** Signed: earnings and refunds positive, spending, deductions and expiry negative. */
  points: number;
  sourceType?: string | null;
  sourceId?: string | null;
  correctsId?: string | null;
  reason?: string | null;
  expiresOn?: string | null;
  /** The staff account, or null for the platform itself (an approval's automatic credit, the tick). */
  createdBy: string | null;
  at: Date;
}

/** Records one movement and moves the balance with it. Throws `points.insufficient` when a debit would overdraw. */
export async function postPoints(trx: Trx, m: PointMovement): Promise<string> {
  if (!Number.isInteger(m.points)) throw new AppError('validation.failed');
  if (m.points === 0) throw new AppError('points.zero');
  const at = m.at.toISOString();
  const delta = {
    balance: m.points,
    issued: ISSUE.has(m.kind) ? m.points : 0,
    spent: SPEND.has(m.kind) ? -m.points : 0,
    expired: m.kind === 'expire' ? -m.points : 0,
  };
  if (!(await q.moveBalance(trx, m.volunteerId, delta, at))) throw new AppError('points.insufficient');
  const id = randomUUID();
  await q.insertEntry(trx, {
    id,
    volunteer_id: m.volunteerId,
    unit_id: m.unitId,
    kind: m.kind,
    points: m.points,
    source_type: m.sourceType ?? null,
    source_id: m.sourceId ?? null,
    corrects_id: m.correctsId ?? null,
    reason: m.reason ?? null,
    expires_on: m.expiresOn ?? null,
    created_by: m.createdBy,
    created_at: at,
  });
  return id;
}

/** A volunteer's balance now (0 before their first entry); read it through the transaction that will spend it. */
export async function balanceOf(db: Trx | Parameters<typeof q.getBalance>[0], volunteerId: string): Promise<number> {
  return (await q.getBalance(db, volunteerId))?.balance ?? 0;
}
