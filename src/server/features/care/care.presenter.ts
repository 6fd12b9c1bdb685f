import type { CareRecipientView } from '../../../shared/care';
import { ageOn } from '../../../shared/rules/id-number';
import type { CareRecipientsTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import type { Config } from '../../platform/config';
import type { Actor } from '../../platform/deps';
import { openContact } from './care.sealing';

export type Row = CareRecipientsTable & { station_name: string };

/**
 * Who sees a care recipient's contact data in full (docs/security.md, "Care recipients"):
 * - the serving station's own staff (a station_admin grant over the recipient's station): always;
 * - the institute admin: masked in lists (phone 138****1234, no address, no needs); in full when they
 *   open the record, which is audited (`care.viewed`) like every opening;
 * - nobody else reaches a care record at all (404); a volunteer sees the order's own address and
 *   phone only while the order is theirs (orders.presenter).
 */
export function servesInPerson(tree: UnitTree, actor: Actor, stationId: string): boolean {
  return actor.grants.some((g) => g.role === 'station_admin' && tree.subtree(g.unitId).includes(stationId));
}

export function noContact(r: Pick<Row, 'archived' | 'last_contact_at' | 'created_at'>, noContactDays: number, now: Date): boolean {
  return !r.archived && Date.parse(r.last_contact_at ?? r.created_at) < now.getTime() - noContactDays * 86_400_000;
}

/** `full`: decrypts (the caller may see everything); otherwise masked phones and no address or needs. */
export function present(keys: Config['keys'], r: Row, full: boolean, at: { today: string; noContactDays: number; now: Date }): CareRecipientView {
  const c = full ? openContact(keys, r) : { phone: r.phone_masked, address: null, needs: null, guardianPhone: r.guardian_phone_masked };
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    name: r.name,
    gender: r.gender === 'male' || r.gender === 'female' ? r.gender : null,
    age: r.birth_date ? ageOn(r.birth_date, at.today) : null,
    idNumberMasked: r.id_number_masked,
    masked: !full,
    phone: c.phone,
    address: c.address,
    categories: JSON.parse(r.categories),
    guardian: r.guardian_name ? { name: r.guardian_name, phone: c.guardianPhone ?? '', relation: r.guardian_relation ?? '' } : null,
    needs: c.needs,
    legalBasis: r.legal_basis,
    consentMethod: r.consent_method,
    lastContactAt: r.last_contact_at,
    noContactFlag: noContact(r, at.noContactDays, at.now),
    archived: Boolean(r.archived),
  };
}
