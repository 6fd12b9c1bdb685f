import { chinaDay } from '../china-time';

/**
 * The one "overdue" of the platform (议定事项, 任务分解表 tasks): the deadline, a China calendar day
 * (YYYY-MM-DD), has passed in China time — the whole deadline day still counts as in time — and the
 * item is not closed. The SQL filters and the overdue ticks say the same: `deadline < chinaDay(now)`.
 */
export function isPastDeadline(item: { deadline: string; closed: boolean }, now: Date): boolean {
  return !item.closed && chinaDay(now) > item.deadline;
}
