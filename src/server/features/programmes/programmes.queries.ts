import type { BrandsTable, ProgrammesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

function programmeRows(db: DbOrTrx) {
  return db
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
    ]);
}

export type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof programmeRows>['executeTakeFirstOrThrow']>>;

/** One page of some units' programmes, by sort and name. */
export async function pageProgrammes(db: DbOrTrx, unitIds: string[], includeArchived: boolean, page: { limit: number; offset: number }) {
  if (unitIds.length === 0) return { rows: [] as ProgrammeRow[], total: 0 };
  let base = db.selectFrom('programmes').where('programmes.unit_id', 'in', unitIds);
  if (!includeArchived) base = base.where('programmes.archived', '=', 0);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  let qb = programmeRows(db).where('programmes.unit_id', 'in', unitIds);
  if (!includeArchived) qb = qb.where('programmes.archived', '=', 0);
  const rows = await qb.orderBy('programmes.sort').orderBy('programmes.name').orderBy('programmes.id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}

/** One programme as the list shows it. */
export function programmeView(db: DbOrTrx, id: string) {
  return programmeRows(db).where('programmes.id', '=', id).executeTakeFirst();
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

/** One page of the brands of active institutes and stations (or one unit's), in the tree's order. */
export async function pageBrands(db: DbOrTrx, f: { unitId?: string }, page: { limit: number; offset: number }) {
  let base = db
    .selectFrom('brands')
    .innerJoin('units', 'units.id', 'brands.unit_id')
    .where('units.kind', 'in', ['institute', 'station'])
    .where('units.archived', '=', 0);
  if (f.unitId) base = base.where('brands.unit_id', '=', f.unitId);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .selectAll('brands')
    .select(['units.name as unit_name', 'units.kind as unit_kind', 'units.sort as unit_sort'])
    .orderBy('units.sort')
    .orderBy('units.name')
    .orderBy('brands.unit_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
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

/** The brands of some units (one per unit): one query. */
export function brandsOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as Pick<BrandsTable, 'unit_id' | 'name' | 'updated_at'>[]);
  return db.selectFrom('brands').select(['unit_id', 'name', 'updated_at']).where('unit_id', 'in', unitIds).execute();
}
