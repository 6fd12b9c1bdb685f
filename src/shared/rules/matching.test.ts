import { describe, expect, it } from 'vitest';
import { type Candidate, rankCandidates, slotOf } from './matching';

const base: Candidate = {
  volunteerId: 'x',
  name: '甲',
  stationId: 'S1',
  skills: [],
  serviceCategories: [],
  availability: [],
  lat: null,
  lng: null,
  openOrders: 0,
  averageRating: null,
  ratedOrders: 0,
};
const need = { stationId: 'S1', requiredSkills: ['理发'], serviceCategory: '助老助残', lat: 29.7269, lng: 107.3721, slot: 'sat-am' };

describe('volunteer matching', () => {
  it('ranks the skilled neighbour who is free above a busy stranger, and says why', () => {
    const near: Candidate = {
      ...base,
      volunteerId: 'a',
      name: '王理发',
      skills: ['理发'],
      serviceCategories: ['助老助残'],
      availability: ['sat-am'],
      lat: 29.7272,
      lng: 107.3725,
    };
    const busy: Candidate = { ...base, volunteerId: 'b', name: '李忙碌', stationId: 'S2', skills: ['理发'], openOrders: 3, lat: 29.76, lng: 107.42 };
    const none: Candidate = { ...base, volunteerId: 'c', name: '赵无关', stationId: 'S3' };
    const [first, second, third] = rankCandidates(need, [none, busy, near]);
    expect(first.volunteerId).toBe('a');
    expect(first.reasons).toEqual(expect.arrayContaining(['具备所需技能：理发', '同一社区', '期望时间有空']));
    expect(first.reasons.some((r) => r.startsWith('距离约'))).toBe(true);
    expect(second.volunteerId).toBe('b');
    expect(third.volunteerId).toBe('c');
  });
  it('spreads the work: with everything else equal, fewer open orders ranks higher', () => {
    const a = rankCandidates(need, [
      { ...base, volunteerId: 'busy', name: '甲', openOrders: 2 },
      { ...base, volunteerId: 'idle', name: '乙', openOrders: 0 },
    ]);
    expect(a[0].volunteerId).toBe('idle');
  });
  it('counts past ratings', () => {
    const a = rankCandidates(need, [
      { ...base, volunteerId: 'low', name: '甲', averageRating: 2, ratedOrders: 4 },
      { ...base, volunteerId: 'high', name: '乙', averageRating: 5, ratedOrders: 4 },
    ]);
    expect(a[0].volunteerId).toBe('high');
  });
  it('reads the weekday and part of day in Beijing time', () => {
    expect(slotOf('2026-11-28T01:00:00Z')).toBe('sat-am');
    expect(slotOf('2026-11-28T07:00:00Z')).toBe('sat-pm');
    expect(slotOf('2026-11-28T12:00:00Z')).toBe('sat-eve');
  });
});
