import { isPastDeadline } from './overdue';

/**
 * The plan's task table (附件2 任务分解表), shared by the server and the UI. A task is not started →
 * in progress → done; done is final. Progress notes are append-only and may move the status.
 */
export const TASK_STATUSES = { not_started: '未开始', in_progress: '推进中', done: '已完成' } as const;
export type TaskStatus = keyof typeof TASK_STATUSES;

const TASK_MOVES: Record<TaskStatus, readonly TaskStatus[]> = {
  not_started: ['in_progress', 'done'],
  in_progress: ['not_started', 'done'],
  done: [],
};

/** Whether a task may move from `from` to `to` (staying put is not a move). */
export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_MOVES[from].includes(to);
}

/** Where a task may go from `from`. */
export function taskMoves(from: TaskStatus): readonly TaskStatus[] {
  return TASK_MOVES[from];
}

/** Overdue (shared/rules/overdue.ts): the deadline day has passed in China time and the task is not done. */
export function isTaskOverdue(t: { deadline: string; status: TaskStatus }, now: Date): boolean {
  return isPastDeadline({ deadline: t.deadline, closed: t.status === 'done' }, now);
}

/** 制度 kinds (工作方案 二、(二)5 有规范制度). */
export const DOCUMENT_TYPES = { leadership: '组织领导', joint_meeting: '联席会议', activities: '活动开展', team: '队伍建设', other: '其他' } as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
