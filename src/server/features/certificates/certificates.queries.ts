import type { CertificatesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertCertificate(db: DbOrTrx, row: CertificatesTable) {
  return db.insertInto('certificates').values(row).execute();
}

export function getCertificate(db: DbOrTrx, id: string) {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getCertificateByNumber(db: DbOrTrx, number: string) {
  return db.selectFrom('certificates').selectAll().where('number', '=', number).executeTakeFirst();
}

/** Newest first, one page; `total` counts every match. */
export async function listCertificates(db: DbOrTrx, f: { volunteerId?: string; unitIds?: string[] }, page: { limit: number; offset: number }) {
  let base = db.selectFrom('certificates');
  if (f.volunteerId) base = base.where('certificates.volunteer_id', '=', f.volunteerId);
  if (f.unitIds) base = base.where('certificates.unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .leftJoin('accounts', 'accounts.id', 'certificates.issued_by')
    .selectAll('certificates')
    .select('accounts.display_name as issued_by_name')
    .orderBy('certificates.issued_at', 'desc')
    .orderBy('certificates.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

export async function revoke(db: DbOrTrx, id: string, patch: { revoked_at: string; revoked_by: string; revoke_reason: string }) {
  const res = await db.updateTable('certificates').set(patch).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Approved records in a period, originals first with their approved corrections folded in. */
export function approvedRecordsBetween(db: DbOrTrx, volunteerId: string, from: string, to: string) {
  return db
    .selectFrom('service_records')
    .select(['id', 'source', 'corrects_id', 'title', 'content', 'service_date', 'minutes', 'organiser_name'])
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'approved')
    .where('service_date', '>=', from)
    .where('service_date', '<=', to)
    .orderBy('service_date')
    .orderBy('entered_at')
    .execute();
}

/** Who holds a post in a unit (站长 as person in charge, 工作人员 as handler). */
export function postHolder(db: DbOrTrx, unitId: string, post: string) {
  return db.selectFrom('posts').select('holder_name').where('unit_id', '=', unitId).where('post', '=', post).orderBy('sort').executeTakeFirst();
}

export function stationContact(db: DbOrTrx, stationId: string) {
  return db.selectFrom('units').select(['name', 'phone']).where('id', '=', stationId).executeTakeFirstOrThrow();
}
