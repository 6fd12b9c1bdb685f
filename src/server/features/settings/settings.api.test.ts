import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../test/support/app';
import { type Unit, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let instituteId: string;
let station: Unit;

beforeAll(async () => {
  w = await makeWorld();
  instituteId = w.instituteId;
  station = await w.makeStation();
});
afterAll(async () => w?.close());

describe('rules', () => {
  it('shows the plan numbers with label and source, all at their defaults', async () => {
    const admin: Agent = w.admin.agent;
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
    const admin: Agent = w.admin.agent;
    expect((await admin.post(`/api/org/units/${station.id}/posts`, { post: 'staff', holderName: '张干事' })).statusCode).toBe(201);
    const before = (await admin.get('/api/org/staffing')).json().items.find((s: { unitId: string }) => s.unitId === station.id);
    expect(before).toMatchObject({ required: { min: 1, max: 1 }, actual: 1, status: 'ok' });
    const res = await admin.put(`/api/settings/${instituteId}/rules/staffing.station`, { value: { min: 2, max: 3 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ value: { min: 2, max: 3 }, isDefault: false, updatedBy: w.admin.name });
    const staffing = (await admin.get('/api/org/staffing')).json().items;
    expect(staffing.find((s: { unitId: string }) => s.unitId === station.id)).toMatchObject({ required: { min: 2, max: 3 }, actual: 1, status: 'short' });
    const audit = (await admin.get('/api/audit?action=settings.rule_updated')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].changes['staffing.station']).toEqual({ before: { min: 1, max: 1 }, after: { min: 2, max: 3 } });
    const reset = await admin.delete(`/api/settings/${instituteId}/rules/staffing.station`);
    expect(reset.json()).toMatchObject({ value: { min: 1, max: 1 }, isDefault: true });
  });

  it('refuses bad values with 422 and keeps the old value', async () => {
    const admin: Agent = w.admin.agent;
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
    const s = (await w.stationAdmin(station.id)).agent;
    const view = (await s.get('/api/settings')).json();
    expect(view).toMatchObject({ unitId: instituteId, canEdit: false });
    expect((await s.put(`/api/settings/${instituteId}/rules/points.perApprovedHour`, { value: 2 })).statusCode).toBe(403);
  });

  it('refuses volunteers and residents outright', async () => {
    const v = (await w.makeVolunteer()).agent;
    expect((await v.get('/api/settings')).statusCode).toBe(403);
    expect((await v.get('/api/org/units')).statusCode).toBe(403);
    const r = (await w.makeResident()).agent;
    expect((await r.get('/api/settings')).statusCode).toBe(403);
  });
});
