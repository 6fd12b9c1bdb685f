/**
 * 评选's status flow and its dates, pure so the server and the console agree. A campaign is open
 * (stations nominate within the window, the institute reviews), then in 公示 (notice) until the
 * notice's last working day, then final. Dates are YYYY-MM-DD in China time.
 */
import { recordDeadline, type WorkCalendar } from './hours';

export type CampaignStatus = 'open' | 'notice' | 'final';

/** The last day of 公示 published on `day`: `workingDays` working days after it. */
export function noticeEndsOn(day: string, workingDays: number, cal: WorkCalendar): string {
  return recordDeadline(day, workingDays, cal);
}

/** Stations nominate while the campaign is open and `today` is inside the window. */
export function canNominate(c: { status: CampaignStatus; nominateFrom: string; nominateUntil: string }, today: string): boolean {
  return c.status === 'open' && today >= c.nominateFrom && today <= c.nominateUntil;
}

/** Objections are taken during 公示, up to and including its last day. */
export function canObject(c: { status: CampaignStatus; noticeEndsOn: string | null }, today: string): boolean {
  return c.status === 'notice' && c.noticeEndsOn !== null && today <= c.noticeEndsOn;
}

export type FinaliseBlock = 'not_in_notice' | 'notice_running' | 'objections_open' | null;

/** Why the result cannot be finalised yet, or null when it can. */
export function finaliseBlock(c: { status: CampaignStatus; noticeEndsOn: string | null }, today: string, openObjections: number): FinaliseBlock {
  if (c.status !== 'notice' || c.noticeEndsOn === null) return 'not_in_notice';
  if (today <= c.noticeEndsOn) return 'notice_running';
  if (openObjections > 0) return 'objections_open';
  return null;
}

/** 公示 needs every live nomination decided and at least one selected. */
export function publishBlock(live: { decided: boolean; selected: boolean }[]): 'undecided' | 'none_selected' | null {
  if (live.some((n) => !n.decided)) return 'undecided';
  if (!live.some((n) => n.selected)) return 'none_selected';
  return null;
}
