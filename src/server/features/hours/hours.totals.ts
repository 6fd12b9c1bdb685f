/** The volunteers' running totals checked against the ledger: `main.ts verify-totals` and a test call it. */
import type { DbOrTrx } from '../../platform/db';
import * as q from './hours.queries';

export interface TotalsMismatch {
  volunteerId: string;
  ledger: { approvedMinutes: number; pendingMinutes: number };
  totals: { approvedMinutes: number; pendingMinutes: number } | null;
}

export interface TotalsReport {
  ok: boolean;
  volunteers: number;
  mismatches: TotalsMismatch[];
}

/**
 * Every volunteer's approved and pending minutes summed from the service records, against their
 * `volunteer_totals` row. A volunteer without a row counts as zero, so one whose records net to
 * nothing is not a mismatch; a row without any record must hold zeros.
 */
export async function verifyTotals(db: DbOrTrx): Promise<TotalsReport> {
  const { sums, totals } = await q.ledgerSumsAndTotals(db);
  const byVolunteer = new Map(totals.map((t) => [t.volunteer_id, { approvedMinutes: Number(t.approved_minutes), pendingMinutes: Number(t.pending_minutes) }]));
  const mismatches: TotalsMismatch[] = [];
  const seen = new Set<string>();
  for (const s of sums) {
    seen.add(s.volunteer_id);
    const ledger = { approvedMinutes: Number(s.approved ?? 0), pendingMinutes: Number(s.pending ?? 0) };
    const kept = byVolunteer.get(s.volunteer_id) ?? null;
    const agrees = kept
      ? kept.approvedMinutes === ledger.approvedMinutes && kept.pendingMinutes === ledger.pendingMinutes
      : ledger.approvedMinutes === 0 && ledger.pendingMinutes === 0;
    if (!agrees) mismatches.push({ volunteerId: s.volunteer_id, ledger, totals: kept });
  }
  for (const [volunteerId, kept] of byVolunteer) {
    if (seen.has(volunteerId) || (kept.approvedMinutes === 0 && kept.pendingMinutes === 0)) continue;
    mismatches.push({ volunteerId, ledger: { approvedMinutes: 0, pendingMinutes: 0 }, totals: kept });
  }
  return { ok: mismatches.length === 0, volunteers: new Set([...seen, ...byVolunteer.keys()]).size, mismatches };
}
