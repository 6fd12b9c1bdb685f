import type { AssignmentState, AssignmentStatus } from '../activity-plans';

/**
 * How a station answers an item of the institute's activity plan. Stored: 待承接 pending → 已承接
 * accepted → linked (an activity of the station carries it out) | 未开展 not_held (with a reason).
 * Read: a linked item is 已开展 only once its activity has been held (ended or summarised); before
 * that it is 已安排活动. Held is never typed in.
 */
export const HELD_ACTIVITY_STATUSES: readonly string[] = ['ended', 'summarised'];
/** A linked activity that will not take place: the station may link another one. */
export const DROPPED_ACTIVITY_STATUSES: readonly string[] = ['cancelled', 'rejected'];

export type Answer = 'accept' | 'link' | 'not_held';

export function assignmentState(status: AssignmentStatus, activityStatus: string | null): AssignmentState {
  if (status === 'linked') return activityStatus && HELD_ACTIVITY_STATUSES.includes(activityStatus) ? 'held' : 'scheduled';
  return status;
}

/** Whether the answer may be given now; a wrong state is a conflict (409), never a silent no-op. */
export function canAnswer(answer: Answer, status: AssignmentStatus, activityStatus: string | null): boolean {
  const state = assignmentState(status, activityStatus);
  switch (answer) {
    case 'accept':
      return status === 'pending';
    case 'link':
      return status === 'pending' || status === 'accepted' || (status === 'linked' && !!activityStatus && DROPPED_ACTIVITY_STATUSES.includes(activityStatus));
    case 'not_held':
      return state === 'pending' || state === 'accepted' || state === 'scheduled';
  }
}

/** The period has ended (before `today`, China days) and the item was neither held nor explained. */
export function isOverdue(state: AssignmentState, periodEnd: string, today: string): boolean {
  return periodEnd < today && state !== 'held' && state !== 'not_held';
}

/** Whether a suggested date (`YYYY-MM` or `YYYY-MM-DD`) falls within the plan's period. */
export function withinPeriod(suggested: string, periodStart: string, periodEnd: string): boolean {
  if (suggested.length === 10) return suggested >= periodStart && suggested <= periodEnd;
  return `${suggested}-31` >= periodStart && `${suggested}-01` <= periodEnd;
}
