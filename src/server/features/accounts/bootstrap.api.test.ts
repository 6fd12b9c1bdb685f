import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapProduction } from '../../db/seed/maan';
import { totpCode } from '../../platform/totp';
import { type TestApp, makeTestApp } from '../../../../test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t?.close());

describe('a production database', () => {
  it('starts with one institute admin and no demo data; the one-time password must be changed first, then 2FA set up', async () => {
    const first = await bootstrapProduction(t.deps.db, new Date(), '某某街道新时代文明实践所');
    expect(first?.username).toBe('admin');
    expect(await bootstrapProduction(t.deps.db, new Date(), 'x')).toBeNull();
    const counts = await t.deps.db
      .selectFrom('volunteers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(0);
    const admin = await t.login('admin', first?.password);
    expect((await admin.get('/api/org/units')).json().code).toBe('auth.password_change_required');
    expect((await admin.post('/api/auth/password', { currentPassword: first?.password, newPassword: 'Moumou#Street2026' })).statusCode).toBe(200);
    const again = await t.login('admin', 'Moumou#Street2026');
    // Production keeps the rule's default: an institute admin sets up two-factor login before anything else.
    expect((await again.get('/api/org/units')).json().code).toBe('auth.totp_enrolment_required');
    const { secret } = (await again.post('/api/auth/totp/setup')).json();
    expect((await again.post('/api/auth/totp/enable', { code: totpCode(secret, new Date()) })).statusCode).toBe(200);
    const units = (await again.get('/api/org/units')).json().items;
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ kind: 'institute', name: '某某街道新时代文明实践所' });
    // The one-time password is in the history: the admin cannot change back to it.
    const back = await again.post('/api/auth/password', { currentPassword: 'Moumou#Street2026', newPassword: first?.password });
    expect([back.statusCode, back.json().code]).toEqual([422, 'password.reused']);
  });
});
