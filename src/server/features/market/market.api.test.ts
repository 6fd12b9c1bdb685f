import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type Volunteer, type World, givePoints, makeMarket, makeWorld } from '../../../../test/support/factories';
import { balanceOf } from '../points/points.ledger';
import { expireReservations } from './market.reservations';

let w: World;
let a: Unit;
let b: Unit;
let adminB: Staff;
const clock = manualClock(new Date('2026-11-10T02:00:00Z'));

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminB = await w.stationAdmin(b.id);
});
afterAll(async () => w?.close());

const balance = (volunteerId: string) => balanceOf(w.t.deps.db, volunteerId);
async function onHand(goodsId: string, agent = w.admin.agent): Promise<number> {
  const goods = (await agent.get('/api/market/goods')).json().items as { id: string; onHand: number }[];
  return goods.find((g) => g.id === goodsId)?.onHand ?? -1;
}

describe('reservations under concurrency', () => {
  it('100 parallel reservations of goods with 10 in stock: exactly 10 succeed, stock 0, points right', async () => {
    const { goodsId } = await makeMarket(w, { stock: 10, price: 5 });
    const people = [];
    for (let i = 0; i < 100; i++) people.push(await w.enterVolunteer({ stationId: a.id }));
    for (const p of people) await givePoints(w, p.id, 20);
    const results = await Promise.all(people.map((p) => w.admin.agent.post('/api/market/reservations', { goodsId, volunteerId: p.id })));
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok).toHaveLength(10);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('market.out_of_stock');
    }
    expect(await onHand(goodsId)).toBe(0);
    const winners = new Set(ok.map((r) => r.json().volunteerId as string));
    for (const p of people) expect(await balance(p.id)).toBe(winners.has(p.id) ? 15 : 20);
  });

  it("one volunteer's 20 parallel reservations never take the balance below zero", async () => {
    const { goodsId } = await makeMarket(w, { stock: 100, price: 10 });
    const v = await w.makeVolunteer({ stationId: a.id });
    await givePoints(w, v.id, 55);
    const results = await Promise.all(Array.from({ length: 20 }, () => v.agent.post('/api/market/reservations', { goodsId })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect(r.json().code).toBe('points.insufficient');
    expect(await balance(v.id)).toBe(5);
    expect(await onHand(goodsId)).toBe(95);
  });
});

describe('collect, cancel and expiry', () => {
  let v: Volunteer;
  let goodsId: string;
  beforeAll(async () => {
    ({ goodsId } = await makeMarket(w, { stock: 5, price: 10, limit: 2 }));
    v = await w.makeVolunteer({ stationId: a.id });
    await givePoints(w, v.id, 100);
  });

  it("a volunteer's phone page: their balance, their institute's shop and its goods on sale (no staff role needed)", async () => {
    const me = await v.agent.get('/api/market/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().shops.length).toBeGreaterThan(0);
    const goods = await v.agent.get('/api/market/goods?activeOnly=true');
    expect(goods.statusCode).toBe(200);
    expect(goods.json().items.map((g: { id: string }) => g.id)).toContain(goodsId);
  });

  it('a volunteer reserves with a code; staff find it by code and mark it collected, once', async () => {
    const r = (await v.agent.post('/api/market/reservations', { goodsId })).json();
    expect(r.status).toBe('reserved');
    expect(r.code).toMatch(/^[A-Z2-9]{6}$/);
    const found = (await w.admin.agent.get(`/api/market/reservations?q=${r.code}`)).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    const done = await w.admin.agent.post(`/api/market/reservations/${r.id}/collect`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('collected');
    const again = await w.admin.agent.post(`/api/market/reservations/${r.id}/collect`, {});
    expect(again.statusCode).toBe(409);
    expect(await balance(v.id)).toBe(90);
  });

  it('keeps the per-month limit, and a cancelled reservation does not count', async () => {
    const second = await v.agent.post('/api/market/reservations', { goodsId });
    expect(second.statusCode).toBe(201);
    const third = await v.agent.post('/api/market/reservations', { goodsId });
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('market.limit_reached');
    expect(await balance(v.id)).toBe(80);
    // parallel cancels restore exactly once
    const cancels = await Promise.all(Array.from({ length: 5 }, () => v.agent.post(`/api/market/reservations/${second.json().id}/cancel`, {})));
    expect(cancels.filter((c) => c.statusCode === 200)).toHaveLength(1);
    for (const c of cancels.filter((x) => x.statusCode !== 200)) expect(c.json().code).toBe('market.not_reserved');
    expect(await balance(v.id)).toBe(90);
    expect(await onHand(goodsId)).toBe(4);
    expect((await v.agent.post('/api/market/reservations', { goodsId })).statusCode).toBe(201);
  });

  it('expires after the rule’s days, restoring points and stock once even when two ticks run', async () => {
    const mine = (await v.agent.get('/api/market/reservations/mine?status=reserved')).json().items;
    expect(mine).toHaveLength(1);
    const before = await balance(v.id);
    const open = (await w.admin.agent.get('/api/market/reservations?status=reserved')).json().total;
    await w.advance(8 * 86_400_000);
    const [n1, n2] = await Promise.all([expireReservations(w.t.deps), expireReservations(w.t.deps)]);
    expect(n1 + n2).toBe(open);
    expect(await expireReservations(w.t.deps)).toBe(0);
    expect(await balance(v.id)).toBe(before + 10);
    expect(await onHand(goodsId)).toBe(4);
    const after = (await w.admin.agent.get(`/api/market/reservations?q=${mine[0].code}`)).json().items[0];
    expect(after.status).toBe('expired');
  });

  it('staff redeem on a volunteer’s behalf at the counter (reserve + collect at once)', async () => {
    const r = await w.admin.agent.post('/api/market/reservations', { goodsId, volunteerId: v.id, collect: true });
    expect(r.statusCode).toBe(201);
    expect(r.json().status).toBe('collected');
    expect(r.json().channel).toBe('staff');
  });
});

describe('scope', () => {
  it("a goods photo opens for staff over the shop's unit, not for another station", async () => {
    const adminA = await w.stationAdmin(a.id);
    // The institute sets up station A's shop and uploads the photo: the file is the institute's.
    const shop = (await w.admin.agent.post('/api/market/shops', { unitId: a.id, name: '站点爱心超市', openWeekdays: [1, 2, 3, 4, 5] })).json();
    const photo = await w.upload(w.admin, 'rice.png');
    const goods = await w.admin.agent.post('/api/market/goods', {
      shopId: shop.id,
      name: '挂面',
      unitLabel: '包',
      pricePoints: 5,
      monthlyLimit: 0,
      photoFileId: photo,
    });
    expect(goods.statusCode).toBe(201);
    // Station A's staff run the shop, so they may open its goods' photo; station B's may not.
    expect((await adminA.agent.get(`/api/files/${photo}`)).statusCode).toBe(200);
    expect((await adminB.agent.get(`/api/files/${photo}`)).statusCode).toBe(404);
    // Volunteers choose on the phone by the picture: the photo of goods on sale is public, and stops being so off sale.
    const pub = await w.anon.get(`/api/public/files/${photo}`);
    expect([pub.statusCode, pub.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await w.admin.agent.patch(`/api/market/goods/${goods.json().id}`, { active: false })).statusCode).toBe(200);
    expect((await w.anon.get(`/api/public/files/${photo}`)).statusCode).toBe(404);
  });

  it("another station's staff get 404 for a station's shop, goods and reservations", async () => {
    const adminA = await w.stationAdmin(a.id);
    const { shopId, goodsId } = await makeMarket(w, { unitId: a.id, by: adminA, stock: 3 });
    expect((await adminB.agent.post('/api/market/goods', { shopId, name: '油', unitLabel: '桶', pricePoints: 5, monthlyLimit: 0 })).statusCode).toBe(404);
    expect((await adminB.agent.patch(`/api/market/goods/${goodsId}`, { active: false })).statusCode).toBe(404);
    expect((await adminB.agent.get(`/api/market/stock?shopId=${shopId}`)).statusCode).toBe(404);
    const out = await adminB.agent.post('/api/market/stock/out', { goodsId, kind: 'loss', quantity: 1, reason: '破损' });
    expect(out.statusCode).toBe(404);
    const v = await w.enterVolunteer({ stationId: a.id });
    await givePoints(w, v.id, 50);
    const r = (await adminA.agent.post('/api/market/reservations', { goodsId, volunteerId: v.id })).json();
    expect((await adminB.agent.post(`/api/market/reservations/${r.id}/collect`, {})).statusCode).toBe(404);
    expect((await adminB.agent.post(`/api/market/reservations/${r.id}/cancel`, {})).statusCode).toBe(404);
  });
});

describe('donations, stock out and the reconciliation', () => {
  it('records a donation with a receipt PDF, a hand-out and a loss, and the month balances', async () => {
    const { shopId, goodsId } = await makeMarket(w, { stock: 0 });
    const donor = (
      await w.admin.agent.post('/api/market/donors', { instituteId: w.instituteId, kind: 'company', name: '幸福粮油公司', contact: '王经理' })
    ).json();
    const intake = await w.admin.agent.post('/api/market/intakes', {
      shopId,
      kind: 'donation',
      donorId: donor.id,
      valueFen: 50_000,
      receivedOn: '2026-11-18',
      items: [{ goodsId, quantity: 20 }],
    });
    expect(intake.statusCode).toBe(201);
    expect(intake.json().receiptNo).toMatch(/^JZ2026-\d{4}$/);
    const pdf = await w.admin.agent.get(`/api/market/intakes/${intake.json().id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const noDonor = await w.admin.agent.post('/api/market/intakes', {
      shopId,
      kind: 'donation',
      valueFen: 1,
      receivedOn: '2026-11-18',
      items: [{ goodsId, quantity: 1 }],
    });
    expect(noDonor.json().code).toBe('market.donor_required');

    const care = await w.makeCareRecipient({ stationId: a.id });
    const handout = await w.admin.agent.post('/api/market/stock/out', { goodsId, kind: 'handout', quantity: 2, reason: '冬季慰问', careRecipientId: care.id });
    expect(handout.statusCode).toBe(201);
    expect(handout.json().careRecipientName).toBeTruthy();
    const loss = await w.admin.agent.post('/api/market/stock/out', { goodsId, kind: 'loss', quantity: 1, reason: '包装破损' });
    expect(loss.statusCode).toBe(201);
    const tooMany = await w.admin.agent.post('/api/market/stock/out', { goodsId, kind: 'expiry', quantity: 100, reason: '过期' });
    expect(tooMany.json().code).toBe('market.out_of_stock');
    expect(await onHand(goodsId)).toBe(17);

    const month = clock.now().toISOString().slice(0, 7);
    const rec = await w.admin.agent.get(`/api/market/reconciliation?month=${month}`);
    expect(rec.statusCode).toBe(200);
    const v = rec.json();
    expect(v.balanced).toBe(true);
    expect(v.points.ledgerTotal).toBe(v.points.balancesTotal);
    expect(v.points.closing).toBe(v.points.opening + v.points.issued - v.points.spent - v.points.expired);
    const line = v.stock.find((g: { goodsId: string }) => g.goodsId === goodsId);
    expect(line).toMatchObject({ in: 20, out: 3, closing: 17, onHand: 17, balanced: true });

    const xlsx = await w.admin.agent.get(`/api/market/reconciliation.xlsx?month=${month}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['积分对账', '库存对账', '差异明细']);
  });

  it('the stock ledger refuses UPDATE and DELETE', async () => {
    await expect(w.t.deps.db.updateTable('market_stock_entries').set({ quantity: 1 }).execute()).rejects.toThrow();
    await expect(w.t.deps.db.deleteFrom('market_stock_entries').execute()).rejects.toThrow();
  });
});
