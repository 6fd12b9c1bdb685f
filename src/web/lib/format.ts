/** Times are stored in UTC and always shown in China Standard Time, whatever the browser's zone. */
const TIME_ZONE = 'Asia/Shanghai';

function parts(iso: string, options: Intl.DateTimeFormatOptions): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hourCycle: 'h23', ...options }).formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

/** `2026-11-28 21:44:49` */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}` : '—';
}

/** `21:44` */
export function formatClock(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso, { hour: '2-digit', minute: '2-digit' });
  return p ? `${p.hour}:${p.minute}` : '';
}

/** 上午好 / 下午好 / 晚上好 by the hour in China. */
export function greeting(now = new Date()): string {
  const hour = Number(parts(now.toISOString(), { hour: '2-digit' })?.hour ?? '12');
  if (hour < 5) return '夜深了';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** `2026年11月28日 星期六` */
export function formatToday(now = new Date()): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(now);
}
