/**
 * China time (UTC+8, no daylight saving), whatever zone the server or the browser runs in: the one
 * place the +08:00 arithmetic lives. Days are `YYYY-MM-DD` strings; instants are ISO-8601 UTC.
 * Pure functions without dependencies, so the light mobile pages can use them too.
 */
const OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The instant shifted so that its UTC fields read as China wall-clock time. */
function wall(iso: string | Date): Date {
  return new Date((typeof iso === 'string' ? Date.parse(iso) : iso.getTime()) + OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-06-12` */
export function chinaDay(iso: string | Date): string {
  return wall(iso).toISOString().slice(0, 10);
}

/** `2026-06-12T14:30` — the China wall clock, for date pickers. */
export function chinaWallClock(iso: string | Date): string {
  return wall(iso).toISOString().slice(0, 16);
}

/** The instant a China day starts, as ISO UTC (`2026-06-12` → `2026-06-11T16:00:00.000Z`). */
export function chinaDayStart(day: string): string {
  return new Date(`${day.slice(0, 10)}T00:00:00+08:00`).toISOString();
}

/** The instant the China day after `day` starts: the exclusive end of `day`. */
export function chinaDayEnd(day: string): string {
  return new Date(Date.parse(chinaDayStart(day)) + 86_400_000).toISOString();
}

/** A China date and wall-clock time (`2026-06-12`, `14:30`) → ISO UTC. */
export function chinaTimeToIso(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

/** An instant written in China time with its offset, `2026-06-12T14:30:00+08:00` (Open311 wants this form). */
export function chinaOffsetIso(iso: string | Date): string {
  return `${wall(iso).toISOString().slice(0, 19)}+08:00`;
}

/** The first instant of the China month `YYYY-MM`, as ISO UTC. */
export function chinaMonthStart(month: string): string {
  return chinaDayStart(`${month.slice(0, 7)}-01`);
}

/** The first instant of the China month after `YYYY-MM`: the exclusive end of that month. */
export function chinaMonthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return chinaMonthStart(`${m === 12 ? y + 1 : y}-${pad(m === 12 ? 1 : m + 1)}`);
}

/** The China weekday (0 = Sunday) and hour of an instant. */
export function chinaWeekdayHour(iso: string | Date): { weekday: number; hour: number } {
  const d = wall(iso);
  return { weekday: d.getUTCDay(), hour: d.getUTCHours() };
}

/** A China wall-clock time `YYYY-MM-DDTHH:mm` (as typed in a picker) → ISO with the +08:00 offset. */
export function fromChinaWallClock(local: string): string {
  return `${local.slice(0, 16)}:00+08:00`;
}

/** `14:30` */
export function clock(iso: string): string {
  const d = wall(iso);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `6月12日 周五` */
export function dayLabel(iso: string | Date): string {
  const d = wall(iso);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** `6月12日 周五 14:00–16:00`, or across days `6月12日 14:00 – 6月13日 10:00`. */
export function timeRange(startsAt: string, endsAt: string): string {
  if (chinaDay(startsAt) === chinaDay(endsAt)) return `${dayLabel(startsAt)} ${clock(startsAt)}–${clock(endsAt)}`;
  return `${dayLabel(startsAt)} ${clock(startsAt)} – ${dayLabel(endsAt)} ${clock(endsAt)}`;
}

/** Today in China, `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): string {
  return chinaDay(now);
}

/** `YYYY-MM-DD` plus n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Monday of the week holding `day` (weeks start on Monday in China). */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** Weekday name of a `YYYY-MM-DD`, e.g. `周五`. */
export function weekdayOf(day: string): string {
  return `周${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;
}

/** Hours between two instants, to the minute, as people write them (2, 1.5, 2.25). */
export function hoursBetween(startsAt: string, endsAt: string): number {
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
  return Math.round((minutes / 60) * 100) / 100;
}

/** `2.5 小时` / `2 小时 20 分` */
export function hoursText(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m ? `${h} 小时 ${m} 分` : `${h} 小时`;
}

/** Check-in opens an hour before the start and closes an hour after the end (the server's rule). */
export const CHECKIN_MARGIN_MS = 60 * 60_000;

export function checkinOpen(a: { startsAt: string; endsAt: string; status: string }, now = Date.now()): boolean {
  return (
    ['published', 'full', 'in_progress'].includes(a.status) &&
    now >= Date.parse(a.startsAt) - CHECKIN_MARGIN_MS &&
    now <= Date.parse(a.endsAt) + CHECKIN_MARGIN_MS
  );
}
