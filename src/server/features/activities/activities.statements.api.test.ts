import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, makeTestApp } from '../../../../test/support/app';
import { markOrgChanged, markRulesChanged } from '../../platform/scope';

/** The one read of the whole unit tree (platform/scope.queries.ts `listUnitNodes`). */
const isTreeRead = (sql: string) => /^select "id", "kind", "parent_id" from "units"$/.test(sql);
/** A read of an institute's stored rules (platform/scope.queries.ts `listRuleValues`). */
const isRulesRead = (sql: string) => /from "settings"/.test(sql);

const at = (beijing: string) => new Date(`${beijing}+08:00`).toISOString();
/** A month the demo seed leaves empty, so the count of activities in it is exactly what we made. */
const MONTH = '2028-03';
/** What the console's month grid asks for: six weeks from the Monday on or before the 1st, up to 500 rows. */
const MONTH_VIEW = '/api/activities?from=2028-02-28&to=2028-04-09&pageSize=500';

/**
 * The activity calendar's month view runs a fixed number of statements, however many activities
 * the month holds:
 *   1. the session with its account, grants, the caller's own volunteer record and the cache versions,
 *   2. the rows with their total (a count subquery),  3. their positions,
 *   4. the caller's sign-ups to these activities (staff with no volunteer record skip it).
 * The waitlist query runs only when the caller is waitlisted somewhere on the page.
 * The unit tree and the rules come from the cross-request cache; after the organisation changes,
 * the next request reads the tree once, never once per activity or unit.
 */
const STAFF_STATEMENTS = 3;
const VOLUNTEER_STATEMENTS = 4;

describe('statements per request: the activity month view', () => {
  let t: TestApp;
  let admin: Agent;
  let volunteer: Agent;
  let units: string[];
  let made = 0;

  /** Adds activities on successive days of MONTH, across the institute and two stations, published. */
  async function addActivities(n: number) {
    for (let i = 0; i < n; i++, made++) {
      const day = String((made % 28) + 1).padStart(2, '0');
      const res = await admin.post('/api/activities', {
        unitId: units[made % units.length],
        title: `月视图统计 ${made + 1}`,
        startsAt: at(`${MONTH}-${day}T09:00:00`),
        endsAt: at(`${MONTH}-${day}T11:00:00`),
        positions: [
          { name: '志愿者', headcount: 5 },
          { name: '引导员', headcount: 2 },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      const pub = await admin.post(`/api/activities/${res.json().items[0].id}/transitions`, { action: 'publish' });
      expect(pub.statusCode, pub.body).toBe(200);
    }
  }

  async function measure(agent: Agent) {
    await agent.get(MONTH_VIEW); // warm the caches the way any earlier request would
    const { result, sql } = await t.statements(() => agent.get(MONTH_VIEW));
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().items).toHaveLength(made);
    expect(sql.filter(isTreeRead)).toHaveLength(0);
    return sql;
  }

  beforeAll(async () => {
    t = await makeTestApp({ seed: 'maan' });
    admin = await t.login('admin');
    volunteer = await t.login('volunteer01');
    units = [await t.unitId('马鞍街道新时代文明实践所'), await t.unitId('金银社区新时代文明实践站'), await t.unitId('马鞍社区新时代文明实践站')];
  });
  afterAll(() => t.close());

  it('costs the same whether the month holds 3 or 30 activities, for staff and for a volunteer', async () => {
    await addActivities(3);
    const staff3 = await measure(admin);
    const vol3 = await measure(volunteer);
    await addActivities(27);
    const staff30 = await measure(admin);
    const vol30 = await measure(volunteer);
    expect(staff30, staff30.join('\n')).toHaveLength(staff3.length);
    expect(vol30, vol30.join('\n')).toHaveLength(vol3.length);
    expect(staff30, staff30.join('\n')).toHaveLength(STAFF_STATEMENTS);
    expect(vol30, vol30.join('\n')).toHaveLength(VOLUNTEER_STATEMENTS);
  });

  it("reads the unit tree once, and the institute's rules once, after another process changed them", async () => {
    // What another process does when it edits a unit or a rule: bump the versions in its transaction.
    await t.deps.db.transaction().execute(async (trx) => {
      await markOrgChanged(trx);
      await markRulesChanged(trx);
    });
    const { result, sql } = await t.statements(() => admin.get(MONTH_VIEW));
    expect(result.statusCode).toBe(200);
    expect(result.json().items).toHaveLength(made);
    expect(sql.filter(isTreeRead), sql.join('\n')).toHaveLength(1);
    // Thirty activities in three units of one institute: its rules are read once, not per row or unit.
    expect(sql.filter(isRulesRead), sql.join('\n')).toHaveLength(1);
    expect(sql).toHaveLength(STAFF_STATEMENTS + 2);
    const again = await t.statements(() => admin.get(MONTH_VIEW));
    expect(again.sql).toHaveLength(STAFF_STATEMENTS);
  });
});
