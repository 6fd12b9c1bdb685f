import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';
import { HOURS_COUNT_CAP } from '../../../shared/hours';
import { recordVerifiedService } from './hours.ledger';
import * as q from './hours.queries';
import { verifyTotals } from './hours.totals';

// Issue 13: the hours list read by scope from `service_record_units`, a count that stops at the cap,
// and the running totals kept beside the ledger in the same transaction, checked against it.

const clock = manualClock(new Date('2026-11-20T04:00:00Z'));
let w: World;
let t: TestApp;
let stationA: string;
let stationB: string;
let stationC: string;
let adminA: Staff;
let secondA: Agent;
let adminB: Agent;
let adminC: Agent;
let ofA: Volunteer;
let ofB: Volunteer;

beforeAll(async () => {
  w = await makeWorld({ clock });
  t = w.t;
  stationA = (await w.makeStation({ name: '甲社区新时代文明实践站' })).id;
  stationB = (await w.makeStation({ name: '乙社区新时代文明实践站' })).id;
  stationC = (await w.makeStation({ name: '丙社区新时代文明实践站' })).id;
  adminA = await w.stationAdmin(stationA);
  secondA = (await w.makeStaff('station_admin', stationA, { name: '甲站第二管理员' })).agent;
  adminB = (await w.stationAdmin(stationB)).agent;
  adminC = (await w.stationAdmin(stationC)).agent;
  ofA = await w.makeVolunteer({ stationId: stationA });
  ofB = await w.makeVolunteer({ stationId: stationB });
}, 120_000);
afterAll(async () => w?.close());

let hour = 8;
/** A backfill at station A for a volunteer (of A or B), entered by A's admin; one hour on its own slot. */
async function enter(v: Volunteer, serviceDate: string, hours = 2) {
  const evidence = await upload(t, adminA.agent);
  const start = hour;
  hour += hours;
  const res = await adminA.agent.post('/api/hours/backfill', {
    volunteerId: v.id,
    unitId: stationA,
    title: '文明实践志愿服务',
    serviceDate,
    startTime: `${String(start).padStart(2, '0')}:00`,
    endTime: `${String(start + hours).padStart(2, '0')}:00`,
    content: '环境整治',
    evidenceFileIds: [evidence],
    reason: '按纸质签到表补录',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function ledgerMinutes(volunteerId: string, status: 'approved' | 'pending') {
  const r = await t.deps.db
    .selectFrom('service_records')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), sql<number>`0`).as('m'))
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return Number(r.m);
}

describe('running totals beside the hours ledger', () => {
  it('agree with the ledger after entries, approvals, rejections and counter-entries, and the talent pool reads them', async () => {
    const a1 = await enter(ofA, '2026-11-19', 3);
    const a2 = await enter(ofA, '2026-11-19', 2);
    const b1 = await enter(ofB, '2026-11-18', 4);
    const b2 = await enter(ofB, '2026-11-18', 1);
    expect(await q.totalsOf(t.deps.db, ofA.id)).toEqual({ approved: 0, pending: 300 });

    expect((await secondA.post(`/api/hours/${a1}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await secondA.post(`/api/hours/${a2}/decision`, { decision: 'reject', note: '无签到记录' })).statusCode).toBe(200);
    expect((await secondA.post('/api/hours/approve', { ids: [b1, b2] })).statusCode).toBe(200);
    // A refused decision moves nothing: the record was decided already.
    expect((await secondA.post(`/api/hours/${a1}/decision`, { decision: 'reject', note: '重复' })).json().code).toBe('hours.not_pending');

    const minus = (await adminA.agent.post(`/api/hours/${a1}/corrections`, { hoursDelta: -1, reason: '提前离开' })).json().id;
    const plus = (await adminA.agent.post(`/api/hours/${b1}/corrections`, { hoursDelta: 0.5, reason: '签退晚录' })).json().id;
    const refused = (await adminA.agent.post(`/api/hours/${b2}/corrections`, { hoursDelta: -0.5, reason: '核对有误' })).json().id;
    expect(await q.totalsOf(t.deps.db, ofB.id)).toEqual({ approved: 300, pending: 0 });
    expect((await secondA.post(`/api/hours/${minus}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await secondA.post(`/api/hours/${plus}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await secondA.post(`/api/hours/${refused}/decision`, { decision: 'reject', note: '不需要更正' })).statusCode).toBe(200);

    for (const v of [ofA, ofB]) {
      const kept = await q.totalsOf(t.deps.db, v.id);
      expect(kept).toEqual({ approved: await ledgerMinutes(v.id, 'approved'), pending: await ledgerMinutes(v.id, 'pending') });
    }
    expect(await q.totalsOf(t.deps.db, ofA.id)).toEqual({ approved: 120, pending: 0 });
    expect(await q.totalsOf(t.deps.db, ofB.id)).toEqual({ approved: 330, pending: 0 });
    expect(await verifyTotals(t.deps.db)).toMatchObject({ ok: true, mismatches: [] });

    // The summary and the talent pool read the same totals.
    expect((await ofB.agent.get('/api/hours/mine/summary')).json().approvedHours).toBe(5.5);
    const pool = (await w.admin.agent.get('/api/volunteers?minHours=5&maxHours=6&pageSize=200')).json();
    expect(pool.items.map((v: { id: string }) => v.id)).toEqual([ofB.id]);
    const low = (await w.admin.agent.get('/api/volunteers?maxHours=2.5&pageSize=200')).json();
    expect(low.items.map((v: { id: string }) => v.id)).toContain(ofA.id);
    expect(low.items.map((v: { id: string }) => v.id)).not.toContain(ofB.id);
    // No hours yet, so no totals row: 0 hours, inside every band that starts at 0 and outside the rest.
    const none = await w.enterVolunteer({ stationId: ofA.stationId });
    const ids = async (query: string) => (await w.admin.agent.get(`/api/volunteers?${query}&pageSize=200`)).json().items.map((v: { id: string }) => v.id);
    expect(await ids('maxHours=2.5')).toContain(none.id);
    expect(await ids('minHours=0&maxHours=1')).toContain(none.id);
    expect(await ids('minHours=0.5')).not.toContain(none.id);
    // maxHours is inclusive: up to 0 hours is exactly the volunteers without any.
    expect(await ids('maxHours=0')).toEqual([none.id]);
  });

  it('verify reports a totals row that disagrees with the ledger', async () => {
    const trx = t.deps.db;
    await sql`UPDATE volunteer_totals SET approved_minutes = approved_minutes + 7 WHERE volunteer_id = ${ofA.id}`.execute(trx);
    try {
      const report = await verifyTotals(t.deps.db);
      expect(report.ok).toBe(false);
      expect(report.mismatches).toEqual([
        { volunteerId: ofA.id, ledger: { approvedMinutes: 120, pendingMinutes: 0 }, totals: { approvedMinutes: 127, pendingMinutes: 0 } },
      ]);
    } finally {
      await sql`UPDATE volunteer_totals SET approved_minutes = approved_minutes - 7 WHERE volunteer_id = ${ofA.id}`.execute(trx);
    }
    expect((await verifyTotals(t.deps.db)).ok).toBe(true);
  });
});

describe('the hours list by scope', () => {
  it("shows a record to the organising station, the volunteer's station and the institute, and to no one else", async () => {
    const ids = async (agent: Agent, query = '') => (await agent.get(`/api/hours?pageSize=200${query}`)).json().items.map((r: { id: string }) => r.id);
    const ofBAtA = (await t.deps.db.selectFrom('service_records').select('id').where('volunteer_id', '=', ofB.id).execute()).map((r) => r.id);
    expect(ofBAtA.length).toBeGreaterThan(0);
    for (const id of ofBAtA) {
      expect(await ids(adminA.agent)).toContain(id);
      expect(await ids(adminB)).toContain(id);
      expect(await ids(w.admin.agent)).toContain(id);
      expect(await ids(adminC)).not.toContain(id);
      expect(await ids(w.admin.agent, `&unitId=${stationB}`)).toContain(id);
      expect(await ids(w.admin.agent, `&unitId=${stationC}`)).not.toContain(id);
    }
    // Station B sees only records touching it: its volunteer's, not A's own volunteer's.
    const ofAIds = (await t.deps.db.selectFrom('service_records').select('id').where('volunteer_id', '=', ofA.id).execute()).map((r) => r.id);
    for (const id of ofAIds) expect(await ids(adminB)).not.toContain(id);
    const page = (await adminB.get('/api/hours?pageSize=200')).json();
    expect(page).toMatchObject({ total: ofBAtA.length, totalCapped: false });
    // A unit outside the caller's scope is not found, as before.
    expect((await adminC.get(`/api/hours?unitId=${stationA}`)).statusCode).toBe(404);
  });

  it('lists a record once when it lies under two roots of a scope (grants on separate subtrees)', async () => {
    const both = await q.listRecords(t.deps.db, { scopeRoots: [stationA, stationB] }, 200, 0);
    const all = await t.deps.db.selectFrom('service_records').select('id').execute();
    expect(both.rows.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
    expect(both.total).toBe(all.length);
  });

  it('the scope rows follow the decisions and the database refuses any other change', async () => {
    const decided = await t.deps.db.selectFrom('service_records').select(['id', 'status']).where('status', '!=', 'pending').execute();
    const rows = await t.deps.db.selectFrom('service_record_units').select(['record_id', 'status']).execute();
    const statusOf = new Map(decided.map((r) => [r.id, r.status]));
    for (const r of rows) if (statusOf.has(r.record_id)) expect(r.status).toBe(statusOf.get(r.record_id));
    await expect(sql`UPDATE service_record_units SET service_date = '2000-01-01'`.execute(t.deps.db)).rejects.toThrow(/only a pending row/);
    await expect(sql`UPDATE service_record_units SET status = 'pending' WHERE status = 'approved'`.execute(t.deps.db)).rejects.toThrow(/only a pending row/);
    await expect(sql`DELETE FROM service_record_units`.execute(t.deps.db)).rejects.toThrow(/only a pending row/);
  });

  it('counts up to the cap, says there are more, and pages in a stable order', async () => {
    const extra = HOURS_COUNT_CAP + 5;
    await t.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < extra; i++) {
        const day = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
        await recordVerifiedService(trx, {
          activityId: randomUUID(),
          volunteerId: ofA.id,
          unitId: stationA,
          title: `活动 ${i}`,
          serviceDate: day,
          startAt: null,
          endAt: null,
          minutes: 30,
          place: null,
          content: null,
          organiserName: '甲社区新时代文明实践站',
          personInCharge: null,
          entryMethod: '扫码签到',
          evidenceFileIds: [],
          reason: null,
          late: false,
          flag: null,
          at: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 1000),
        });
      }
    });
    const first = (await adminA.agent.get('/api/hours?pageSize=50')).json();
    expect(first).toMatchObject({ total: HOURS_COUNT_CAP, totalCapped: true, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    const second = (await adminA.agent.get('/api/hours?pageSize=50&page=2')).json();
    const seen = new Set(first.items.map((r: { id: string }) => r.id));
    for (const r of second.items) expect(seen.has(r.id)).toBe(false);
    const keys = [...first.items, ...second.items].map((r: { serviceDate: string; enteredAt: string }) => `${r.serviceDate} ${r.enteredAt}`);
    expect(keys).toEqual([...keys].sort().reverse());
    // A filter that narrows below the cap counts exactly.
    const oneDay = (await adminA.agent.get('/api/hours?from=2026-10-01&to=2026-10-01&pageSize=10')).json();
    expect(oneDay).toMatchObject({ total: Math.ceil(extra / 28), totalCapped: false });
    const pending = (await adminA.agent.get('/api/hours?status=pending&pageSize=10')).json();
    expect(pending).toMatchObject({ total: HOURS_COUNT_CAP, totalCapped: true });
    // The totals moved with every entry.
    expect(await q.totalsOf(t.deps.db, ofA.id)).toEqual({ approved: 120, pending: 30 * extra });
    expect((await verifyTotals(t.deps.db)).ok).toBe(true);
  }, 300_000);
});
