import { MEETING_KINDS, MEETING_STATUSES, RESOLUTION_STATUSES, type MeetingStatus, type ResolutionStatus } from '../../../shared/rules/meeting-flow';
import { type Tone, ToneTag } from '../components/tags';

const MEETING_TONES: Record<MeetingStatus, Tone> = { planned: 'blue', held: 'gold', published: 'green' };
const RESOLUTION_TONES: Record<ResolutionStatus, Tone> = { open: 'blue', in_progress: 'gold', done: 'green', cancelled: 'grey' };

export const KIND_OPTIONS = (Object.keys(MEETING_KINDS) as (keyof typeof MEETING_KINDS)[]).map((k) => ({ value: k, label: MEETING_KINDS[k] }));
export const RESOLUTION_STATUS_OPTIONS = (Object.keys(RESOLUTION_STATUSES) as ResolutionStatus[]).map((s) => ({ value: s, label: RESOLUTION_STATUSES[s] }));

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <ToneTag tone={MEETING_TONES[status]}>{MEETING_STATUSES[status]}</ToneTag>;
}

export function ResolutionStatusTag({ status, overdue }: { status: ResolutionStatus; overdue?: boolean }) {
  return (
    <>
      <ToneTag tone={RESOLUTION_TONES[status]}>{RESOLUTION_STATUSES[status]}</ToneTag>
      {overdue ? <ToneTag tone="red">已逾期</ToneTag> : null}
    </>
  );
}
