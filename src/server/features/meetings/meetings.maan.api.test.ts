import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';
import { tickMeetings } from './meetings.tick';

/** The Ma'an demo's meetings, and the district centre: it reads every meeting and resolution, and writes nothing. */
let t: TestApp;
let district: Agent;
let station01: Agent;
let station02: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  district = await t.login('district');
  station01 = await t.login('station01');
  station02 = await t.login('station02');
});
afterAll(async () => t?.close());

describe('the Ma’an demo meetings', () => {
  it('has a published joint meeting and a planned work meeting', async () => {
    const list = (await district.get('/api/meetings')).json();
    expect(list.total).toBe(2);
    expect(list.items.map((m: { kind: string; status: string }) => `${m.kind}:${m.status}`).sort()).toEqual(['joint:published', 'regular:planned']);
  });

  it('shows station01 its overdue resolution, and station02 none overdue', async () => {
    const overdue = (await station01.get('/api/resolutions?overdue=true')).json();
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({ overdue: true, status: 'in_progress', ownerUnitName: expect.stringContaining('金银') });
    expect((await station02.get('/api/resolutions?overdue=true')).json().total).toBe(0);
    expect((await station02.get(`/api/resolutions/${overdue.items[0].id}`)).statusCode).toBe(404);
    // The tick tells station01's admin once.
    expect(await tickMeetings(t.deps)).toEqual({ notified: 1 });
    expect(await tickMeetings(t.deps)).toEqual({ notified: 0 });
    const notes = (await station01.get('/api/notifications')).json().items;
    expect(notes.filter((n: { kind: string }) => n.kind === 'meetings.resolution_overdue')).toHaveLength(1);
  });

  it('lets the district viewer read everything and write nothing (403)', async () => {
    const meetings = (await district.get('/api/meetings')).json().items;
    const joint = meetings.find((m: { kind: string }) => m.kind === 'joint');
    const detail = (await district.get(`/api/meetings/${joint.id}`)).json();
    expect(detail).toMatchObject({ canWrite: false, status: 'published' });
    expect(detail.attendees.length).toBeGreaterThan(5);
    expect((await district.get('/api/resolutions')).json().total).toBe(3);
    const planned = meetings.find((m: { kind: string }) => m.kind === 'regular');
    for (const res of [
      await district.post('/api/meetings', {
        unitId: joint.unitId,
        title: '区里开会',
        kind: 'special',
        startsAt: '2030-01-01T01:00:00Z',
        place: '区里',
        agenda: ['议题'],
        attendees: [{ source: 'staff', refId: joint.unitId }],
      }),
      await district.patch(`/api/meetings/${planned.id}`, { place: '改地点' }),
      await district.post(`/api/meetings/${planned.id}/held`),
      await district.post(`/api/resolutions/${detail.resolutions[0].id}/follow-ups`, { note: '区里看看' }),
    ]) {
      expect(res.statusCode).toBe(403);
    }
    const pdf = await district.get(`/api/meetings/${joint.id}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});
