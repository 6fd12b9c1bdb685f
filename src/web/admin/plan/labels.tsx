import { TASK_STATUSES, type TaskStatus } from '../../../shared/rules/plan-flow';
import { type Tone, ToneTag } from '../components/tags';

const TONES: Record<TaskStatus, Tone> = { not_started: 'grey', in_progress: 'blue', done: 'green' };

export const TASK_STATUS_OPTIONS = (Object.keys(TASK_STATUSES) as TaskStatus[]).map((s) => ({ value: s, label: TASK_STATUSES[s] }));

export function TaskStatusTag({ status, overdue }: { status: TaskStatus; overdue: boolean }) {
  return (
    <>
      <ToneTag tone={TONES[status]}>{TASK_STATUSES[status]}</ToneTag>
      {overdue ? <ToneTag tone="red">已逾期</ToneTag> : null}
    </>
  );
}
