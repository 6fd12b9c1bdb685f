/**
 * Money is integer fen (分) everywhere it is stored or sent; people read and type yuan (元) with
 * at most two decimals. These conversions never go through a float: the text is split at the point
 * and the digits are read as integers, so 0.1 + 0.2 is never a question.
 */

/** The largest single amount the platform takes: 1 亿元. A street's budget line or receipt above it is a typing error. */
export const MAX_FEN = 100_000_000_00;

export type YuanParse = { ok: true; fen: number } | { ok: false; error: string };

export interface ParseOptions {
  /** Counter-entries are negative; budgets and spending are not. */
  allowNegative?: boolean;
  /** Whether 0 is a valid amount (default false: an entry of nothing is a mistake). */
  allowZero?: boolean;
  /** Upper bound of the absolute value, in fen (default MAX_FEN). */
  maxFen?: number;
}

/**
 * "1,234.5" → 123450 fen. Accepts an optional ¥/￥ sign, thousands separators (ASCII or full-width
 * comma), surrounding spaces and full-width digits; rejects more than two decimals, exponents,
 * negatives (unless allowed), zero (unless allowed) and amounts above the cap.
 */
export function parseYuan(input: string | number | null | undefined, opts: ParseOptions = {}): YuanParse {
  const max = opts.maxFen ?? MAX_FEN;
  if (input === null || input === undefined) return { ok: false, error: '请输入金额' };
  // A number from a widget: only integers and short decimals survive String() exactly.
  let text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : input;
  text = text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uff0e\u3002]/g, '.')
    .replace(/[\s,\uff0c]/g, '')
    .replace(/^([+-]?)[¥￥]/, '$1')
    .replace(/元$/, '');
  if (text === '') return { ok: false, error: '请输入金额' };
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, error: '金额格式不正确，请输入数字，如 1234.56' };
  const [, sign, whole, frac = ''] = m;
  if (frac.length > 2) return { ok: false, error: '金额最多保留两位小数（到分）' };
  const negative = sign === '-';
  if (negative && !opts.allowNegative) return { ok: false, error: '金额不能为负数' };
  // Leading zeros are harmless; a run of digits longer than the cap is rejected before it becomes a float.
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > String(Math.floor(max / 100)).length) return { ok: false, error: tooLarge(max) };
  const fenAbs = Number(digits) * 100 + Number(frac.padEnd(2, '0'));
  if (fenAbs > max) return { ok: false, error: tooLarge(max) };
  if (fenAbs === 0 && !opts.allowZero) return { ok: false, error: '金额不能为 0' };
  return { ok: true, fen: negative && fenAbs !== 0 ? -fenAbs : fenAbs };
}

function tooLarge(max: number): string {
  return `金额过大（单笔不超过 ${formatYuan(max, { grouping: true })} 元），请核对`;
}

/** 123450 → "1,234.50"; −5 → "-0.05". Exact for every safe integer. */
export function formatYuan(fen: number, opts: { grouping?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = opts.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** The text an input shows for a stored amount: no grouping, two decimals ("1234.50"). */
export function fenToYuanText(fen: number): string {
  return formatYuan(fen, { grouping: false });
}

/**
 * Spent as a share of budget, in percent with one decimal (rounded half up on the integer ratio);
 * null when there is no budget to compare with.
 */
export function shareOf(spentFen: number, budgetFen: number): number | null {
  if (budgetFen <= 0) return null;
  // spent*1000/budget in integers: permille, rounded half up, then one decimal of a percent.
  const permille = Math.floor((spentFen * 1000 * 2 + budgetFen) / (budgetFen * 2));
  return permille / 10;
}
