import { sql } from 'kysely';
import type {
  MarketDonorsTable,
  MarketGoodsTable,
  MarketIntakesTable,
  MarketReservationsTable,
  MarketShopsTable,
  MarketStockEntriesTable,
} from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

const n = (v: unknown) => Number(v ?? 0);

// ------------------------------------------------------------------ shops

function shopBase(db: DbOrTrx) {
  return db.selectFrom('market_shops as s').innerJoin('units', 'units.id', 's.unit_id').selectAll('s').select('units.name as unit_name');
}
export type ShopRow = Awaited<ReturnType<typeof getShop>> & object;

export function getShop(db: DbOrTrx, id: string) {
  return shopBase(db).where('s.id', '=', id).executeTakeFirst();
}

export function shopsOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return shopBase(db).where('s.unit_id', 'in', unitIds).orderBy('s.created_at').orderBy('s.id').execute();
}

export function shopsOfInstitute(db: DbOrTrx, instituteId: string) {
  return shopBase(db).where('s.institute_id', '=', instituteId).orderBy('s.created_at').orderBy('s.id').execute();
}

export function insertShop(db: DbOrTrx, row: MarketShopsTable) {
  return db.insertInto('market_shops').values(row).execute();
}

export function updateShop(db: DbOrTrx, id: string, patch: Partial<MarketShopsTable>) {
  return db.updateTable('market_shops').set(patch).where('id', '=', id).execute();
}

// ------------------------------------------------------------------ goods

function goodsBase(db: DbOrTrx) {
  return db
    .selectFrom('market_goods as g')
    .innerJoin('market_shops as s', 's.id', 'g.shop_id')
    .selectAll('g')
    .select(['s.name as shop_name', 's.unit_id', 's.institute_id']);
}
export type GoodsRow = Awaited<ReturnType<typeof getGoods>> & object;

export function getGoods(db: DbOrTrx, id: string) {
  return goodsBase(db).where('g.id', '=', id).executeTakeFirst();
}

export function goodsOfShops(db: DbOrTrx, shopIds: string[], activeOnly: boolean) {
  if (shopIds.length === 0) return Promise.resolve([]);
  let qb = goodsBase(db).where('g.shop_id', 'in', shopIds);
  if (activeOnly) qb = qb.where('g.active', '=', 1);
  return qb.orderBy('g.created_at').orderBy('g.id').execute();
}

export function insertGoods(db: DbOrTrx, row: MarketGoodsTable) {
  return db.insertInto('market_goods').values(row).execute();
}

export function updateGoods(db: DbOrTrx, id: string, patch: Partial<Omit<MarketGoodsTable, 'on_hand'>>) {
  return db.updateTable('market_goods').set(patch).where('id', '=', id).execute();
}

/** Moves the stock counter; a decrease only while enough is left. Answers whether it moved. */
export async function moveOnHand(db: DbOrTrx, goodsId: string, delta: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('market_goods')
    .set({ on_hand: sql`on_hand + ${delta}`, updated_at: at })
    .where('id', '=', goodsId)
    .where(sql<boolean>`on_hand + ${delta} >= 0`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ------------------------------------------------------------------ stock ledger

export function insertStockEntry(db: DbOrTrx, row: MarketStockEntriesTable) {
  return db.insertInto('market_stock_entries').values(row).execute();
}

function stockBase(db: DbOrTrx) {
  return db
    .selectFrom('market_stock_entries as e')
    .innerJoin('market_goods as g', 'g.id', 'e.goods_id')
    .leftJoin('accounts', 'accounts.id', 'e.created_by')
    .selectAll('e')
    .select(['g.name as goods_name', 'accounts.display_name as created_by_name']);
}
export type StockRow = Awaited<ReturnType<typeof getStockEntry>> & object;

export function getStockEntry(db: DbOrTrx, id: string) {
  return stockBase(db).where('e.id', '=', id).executeTakeFirst();
}

export async function listStock(db: DbOrTrx, f: { shopIds: string[]; goodsId?: string }, page: number, pageSize: number) {
  if (f.shopIds.length === 0) return { rows: [], total: 0 };
  let count = db
    .selectFrom('market_stock_entries')
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .where('shop_id', 'in', f.shopIds);
  let rows = stockBase(db).where('e.shop_id', 'in', f.shopIds);
  if (f.goodsId) {
    count = count.where('goods_id', '=', f.goodsId);
    rows = rows.where('e.goods_id', '=', f.goodsId);
  }
  const total = n((await count.executeTakeFirstOrThrow()).n);
  const list = await rows
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: list, total };
}

export function stockOfSource(db: DbOrTrx, sourceType: string, sourceIds: string[]) {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return stockBase(db).where('e.source_type', '=', sourceType).where('e.source_id', 'in', sourceIds).orderBy('e.created_at').execute();
}

/** Per goods of the shops: Σ entries before `from`, in and out within [from, to), Σ of every entry. */
export async function stockTotals(db: DbOrTrx, shopIds: string[], from: string, to: string) {
  if (shopIds.length === 0) return [];
  const rows = await db
    .selectFrom('market_goods as g')
    .innerJoin('market_shops as s', 's.id', 'g.shop_id')
    .leftJoin('market_stock_entries as e', 'e.goods_id', 'g.id')
    .select([
      'g.id',
      'g.name',
      'g.on_hand',
      's.name as shop_name',
      sql<number | string>`coalesce(sum(case when e.created_at < ${from} then e.quantity else 0 end), 0)`.as('opening'),
      sql<
        number | string
      >`coalesce(sum(case when e.created_at >= ${from} and e.created_at < ${to} and e.kind in ('donation', 'purchase') then e.quantity else 0 end), 0)`.as(
        'inflow',
      ),
      sql<
        number | string
      >`coalesce(sum(case when e.created_at >= ${from} and e.created_at < ${to} and e.kind not in ('donation', 'purchase') then -e.quantity else 0 end), 0)`.as(
        'outflow',
      ),
      sql<number | string>`coalesce(sum(e.quantity), 0)`.as('ledger'),
    ])
    .where('g.shop_id', 'in', shopIds)
    .groupBy(['g.id', 'g.name', 'g.on_hand', 's.name', 'g.created_at'])
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({ ...r, on_hand: n(r.on_hand), opening: n(r.opening), inflow: n(r.inflow), outflow: n(r.outflow), ledger: n(r.ledger) }));
}

export function stockEntriesBetween(db: DbOrTrx, goodsIds: string[], from: string, to: string) {
  if (goodsIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('market_stock_entries')
    .selectAll()
    .where('goods_id', 'in', goodsIds)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------------ donors and intakes

export function insertDonor(db: DbOrTrx, row: MarketDonorsTable) {
  return db.insertInto('market_donors').values(row).execute();
}

export function getDonor(db: DbOrTrx, id: string) {
  return db.selectFrom('market_donors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function donorsOf(db: DbOrTrx, instituteIds: string[]) {
  if (instituteIds.length === 0) return [];
  const rows = await db
    .selectFrom('market_donors as d')
    .leftJoin('market_intakes as i', 'i.donor_id', 'd.id')
    .selectAll('d')
    .select([(e) => e.fn.count<number | string>('i.id').as('donations'), sql<number | string>`coalesce(sum(i.value_fen), 0)`.as('value_fen')])
    .where('d.institute_id', 'in', instituteIds)
    .groupBy(['d.id', 'd.institute_id', 'd.kind', 'd.name', 'd.contact', 'd.created_by', 'd.created_at'])
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...r, donations: n(r.donations), value_fen: n(r.value_fen) }));
}

export function insertIntake(db: DbOrTrx, row: MarketIntakesTable) {
  return db.insertInto('market_intakes').values(row).execute();
}

function intakeBase(db: DbOrTrx) {
  return db
    .selectFrom('market_intakes as i')
    .innerJoin('market_shops as s', 's.id', 'i.shop_id')
    .leftJoin('market_donors as d', 'd.id', 'i.donor_id')
    .selectAll('i')
    .select(['s.name as shop_name', 's.unit_id', 's.institute_id', 'd.name as donor_name', 'd.kind as donor_kind', 'd.contact as donor_contact']);
}
export type IntakeRow = Awaited<ReturnType<typeof getIntake>> & object;

export function getIntake(db: DbOrTrx, id: string) {
  return intakeBase(db).where('i.id', '=', id).executeTakeFirst();
}

export async function listIntakes(db: DbOrTrx, f: { shopIds: string[]; kind?: string }, page: number, pageSize: number) {
  if (f.shopIds.length === 0) return { rows: [], total: 0 };
  let count = db
    .selectFrom('market_intakes')
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .where('shop_id', 'in', f.shopIds);
  let rows = intakeBase(db).where('i.shop_id', 'in', f.shopIds);
  if (f.kind) {
    count = count.where('kind', '=', f.kind as MarketIntakesTable['kind']);
    rows = rows.where('i.kind', '=', f.kind as MarketIntakesTable['kind']);
  }
  const total = n((await count.executeTakeFirstOrThrow()).n);
  const list = await rows
    .orderBy('i.received_on', 'desc')
    .orderBy('i.created_at', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: list, total };
}

// ------------------------------------------------------------------ reservations

function reservationBase(db: DbOrTrx) {
  return db
    .selectFrom('market_reservations as r')
    .innerJoin('market_goods as g', 'g.id', 'r.goods_id')
    .innerJoin('market_shops as s', 's.id', 'r.shop_id')
    .innerJoin('volunteers as v', 'v.id', 'r.volunteer_id')
    .innerJoin('people as p', 'p.id', 'v.person_id')
    .selectAll('r')
    .select([
      'g.name as goods_name',
      'g.unit_label',
      's.name as shop_name',
      's.unit_id',
      's.institute_id',
      'p.name as volunteer_name',
      'p.phone as volunteer_phone',
    ]);
}
export type ReservationRow = Awaited<ReturnType<typeof getReservation>> & object;

export function getReservation(db: DbOrTrx, id: string) {
  return reservationBase(db).where('r.id', '=', id).executeTakeFirst();
}

export function insertReservation(db: DbOrTrx, row: MarketReservationsTable) {
  return db.insertInto('market_reservations').values(row).execute();
}

/** Moves a reservation out of `reserved`, only if it still is; answers whether this call moved it. */
export async function closeReservation(db: DbOrTrx, id: string, patch: Pick<MarketReservationsTable, 'status' | 'closed_at' | 'closed_by' | 'reason'>) {
  const r = await db.updateTable('market_reservations').set(patch).where('id', '=', id).where('status', '=', 'reserved').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What a volunteer has reserved or collected of a goods in a month. */
export async function takenInMonth(db: DbOrTrx, volunteerId: string, goodsId: string, month: string): Promise<number> {
  const r = await db
    .selectFrom('market_reservations')
    .select((e) => e.fn.sum<number | string>('quantity').as('q'))
    .where('volunteer_id', '=', volunteerId)
    .where('goods_id', '=', goodsId)
    .where('month', '=', month)
    .where('status', 'in', ['reserved', 'collected'])
    .executeTakeFirst();
  return n(r?.q);
}

export interface ReservationFilter {
  shopIds?: string[];
  volunteerId?: string;
  status?: string;
  q?: string;
}

export async function listReservations(db: DbOrTrx, f: ReservationFilter, page: number, pageSize: number) {
  if (f.shopIds && f.shopIds.length === 0) return { rows: [], total: 0 };
  let qb = reservationBase(db);
  if (f.shopIds) qb = qb.where('r.shop_id', 'in', f.shopIds);
  if (f.volunteerId) qb = qb.where('r.volunteer_id', '=', f.volunteerId);
  if (f.status) qb = qb.where('r.status', '=', f.status as MarketReservationsTable['status']);
  if (f.q) {
    const term = f.q;
    qb = qb.where((eb) => eb.or([eb('r.code', '=', term.toUpperCase()), eb('p.name', 'like', `%${term}%`), eb('p.phone', '=', term)]));
  }
  const total = n(
    (
      await qb
        .clearSelect()
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await qb
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total };
}

export function dueReservations(db: DbOrTrx, now: string, limit: number) {
  return db
    .selectFrom('market_reservations as r')
    .innerJoin('market_shops as s', 's.id', 'r.shop_id')
    .select(['r.id', 'r.goods_id', 'r.volunteer_id', 'r.quantity', 'r.points', 'r.shop_id', 's.unit_id'])
    .where('r.status', '=', 'reserved')
    .where('r.expires_at', '<=', now)
    .orderBy('r.expires_at')
    .limit(limit)
    .execute();
}

export async function unitName(db: DbOrTrx, id: string): Promise<string> {
  return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}

/** The units running the shops whose goods show a file as their photo (files' registry). */
export async function unitsWithGoodsPhoto(db: DbOrTrx, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('market_goods as g')
    .innerJoin('market_shops as s', 's.id', 'g.shop_id')
    .select('s.unit_id')
    .distinct()
    .where('g.photo_file_id', '=', fileId)
    .execute();
  return rows.map((r) => r.unit_id);
}

/** Reservations waiting to be collected at the shops of some units. */
export async function countAwaitingCollection(db: DbOrTrx, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const r = await db
    .selectFrom('market_reservations')
    .innerJoin('market_shops', 'market_shops.id', 'market_reservations.shop_id')
    .where('market_shops.unit_id', 'in', unitIds)
    .where('market_reservations.status', '=', 'reserved')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
