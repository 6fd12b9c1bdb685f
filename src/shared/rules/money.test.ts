import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatYuan, MAX_FEN, parseYuan, shareOf } from './money';

const fen = (text: string | number, opts = {}) => {
  const r = parseYuan(text, opts);
  return r.ok ? r.fen : `error: ${r.error}`;
};

describe('yuan → fen', () => {
  it('reads whole yuan, one and two decimals exactly', () => {
    expect(fen('0.01')).toBe(1);
    expect(fen('1')).toBe(100);
    expect(fen('1.5')).toBe(150);
    expect(fen('1.50')).toBe(150);
    expect(fen('1234.56')).toBe(123456);
    // The classic float traps: 0.1 + 0.2, 1.005, 19.99 × 100 — all exact here.
    expect(fen('0.3')).toBe(30);
    expect(fen('1.01')).toBe(101);
    expect(fen('19.99')).toBe(1999);
    expect(fen('4.35')).toBe(435);
    expect(fen('1.')).toBe(100);
  });

  it('takes what people type: separators, currency signs, full-width digits, spaces', () => {
    expect(fen('1,234.50')).toBe(123450);
    expect(fen(' ¥ 12,000 ')).toBe(1200000);
    expect(fen('￥８８.８')).toBe(8880);
    expect(fen('1，000元')).toBe(100000);
    expect(fen('007.10')).toBe(710);
    expect(fen(12.34)).toBe(1234);
  });

  it('rejects more than two decimals rather than rounding', () => {
    expect(fen('1.005')).toMatch(/两位小数/);
    expect(fen('0.001')).toMatch(/两位小数/);
    expect(fen(0.125)).toMatch(/两位小数/);
  });

  it('rejects negatives unless allowed, and zero unless allowed', () => {
    expect(fen('-5')).toMatch(/负数/);
    expect(fen('-5', { allowNegative: true })).toBe(-500);
    expect(fen('-0.01', { allowNegative: true })).toBe(-1);
    expect(fen('0')).toMatch(/不能为 0/);
    expect(fen('0.00', { allowZero: true })).toBe(0);
    expect(fen('-0', { allowNegative: true, allowZero: true })).toBe(0);
  });

  it('rejects absurd amounts and junk', () => {
    expect(fen('100000000')).toBe(MAX_FEN);
    expect(fen('100000000.01')).toMatch(/过大/);
    expect(fen('99999999999999999999999')).toMatch(/过大/);
    expect(fen('5', { maxFen: 499 })).toMatch(/过大/);
    for (const junk of ['', '  ', 'abc', '1e5', '1.2.3', '--1', '0x10', 'Infinity', 'NaN', '1 2 3 4 a']) expect(fen(junk)).toMatch(/^error/);
    expect(fen(Number.NaN)).toMatch(/^error/);
    expect(parseYuan(null).ok).toBe(false);
    expect(parseYuan(undefined).ok).toBe(false);
  });
});

describe('fen → yuan', () => {
  it('formats with two decimals and grouping, exactly', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(1)).toBe('0.01');
    expect(formatYuan(150)).toBe('1.50');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(-123450)).toBe('-1,234.50');
    expect(formatYuan(MAX_FEN)).toBe('100,000,000.00');
    expect(formatYuan(123456789, { grouping: false })).toBe('1234567.89');
    expect(formatYuan(1.5)).toBe('—');
  });

  it('round-trips every amount through the text an input shows', () => {
    for (const f of [1, 9, 10, 99, 100, 101, 1999, 123456, 100000001, MAX_FEN - 1, MAX_FEN]) {
      expect(fen(fenToYuanText(f))).toBe(f);
      expect(fen(formatYuan(f))).toBe(f);
    }
    for (let f = 0; f < 2000; f += 7) expect(fen(fenToYuanText(f), { allowZero: true })).toBe(f);
  });
});

describe('share spent', () => {
  it('is a percent with one decimal, null without a budget', () => {
    expect(shareOf(0, 100)).toBe(0);
    expect(shareOf(50, 100)).toBe(50);
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(2, 3)).toBe(66.7);
    expect(shareOf(150, 100)).toBe(150);
    expect(shareOf(100, 0)).toBeNull();
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(MAX_FEN * 10, MAX_FEN * 10)).toBe(100);
  });
});
