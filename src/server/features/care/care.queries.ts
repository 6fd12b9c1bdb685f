import type { CareRecipientsTable, CareVisitsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function listRecipients(db: DbOrTrx, stationIds: string[], includeArchived: boolean) {
  if (stationIds.length === 0) return Promise.resolve([] as (CareRecipientsTable & { station_name: string })[]);
  let qb = db
    .selectFrom('care_recipients')
    .innerJoin('units', 'units.id', 'care_recipients.station_id')
    .selectAll('care_recipients')
    .select('units.name as station_name')
    .where('care_recipients.station_id', 'in', stationIds);
  if (!includeArchived) qb = qb.where('care_recipients.archived', '=', 0);
  return qb.orderBy('care_recipients.last_contact_at').orderBy('care_recipients.name').execute();
}

/** One page of a station set's recipients, longest without contact first; `contactBefore` keeps the overdue ones. */
export async function pageRecipients(
  db: DbOrTrx,
  f: { stationIds: string[]; includeArchived: boolean; contactBefore?: string; category?: string; phoneHash?: string },
  page: { limit: number; offset: number },
) {
  if (f.stationIds.length === 0) return { rows: [] as (CareRecipientsTable & { station_name: string })[], total: 0 };
  let base = db
    .selectFrom('care_recipients')
    .innerJoin('units', 'units.id', 'care_recipients.station_id')
    .where('care_recipients.station_id', 'in', f.stationIds);
  if (!f.includeArchived || f.contactBefore) base = base.where('care_recipients.archived', '=', 0);
  if (f.contactBefore) {
    const before = f.contactBefore;
    base = base.where((eb) => eb(eb.fn.coalesce('care_recipients.last_contact_at', 'care_recipients.created_at'), '<', before));
  }
  // Categories are a JSON array of names from a fixed list, so the quoted name matches exactly one entry.
  if (f.category) base = base.where('care_recipients.categories', 'like', `%${JSON.stringify(f.category)}%`);
  // The phone is sealed: an exact match on its blind index, never a LIKE.
  if (f.phoneHash) base = base.where('care_recipients.phone_hash', '=', f.phoneHash);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .selectAll('care_recipients')
    .select('units.name as station_name')
    .orderBy('care_recipients.last_contact_at')
    .orderBy('care_recipients.name')
    .orderBy('care_recipients.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

export function getRecipient(db: DbOrTrx, id: string) {
  return db
    .selectFrom('care_recipients')
    .innerJoin('units', 'units.id', 'care_recipients.station_id')
    .selectAll('care_recipients')
    .select('units.name as station_name')
    .where('care_recipients.id', '=', id)
    .executeTakeFirst();
}

export function findByIdHash(db: DbOrTrx, hash: string) {
  return db.selectFrom('care_recipients').select('id').where('id_number_hash', '=', hash).executeTakeFirst();
}

export function insertRecipient(db: DbOrTrx, row: CareRecipientsTable) {
  return db.insertInto('care_recipients').values(row).execute();
}

export function updateRecipient(db: DbOrTrx, id: string, patch: Partial<CareRecipientsTable>) {
  return db.updateTable('care_recipients').set(patch).where('id', '=', id).execute();
}

export function insertVisit(db: DbOrTrx, row: CareVisitsTable) {
  return db.insertInto('care_visits').values(row).execute();
}

export function listVisits(db: DbOrTrx, recipientId: string) {
  return db
    .selectFrom('care_visits')
    .leftJoin('accounts', 'accounts.id', 'care_visits.by_account')
    .selectAll('care_visits')
    .select('accounts.display_name as by_name')
    .where('care_visits.recipient_id', '=', recipientId)
    .orderBy('care_visits.at', 'desc')
    .execute();
}

export function activityForVisit(db: DbOrTrx, activityId: string) {
  return db.selectFrom('activities').select(['unit_id', 'starts_at', 'status']).where('id', '=', activityId).executeTakeFirst();
}

/** Id, name and station of the given recipients (for features that link to them; they filter by who serves them). */
export function recipientsByIds(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('care_recipients').select(['id', 'name', 'station_id']).where('id', 'in', ids).execute();
}

/** Rows still holding a plain phone, address, needs or guardian's phone (written before migration 0025). */
export function plainRecipients(db: DbOrTrx) {
  return db
    .selectFrom('care_recipients')
    .select(['id', 'phone', 'address', 'needs', 'guardian_phone', 'phone_enc', 'address_enc', 'needs_enc', 'guardian_phone_enc'])
    .where((eb) => eb.or([eb('phone', 'is not', null), eb('address', 'is not', null), eb('needs', 'is not', null), eb('guardian_phone', 'is not', null)]))
    .orderBy('id')
    .execute();
}
