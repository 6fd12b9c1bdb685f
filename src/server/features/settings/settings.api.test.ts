import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, makeTestApp } from '../../../../test/support/app';

let t: TestApp;
let instituteId: string;

beforeAll(async () => {
  t = await makeTestApp();
  instituteId = await t.unitId('马鞍街道新时代文明实践所');
});
afterAll(async () => t?.close());

describe('rules', () => {
  it('shows the plan numbers with label and source, all at their defaults', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/settings');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ unitId: instituteId, canEdit: true });
    const byKey = Object.fromEntries(view.rules.map((r: { key: string }) => [r.key, r]));
    expect(byKey['activities.minPerStationPerMonth']).toMatchObject({ value: 1, isDefault: true, source: expect.stringContaining('二、（二）6') });
    expect(byKey['staffing.institute'].value).toEqual({ min: 2, max: 3 });
    expect(byKey['stars.thresholds'].value).toEqual([100, 300, 600, 1000, 1500]);
    expect(byKey['points.perApprovedHour'].value).toBe(1);
    expect(byKey['hours.recordDeadlineWorkingDays'].value).toBe(10);
    expect(byKey['calendar.holidays'].value).toContain('2026-10-01');
  });

  it('lets the institute admin change a rule, audited, and features read the new value', async () => {
    const admin = await t.login('admin');
    const res = await admin.put(`/api/settings/${instituteId}/rules/staffing.station`, { value: { min: 2, max: 3 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ value: { min: 2, max: 3 }, isDefault: false, updatedBy: '李文彬' });
    const staffing = (await admin.get('/api/org/staffing')).json().items;
    expect(staffing.filter((s: { kind: string; status: string }) => s.kind === 'station' && s.status === 'short')).toHaveLength(20);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.rule_updated').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes ?? '{}')['staffing.station']).toEqual({ before: { min: 1, max: 1 }, after: { min: 2, max: 3 } });
    const reset = await admin.delete(`/api/settings/${instituteId}/rules/staffing.station`);
    expect(reset.json()).toMatchObject({ value: { min: 1, max: 1 }, isDefault: true });
  });

  it('refuses bad values with 422 and keeps the old value', async () => {
    const admin = await t.login('admin');
    const bad = await admin.put(`/api/settings/${instituteId}/rules/stars.thresholds`, { value: [100, 300, 200, 1000, 1500] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('settings.bad_value');
    expect(bad.json().message).toContain('逐级递增');
    const range = await admin.put(`/api/settings/${instituteId}/rules/staffing.institute`, { value: { min: 4, max: 2 } });
    expect(range.statusCode).toBe(422);
    const wrongType = await admin.put(`/api/settings/${instituteId}/rules/points.perApprovedHour`, { value: '1' });
    expect(wrongType.statusCode).toBe(422);
    const unknown = await admin.put(`/api/settings/${instituteId}/rules/no.such.rule`, { value: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('settings.unknown_rule');
    const view = (await admin.get('/api/settings')).json();
    expect(view.rules.find((r: { key: string }) => r.key === 'stars.thresholds').value).toEqual([100, 300, 600, 1000, 1500]);
  });

  it('lets a station admin read its institute rules but not change them', async () => {
    const s = await t.login('station09');
    const view = (await s.get('/api/settings')).json();
    expect(view).toMatchObject({ unitId: instituteId, canEdit: false });
    expect((await s.put(`/api/settings/${instituteId}/rules/points.perApprovedHour`, { value: 2 })).statusCode).toBe(403);
  });

  it('refuses volunteers and residents outright', async () => {
    const v = await t.login('volunteer01');
    expect((await v.get('/api/settings')).statusCode).toBe(403);
    expect((await v.get('/api/org/units')).statusCode).toBe(403);
  });
});
