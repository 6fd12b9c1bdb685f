import { randomUUID } from 'node:crypto';
import type { Trx } from '../../platform/db';
import * as q from './care.queries';

/**
 * What other features may write about a care recipient. The care tables have one writer, this
 * feature: an order completed for a recipient counts as a contact, so it lands in their visit
 * history and resets the no-contact clock, inside the order's own transaction.
 */
export async function recordOrderContact(trx: Trx, c: { recipientId: string; orderId: string; at: Date; note: string | null; byAccount: string }): Promise<void> {
  const iso = c.at.toISOString();
  await q.insertVisit(trx, { id: randomUUID(), recipient_id: c.recipientId, kind: 'order', at: iso, note: c.note, order_id: c.orderId, activity_id: null, by_account: c.byAccount, created_at: iso });
  await q.updateRecipient(trx, c.recipientId, { last_contact_at: iso });
}
