import { activityState, placeText } from '../../lib/activity-state';
import type { ActivityView } from '../../lib/queries/activities';
import a from './activities.module.css';

/** Shared bits of the phone activity pages. No antd, no zod: type imports only. */

export function ClockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 7v5l3.5 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function PinIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M12 22s7-6.2 7-12a7 7 0 1 0-14 0c0 5.8 7 12 7 12zm0-9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z" fill="currentColor" />
    </svg>
  );
}

export function placeOf(x: ActivityView): string {
  return placeText(x);
}

export function seatsLeft(x: ActivityView): number {
  return x.positions.reduce((s, p) => s + Math.max(0, p.headcount - p.taken), 0);
}

/** One sentence about where the activity stands, for the person deciding whether to sign up. */
export function stateText(x: ActivityView, now = Date.now()): { text: string; tone: 'open' | 'full' | 'closed' } {
  return activityState(x, seatsLeft(x), now);
}

/** 已报名 / 待审核 / 候补第 N 位: what the person has done about this activity. */
export function MySignupBadge({ signup }: { signup: ActivityView['mySignup'] }) {
  if (!signup) return null;
  switch (signup.status) {
    case 'confirmed':
      return <span className={`${a.badge} ${a.badgeGreen}`}>已报名</span>;
    case 'pending':
      return <span className={`${a.badge} ${a.badgeGold}`}>已报名·待审核</span>;
    case 'waitlisted':
      return <span className={`${a.badge} ${a.badgeBlue}`}>候补{signup.waitlistPosition ? `第 ${signup.waitlistPosition} 位` : ''}</span>;
    case 'rejected':
      return <span className={`${a.badge} ${a.badgeRed}`}>报名未通过</span>;
    case 'no_show':
      return <span className={`${a.badge} ${a.badgeGrey}`}>未到场</span>;
    default:
      return null;
  }
}
