import { randomUUID } from 'node:crypto';
import type { OrderActor } from '../../../shared/rules/order-flow';
import type { OrderEventsTable } from '../../db/schema';
import type { Trx } from '../../platform/db';
import * as q from './orders.queries';

/** One line of an order's history (流转记录): who did what, from which status to which; returns the line as written. */
export async function recordEvent(
  trx: Trx,
  orderId: string,
  at: Date,
  kind: OrderActor,
  who: { accountId: string | null; name: string | null },
  action: string,
  from: string | null,
  to: string | null,
  note?: string | null,
) {
  const row: OrderEventsTable = {
    id: randomUUID(),
    order_id: orderId,
    at: at.toISOString(),
    actor_kind: kind,
    actor_account_id: who.accountId,
    actor_name: who.name,
    action,
    from_status: from,
    to_status: to,
    note: note ?? null,
  };
  await q.insertEvent(trx, row);
  return row;
}
