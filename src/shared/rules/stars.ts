/**
 * Star volunteers (工作方案 五、（二）四 激励制度): the level is the number of thresholds reached by
 * approved hours. PIPL 第二十四条 requires automated ratings to be explainable, so the result
 * carries the sentence shown to the volunteer.
 */
export const STAR_NAMES = ['未定级', '一星', '二星', '三星', '四星', '五星', '六星', '七星', '八星', '九星', '十星'];

export interface StarResult {
  approvedHours: number;
  level: number;
  nextLevel: number | null;
  nextThresholdHours: number | null;
  hoursToNext: number | null;
  thresholds: number[];
  explanation: string;
}

/** Hours with at most one decimal, from minutes. */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/**
 * Hours shown next to a star level: cut (not rounded) to one decimal, so the shown total never
 * passes a threshold the minutes have not reached (299.96 h shows 299.9, still 一星), and
 * "累计 X 小时 … 再服务 Y 小时可达…（T 小时）" always adds up: Y = T − X, in whole tenths.
 */
export function tenthsOfHours(minutes: number): number {
  return Math.floor(Math.max(0, minutes) / 6 + 1e-9);
}

export function starLevel(approvedMinutes: number, thresholdsHours: number[]): number {
  return thresholdsHours.filter((t) => approvedMinutes >= t * 60).length;
}

export function starProgress(approvedMinutes: number, thresholdsHours: number[]): StarResult {
  const level = starLevel(approvedMinutes, thresholdsHours);
  const shownTenths = tenthsOfHours(approvedMinutes);
  const hours = shownTenths / 10;
  const next = level < thresholdsHours.length ? thresholdsHours[level] : null;
  const toNext = next === null ? null : Math.max(0, Math.round(next * 10) - shownTenths) / 10;
  const table = thresholdsHours.map((t, i) => `${STAR_NAMES[i + 1]} ${t} 小时`).join('、');
  const now = level === 0 ? '尚未定级' : `当前为${STAR_NAMES[level]}志愿者`;
  const ahead = next === null ? '已达到最高星级。' : `再服务 ${toNext} 小时可达${STAR_NAMES[level + 1]}（${next} 小时）。`;
  return {
    approvedHours: hours,
    level,
    nextLevel: next === null ? null : level + 1,
    nextThresholdHours: next,
    hoursToNext: toNext,
    thresholds: thresholdsHours,
    explanation: `只计算经审核认定的服务时长，目前累计 ${hours} 小时。按本所规则（${table}），${now}；${ahead}`,
  };
}
