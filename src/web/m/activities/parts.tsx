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
  const venue = [x.venueName, x.roomName].filter(Boolean).join(' · ');
  return venue && x.address ? `${venue}（${x.address}）` : venue || x.address || '地点待通知';
}

export function seatsLeft(x: ActivityView): number {
  return x.positions.reduce((s, p) => s + Math.max(0, p.headcount - p.taken), 0);
}

const OVER = ['ended', 'summarised'];

/** One sentence about where the activity stands, for the person deciding whether to sign up. */
export function stateText(x: ActivityView, now = Date.now()): { text: string; tone: 'open' | 'full' | 'closed' } {
  if (x.status === 'cancelled') return { text: '活动已取消', tone: 'closed' };
  if (OVER.includes(x.status) || Date.parse(x.endsAt) < now) return { text: '活动已结束', tone: 'closed' };
  if (x.status === 'in_progress' || Date.parse(x.startsAt) <= now) return { text: '活动进行中', tone: 'closed' };
  if (x.signupOpensAt && Date.parse(x.signupOpensAt) > now) return { text: '尚未开始报名', tone: 'closed' };
  if (Date.parse(x.signupClosesAt ?? x.startsAt) <= now) return { text: '报名已截止', tone: 'closed' };
  const left = seatsLeft(x);
  if (x.status === 'full' || left === 0) return { text: x.waitlist ? '名额已满，可报名候补' : '名额已满', tone: 'full' };
  return { text: `还剩 ${left} 个名额`, tone: 'open' };
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
