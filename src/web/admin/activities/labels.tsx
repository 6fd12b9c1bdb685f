import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type ActivityStatus } from '../../../shared/activities';
import type { SignupView } from '../../lib/queries/activities';
import { type Tone, ToneTag } from '../components/tags';

export const STATUS_TONE: Record<ActivityStatus, Tone> = {
  draft: 'grey',
  submitted: 'gold',
  published: 'green',
  full: 'blue',
  in_progress: 'red',
  ended: 'grey',
  summarised: 'grey',
  rejected: 'red',
  cancelled: 'grey',
};

/** Solid colours for calendar chips (white text on them is ≥ 4.5:1). */
export const STATUS_COLOUR: Record<ActivityStatus, string> = {
  draft: '#5c6370',
  submitted: '#8a5300',
  published: '#237804',
  full: '#0b3d91',
  in_progress: '#c7000b',
  ended: '#3d434d',
  summarised: '#3d434d',
  rejected: '#a8071a',
  cancelled: '#6b7280',
};

export function StatusTag({ status }: { status: ActivityStatus }) {
  return <ToneTag tone={STATUS_TONE[status]}>{ACTIVITY_STATUSES[status]}</ToneTag>;
}

export function OverdueTag() {
  return <ToneTag tone="red">总结逾期</ToneTag>;
}

export function TypeTag({ type }: { type: keyof typeof ACTIVITY_TYPES }) {
  if (type === 'service') return null;
  return <ToneTag tone="grey">{ACTIVITY_TYPES[type].label}·不计时长</ToneTag>;
}

export const SIGNUP_STATUSES: Record<SignupView['status'], { label: string; tone: Tone }> = {
  pending: { label: '待审核', tone: 'gold' },
  confirmed: { label: '已报名', tone: 'green' },
  waitlisted: { label: '候补', tone: 'blue' },
  cancelled: { label: '已取消', tone: 'grey' },
  rejected: { label: '未通过', tone: 'red' },
  no_show: { label: '未到场', tone: 'red' },
};

export function SignupStatusTag({ signup }: { signup: Pick<SignupView, 'status' | 'waitlistPosition'> }) {
  const s = SIGNUP_STATUSES[signup.status];
  return (
    <ToneTag tone={s.tone}>
      {s.label}
      {signup.status === 'waitlisted' && signup.waitlistPosition ? ` 第 ${signup.waitlistPosition} 位` : ''}
    </ToneTag>
  );
}

export const CHECK_METHODS: Record<string, string> = { qr: '扫码', code: '签到码', staff: '代签', auto: '自动签退' };
export const CHECK_FLAGS: Record<string, string> = { auto_closed: '未签退，按结束时间自动签退', no_location: '未提供位置' };

export { ACTIVITY_STATUSES, ACTIVITY_TYPES };
