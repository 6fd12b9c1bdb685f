import { Tooltip } from 'antd';
import { ASSIGNMENT_STATES, type AssignmentState } from '../../../shared/activity-plans';
import type { PlanAssignment } from '../../lib/queries/activity-plans';
import { ToneTag, type Tone } from '../components/tags';

export const STATE_TONES: Record<AssignmentState, Tone> = {
  pending: 'grey',
  accepted: 'blue',
  scheduled: 'gold',
  held: 'green',
  not_held: 'red',
};

/** An assignment's state as a tag; overdue in red; the reason or the activity on hover. */
export function StateTag({ a }: { a: PlanAssignment }) {
  const tip = a.reason ? `未开展原因：${a.reason}` : a.activity ? `活动：${a.activity.title}` : a.note ? `说明：${a.note}` : null;
  const tag = (
    <ToneTag tone={a.overdue ? 'red' : STATE_TONES[a.state]} wrap>
      {ASSIGNMENT_STATES[a.state]}
      {a.overdue ? '·逾期' : ''}
    </ToneTag>
  );
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}
