import type { ShowcaseItemsTable, ShowcasePeopleTable, ShowcaseWithdrawalsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type ShowcaseRow = ShowcaseItemsTable & { unit_name: string };

function items(db: DbOrTrx) {
  return db.selectFrom('showcase_items').innerJoin('units', 'units.id', 'showcase_items.unit_id').selectAll('showcase_items').select('units.name as unit_name');
}

export function insertItem(db: DbOrTrx, row: ShowcaseItemsTable) {
  return db.insertInto('showcase_items').values(row).execute();
}

export function getItem(db: DbOrTrx, id: string): Promise<ShowcaseRow | undefined> {
  return items(db).where('showcase_items.id', '=', id).executeTakeFirst();
}

type Editable = Pick<
  ShowcaseItemsTable,
  'title' | 'description' | 'cover_file_id' | 'media' | 'activity_id' | 'programme_id' | 'sort' | 'featured' | 'updated_at'
>;

/** Edits an item still in the status read; false when it moved meanwhile. */
export async function updateItem(db: DbOrTrx, id: string, status: ShowcaseItemsTable['status'], values: Editable): Promise<boolean> {
  const res = await db.updateTable('showcase_items').set(values).where('id', '=', id).where('status', '=', status).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Moves an item's status from what was read; false when it moved meanwhile. */
export async function moveStatus(db: DbOrTrx, id: string, from: ShowcaseItemsTable['status'], to: ShowcaseItemsTable['status'], at: string): Promise<boolean> {
  const res = await db
    .updateTable('showcase_items')
    .set(to === 'published' ? { status: to, published_at: at, updated_at: at } : { status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listItems(
  db: DbOrTrx,
  unitIds: string[] | null,
  filter: { kind?: string; status?: ShowcaseItemsTable['status'] },
  page: { offset: number; limit: number },
): Promise<{ rows: ShowcaseRow[]; total: number }> {
  if (unitIds !== null && unitIds.length === 0) return { rows: [], total: 0 };
  let b = db.selectFrom('showcase_items');
  if (unitIds !== null) b = b.where('showcase_items.unit_id', 'in', unitIds);
  if (filter.kind) b = b.where('showcase_items.kind', '=', filter.kind);
  if (filter.status) b = b.where('showcase_items.status', '=', filter.status);
  const counted = await b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const ids = await b
    .select('showcase_items.id')
    .orderBy('showcase_items.featured', 'desc')
    .orderBy('showcase_items.sort', 'asc')
    .orderBy('showcase_items.created_at', 'desc')
    .orderBy('showcase_items.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  if (ids.length === 0) return { rows: [], total: Number(counted?.n ?? 0) };
  const rows = await items(db)
    .where(
      'showcase_items.id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  const order = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  return { rows, total: Number(counted?.n ?? 0) };
}

/** The live (not removed) people of some items: one query. */
export function peopleOf(db: DbOrTrx, itemIds: string[]): Promise<ShowcasePeopleTable[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('showcase_people')
    .leftJoin('showcase_people_removals', 'showcase_people_removals.person_id', 'showcase_people.id')
    .selectAll('showcase_people')
    .where('showcase_people.item_id', 'in', itemIds)
    .where('showcase_people_removals.person_id', 'is', null)
    .orderBy('showcase_people.created_at')
    .orderBy('showcase_people.position')
    .execute();
}

export async function insertPeople(db: DbOrTrx, rows: ShowcasePeopleTable[]) {
  if (rows.length > 0) await db.insertInto('showcase_people').values(rows).execute();
}

export async function removePeople(db: DbOrTrx, personIds: string[], by: string, at: string) {
  if (personIds.length === 0) return;
  await db
    .insertInto('showcase_people_removals')
    .values(personIds.map((person_id) => ({ person_id, by_account: by, created_at: at })))
    .execute();
}

export function insertWithdrawal(db: DbOrTrx, row: ShowcaseWithdrawalsTable) {
  return db.insertInto('showcase_withdrawals').values(row).execute();
}

/** The latest withdrawal of some items: one query. */
export async function latestWithdrawals(db: DbOrTrx, itemIds: string[]): Promise<Map<string, ShowcaseWithdrawalsTable>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('showcase_withdrawals').selectAll().where('item_id', 'in', itemIds).orderBy('created_at').orderBy('id').execute();
  return new Map(rows.map((r) => [r.item_id, r]));
}

/** Whether a published item shows the file as its cover or one of its media. */
export async function isPublishedItemFile(db: DbOrTrx, fileId: string): Promise<boolean> {
  const row = await db
    .selectFrom('showcase_items')
    .select('id')
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('cover_file_id', '=', fileId), eb('media', 'like', `%${fileId}%`)]))
    .executeTakeFirst();
  return Boolean(row);
}

/** The activities published 精品活动 items show. */
export async function publishedActivityIds(db: DbOrTrx): Promise<string[]> {
  const rows = await db
    .selectFrom('showcase_items')
    .select('activity_id')
    .where('status', '=', 'published')
    .where('kind', '=', 'featured')
    .where('activity_id', 'is not', null)
    .execute();
  return [...new Set(rows.map((r) => r.activity_id).filter((x): x is string => x !== null))];
}

/** The units of the items citing a file (cover or media), whatever their status: files' registry. */
export async function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('showcase_items')
    .select('unit_id')
    .where((eb) => eb.or([eb('cover_file_id', '=', fileId), eb('media', 'like', `%${fileId}%`)]))
    .execute();
  return rows.map((r) => r.unit_id);
}
