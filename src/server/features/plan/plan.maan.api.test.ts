import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's plan: a dozen tasks with one overdue at a station, three steps, versioned rules documents. */
let t: TestApp;
let admin: Agent;
let district: Agent;
let station02: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
  district = await t.login('district');
  station02 = await t.login('station02');
});
afterAll(async () => t?.close());

describe('the Ma’an demo plan', () => {
  it('has a dozen tasks, some done, and exactly one overdue, owned by a station', async () => {
    const all = (await district.get('/api/plan/tasks?pageSize=50')).json();
    expect(all.total).toBe(12);
    expect(all.items.filter((i: { status: string }) => i.status === 'done').length).toBeGreaterThan(2);
    const overdue = (await admin.get('/api/plan/tasks?overdue=true')).json();
    expect(overdue.total).toBe(1);
    expect((await station02.get('/api/plan/tasks?overdue=true')).json().items.map((i: { id: string }) => i.id)).toEqual([overdue.items[0].id]);
  });

  it('has the plan’s three implementation steps and the latest version of each rules document', async () => {
    const steps = (await admin.get('/api/plan/milestones')).json();
    expect(steps.total).toBe(3);
    expect(steps.items[0].doneOn).not.toBeNull();
    const docs = (await admin.get('/api/plan/documents?pageSize=200')).json();
    // The institute's four, 金银's four, fifteen stations' four each, three stations' two; one station has none yet.
    expect(docs.total).toBe(74);
    expect(docs.items.find((d: { title: string }) => d.title === '新时代文明实践联席会议制度').version).toBe('2.0');
    const file = await admin.get(`/api/files/${docs.items[0].fileId}`);
    expect(file.statusCode).toBe(200);
  });
});
