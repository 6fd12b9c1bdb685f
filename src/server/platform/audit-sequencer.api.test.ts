import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app';
import { type World, makeWorld } from '../../../test/support/factories';
import { appendAudit, linkPendingAudit, verifyAuditChain } from './audit';

/**
 * The audit log without the head lock (issue 13): a change's transaction writes its audit row
 * outside the chain, and the sequencer links rows into the hash chain after the commit. Runs on both
 * databases; the concurrency case is about PostgreSQL, where writers really run side by side.
 */
let w: World;
let t: TestApp;
const who = { actorAccountId: null, actorName: '测试', ip: null, requestId: null };

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
});
afterAll(async () => w?.close());

const key = () => t.deps.config.keys.audit;
const append = (action: string, objectId?: string) => t.deps.db.transaction().execute((trx) => appendAudit(trx, key(), new Date(), who, { action, objectId }));

async function rowOf(action: string) {
  return t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).executeTakeFirstOrThrow();
}

function defer() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('audit sequencer', () => {
  it('writes the row outside the chain, and the sequencer links it in order with the head signed', async () => {
    await append('test.first');
    await append('test.second');
    const unlinked = await rowOf('test.first');
    // Unless a kick got there first (no request here kicks it), the row waits without a chain position.
    if (unlinked.seq === null) expect([unlinked.prev_hash, unlinked.hash]).toEqual([null, null]);
    await linkPendingAudit(t.deps.db, key());
    const first = await rowOf('test.first');
    const second = await rowOf('test.second');
    expect(Number(second.seq)).toBe(Number(first.seq) + 1);
    expect(second.prev_hash).toBe(first.hash);
    const v = await verifyAuditChain(t.deps.db, key());
    expect(v).toMatchObject({ ok: true, headSigned: true, unlinked: 0, oldestUnlinkedAt: null, oldestUnlinkedSeconds: null });
    expect(v.headSeq).toBe(Number(second.seq));
  });

  it('the append-only triggers allow only the one-time linking of an unlinked row', async () => {
    const db = t.deps.db;
    await append('test.guard');
    const row = await rowOf('test.guard');
    expect(row.seq).toBeNull();
    const fake = 'f'.repeat(64);
    // Changing any other field, alone or along with linking, is refused; so is deleting it.
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE pos = ${row.pos}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE audit_log SET seq = 999999, prev_hash = ${fake}, hash = ${fake}, actor_name = 'x' WHERE pos = ${row.pos}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET seq = 999999 WHERE pos = ${row.pos}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE pos = ${row.pos}`.execute(db)).rejects.toThrow(/append-only/);
    // The sequencer's linking goes through; once linked, the row is as fixed as any other.
    await linkPendingAudit(db, key());
    const linked = await rowOf('test.guard');
    expect(linked.seq).not.toBeNull();
    await expect(sql`UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL WHERE pos = ${row.pos}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET hash = ${fake} WHERE pos = ${row.pos}`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(db, key())).ok).toBe(true);
  });

  it('verification reports rows it could not link yet, and how old the oldest is', async () => {
    const db = t.deps.db;
    await linkPendingAudit(db, key());
    // A missing head row stands for a sequencer that cannot run: verification fails and the lag shows.
    const head = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await db.deleteFrom('audit_head').execute();
    try {
      await append('test.lagging');
      const at = (await rowOf('test.lagging')).at;
      const report = await verifyAuditChain(db, key(), null, new Date(Date.parse(at) + 90_000));
      expect(report).toMatchObject({ ok: false, unlinked: 1, oldestUnlinkedAt: at, oldestUnlinkedSeconds: 90 });
    } finally {
      await db.insertInto('audit_head').values(head).execute();
    }
    // With the head back, the next run links it and nothing lags.
    expect(await verifyAuditChain(db, key())).toMatchObject({ ok: true, unlinked: 0, oldestUnlinkedSeconds: null });
  });

  it.runIf(process.env.TEST_DB === 'postgres')('lets two write transactions append at once: the second appends while the first is still open', async () => {
    const firstAppended = defer();
    const secondAppended = defer();
    const order: string[] = [];
    const first = t.deps.db.transaction().execute(async (trx) => {
      await appendAudit(trx, key(), new Date(), who, { action: 'test.concurrent', objectId: 'a' });
      order.push('a appended');
      firstAppended.resolve();
      // Still open: with the head lock, the second transaction's append would wait here for ever.
      await secondAppended.promise;
      order.push('a commits');
    });
    const second = (async () => {
      await firstAppended.promise;
      await t.deps.db.transaction().execute(async (trx) => {
        await appendAudit(trx, key(), new Date(), who, { action: 'test.concurrent', objectId: 'b' });
        order.push('b appended');
        secondAppended.resolve();
      });
    })();
    await Promise.all([first, second]);
    expect(order).toEqual(['a appended', 'b appended', 'a commits']);
    await linkPendingAudit(t.deps.db, key());
    expect((await verifyAuditChain(t.deps.db, key())).ok).toBe(true);
  });

  it('a burst of parallel write requests is linked soon after, by the kicks alone, in one chain that verifies', async () => {
    const n = 20;
    const res = await Promise.all(
      Array.from({ length: n }, (_, i) => w.admin.agent.patch(`/api/org/units/${w.instituteId}`, { phone: `023-728199${String(i).padStart(2, '0')}` })),
    );
    expect(res.map((r) => r.statusCode)).toEqual(Array(n).fill(200));
    // No verification or listing runs here: the sequencer kicked after each write links the rows.
    await expect
      .poll(async () => (await t.deps.db.selectFrom('audit_log').select('pos').where('seq', 'is', null).execute()).length, { timeout: 120_000, interval: 50 })
      .toBe(0);
    // Two sequencers racing (two processes on one PostgreSQL): the head lock makes one chain.
    await Promise.all(Array.from({ length: 10 }, (_, i) => append('test.burst', String(i))));
    await Promise.all([linkPendingAudit(t.deps.db, key()), linkPendingAudit(t.deps.db, key())]);
    const v = await verifyAuditChain(t.deps.db, key());
    expect(v).toMatchObject({ ok: true, headSigned: true, unlinked: 0 });
    expect(v.checked).toBeGreaterThanOrEqual(n + 10);
  });
});
