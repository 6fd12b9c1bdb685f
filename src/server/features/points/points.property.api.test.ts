/**
 * Must show (issue 10): the ledger's invariants over random sequences of earn, spend, refund (a
 * cancelled redemption), expire and correct, run against the real ledger on the test database —
 * no balance is ever negative, a refused overdraw writes nothing, and issued − spent − expired =
 * Σ balances = Σ entries.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type World, makeWorld } from '../../../../test/support/factories';
import { AppError } from '../../platform/errors';
import { expireDue } from './points.expiry';
import { balanceOf, postPoints } from './points.ledger';
import { entryNet } from './points.queries';
import { verifyLedger } from './points.statement';

let w: World;
let volunteers: string[];
let unitId: string;

beforeAll(async () => {
  w = await makeWorld();
  unitId = (await w.makeStation()).id;
  volunteers = [];
  for (let i = 0; i < 3; i++) volunteers.push((await w.enterVolunteer({ stationId: unitId })).id);
});
afterAll(async () => w?.close());

type Cmd =
  | { op: 'earn'; v: number; points: number; due: boolean }
  | { op: 'spend'; v: number; points: number }
  | { op: 'refund'; v: number; pick: number }
  | { op: 'expire'; v: number }
  | { op: 'correct'; v: number; pick: number; points: number };

const V = fc.integer({ min: 0, max: 2 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ op: fc.constant('earn' as const), v: V, points: fc.integer({ min: 1, max: 20 }), due: fc.boolean() }),
  fc.record({ op: fc.constant('spend' as const), v: V, points: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('refund' as const), v: V, pick: fc.nat() }),
  fc.record({ op: fc.constant('expire' as const), v: V }),
  fc.record({ op: fc.constant('correct' as const), v: V, pick: fc.nat(), points: fc.integer({ min: 1, max: 10 }) }),
);

const at = new Date('2026-11-20T04:00:00Z');
const count = async () =>
  Number(
    (
      await w.t.deps.db
        .selectFrom('point_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Runs one command; answers whether the ledger refused it as an overdraw. */
async function run(c: Cmd, earned: string[][], redemptions: { id: string; points: number; refunded: boolean }[][]): Promise<boolean> {
  const { db, dialect } = w.t.deps;
  const volunteerId = volunteers[c.v];
  const base = { volunteerId, unitId, createdBy: null, at };
  try {
    await db.transaction().execute(async (trx) => {
      if (c.op === 'earn') {
        const expiresOn = c.due ? '2026-11-01' : null;
        earned[c.v].push(await postPoints(trx, { ...base, kind: 'hours', points: c.points, sourceType: 'test', sourceId: randomUUID(), expiresOn }));
      } else if (c.op === 'spend') {
        const id = randomUUID();
        await postPoints(trx, { ...base, kind: 'redeem', points: -c.points, sourceType: 'redemption', sourceId: id });
        redemptions[c.v].push({ id, points: c.points, refunded: false });
      } else if (c.op === 'refund') {
        const open = redemptions[c.v].filter((r) => !r.refunded);
        if (open.length === 0) return;
        const r = open[c.pick % open.length];
        await postPoints(trx, { ...base, kind: 'redeem_refund', points: r.points, sourceType: 'redemption', sourceId: r.id });
        r.refunded = true;
      } else if (c.op === 'expire') {
        await expireDue(trx, dialect === 'postgres', volunteerId, '2026-11-20', at);
      } else {
        if (earned[c.v].length === 0) return;
        const target = earned[c.v][c.pick % earned[c.v].length];
        const take = Math.min(c.points, await entryNet(trx, target));
        if (take <= 0) return;
        await postPoints(trx, { ...base, kind: 'correction', points: -take, correctsId: target, reason: '更正' });
      }
    });
    return false;
  } catch (err) {
    if (err instanceof AppError && err.code === 'points.insufficient') return true;
    throw err;
  }
}

it('keeps every balance ≥ 0 and issued − spent − expired = Σ balances = Σ entries over random sequences', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 25 }), async (cmds) => {
      const earned: string[][] = [[], [], []];
      const redemptions: { id: string; points: number; refunded: boolean }[][] = [[], [], []];
      for (const c of cmds) {
        const before = { entries: await count(), balance: await balanceOf(w.t.deps.db, volunteers[c.v]) };
        const refused = await run(c, earned, redemptions);
        const balance = await balanceOf(w.t.deps.db, volunteers[c.v]);
        expect(balance).toBeGreaterThanOrEqual(0);
        if (refused) {
          expect(await count()).toBe(before.entries);
          expect(balance).toBe(before.balance);
        }
      }
      const v = await verifyLedger(w.t.deps.db);
      expect(v.mismatches).toEqual([]);
      expect(v.ok).toBe(true);
      expect(v.issued - v.spent - v.expired).toBe(v.balance);
      expect(v.entriesSum).toBe(v.balance);
    }),
    { numRuns: 25 },
  );
});
