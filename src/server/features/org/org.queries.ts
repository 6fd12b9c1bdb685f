import type { LeadingGroupMembersTable, PostsTable, UnitsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

/** One page of the units the staffing rule applies to (active institutes and stations), by sort, name and id. */
export async function pageStaffedUnits(db: DbOrTrx, ids: string[], page: { limit: number; offset: number }) {
  if (ids.length === 0) return { rows: [] as UnitsTable[], total: 0 };
  const base = db.selectFrom('units').where('id', 'in', ids).where('archived', '=', 0).where('kind', 'in', ['institute', 'station']);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.selectAll().orderBy('sort').orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}

/** One page of some units, by sort and name; `q` matches part of the name or short name. */
export async function pageUnits(
  db: DbOrTrx,
  ids: string[],
  filter: { kind?: string; parentId?: string; q?: string; includeArchived: boolean },
  page: { limit: number; offset: number },
) {
  if (ids.length === 0) return { rows: [] as UnitsTable[], total: 0 };
  let base = db.selectFrom('units').where('id', 'in', ids);
  if (filter.kind) base = base.where('kind', '=', filter.kind as UnitsTable['kind']);
  if (filter.parentId) base = base.where('parent_id', '=', filter.parentId);
  const text = filter.q?.replace(/[\\%_]/g, '');
  if (text) base = base.where((eb) => eb.or([eb('name', 'like', `%${text}%`), eb('short_name', 'like', `%${text}%`)]));
  if (!filter.includeArchived) base = base.where('archived', '=', 0);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.selectAll().orderBy('sort').orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}

export function getUnit(db: DbOrTrx, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSiblingByName(db: DbOrTrx, parentId: string | null, name: string, exceptId?: string) {
  let qb = db.selectFrom('units').select('id').where('name', '=', name);
  qb = parentId ? qb.where('parent_id', '=', parentId) : qb.where('parent_id', 'is', null);
  if (exceptId) qb = qb.where('id', '!=', exceptId);
  return qb.executeTakeFirst();
}

export function insertUnit(db: DbOrTrx, row: UnitsTable) {
  return db.insertInto('units').values(row).execute();
}

export function updateUnit(db: DbOrTrx, id: string, patch: Partial<UnitsTable>) {
  return db.updateTable('units').set(patch).where('id', '=', id).execute();
}

export function countActiveChildren(db: DbOrTrx, id: string) {
  return db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('archived', '=', 0)
    .executeTakeFirstOrThrow();
}

/** One page of a unit's posts, by sort, then when added, then id. */
export async function pagePosts(db: DbOrTrx, unitId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('posts').where('unit_id', '=', unitId);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.selectAll().orderBy('sort').orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}

export function getPost(db: DbOrTrx, id: string) {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertPost(db: DbOrTrx, row: PostsTable) {
  return db.insertInto('posts').values(row).execute();
}

export function updatePost(db: DbOrTrx, id: string, patch: Partial<PostsTable>) {
  return db.updateTable('posts').set(patch).where('id', '=', id).execute();
}

export function deletePost(db: DbOrTrx, id: string) {
  return db.deleteFrom('posts').where('id', '=', id).execute();
}

/** 工作人员 posts per unit, for the staffing check. */
export function countStaffPosts(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as { unit_id: string; n: number }[]);
  return db
    .selectFrom('posts')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', unitIds)
    .where('post', '=', 'staff')
    .groupBy('unit_id')
    .execute();
}

/** One page of an institute's leading group, by sort, then when added, then id. */
export async function pageLeadingGroup(db: DbOrTrx, unitId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('leading_group_members').where('unit_id', '=', unitId);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.selectAll().orderBy('sort').orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}

export function getLeadingGroupMember(db: DbOrTrx, id: string) {
  return db.selectFrom('leading_group_members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertLeadingGroupMember(db: DbOrTrx, row: LeadingGroupMembersTable) {
  return db.insertInto('leading_group_members').values(row).execute();
}

export function updateLeadingGroupMember(db: DbOrTrx, id: string, patch: Partial<LeadingGroupMembersTable>) {
  return db.updateTable('leading_group_members').set(patch).where('id', '=', id).execute();
}

export function deleteLeadingGroupMember(db: DbOrTrx, id: string) {
  return db.deleteFrom('leading_group_members').where('id', '=', id).execute();
}

/** One page of the public directory: active institutes and stations, by sort and name. */
export async function pagePublicUnits(db: DbOrTrx, page: { limit: number; offset: number }) {
  const base = db.selectFrom('units').where('archived', '=', 0).where('kind', 'in', ['institute', 'station']);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .select(['id', 'kind', 'name', 'short_name', 'parent_id', 'address', 'phone', 'lng', 'lat'])
    .orderBy('sort')
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

export function listPublicUnits(db: DbOrTrx) {
  return db
    .selectFrom('units')
    .select(['id', 'kind', 'name', 'short_name', 'parent_id', 'address', 'phone', 'lng', 'lat', 'intro'])
    .where('archived', '=', 0)
    .orderBy('sort')
    .orderBy('name')
    .execute();
}

/** Active institutes and stations among some ids, by sort, name and id (the standards board's rows). */
export function activeUnitsAmong(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as Pick<UnitsTable, 'id' | 'name' | 'kind' | 'parent_id' | 'sort'>[]);
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'parent_id', 'sort'])
    .where('id', 'in', ids)
    .where('archived', '=', 0)
    .where('kind', 'in', ['institute', 'station'])
    .orderBy('sort')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** 工作人员 posts held in some units, one row each (the standards board cites them). */
export function staffPostsOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as Pick<PostsTable, 'id' | 'unit_id' | 'holder_name'>[]);
  return db
    .selectFrom('posts')
    .select(['id', 'unit_id', 'holder_name'])
    .where('unit_id', 'in', unitIds)
    .where('post', '=', 'staff')
    .orderBy('unit_id')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/** Issue 13: a unit holding a street code (codes are unique across the deployment). */
export function findUnitByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
}

/** Issue 13: the institutes (streets) directly under some districts, archived too. */
export function streetsUnder(db: DbOrTrx, districtIds: string[]) {
  if (districtIds.length === 0) return Promise.resolve([] as UnitsTable[]);
  return db.selectFrom('units').selectAll().where('kind', '=', 'institute').where('parent_id', 'in', districtIds).orderBy('sort').orderBy('name').execute();
}

export function unitNames(db: DbOrTrx, ids: string[]) {
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).orderBy('sort').orderBy('name').execute();
}
