import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type World, makeFundEntry, makeWorld } from '../../../../test/support/factories';

// 2026-12-01 01:00 in China, still 2026-11-30 in UTC.
const clock = manualClock(new Date('2026-11-30T17:00:00Z'));
let w: World;

beforeAll(async () => {
  w = await makeWorld({ clock });
});
afterAll(async () => w?.close());

const post = (spentOn: string) =>
  w.admin.agent.post('/api/funds/entries', {
    spentOn,
    unitId: w.instituteId,
    kind: 'operation',
    source: 'fiscal',
    amountFen: 100_00,
    purpose: '购买活动物资',
    payee: '马鞍街道便民超市',
    receiptFileIds: [],
  });

describe('the spending date', () => {
  it('may be today in China (though UTC is still yesterday) or earlier', async () => {
    expect((await post('2026-12-01')).statusCode).toBe(201);
    expect((await makeFundEntry(w, { spentOn: '2026-11-30' })).spentOn).toBe('2026-11-30');
  });

  it('may not be after today: 422 funds.future_date on the field, nothing written', async () => {
    const before = (await w.admin.agent.get('/api/funds/entries?year=2026')).json().total;
    const res = await post('2026-12-02');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'funds.future_date', message: '支出日期不能晚于今天' });
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'body.spentOn' })]);
    expect((await post('2027-01-01')).json().code).toBe('funds.future_date');
    expect((await w.admin.agent.get('/api/funds/entries?year=2026')).json().total).toBe(before);
  });

  it('moves with the clock: tomorrow’s date is taken once tomorrow comes', async () => {
    await w.advance(24 * 3600_000);
    expect((await post('2026-12-02')).statusCode).toBe(201);
  });
});
