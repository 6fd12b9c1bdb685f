/**
 * The points ledger's pure rules, shared by the server and the pages.
 *
 * Rounding of earned hours: minutes × points-per-hour ÷ 60, rounded down (a record of 1 h 50 min at
 * 1 point per hour earns 1 point). A correction moves the original's credit to what its corrected net
 * minutes earn, so a record and its corrections never earn more than their total would.
 */
export function pointsForMinutes(minutes: number, perHour: number): number {
  if (minutes <= 0 || perHour <= 0) return 0;
  return Math.floor((minutes * perHour) / 60);
}

/** "3 小时 20 分" */
export function minutesText(minutes: number): string {
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  const sign = minutes < 0 ? '−' : '';
  if (!h) return `${sign}${m} 分钟`;
  return m ? `${sign}${h} 小时 ${m} 分` : `${sign}${h} 小时`;
}

/** A calendar day N months later (clamped to the month's last day): when earned points lapse. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * First in, first out: what is spent, deducted or expired is taken from the oldest earnings first, so
 * the balance that remains belongs to the newest. Given the balance and the earned entries' nets
 * newest first, answers what remains of each (in the same order).
 */
export function fifoRemaining(balance: number, netsNewestFirst: number[]): number[] {
  let left = Math.max(0, balance);
  return netsNewestFirst.map((net) => {
    const mine = Math.max(0, Math.min(net, left));
    left -= mine;
    return mine;
  });
}

/** What moved the points, in words (zod-free so the light phone page can show it). */
export const POINT_KINDS = {
  hours: '服务时长',
  activity_bonus: '活动奖励',
  order_rating: '点单好评',
  grant: '人工发放',
  deduct: '人工扣减',
  correction: '更正/撤销',
  redeem: '爱心超市兑换',
  redeem_refund: '兑换退回',
  expire: '积分过期',
} as const;
