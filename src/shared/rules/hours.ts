/**
 * Working-day arithmetic for the record deadline (《志愿服务记录与证明出具办法（试行）》第十一条:
 * record within 10 working days after the service). Weekends are off unless listed as make-up
 * working days (调休); listed public holidays are off. Dates are YYYY-MM-DD strings.
 */
export interface WorkCalendar {
  holidays: string[];
  makeupWorkdays: string[];
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.makeupWorkdays.includes(day)) return true;
  if (cal.holidays.includes(day)) return false;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The last day on which a record for a service on `day` is still on time. */
export function recordDeadline(day: string, workingDays: number, cal: WorkCalendar): string {
  let d = day;
  let left = workingDays;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

export function isLateEntry(serviceDay: string, enteredDay: string, workingDays: number, cal: WorkCalendar): boolean {
  return enteredDay > recordDeadline(serviceDay, workingDays, cal);
}

/** A service record lasts more than 0 and at most 24 hours. */
export const MAX_RECORD_MINUTES = 24 * 60;
