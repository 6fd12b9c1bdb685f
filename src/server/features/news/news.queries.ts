import type { NewsItemsTable, NewsSubmissionsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertNews(db: DbOrTrx, row: NewsItemsTable) {
  return db.insertInto('news_items').values(row).execute();
}

/** One item with its unit's name. */
export function getNews(db: DbOrTrx, id: string) {
  return db
    .selectFrom('news_items')
    .innerJoin('units', 'units.id', 'news_items.unit_id')
    .selectAll('news_items')
    .select('units.name as unit_name')
    .where('news_items.id', '=', id)
    .executeTakeFirst();
}
export type NewsRow = NonNullable<Awaited<ReturnType<typeof getNews>>>;

export async function updateNews(db: DbOrTrx, id: string, set: Partial<NewsItemsTable>) {
  await db.updateTable('news_items').set(set).where('id', '=', id).execute();
}

/** A status move from the one expected: false when someone else moved it first. */
export async function moveStatus(db: DbOrTrx, id: string, from: NewsItemsTable['status'][], set: Partial<NewsItemsTable>): Promise<boolean> {
  const r = await db.updateTable('news_items').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The latest 信息报送 row of each of some items: one query. */
export async function latestSubmissions(db: DbOrTrx, newsIds: string[]) {
  if (newsIds.length === 0) return new Map<string, NewsSubmissionsTable>();
  const rows = await db
    .selectFrom('news_submissions as s')
    .selectAll('s')
    .where('s.news_id', 'in', newsIds)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('news_submissions as later').select('later.id').whereRef('later.news_id', '=', 's.news_id').whereRef('later.seq', '>', 's.seq'))),
    )
    .execute();
  return new Map(rows.map((r) => [r.news_id, r]));
}

export function submissionsOf(db: DbOrTrx, newsId: string) {
  return db.selectFrom('news_submissions').selectAll().where('news_id', '=', newsId).orderBy('seq').execute();
}

export function insertSubmission(db: DbOrTrx, row: NewsSubmissionsTable) {
  return db.insertInto('news_submissions').values(row).execute();
}

export interface NewsFilter {
  unitIds: string[];
  unitId?: string;
  category?: string;
  status?: string;
  submission?: 'none' | 'submitted' | 'adopted' | 'returned';
  q?: string;
}

function filtered(db: DbOrTrx, f: NewsFilter) {
  let b = db.selectFrom('news_items').innerJoin('units', 'units.id', 'news_items.unit_id').where('news_items.unit_id', 'in', f.unitIds);
  if (f.unitId) b = b.where('news_items.unit_id', '=', f.unitId);
  if (f.category) b = b.where('news_items.category', '=', f.category as NewsItemsTable['category']);
  if (f.status) b = b.where('news_items.status', '=', f.status as NewsItemsTable['status']);
  if (f.q) b = b.where('news_items.title', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  if (f.submission) {
    const wanted = f.submission;
    b = b.where((eb) => {
      const latest = eb.selectFrom('news_submissions as s').select('s.status').whereRef('s.news_id', '=', 'news_items.id').orderBy('s.seq', 'desc').limit(1);
      return wanted === 'none' ? eb.not(eb.exists(latest)) : eb(latest, '=', wanted);
    });
  }
  return b;
}

export async function listNews(db: DbOrTrx, f: NewsFilter, page: { offset: number; limit: number }) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  const counted = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await filtered(db, f)
    .selectAll('news_items')
    .select('units.name as unit_name')
    .orderBy('news_items.updated_at', 'desc')
    .orderBy('news_items.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

function published(db: DbOrTrx, f: { unitId?: string; category?: string }) {
  let b = db.selectFrom('news_items').innerJoin('units', 'units.id', 'news_items.unit_id').where('news_items.status', '=', 'published');
  if (f.unitId) b = b.where('news_items.unit_id', '=', f.unitId);
  if (f.category) b = b.where('news_items.category', '=', f.category as NewsItemsTable['category']);
  return b;
}

export async function listPublished(db: DbOrTrx, f: { unitId?: string; category?: string }, page: { offset: number; limit: number }) {
  const counted = await published(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await published(db, f)
    .selectAll('news_items')
    .select('units.name as unit_name')
    .orderBy('news_items.published_at', 'desc')
    .orderBy('news_items.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

/** Whether a published item shows the upload (as cover or in its body). */
export async function isPublishedImage(db: DbOrTrx, fileId: string): Promise<boolean> {
  const row = await db
    .selectFrom('news_items')
    .select('id')
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('cover_file_id', '=', fileId), eb('image_file_ids', 'like', `%${fileId}%`)]))
    .executeTakeFirst();
  return Boolean(row);
}

/** The units of the items citing an upload (cover or body image): staff over them may open it. */
export async function unitsWithFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('news_items')
    .select('unit_id')
    .where((eb) => eb.or([eb('cover_file_id', '=', fileId), eb('image_file_ids', 'like', `%${fileId}%`)]))
    .execute();
  return [...new Set(rows.map((r) => r.unit_id))];
}

/** Per unit, the items submitted / adopted / returned in [from, to): distinct items per kind, one query. */
export async function countsByUnit(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('news_submissions')
    .select(['unit_id', 'status'])
    .select((eb) => eb.fn.count<number>('news_id').distinct().as('n'))
    .where('unit_id', 'in', unitIds)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy(['unit_id', 'status'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, status: r.status, n: Number(r.n) }));
}

export function unitNames(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string; kind: string; sort: number }[]);
  return db.selectFrom('units').select(['id', 'name', 'kind', 'sort']).where('id', 'in', ids).where('archived', '=', 0).execute();
}

/** For the assessment: the items of some units the column adopted in [from, to), with the moment of adoption. */
export function adoptedBetween(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([] as { id: string; unit_id: string; title: string; adopted_at: string }[]);
  return db
    .selectFrom('news_submissions as s')
    .innerJoin('news_items as n', 'n.id', 's.news_id')
    .select(['n.id as id', 's.unit_id as unit_id', 'n.title as title', 's.created_at as adopted_at'])
    .where('s.unit_id', 'in', unitIds)
    .where('s.status', '=', 'adopted')
    .where('s.created_at', '>=', from)
    .where('s.created_at', '<', to)
    .orderBy('s.created_at')
    .execute();
}
