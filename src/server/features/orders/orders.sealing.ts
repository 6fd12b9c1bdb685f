import type { OrdersTable } from '../../db/schema';
import { appendAudit, type AuditWho } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { decrypt, sealNullable } from '../../platform/crypto';
import type { Deps } from '../../platform/deps';
import * as q from './orders.queries';

/**
 * An order placed for a care recipient carries where to go and whom to call, and those are the care
 * record's sealed data (issue 12): the order keeps them sealed with the app's encryption key, like the
 * record itself, and its plain requester_phone and address stay NULL. Only the callers who may see the
 * order's contact in full (its unit's staff, the volunteer doing the work) have them opened, by the
 * presenter's loader; everyone else sees neither.
 */
type Keys = Config['keys'];
export type SealedOrderColumns = Pick<OrdersTable, 'requester_phone' | 'requester_phone_enc' | 'address' | 'address_enc'>;

const seal = (keys: Keys, v: string | null) => sealNullable(keys.encryption, v);

/** The contact columns of a new order: in the clear, or sealed when it is for a care recipient. */
export function orderContactColumns(keys: Keys, forCareRecipient: boolean, c: { phone: string | null; address: string | null }): SealedOrderColumns {
  if (!forCareRecipient) return { requester_phone: c.phone, requester_phone_enc: null, address: c.address, address_enc: null };
  return { requester_phone: null, requester_phone_enc: seal(keys, c.phone), address: null, address_enc: seal(keys, c.address) };
}

/** The order's phone and address in the clear: only for a caller already allowed to see them in full. */
export function openOrderContact(keys: Keys, o: SealedOrderColumns): { phone: string | null; address: string | null } {
  return {
    phone: o.requester_phone_enc ? decrypt(keys.encryption, o.requester_phone_enc) : o.requester_phone,
    address: o.address_enc ? decrypt(keys.encryption, o.address_enc) : o.address,
  };
}

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/**
 * The startup step after migration 0029 (which has no key): seals the phone and address of every order
 * for a care recipient written before, NULLs the plain columns, and writes one audit row naming how
 * many, in one transaction. Idempotent: a second run finds nothing.
 */
export async function sealPlainCareOrders(deps: Pick<Deps, 'db' | 'config' | 'clock'>): Promise<number> {
  const keys = deps.config.keys;
  return deps.db.transaction().execute(async (trx) => {
    const rows = await q.plainCareOrders(trx);
    for (const r of rows) {
      await q.setOrderContact(trx, r.id, {
        requester_phone: null,
        address: null,
        ...(r.requester_phone !== null && !r.requester_phone_enc && { requester_phone_enc: seal(keys, r.requester_phone) }),
        ...(r.address !== null && !r.address_enc && { address_enc: seal(keys, r.address) }),
      });
    }
    if (rows.length > 0)
      await appendAudit(trx, keys.audit, deps.clock.now(), SYSTEM, {
        action: 'orders.sealed',
        objectType: 'order',
        changes: { rows: { before: null, after: rows.length } },
      });
    return rows.length;
  });
}
