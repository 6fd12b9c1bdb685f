import { maskPhone } from '../../../shared/mask';
import type { CareRecipientsTable } from '../../db/schema';
import type { AuditWho } from '../../platform/audit';
import { appendAudit } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { hmacHex, openNullable, sealNullable } from '../../platform/crypto';
import type { Deps } from '../../platform/deps';
import * as q from './care.queries';

/**
 * A care recipient's contact data is sealed at rest like the ID number (issue 12): phone, guardian's
 * phone, address and needs are AES-256-GCM with the app's encryption key; the phone also has an HMAC
 * blind index (exact-match search) and a masked copy (lists that do not open the record). The plain
 * columns of migration 0025's table stay NULL.
 */
type Keys = Config['keys'];
export interface Contact {
  phone: string | null;
  address: string | null;
  needs: string | null;
  guardianPhone: string | null;
}
export type SealedColumns = Pick<
  CareRecipientsTable,
  'phone_enc' | 'phone_hash' | 'phone_masked' | 'address_enc' | 'needs_enc' | 'guardian_phone_enc' | 'guardian_phone_masked'
>;

const seal = (keys: Keys, v: string | null) => sealNullable(keys.encryption, v);
const open = (keys: Keys, v: string | null) => openNullable(keys.encryption, v);

/** The blind index of a phone number (domain-separated from the ID number's `care:01:`). */
export function phoneIndex(keys: Keys, phone: string): string {
  return hmacHex(keys.index, `care.phone:01:${phone}`);
}

export function sealPhone(keys: Keys, phone: string | null): Pick<SealedColumns, 'phone_enc' | 'phone_hash' | 'phone_masked'> {
  return { phone_enc: seal(keys, phone), phone_hash: phone === null ? null : phoneIndex(keys, phone), phone_masked: maskPhone(phone) };
}

export function sealGuardianPhone(keys: Keys, phone: string | null): Pick<SealedColumns, 'guardian_phone_enc' | 'guardian_phone_masked'> {
  return { guardian_phone_enc: seal(keys, phone), guardian_phone_masked: maskPhone(phone) };
}

export function sealAddress(keys: Keys, address: string | null): Pick<SealedColumns, 'address_enc'> {
  return { address_enc: seal(keys, address) };
}

export function sealNeeds(keys: Keys, needs: string | null): Pick<SealedColumns, 'needs_enc'> {
  return { needs_enc: seal(keys, needs) };
}

/** All sealed columns of a new row, with the plain ones NULL. */
export function sealContact(keys: Keys, c: Contact) {
  return {
    phone: null,
    address: null,
    needs: null,
    guardian_phone: null,
    ...sealPhone(keys, c.phone),
    ...sealGuardianPhone(keys, c.guardianPhone),
    ...sealAddress(keys, c.address),
    ...sealNeeds(keys, c.needs),
  };
}

/** The clear contact data of a row: only for a caller already allowed to see it in full. */
export function openContact(keys: Keys, r: SealedColumns): Contact {
  return {
    phone: open(keys, r.phone_enc),
    address: open(keys, r.address_enc),
    needs: open(keys, r.needs_enc),
    guardianPhone: open(keys, r.guardian_phone_enc),
  };
}

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/**
 * The startup step after migration 0025 (the migration has no key): seals every row that still has a
 * plain phone, address, needs or guardian's phone, and NULLs the plain columns, in one transaction
 * with one audit row naming how many were sealed. Idempotent: a second run finds nothing and writes
 * nothing. A row that has both (cannot happen through the API) keeps its sealed value for a column
 * already sealed.
 */
export async function sealPlainCareData(deps: Pick<Deps, 'db' | 'config' | 'clock'>): Promise<number> {
  const keys = deps.config.keys;
  return deps.db.transaction().execute(async (trx) => {
    const rows = await q.plainRecipients(trx);
    for (const r of rows) {
      await q.updateRecipient(trx, r.id, {
        phone: null,
        address: null,
        needs: null,
        guardian_phone: null,
        ...(r.phone !== null && !r.phone_enc && sealPhone(keys, r.phone)),
        ...(r.guardian_phone !== null && !r.guardian_phone_enc && sealGuardianPhone(keys, r.guardian_phone)),
        ...(r.address !== null && !r.address_enc && sealAddress(keys, r.address)),
        ...(r.needs !== null && !r.needs_enc && sealNeeds(keys, r.needs)),
      });
    }
    if (rows.length > 0)
      await appendAudit(trx, keys.audit, deps.clock.now(), SYSTEM, {
        action: 'care.sealed',
        objectType: 'care_recipient',
        changes: { rows: { before: null, after: rows.length } },
      });
    return rows.length;
  });
}
