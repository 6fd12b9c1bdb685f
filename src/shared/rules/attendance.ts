/**
 * Turning check-ins into hours (domain.md, field practice of 志愿汇 / i志愿): count only time
 * actually present inside the activity's window; credit it only when present for at least a share
 * of the activity (60 % by default); never more than the hours the activity credits.
 */
export interface Pair {
  inAt: string;
  outAt: string | null;
}

function clip(a: number, lo: number, hi: number) {
  return Math.min(Math.max(a, lo), hi);
}

/** Minutes present within [start, end], merging overlapping pairs so nothing counts twice. */
export function minutesPresent(pairs: Pair[], start: string, end: string): number {
  const lo = Date.parse(start);
  const hi = Date.parse(end);
  const spans = pairs
    .filter((p) => p.outAt)
    .map((p) => [clip(Date.parse(p.inAt), lo, hi), clip(Date.parse(p.outAt as string), lo, hi)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = -1;
  let curB = -1;
  for (const [a, b] of spans) {
    if (a > curB) {
      if (curB > curA) total += curB - curA;
      curA = a;
      curB = b;
    } else curB = Math.max(curB, b);
  }
  if (curB > curA) total += curB - curA;
  return Math.floor(total / 60_000);
}

export interface Credit {
  presentMinutes: number;
  creditedMinutes: number;
  meetsThreshold: boolean;
}

export function creditFor(pairs: Pair[], start: string, end: string, creditCapMinutes: number, minRatio: number): Credit {
  const duration = Math.max(1, Math.floor((Date.parse(end) - Date.parse(start)) / 60_000));
  const present = minutesPresent(pairs, start, end);
  const meets = present >= Math.ceil(duration * minRatio);
  return { presentMinutes: present, creditedMinutes: meets ? Math.min(present, creditCapMinutes) : 0, meetsThreshold: meets };
}

/** Great-circle distance in metres (haversine), for the optional check-in geofence. */
export function distanceMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = 6_371_000;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(lat2 - lat1);
  const dLng = toRad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}
