import { randomUUID } from 'node:crypto';
import type { Config } from '../../platform/config';
import type { DbOrTrx, Trx } from '../../platform/db';
import type { Ctx } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import * as q from './care.queries';
import { openContact } from './care.sealing';

/**
 * An order placed on behalf of a care recipient must name one the caller serves, registered at the
 * order's own station: otherwise a station could attach another station's recipient, read its id
 * back and write visits into its record. Missing and out of reach answer alike. Answers the
 * recipient's phone and address in clear (the caller serves them), so the order carries where to
 * go when the form left them out: the order is what the assigned volunteer reads.
 */
export async function requireRecipientForOrder(
  db: DbOrTrx,
  keys: Config['keys'],
  ctx: Ctx,
  recipientId: string,
  stationId: string,
): Promise<{ phone: string | null; address: string | null }> {
  const r = await q.getRecipient(db, recipientId);
  if (!r || r.station_id !== stationId || !(await ctx.scope.can('care.manage', r.station_id))) throw new AppError('care.recipient_not_found');
  const c = openContact(keys, r);
  return { phone: c.phone, address: c.address };
}

/**
 * What other features may write about a care recipient. The care tables have one writer, this
 * feature: an order completed for a recipient counts as a contact, so it lands in their visit
 * history and resets the no-contact clock, inside the order's own transaction.
 */
export async function recordOrderContact(
  trx: Trx,
  c: { recipientId: string; orderId: string; at: Date; note: string | null; byAccount: string },
): Promise<void> {
  const iso = c.at.toISOString();
  await q.insertVisit(trx, {
    id: randomUUID(),
    recipient_id: c.recipientId,
    kind: 'order',
    at: iso,
    note: c.note,
    order_id: c.orderId,
    activity_id: null,
    by_account: c.byAccount,
    created_at: iso,
  });
  await q.updateRecipient(trx, c.recipientId, { last_contact_at: iso });
}

/**
 * A needs record may name a care recipient of its own station that the caller serves (the station's
 * admins and the institute's). Missing and out of reach answer alike, with the caller's code.
 */
export async function isServedRecipientAt(db: DbOrTrx, ctx: Ctx, recipientId: string, stationId: string): Promise<boolean> {
  const r = await q.getRecipient(db, recipientId);
  return !!r && r.station_id === stationId && (await ctx.scope.can('care.manage', r.station_id));
}

/**
 * The names of linked recipients, only of those the caller serves (`care.read` on their station):
 * a record read by the district or another station says that a recipient is linked, never who.
 */
export async function servedRecipientNames(db: DbOrTrx, ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of await q.recipientsByIds(db, [...new Set(ids)])) if (await ctx.scope.can('care.read', r.station_id)) out.set(r.id, r.name);
  return out;
}
