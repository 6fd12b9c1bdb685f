import { describe, expect, it } from 'vitest';
import { coverageOf } from './training-coverage';

describe('training coverage of a unit', () => {
  it('is the share of its staff trained this year', () => {
    expect(coverageOf(4, 1)).toEqual({ percent: 25, nobodyTrained: false, full: false });
    expect(coverageOf(2, 2)).toEqual({ percent: 100, nobodyTrained: false, full: true });
  });

  it('rounds down, so an almost-full unit is not shown as covered', () => {
    expect(coverageOf(3, 2).percent).toBe(66);
    expect(coverageOf(300, 299).percent).toBe(99);
  });

  it('flags a unit where nobody was trained, also one without staff accounts', () => {
    expect(coverageOf(3, 0)).toEqual({ percent: 0, nobodyTrained: true, full: false });
    expect(coverageOf(0, 0)).toEqual({ percent: 0, nobodyTrained: true, full: false });
  });

  it('never reports more trained than staff', () => {
    expect(coverageOf(1, 5)).toEqual({ percent: 100, nobodyTrained: false, full: true });
  });
});
