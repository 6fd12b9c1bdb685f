import { describe, expect, it } from 'vitest';
import { RULE_KEYS, RULES, type RuleValues } from '../../../shared/settings';
import type { Actor } from '../../platform/deps';
import { type ActivityViewData, presentActivity, presentSignups, type SignupRow } from './activities.presenter';
import type { ActivityRow } from './activities.queries';

const rules = Object.fromEntries(RULE_KEYS.map((k) => [k, RULES[k].default])) as unknown as RuleValues;
const actor: Actor = { accountId: 'acc-1', personId: 'p-1', username: 'u', displayName: 'U', grants: [], isStaff: false, sessionId: 's' };

const row: ActivityRow = {
  id: 'a-1',
  unit_id: 'st-1',
  unit_name: '一站',
  series_id: null,
  programme_id: null,
  programme_name: null,
  type: 'service',
  title: '清扫',
  content: null,
  venue_id: null,
  venue_name: null,
  room_id: null,
  room_name: null,
  address: null,
  lng: null,
  lat: null,
  geofence_m: null,
  starts_at: '2026-05-01T01:00:00.000Z',
  ends_at: '2026-05-01T03:00:00.000Z',
  credit_minutes: 120,
  min_age: null,
  max_age: null,
  required_skills: '[]',
  insurance_required: 0,
  signup_opens_at: null,
  signup_closes_at: null,
  cancel_cutoff_at: null,
  needs_approval: 0,
  waitlist: 1,
  contact_name: null,
  contact_phone: null,
  status: 'full',
  status_reason: null,
  checkin_code: '000000',
  created_by: 'acc-2',
  reminded_at: null,
  hours_written_at: null,
  created_at: '',
  updated_at: '',
  summarised_at: null,
};

function data(over: Partial<ActivityViewData> = {}): ActivityViewData {
  return {
    actor,
    manageable: new Set(),
    today: '2026-04-30',
    positions: [{ id: 'pos-1', activity_id: 'a-1', name: '志愿者', headcount: 2, taken: 2, sort: 0, waitlisted: 3 }],
    mySignups: [],
    waitlistPlaces: new Map(),
    rulesByUnit: new Map([['st-1', rules]]),
    ...over,
  };
}

const signup = (id: string, status: 'waitlisted' | 'confirmed' | 'cancelled', seq: number | null) => ({
  id,
  activity_id: 'a-1',
  volunteer_id: 'v-1',
  position_id: 'pos-1',
  status,
  waitlist_seq: seq,
  channel: 'self' as const,
  by_account: null,
  reason: null,
  reminded_at: null,
  created_at: '',
  updated_at: '',
});

describe('presentActivity', () => {
  it('shows the caller their place on the waitlist from the preloaded places', () => {
    const view = presentActivity(row, data({ mySignups: [signup('s-1', 'waitlisted', 7)], waitlistPlaces: new Map([['s-1', 2]]) }));
    expect(view.mySignup).toEqual({ id: 's-1', status: 'waitlisted', positionId: 'pos-1', waitlistPosition: 2 });
    expect(view.positions[0]).toEqual({ id: 'pos-1', name: '志愿者', headcount: 2, taken: 2, waitlisted: 3 });
  });

  it('ignores a cancelled sign-up and offers nothing to someone who cannot manage it', () => {
    const view = presentActivity(row, data({ mySignups: [signup('s-1', 'cancelled', null)] }));
    expect(view.mySignup).toBeNull();
    expect(view).toMatchObject({ canManage: false, allowedActions: [] });
  });

  it('lets a leader keep their own draft but not publish it; the unit staff may', () => {
    const draft = { ...row, status: 'draft' as const, created_by: actor.accountId };
    expect(presentActivity(draft, data()).allowedActions.sort()).toEqual(['cancel', 'submit']);
    expect(presentActivity(draft, data({ manageable: new Set(['st-1']) })).allowedActions.sort()).toEqual(['cancel', 'publish', 'submit']);
  });
});

describe('presentSignups', () => {
  it('gives waitlisted sign-ups their place in the queue, and masks phones', () => {
    const base = { person_id: 'p', name: '张三', phone: '13800001234', birth_date: '2000-05-02', volunteer_no: null, position_name: '岗位', checkins: [] };
    const rows = [
      { ...signup('s-1', 'confirmed', null), ...base },
      { ...signup('s-2', 'waitlisted', 1), ...base },
      { ...signup('s-3', 'waitlisted', 2), ...base, position_id: 'pos-2' },
      { ...signup('s-4', 'waitlisted', 3), ...base },
    ] as SignupRow[];
    const places = new Map([
      ['s-2', 1],
      ['s-3', 1],
      ['s-4', 2],
      ['s-1', 9],
    ]);
    const views = presentSignups('a-1', row.starts_at, rows, [], places);
    expect(views.map((v) => v.waitlistPosition)).toEqual([null, 1, 1, 2]);
    expect(views[0]).toMatchObject({ age: 25, phoneMasked: expect.not.stringContaining('0000') });
  });
});
