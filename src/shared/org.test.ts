import { describe, expect, it } from 'vitest';
import { postFitsUnit, staffingStatus } from './org';

describe('staffing rule (工作方案 二、（二）3)', () => {
  it('is short below the minimum, ok within, over above', () => {
    expect(staffingStatus(1, 2, 3)).toBe('short');
    expect(staffingStatus(2, 2, 3)).toBe('ok');
    expect(staffingStatus(3, 2, 3)).toBe('ok');
    expect(staffingStatus(4, 2, 3)).toBe('over');
    expect(staffingStatus(0, 1, 1)).toBe('short');
  });
});

describe('posts by level', () => {
  it('puts 所长 on institutes, 站长 on stations, 工作人员 on both', () => {
    expect(postFitsUnit('director', 'institute')).toBe(true);
    expect(postFitsUnit('director', 'station')).toBe(false);
    expect(postFitsUnit('station_head', 'station')).toBe(true);
    expect(postFitsUnit('station_head', 'institute')).toBe(false);
    expect(postFitsUnit('staff', 'station')).toBe(true);
    expect(postFitsUnit('staff', 'institute')).toBe(true);
  });
});
