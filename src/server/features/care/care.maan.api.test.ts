import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/support/app';
import { sealPlainCareData } from './care.sealing';

/** The Ma'an demo writes its care recipients sealed, as the app does (issue 12). */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
});
afterAll(async () => t?.close());

describe('the Ma’an demo care recipients', () => {
  it('hold no clear phone, address or needs at rest; station01 reads them in full, the admin masked in the list', async () => {
    const rows = await t.deps.db.selectFrom('care_recipients').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ phone: null, address: null, needs: null, guardian_phone: null });
      expect(r.address_enc).toEqual(expect.any(String));
      expect(JSON.stringify(r)).not.toContain('演示地址');
    }
    expect(await sealPlainCareData(t.deps)).toBe(0);
    const station = (await (await t.login('station01')).get('/api/care-recipients?pageSize=100')).json().items;
    expect(station.length).toBeGreaterThan(0);
    expect(station[0]).toMatchObject({ masked: false, address: expect.stringContaining('演示地址') });
    const admin = (await (await t.login('admin')).get('/api/care-recipients?pageSize=100')).json().items;
    expect(admin[0]).toMatchObject({ masked: true, address: null, needs: null });
  });
});
