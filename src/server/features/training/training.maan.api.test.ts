import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';
import { chinaDay } from '../../../shared/china-time';

/** The Ma'an demo's trainings: the district reads them and the coverage, with some stations red. */
let t: TestApp;
let district: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  district = await t.login('district');
});
afterAll(async () => t?.close());

describe('the Ma’an demo trainings', () => {
  it('has two held trainings and one planned, and coverage with units where nobody was trained', async () => {
    const list = (await district.get('/api/training/sessions')).json();
    expect(list.total).toBe(3);
    expect(list.items.map((s: { status: string }) => s.status).sort()).toEqual(['held', 'held', 'planned']);
    const held = list.items.find((s: { status: string }) => s.status === 'held');
    const year = chinaDay(held.startsAt).slice(0, 4);
    const cov = (await district.get(`/api/training/coverage?year=${year}&pageSize=50`)).json();
    expect(cov.total).toBe(21);
    const red = cov.items.filter((r: { nobodyTrained: boolean }) => r.nobodyTrained);
    expect(red.length).toBe(12);
    expect(cov.items.find((r: { unitKind: string }) => r.unitKind === 'institute')).toMatchObject({ nobodyTrained: false });
  });
});
