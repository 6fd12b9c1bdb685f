import { describe, expect, it } from 'vitest';
import { canMoveResolution, isOverdue, nextMeetingStatus, resolutionMoves } from './meeting-flow';

describe('meeting status', () => {
  it('goes planned → held → published and stops', () => {
    expect(nextMeetingStatus('planned')).toBe('held');
    expect(nextMeetingStatus('held')).toBe('published');
    expect(nextMeetingStatus('published')).toBeNull();
  });
});

describe('resolution status', () => {
  it('moves forward, may step back from in progress, and ends at done or cancelled', () => {
    expect(canMoveResolution('open', 'in_progress')).toBe(true);
    expect(canMoveResolution('open', 'done')).toBe(true);
    expect(canMoveResolution('in_progress', 'open')).toBe(true);
    expect(canMoveResolution('in_progress', 'cancelled')).toBe(true);
    expect(canMoveResolution('open', 'open')).toBe(false);
    expect(canMoveResolution('done', 'open')).toBe(false);
    expect(canMoveResolution('cancelled', 'in_progress')).toBe(false);
    expect(resolutionMoves('done')).toEqual([]);
  });
});

describe('overdue', () => {
  const deadline = '2026-12-01';
  it('is not overdue during the whole deadline day in China', () => {
    // 2026-12-01 23:59 in Beijing is 15:59 UTC.
    expect(isOverdue({ deadline, status: 'open' }, new Date('2026-12-01T15:59:00Z'))).toBe(false);
  });
  it('is overdue from midnight China time after the deadline, even when UTC is still on the deadline day', () => {
    expect(isOverdue({ deadline, status: 'open' }, new Date('2026-12-01T16:00:00Z'))).toBe(true);
    expect(isOverdue({ deadline, status: 'in_progress' }, new Date('2027-01-05T00:00:00Z'))).toBe(true);
  });
  it('is never overdue once done or cancelled', () => {
    expect(isOverdue({ deadline, status: 'done' }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
    expect(isOverdue({ deadline, status: 'cancelled' }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
  });
});
