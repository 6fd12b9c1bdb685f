import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/app';
import { type Staff, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let t: TestApp;
let stationAdmin: Staff;
let volunteer: Volunteer;

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  const station = await w.makeStation();
  stationAdmin = await w.stationAdmin(station.id);
  volunteer = await w.makeVolunteer({ stationId: station.id });
  // Some history to verify: logins, edits.
  for (let i = 0; i < 5; i++) await w.admin.agent.patch(`/api/org/units/${w.instituteId}`, { phone: `023-7281100${i}` });
});
afterAll(async () => w?.close());

/**
 * What a DBA with write access could do behind the app's back: the triggers are lifted first.
 * These cases are about the storage itself (the append-only guard and the hash chain), so they
 * write the table directly; everything they check is read back through the API.
 */
async function tamper(statement: ReturnType<typeof sql>) {
  const db = t.deps.db;
  if (t.deps.dialect === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await statement.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
  } else {
    // The triggers come back exactly as the migrations made them (read from the schema, not retyped).
    const triggers = (
      await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`.execute(db)
    ).rows;
    for (const tr of triggers) await sql`DROP TRIGGER ${sql.raw(tr.name)}`.execute(db);
    await statement.execute(db);
    for (const tr of triggers) await sql.raw(tr.sql).execute(db);
  }
}

describe('audit log', () => {
  it('pages newest first and shows changed fields', async () => {
    const admin = w.admin.agent;
    const res = await admin.get('/api/audit?pageSize=3');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(3);
    expect(body.total).toBeGreaterThanOrEqual(6);
    expect(body.items[0].seq).toBeGreaterThan(body.items[1].seq);
    const edit = (await admin.get('/api/audit?action=org.unit_updated&pageSize=1')).json().items[0];
    expect(edit.changes.phone).toEqual({ before: '023-72811003', after: '023-72811004' });
    expect(edit.actorName).toBe(w.admin.name);
    expect(edit.ip).toBeTruthy();
    expect(edit.requestId).toBeTruthy();
  });

  it('cannot be changed through the database without lifting the guard', async () => {
    // About storage itself: the triggers that make the table append-only.
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });

  it('verifies the intact chain', async () => {
    const admin = w.admin.agent;
    const res = await admin.post('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(res.json().checked).toBeGreaterThan(5);
  });

  it('names the first edited row', async () => {
    await tamper(sql`UPDATE audit_log SET changes = '{"phone":{"before":"x","after":"y"}}' WHERE seq = 4`);
    const admin = w.admin.agent;
    const res = (await admin.post('/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, firstBrokenSeq: 4 });
    expect(res.reason).toContain('改动');
  });

  it('refuses station admins and volunteers', async () => {
    expect((await stationAdmin.agent.get('/api/audit')).statusCode).toBe(403);
    expect((await stationAdmin.agent.post('/api/audit/verify')).statusCode).toBe(403);
    expect((await volunteer.agent.get('/api/audit')).statusCode).toBe(403);
  });
});

describe('audit chain tampering (fresh chain each)', () => {
  it('detects a deleted row in the middle and a cut tail', async () => {
    const xw = await makeWorld();
    const x = xw.t;
    try {
      const admin = xw.admin.agent;
      const colleague = await xw.stationAdmin((await xw.makeStation()).id);
      for (let i = 0; i < 3; i++) await xw.relogin(colleague);
      const db = x.deps.db;
      const lift = async (s: ReturnType<typeof sql>) => {
        if (x.deps.dialect === 'postgres') {
          await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
          await s.execute(db);
          await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
        } else {
          await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
          await s.execute(db);
        }
      };
      const maxSeq: number = (await admin.get('/api/audit?pageSize=1')).json().items[0].seq;
      await lift(sql`DELETE FROM audit_log WHERE seq = ${maxSeq}`);
      const tail = (await admin.post('/api/audit/verify')).json();
      expect(tail).toMatchObject({ ok: false, firstBrokenSeq: maxSeq });
      await lift(sql`DELETE FROM audit_log WHERE seq = 2`);
      const middle = (await admin.post('/api/audit/verify')).json();
      expect(middle).toMatchObject({ ok: false, firstBrokenSeq: 2 });
      expect(middle.reason).toContain('缺失');
    } finally {
      await xw.close();
    }
  });
});
