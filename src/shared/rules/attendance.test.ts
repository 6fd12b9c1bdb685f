import { describe, expect, it } from 'vitest';
import { creditFor, distanceMeters, minutesPresent } from './attendance';

const S = '2026-11-21T01:00:00.000Z'; // 09:00 Beijing
const E = '2026-11-21T04:00:00.000Z'; // 12:00, 180 minutes

describe('the 60 % rule', () => {
  it('credits nothing below 60 % of the activity, and the time present at or above it', () => {
    const short = creditFor([{ inAt: S, outAt: '2026-11-21T02:47:00.000Z' }], S, E, 180, 0.6); // 107 min
    expect(short).toEqual({ presentMinutes: 107, creditedMinutes: 0, meetsThreshold: false });
    const enough = creditFor([{ inAt: S, outAt: '2026-11-21T02:48:00.000Z' }], S, E, 180, 0.6); // 108 min = 60 %
    expect(enough).toEqual({ presentMinutes: 108, creditedMinutes: 108, meetsThreshold: true });
  });
  it('caps at the credited hours and ignores time outside the activity', () => {
    const long = creditFor([{ inAt: '2026-11-21T00:00:00.000Z', outAt: '2026-11-21T06:00:00.000Z' }], S, E, 150, 0.6);
    expect(long).toEqual({ presentMinutes: 180, creditedMinutes: 150, meetsThreshold: true });
  });
  it('adds separate pairs and never counts an overlap twice; open pairs count nothing', () => {
    expect(
      minutesPresent(
        [
          { inAt: S, outAt: '2026-11-21T02:00:00.000Z' },
          { inAt: '2026-11-21T01:30:00.000Z', outAt: '2026-11-21T02:30:00.000Z' },
          { inAt: '2026-11-21T03:00:00.000Z', outAt: null },
        ],
        S,
        E,
      ),
    ).toBe(90);
  });
});

describe('geofence distance', () => {
  it('measures metres between two points', () => {
    expect(distanceMeters(29.7349, 107.3834, 29.7349, 107.3834)).toBe(0);
    const d = distanceMeters(29.7349, 107.3834, 29.7358, 107.3834); // 0.0009° of latitude ≈ 100 m
    expect(d).toBeGreaterThan(95);
    expect(d).toBeLessThan(105);
  });
});
