import { randomUUID } from 'node:crypto';
import { chinaDay } from '../../../shared/china-time';
import { postPoints } from '../../features/points/points.ledger';
import { postStock } from '../../features/market/market.stock';
import type { Trx } from '../../platform/db';
import type { SeedPeople } from './maan-volunteers';

/**
 * 爱心超市 of the demo: a shop at the institute open Monday to Saturday, five goods, four donors,
 * donations and a purchase over three months, and redemptions in each of them (most collected, one
 * cancelled, two waiting at the counter). Volunteers' points: a grant per demo volunteer through the
 * points ledger (reason given) until the points feature's earnings are seeded; every movement goes
 * through the ledgers' own writers, so the reconciliation balances.
 */
export async function seedMarket(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const shopId = randomUUID();
  await trx
    .insertInto('market_shops')
    .values({
      id: shopId,
      unit_id: p.instituteId,
      institute_id: p.instituteId,
      name: '马鞍街道爱心超市',
      address: '实践所一楼东侧',
      open_weekdays: JSON.stringify([1, 2, 3, 4, 5, 6]),
      open_dates: '[]',
      created_by: p.adminAccountId,
      created_at: day(70).toISOString(),
      updated_at: at,
    })
    .execute();
  const goods = [
    ['大米（5 公斤）', '袋', 30, 2],
    ['食用油（5 升）', '桶', 40, 1],
    ['洗衣液', '瓶', 20, 2],
    ['牙膏', '支', 8, 0],
    ['毛巾', '条', 10, 0],
  ].map(([name, unit, price, limit]) => ({ id: randomUUID(), name: String(name), unit: String(unit), price: Number(price), limit: Number(limit) }));
  for (const g of goods) {
    await trx
      .insertInto('market_goods')
      .values({
        id: g.id,
        shop_id: shopId,
        name: g.name,
        unit_label: g.unit,
        photo_file_id: null,
        price_points: g.price,
        monthly_limit: g.limit,
        active: 1,
        on_hand: 0,
        created_at: day(70).toISOString(),
        updated_at: at,
      })
      .execute();
  }
  const donors = [
    ['company', '重庆鑫隆粮油有限公司', '李经理 023-6888xxxx'],
    ['company', '马鞍好邻居超市', '周店长'],
    ['organisation', '马鞍街道慈善会', '街道社会事务办'],
    ['resident', '金银社区 王大爷', null],
  ].map(([kind, name, contact]) => ({ id: randomUUID(), kind: kind as 'company' | 'organisation' | 'resident', name: String(name), contact }));
  for (const d of donors) {
    await trx
      .insertInto('market_donors')
      .values({
        id: d.id,
        institute_id: p.instituteId,
        kind: d.kind,
        name: d.name,
        contact: d.contact,
        created_by: p.adminAccountId,
        created_at: day(70).toISOString(),
      })
      .execute();
  }
  let receipt = 0;
  const intake = async (daysAgo: number, kind: 'donation' | 'purchase', who: string, valueFen: number, items: [number, number][]) => {
    const id = randomUUID();
    const when = day(daysAgo);
    await trx
      .insertInto('market_intakes')
      .values({
        id,
        shop_id: shopId,
        kind,
        receipt_no: `${kind === 'donation' ? 'JZ' : 'CG'}${chinaDay(when).slice(0, 4)}-D${String(++receipt).padStart(3, '0')}`,
        donor_id: kind === 'donation' ? who : null,
        supplier: kind === 'purchase' ? who : null,
        value_fen: valueFen,
        received_on: chinaDay(when),
        note: null,
        created_by: p.adminAccountId,
        created_at: when.toISOString(),
      })
      .execute();
    for (const [g, qty] of items) {
      await postStock(trx, { shopId, goodsId: goods[g].id, kind, quantity: qty, sourceType: 'intake', sourceId: id, createdBy: p.adminAccountId, at: when });
    }
  };
  await intake(65, 'donation', donors[0].id, 300_000, [
    [0, 40],
    [1, 20],
  ]);
  await intake(60, 'donation', donors[2].id, 120_000, [
    [2, 30],
    [3, 60],
    [4, 50],
  ]);
  await intake(35, 'donation', donors[1].id, 80_000, [
    [0, 20],
    [2, 20],
  ]);
  await intake(30, 'purchase', '马鞍好邻居超市', 50_000, [[1, 10]]);
  await intake(8, 'donation', donors[3].id, 6_000, [[4, 10]]);

  // The demo accounts' volunteers first (volunteer01… sign in), then other certified volunteers, thirty in all.
  const own = await trx
    .selectFrom('volunteers')
    .select('id')
    .where('person_id', 'in', p.volunteerPersonIds)
    .where('status', '=', 'certified')
    .orderBy('id')
    .execute();
  const others = await trx.selectFrom('volunteers').select('id').where('status', '=', 'certified').orderBy('created_at').orderBy('id').limit(60).execute();
  const volunteers = [...own, ...others.filter((o) => !own.some((x) => x.id === o.id))].slice(0, 30);
  for (const v of volunteers) {
    await postPoints(trx, {
      volunteerId: v.id,
      unitId: p.instituteId,
      kind: 'grant',
      points: 150,
      reason: '演示：积分台账上线前的志愿服务折算积分',
      createdBy: p.adminAccountId,
      at: day(68),
    });
  }
  const reserve = async (vi: number, g: number, daysAgo: number, status: 'collected' | 'reserved' | 'cancelled') => {
    const v = volunteers[vi];
    if (!v) return;
    const id = randomUUID();
    const when = day(daysAgo);
    const good = goods[g];
    await postPoints(trx, {
      volunteerId: v.id,
      unitId: p.instituteId,
      kind: 'redeem',
      points: -good.price,
      sourceType: 'redemption',
      sourceId: id,
      reason: `爱心超市兑换：${good.name} × 1`,
      createdBy: null,
      at: when,
    });
    await postStock(trx, { shopId, goodsId: good.id, kind: 'redemption', quantity: -1, sourceType: 'reservation', sourceId: id, createdBy: null, at: when });
    await trx
      .insertInto('market_reservations')
      .values({
        id,
        code: `D${String(vi).padStart(2, '0')}${g}${String(daysAgo).padStart(2, '0')}`.slice(0, 6).toUpperCase(),
        shop_id: shopId,
        goods_id: good.id,
        volunteer_id: v.id,
        quantity: 1,
        points: good.price,
        month: chinaDay(when).slice(0, 7),
        status,
        channel: 'self',
        pickup_on: chinaDay(when),
        expires_at: new Date(when.getTime() + 7 * 86_400_000).toISOString(),
        created_by: null,
        created_at: when.toISOString(),
        closed_by: status === 'reserved' ? null : p.adminAccountId,
        closed_at: status === 'reserved' ? null : new Date(when.getTime() + 86_400_000).toISOString(),
        reason: status === 'cancelled' ? '本人取消' : null,
      })
      .execute();
    if (status === 'cancelled') {
      const back = new Date(when.getTime() + 86_400_000);
      await postPoints(trx, {
        volunteerId: v.id,
        unitId: p.instituteId,
        kind: 'redeem_refund',
        points: good.price,
        sourceType: 'redemption',
        sourceId: id,
        reason: '爱心超市预约取消，积分退回',
        createdBy: p.adminAccountId,
        at: back,
      });
      await postStock(trx, {
        shopId,
        goodsId: good.id,
        kind: 'redemption_return',
        quantity: 1,
        sourceType: 'reservation',
        sourceId: id,
        createdBy: p.adminAccountId,
        at: back,
      });
    }
  };
  for (let i = 0; i < 10; i++) await reserve(i, i % 5, 58 - i, 'collected');
  for (let i = 10; i < 20; i++) await reserve(i, i % 5, 28 - (i - 10), 'collected');
  await reserve(20, 0, 12, 'cancelled');
  for (let i = 21; i < 26; i++) await reserve(i, (i + 1) % 5, 10 - (i - 21), 'collected');
  await reserve(26, 0, 1, 'reserved');
  await reserve(27, 2, 0, 'reserved');
}
