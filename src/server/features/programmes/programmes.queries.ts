import type { BrandsTable, ProgrammesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function listProgrammes(db: DbOrTrx, unitIds: string[], includeArchived: boolean) {
  if (unitIds.length === 0) return Promise.resolve([]);
  let qb = db
    .selectFrom('programmes')
    .innerJoin('units', 'units.id', 'programmes.unit_id')
    .selectAll('programmes')
    .select([
      'units.name as unit_name',
      (eb) =>
        eb
          .selectFrom('activities')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('activities.programme_id', '=', 'programmes.id')
          .as('activity_count'),
    ])
    .where('programmes.unit_id', 'in', unitIds);
  if (!includeArchived) qb = qb.where('programmes.archived', '=', 0);
  return qb.orderBy('programmes.sort').orderBy('programmes.name').execute();
}

export function getProgramme(db: DbOrTrx, id: string) {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProgrammeByName(db: DbOrTrx, unitId: string, name: string) {
  return db.selectFrom('programmes').select('id').where('unit_id', '=', unitId).where('name', '=', name).executeTakeFirst();
}

export function insertProgramme(db: DbOrTrx, row: ProgrammesTable) {
  return db.insertInto('programmes').values(row).execute();
}

export function updateProgramme(db: DbOrTrx, id: string, patch: Partial<ProgrammesTable>) {
  return db.updateTable('programmes').set(patch).where('id', '=', id).execute();
}

export function listBrands(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('brands')
    .innerJoin('units', 'units.id', 'brands.unit_id')
    .selectAll('brands')
    .select(['units.name as unit_name', 'units.kind as unit_kind', 'units.sort as unit_sort'])
    .where('brands.unit_id', 'in', unitIds)
    .orderBy('units.sort')
    .execute();
}

export function upsertBrand(db: DbOrTrx, row: BrandsTable) {
  return db
    .insertInto('brands')
    .values(row)
    .onConflict((oc) =>
      oc.column('unit_id').doUpdateSet({
        name: row.name,
        intro: row.intro,
        photo_file_ids: row.photo_file_ids,
        programme_id: row.programme_id,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export function brandUnits(db: DbOrTrx) {
  return db.selectFrom('units').select('id').where('kind', 'in', ['institute', 'station']).where('archived', '=', 0).execute();
}
