import type { SessionView } from '../../../shared/accounts';
import { chinaToday } from '../../../shared/china-time';

/** Pure helpers of 手机工作台: which units a staff member works for, and how late a deadline is. */

/** The unit a staff member works for on the phone, and what they may do there. */
export interface WorkUnit {
  unitId: string;
  unitName: string;
  kind: 'station' | 'institute' | 'district';
  /** Station and institute admins write follow-ups and progress notes; the district viewer only reads. */
  canWrite: boolean;
}

const KIND_OF = { station_admin: 'station', institute_admin: 'institute', district_viewer: 'district' } as const;

/** The grants that see 议定事项 and 工作任务 (meetings.read / plan.read): station first, then institute, then district. */
export function workUnitsOf(session: SessionView | null | undefined): WorkUnit[] {
  const out: WorkUnit[] = [];
  for (const role of ['station_admin', 'institute_admin', 'district_viewer'] as const) {
    for (const g of session?.roles ?? []) {
      if (g.role !== role || out.some((u) => u.unitId === g.unitId)) continue;
      out.push({ unitId: g.unitId, unitName: g.unitName, kind: KIND_OF[role], canWrite: role !== 'district_viewer' });
    }
  }
  return out;
}

/**
 * The list filter for a unit: a station sees what it owns; the institute and the district see
 * their whole scope (the server limits every list to it anyway), as the console does.
 */
export function ownerFilter(unit: WorkUnit): string | undefined {
  return unit.kind === 'station' ? unit.unitId : undefined;
}

/** Whole days from `deadline` (YYYY-MM-DD) to today in China: > 0 means that many days late. */
export function daysLate(deadline: string, today = chinaToday()): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
}
