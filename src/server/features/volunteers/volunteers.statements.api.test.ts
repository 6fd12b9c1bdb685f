import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { type Agent, type TestApp, makeTestApp } from '../../../../test/support/app';
import { markOrgChanged } from '../../platform/scope';

/** The one read of the whole unit tree (platform/scope.queries.ts `listUnitNodes`). */
const isTreeRead = (sql: string) => /^select "id", "kind", "parent_id" from "units"$/.test(sql);

/**
 * The talent pool is the busiest staff list. One signed-in GET of it runs a fixed number of
 * statements, whatever the page size:
 *   1. the session with its account, grants, own volunteer record and the cache versions,
 *   2. the total,  3. the page's ids in order,  4. those rows (with hours and the consent recorder's name).
 * The unit tree and the rules come from the cross-request cache (no statement when warm); after
 * the organisation changes, the next request reads the tree once.
 */
const STATEMENTS_PER_LIST = 4;

describe('statements per request: the talent pool list', () => {
  let t: TestApp;
  let admin: Agent;

  beforeAll(async () => {
    t = await makeTestApp({ seed: 'maan' });
    admin = await t.login('admin');
    // Warm the caches the way any earlier request would.
    expect((await admin.get('/api/volunteers?pageSize=5')).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it.each([5, 50])('GET /api/volunteers?pageSize=%i runs the same small number of statements', async (pageSize) => {
    const { result: res, sql } = await t.statements(() => admin.get(`/api/volunteers?pageSize=${pageSize}`));
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBe(Math.min(pageSize, res.json().total));
    expect(sql.filter(isTreeRead)).toHaveLength(0);
    expect(sql, sql.join('\n')).toHaveLength(STATEMENTS_PER_LIST);
  });

  it('the page really is larger, so the count does not depend on it', async () => {
    const res = await admin.get('/api/volunteers?pageSize=50');
    expect(res.json().total).toBeGreaterThan(5);
  });

  it('reads the unit tree once after the organisation changes, then not again', async () => {
    const instituteId = await t.unitId('马鞍街道新时代文明实践所');
    expect((await admin.patch(`/api/org/units/${instituteId}`, { intro: '统计语句数' })).statusCode).toBe(200);
    const first = await t.statements(() => admin.get('/api/volunteers?pageSize=5'));
    expect(first.result.statusCode).toBe(200);
    expect(first.sql.filter(isTreeRead)).toHaveLength(1);
    const second = await t.statements(() => admin.get('/api/volunteers?pageSize=5'));
    expect(second.sql.filter(isTreeRead)).toHaveLength(0);
    expect(second.sql).toHaveLength(STATEMENTS_PER_LIST);
  });

  it('sees a station another process added: the version row moved, so the tree is read again', async () => {
    const instituteId = await t.unitId('马鞍街道新时代文明实践所');
    const id = randomUUID();
    const at = new Date().toISOString();
    // What another process on the same database does: the unit and the version bump in one transaction.
    await t.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('units')
        .values({
          id,
          kind: 'station',
          parent_id: instituteId,
          name: '另一进程新增站',
          short_name: null,
          address: null,
          lng: null,
          lat: null,
          phone: null,
          intro: null,
          sort: 99,
          archived: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await markOrgChanged(trx);
    });
    const { result, sql } = await t.statements(() => admin.get(`/api/volunteers?stationId=${id}`));
    expect(result.statusCode).toBe(200);
    expect(result.json().total).toBe(0);
    expect(sql.filter(isTreeRead)).toHaveLength(1);
  });

  it('a station admin sees the same count on their smaller pool', async () => {
    const station = await t.login('station01');
    await station.get('/api/volunteers?pageSize=5');
    const { result, sql } = await t.statements(() => station.get('/api/volunteers?pageSize=50'));
    expect(result.statusCode).toBe(200);
    expect(sql.filter(isTreeRead)).toHaveLength(0);
    expect(sql).toHaveLength(STATEMENTS_PER_LIST);
  });
});
