import type { Clock } from '../../src/server/platform/clock';

/** A clock tests can set and move, for idle timeouts, lockouts and deadlines. */
export function manualClock(start = new Date()): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
