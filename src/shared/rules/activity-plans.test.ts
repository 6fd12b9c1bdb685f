import { describe, expect, it } from 'vitest';
import { assignmentState, canAnswer, isOverdue, withinPeriod } from './activity-plans';

describe('an assignment of the activity plan', () => {
  it('reads as held only once its linked activity has ended or been summarised', () => {
    expect(assignmentState('linked', 'published')).toBe('scheduled');
    expect(assignmentState('linked', 'in_progress')).toBe('scheduled');
    expect(assignmentState('linked', 'ended')).toBe('held');
    expect(assignmentState('linked', 'summarised')).toBe('held');
    expect(assignmentState('linked', null)).toBe('scheduled');
    expect(assignmentState('pending', 'ended')).toBe('pending');
    expect(assignmentState('not_held', null)).toBe('not_held');
  });

  it('is accepted once, linked from pending or accepted, and marked not held until it was held', () => {
    expect(canAnswer('accept', 'pending', null)).toBe(true);
    expect(canAnswer('accept', 'accepted', null)).toBe(false);
    expect(canAnswer('link', 'pending', null)).toBe(true);
    expect(canAnswer('link', 'accepted', null)).toBe(true);
    expect(canAnswer('link', 'linked', 'published')).toBe(false);
    expect(canAnswer('link', 'linked', 'cancelled')).toBe(true);
    expect(canAnswer('link', 'not_held', null)).toBe(false);
    expect(canAnswer('not_held', 'linked', 'published')).toBe(true);
    expect(canAnswer('not_held', 'linked', 'ended')).toBe(false);
    expect(canAnswer('not_held', 'not_held', null)).toBe(false);
  });

  it('is overdue after the period when neither held nor explained', () => {
    expect(isOverdue('accepted', '2026-10-31', '2026-11-01')).toBe(true);
    expect(isOverdue('scheduled', '2026-10-31', '2026-11-01')).toBe(true);
    expect(isOverdue('accepted', '2026-10-31', '2026-10-31')).toBe(false);
    expect(isOverdue('held', '2026-10-31', '2026-12-01')).toBe(false);
    expect(isOverdue('not_held', '2026-10-31', '2026-12-01')).toBe(false);
  });

  it('takes a suggested month or day only within the period', () => {
    expect(withinPeriod('2026-10', '2026-10-01', '2026-12-31')).toBe(true);
    expect(withinPeriod('2026-09', '2026-10-01', '2026-12-31')).toBe(false);
    expect(withinPeriod('2026-12-31', '2026-10-01', '2026-12-31')).toBe(true);
    expect(withinPeriod('2027-01-01', '2026-10-01', '2026-12-31')).toBe(false);
  });
});
