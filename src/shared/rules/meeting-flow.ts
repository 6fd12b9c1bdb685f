import { isPastDeadline } from './overdue';

/**
 * Joint meetings (工作方案 五、(一) 联席会议) and what they decide, shared by the server and the UI.
 * A meeting is planned → held → minutes published. A resolution (议定事项) is open → in progress →
 * done, or cancelled with a reason; done and cancelled are final.
 */
/** Labels without zod, so the light mobile pages can use them. */
export const MEETING_KINDS = { joint: '联席会议', regular: '工作例会', special: '专题会议' } as const;
export const ATTENDANCE_STATUSES = { pending: '未签到', present: '已签到', absent: '缺席' } as const;

export const MEETING_STATUSES = { planned: '计划召开', held: '已召开', published: '纪要已发布' } as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;

const MEETING_NEXT: Record<MeetingStatus, MeetingStatus | null> = { planned: 'held', held: 'published', published: null };

/** The one step a meeting may take from `status`, or null at the end. */
export function nextMeetingStatus(status: MeetingStatus): MeetingStatus | null {
  return MEETING_NEXT[status];
}

export const RESOLUTION_STATUSES = { open: '未开始', in_progress: '推进中', done: '已完成', cancelled: '已取消' } as const;
export type ResolutionStatus = keyof typeof RESOLUTION_STATUSES;

const RESOLUTION_MOVES: Record<ResolutionStatus, readonly ResolutionStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: [],
  cancelled: [],
};

/** Whether a resolution may move from `from` to `to` (staying put is not a move). */
export function canMoveResolution(from: ResolutionStatus, to: ResolutionStatus): boolean {
  return RESOLUTION_MOVES[from].includes(to);
}

/** Where a resolution may go from `from`. */
export function resolutionMoves(from: ResolutionStatus): readonly ResolutionStatus[] {
  return RESOLUTION_MOVES[from];
}

export function isClosedResolution(status: ResolutionStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

/** Overdue (shared/rules/overdue.ts): the deadline day has passed in China time and the resolution is neither done nor cancelled. */
export function isOverdue(r: { deadline: string; status: ResolutionStatus }, now: Date): boolean {
  return isPastDeadline({ deadline: r.deadline, closed: isClosedResolution(r.status) }, now);
}
