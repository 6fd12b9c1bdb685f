import { addDays } from '../china-time';

/**
 * 爱心超市's pure rules: when a reservation can be collected, and the reconciliation's comparison
 * ("账物相符": the ledger against the counters), kept free of the database so they are tested alone.
 */

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD`. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whether the shop opens on `day`: one of its weekdays, or one of its extra dates. */
export function isOpenDay(shop: { openWeekdays: number[]; openDates: string[] }, day: string): boolean {
  return shop.openDates.includes(day) || shop.openWeekdays.includes(isoWeekday(day));
}

/** The first opening day from `from` to `last` (both included), or null when the shop does not open in that window. */
export function nextOpenDay(shop: { openWeekdays: number[]; openDates: string[] }, from: string, last: string): string | null {
  for (let day = from; day <= last; day = addDays(day, 1)) if (isOpenDay(shop, day)) return day;
  return null;
}

export interface LedgerLine<E> {
  key: string;
  /** Σ of the ledger's entries. */
  ledger: number;
  /** The counter row kept beside it (on hand, a balance). */
  counter: number;
  entries: E[];
}

/** The lines whose ledger and counter disagree, each with the entries behind it. */
export function differences<L extends LedgerLine<unknown>>(lines: L[]): (L & { difference: number })[] {
  return lines.filter((l) => l.ledger !== l.counter).map((l) => ({ ...l, difference: l.counter - l.ledger }));
}

/** A month's movement: opening + in − out = closing. */
export function monthMovement(opening: number, inflow: number, outflow: number): number {
  return opening + inflow - outflow;
}
