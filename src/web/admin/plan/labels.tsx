import { Tag } from 'antd';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/rules/plan-flow';

const COLORS: Record<TaskStatus, string> = { not_started: 'default', in_progress: 'processing', done: 'success' };

export const TASK_STATUS_OPTIONS = (Object.keys(TASK_STATUSES) as TaskStatus[]).map((s) => ({ value: s, label: TASK_STATUSES[s] }));

export function TaskStatusTag({ status, overdue }: { status: TaskStatus; overdue: boolean }) {
  return (
    <>
      <Tag color={COLORS[status]}>{TASK_STATUSES[status]}</Tag>
      {overdue ? <Tag color="error">已逾期</Tag> : null}
    </>
  );
}
