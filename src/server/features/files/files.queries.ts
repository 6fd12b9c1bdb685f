import type { FilesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertFile(db: DbOrTrx, row: FilesTable) {
  return db.insertInto('files').values(row).execute();
}

export function getFile(db: DbOrTrx, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Units (and volunteers' persons) of the records that cite a file as evidence, consent or photo. */
export async function referencesTo(db: DbOrTrx, fileId: string) {
  const like = `%${fileId}%`;
  const records = await db
    .selectFrom('service_records')
    .innerJoin('volunteers', 'volunteers.id', 'service_records.volunteer_id')
    .select(['service_records.unit_id', 'volunteers.station_id', 'volunteers.person_id'])
    .where('service_records.evidence_file_ids', 'like', like)
    .execute();
  const consents = await db.selectFrom('volunteers').select(['station_id', 'person_id']).where('consent_file_id', '=', fileId).execute();
  const orders = await db
    .selectFrom('orders')
    .leftJoin('volunteers', 'volunteers.id', 'orders.accepted_volunteer_id')
    .select(['orders.unit_id as unit_id', 'orders.requester_person_id as requester_person_id', 'volunteers.person_id as volunteer_person_id'])
    .where((eb) => eb.or([eb('orders.photo_file_ids', 'like', like), eb('orders.completion_photo_ids', 'like', like)]))
    .execute();
  return {
    units: [...records.flatMap((r) => [r.unit_id, r.station_id]), ...consents.map((c) => c.station_id), ...orders.map((o) => o.unit_id)],
    persons: [
      ...records.map((r) => r.person_id),
      ...consents.map((c) => c.person_id),
      ...orders.flatMap((o) => [o.requester_person_id, o.volunteer_person_id]),
    ].filter((x): x is string => Boolean(x)),
  };
}

/** Whether a file is shown publicly: a brand's or a venue's photo, or the photo of goods on sale at a charity market. */
export async function isPublicPhoto(db: DbOrTrx, fileId: string): Promise<boolean> {
  const like = `%${fileId}%`;
  const brand = await db.selectFrom('brands').select('unit_id').where('photo_file_ids', 'like', like).executeTakeFirst();
  if (brand) return true;
  const venue = await db.selectFrom('venues').select('id').where('photo_file_ids', 'like', like).where('archived', '=', 0).executeTakeFirst();
  if (venue) return true;
  const goods = await db.selectFrom('market_goods').select('id').where('photo_file_id', '=', fileId).where('active', '=', 1).executeTakeFirst();
  return Boolean(goods);
}

/** Name and type of some uploads, for a record listing the files it cites: one query. */
export function filesByIds(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as Pick<FilesTable, 'id' | 'original_name' | 'mime' | 'size'>[]);
  return db.selectFrom('files').select(['id', 'original_name', 'mime', 'size']).where('id', 'in', ids).execute();
}
