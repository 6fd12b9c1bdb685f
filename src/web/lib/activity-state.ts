/**
 * Where an activity stands for a person deciding whether to sign up, in one sentence. Shared by the
 * phone pages (over `ActivityView`) and the public calendar (over the public view): both give the
 * times, the status and the places left. Pure and zod-free.
 */
export interface ActivityStateFields {
  status: string;
  startsAt: string;
  endsAt: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  waitlist: boolean;
}

export type ActivityTone = 'open' | 'full' | 'closed';

const OVER = ['ended', 'summarised'];

export function activityState(x: ActivityStateFields, left: number, now = Date.now()): { text: string; tone: ActivityTone } {
  if (x.status === 'cancelled') return { text: '活动已取消', tone: 'closed' };
  if (OVER.includes(x.status) || Date.parse(x.endsAt) < now) return { text: '活动已结束', tone: 'closed' };
  if (x.status === 'in_progress' || Date.parse(x.startsAt) <= now) return { text: '活动进行中', tone: 'closed' };
  if (x.signupOpensAt && Date.parse(x.signupOpensAt) > now) return { text: '尚未开始报名', tone: 'closed' };
  if (Date.parse(x.signupClosesAt ?? x.startsAt) <= now) return { text: '报名已截止', tone: 'closed' };
  if (x.status === 'full' || left === 0) return { text: x.waitlist ? '名额已满，可报名候补' : '名额已满', tone: 'full' };
  return { text: `还剩 ${left} 个名额`, tone: 'open' };
}

/** `金银社区新时代文明实践站` → `金银社区实践站`: the short form a list has room for. */
export const shortUnitName = (name: string) => name.replace(/新时代文明实践(站|所)$/, '实践$1');

/** Venue and room, with the address when both are known. */
export function placeText(x: { venueName: string | null; roomName: string | null; address: string | null }): string {
  const venue = [x.venueName, x.roomName].filter(Boolean).join(' · ');
  return venue && x.address ? `${venue}（${x.address}）` : venue || x.address || '地点待通知';
}
