import { maskPhone } from '../../../shared/mask';
import type { VolunteersTable } from '../../db/schema';
import { appendAudit, type AuditWho } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { openNullable, sealNullable } from '../../platform/crypto';
import type { Deps } from '../../platform/deps';
import * as q from './volunteers.queries';

/**
 * The phones a volunteer gives of someone else — their emergency contact's and, for a minor, their
 * guardian's — are sealed at rest like the care recipients' (issue 12, migration 0033): AES-256-GCM
 * with the app's encryption key, beside a masked copy for viewers who may not see them in full. The
 * plain emergency_phone and guardian_phone columns stay NULL. Nothing searches by them, so there is
 * no blind index.
 */
type Keys = Config['keys'];
export type SealedContactColumns = Pick<
  VolunteersTable,
  'emergency_phone' | 'emergency_phone_enc' | 'emergency_phone_masked' | 'guardian_phone' | 'guardian_phone_enc' | 'guardian_phone_masked'
>;

export function sealEmergencyPhone(keys: Keys, phone: string | null) {
  return { emergency_phone: null, emergency_phone_enc: sealNullable(keys.encryption, phone), emergency_phone_masked: maskPhone(phone) };
}

export function sealGuardianPhone(keys: Keys, phone: string | null) {
  return { guardian_phone: null, guardian_phone_enc: sealNullable(keys.encryption, phone), guardian_phone_masked: maskPhone(phone) };
}

/** The emergency contact's phone in the clear: only for a caller already allowed to see it in full. */
export const openEmergencyPhone = (keys: Keys, r: Pick<VolunteersTable, 'emergency_phone_enc'>) => openNullable(keys.encryption, r.emergency_phone_enc);

/** The guardian's phone in the clear: only for a caller already allowed to see it in full. */
export const openGuardianPhone = (keys: Keys, r: Pick<VolunteersTable, 'guardian_phone_enc'>) => openNullable(keys.encryption, r.guardian_phone_enc);

const SYSTEM: AuditWho = { actorAccountId: null, actorName: '系统', ip: null, requestId: null };

/**
 * The startup step after migration 0033 (which has no key): seals every volunteer row that still has a
 * plain emergency or guardian phone, NULLs the plain columns, and writes one audit row naming how many,
 * in one transaction. Idempotent: a second run finds nothing and writes nothing.
 */
export async function sealPlainVolunteerContacts(deps: Pick<Deps, 'db' | 'config' | 'clock'>): Promise<number> {
  const keys = deps.config.keys;
  return deps.db.transaction().execute(async (trx) => {
    const rows = await q.plainContactPhones(trx);
    for (const r of rows) {
      await q.updateVolunteer(trx, r.id, {
        ...(r.emergency_phone !== null && sealEmergencyPhone(keys, r.emergency_phone)),
        ...(r.guardian_phone !== null && sealGuardianPhone(keys, r.guardian_phone)),
      });
    }
    if (rows.length > 0)
      await appendAudit(trx, keys.audit, deps.clock.now(), SYSTEM, {
        action: 'volunteers.sealed',
        objectType: 'volunteer',
        changes: { rows: { before: null, after: rows.length } },
      });
    return rows.length;
  });
}
