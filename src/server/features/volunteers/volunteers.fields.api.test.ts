import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ONLY_VOLUNTEER_FIELDS, VOLUNTEER_FIELD_RULES, type VolunteerField } from '../../../shared/rules/volunteer-fields';
import { type Staff, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let station: string;
let staff: Staff;
let vol: Volunteer;

/** A valid new value for every field of the edit form (the table's keys, so a new field needs one here). */
const SAMPLE: Record<VolunteerField, unknown> = {
  phone: '13955550001',
  category: '教师',
  politicalStatus: '群众',
  education: '本科',
  ethnicity: '汉族',
  email: 'me@example.cn',
  employment: '在职',
  residenceArea: '合肥市蜀山区',
  insuredUntil: '2027-12-31',
  skills: ['摄影'],
  serviceCategories: ['文化惠民'],
  availability: ['sun-pm'],
  emergencyContact: { name: '王芳', phone: '13955550002' },
};

beforeAll(async () => {
  w = await makeWorld();
  station = (await w.makeStation({ name: '字段规则实践站' })).id;
  staff = await w.stationAdmin(station);
  vol = await w.makeVolunteer({ stationId: station });
});
afterAll(async () => w?.close());

describe('who may change which field of a volunteer record (shared/rules/volunteer-fields.ts)', () => {
  it('names insurance cover as a staff-only field', () => {
    expect(STAFF_ONLY_VOLUNTEER_FIELDS).toContain('insuredUntil');
  });

  it.each(STAFF_ONLY_VOLUNTEER_FIELDS)('refuses %s from the person themself, with the field named, and changes nothing', async (field) => {
    const before = (await vol.agent.get(`/api/volunteers/${vol.id}`)).json();
    const res = await vol.agent.patch(`/api/volunteers/${vol.id}`, { [field]: SAMPLE[field] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('volunteer.field_staff_only');
    expect(res.json().message).toContain(VOLUNTEER_FIELD_RULES[field].label);
    // Mixed with a field the person may change: still refused as a whole, nothing half-written.
    const mixed = await vol.agent.patch(`/api/volunteers/${vol.id}`, { skills: ['插花'], [field]: SAMPLE[field] });
    expect(mixed.statusCode).toBe(403);
    expect((await vol.agent.get(`/api/volunteers/${vol.id}`)).json()).toEqual(before);
  });

  it.each(STAFF_ONLY_VOLUNTEER_FIELDS)('lets the station staff set %s', async (field) => {
    const res = await staff.agent.patch(`/api/volunteers/${vol.id}`, { [field]: SAMPLE[field] });
    expect(res.statusCode).toBe(200);
    expect(res.json()[field]).toEqual(SAMPLE[field]);
  });

  const selfFields = (Object.keys(VOLUNTEER_FIELD_RULES) as VolunteerField[]).filter((f) => VOLUNTEER_FIELD_RULES[f].editor === 'self_or_staff');
  it.each(selfFields)('lets the person change %s themself', async (field) => {
    const res = await vol.agent.patch(`/api/volunteers/${vol.id}`, { [field]: SAMPLE[field] });
    expect(res.statusCode).toBe(200);
  });
});
