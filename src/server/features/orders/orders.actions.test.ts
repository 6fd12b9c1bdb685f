import { describe, expect, it } from 'vitest';
import { ORDER_ACTION_KEYS } from '../../../shared/rules/order-flow';
import { STEPS } from './orders.actions';
import { actionsFor } from './orders.presenter';
import type { Roles } from './orders.roles';

const nobody: Roles = { declined: false, staff: false, requester: false, volunteerId: null, assigned: false, eligible: false };
const as = (r: Partial<Roles>): Roles => ({ ...nobody, ...r });

describe('the order action table', () => {
  it('has one step for every action of the state machine, and no other', () => {
    expect(Object.keys(STEPS).sort()).toEqual([...ORDER_ACTION_KEYS].sort());
  });

  it('lets only a volunteer the order was offered to take or decline it', () => {
    expect(STEPS.accept.actor(as({ eligible: true, volunteerId: 'v' }))).toBe('volunteer');
    expect(STEPS.decline.actor(as({ eligible: true, volunteerId: 'v' }))).toBe('volunteer');
    expect(STEPS.accept.actor(as({ staff: true }))).toBeNull();
  });

  it('has the volunteer doing the work act as volunteer, and staff step in for them', () => {
    for (const a of ['start', 'note', 'complete'] as const) {
      expect(STEPS[a].actor(as({ assigned: true, staff: true }))).toBe('volunteer');
      expect(STEPS[a].actor(as({ staff: true }))).toBe('staff');
      expect(STEPS[a].actor(as({ requester: true }))).toBeNull();
    }
  });

  it('never lets the volunteer rate their own work; the requester rates, or staff for them', () => {
    expect(STEPS.rate.actor(as({ assigned: true, staff: true }))).toBeNull();
    expect(STEPS.rate.actor(as({ requester: true, staff: true }))).toBe('requester');
    expect(STEPS.rate.actor(as({ staff: true }))).toBe('staff');
  });

  it('keeps reviewing, dispatching, rejecting and closing with staff', () => {
    for (const a of ['review', 'reject', 'dispatch', 'redispatch', 'close', 'escalate'] as const) {
      expect(STEPS[a].actor(as({ staff: true }))).toBe('staff');
      expect(STEPS[a].actor(as({ requester: true, eligible: true, assigned: true }))).toBeNull();
    }
    expect(STEPS.cancel.actor(as({ requester: true }))).toBe('requester');
  });
});

describe('what a caller is offered', () => {
  it('offers an eligible volunteer only accepting or declining', () => {
    expect(actionsFor('dispatched', as({ eligible: true })).sort()).toEqual(['accept', 'decline']);
  });

  it('offers the assigned volunteer the work but not the rating', () => {
    expect(actionsFor('in_service', as({ assigned: true })).sort()).toEqual(['complete', 'note']);
    expect(actionsFor('completed', as({ assigned: true, staff: true }))).not.toContain('rate');
  });
});
