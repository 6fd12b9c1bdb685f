import type { Db } from './db';
import * as q from './processes.queries';

/**
 * What several processes on one database share, kept in the database rather than in memory:
 *
 * - the login rate limit: a store for @fastify/rate-limit counting hits per key in fixed windows in
 *   `rate_hits`, so N processes enforce one limit between them;
 * - the tick's lease: one process runs the time-driven steps at a time (each step is guarded anyway,
 *   so this saves work and duplicate effort rather than preventing double effects); when the holder
 *   stops renewing, another process takes over once the lease has expired.
 */

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store over the database (the plugin constructs it with `new`, then asks each
 * rate-limited route for a child). Keys are prefixed with the route, as the plugin's own stores do, so
 * the login form and the public order form count separately for one address.
 */
export function databaseRateStore(db: Db) {
  return class DatabaseRateStore {
    readonly prefix: string;

    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      const windowStart = now - (now % timeWindow);
      q.hit(db, this.prefix + key, windowStart, windowStart + timeWindow).then(
        (current) => cb(null, { current, ttl: windowStart + timeWindow - now }),
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      const windowStart = now - (now % timeWindow);
      q.hitsOf(db, this.prefix + key, windowStart).then(
        (current) => cb(null, { current, ttl: windowStart + timeWindow - now }),
        (err: Error) => cb(err),
      );
    }

    /** At run time the plugin passes the merged limit options, with the route under `routeInfo`. */
    child(routeOptions: object): DatabaseRateStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? {};
      return new DatabaseRateStore(`${this.prefix}${String(route.method ?? '')}${String(route.url ?? '')}-`);
    }
  };
}

/** Drops the rate limit's windows that have closed (called from the tick). */
export function forgetOldRateWindows(db: Db, now: Date): Promise<void> {
  return q.forgetWindowsEndedBefore(db, now.getTime());
}

/** Takes or renews the named lease for `ms`; true when this holder may do the work now. */
export function holdLease(db: Db, name: string, holder: string, now: Date, ms: number): Promise<boolean> {
  return q.takeLease(db, name, holder, now.toISOString(), new Date(now.getTime() + ms).toISOString());
}

/** Gives the lease up at shutdown so another process need not wait for it to expire. */
export function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  return q.releaseLease(db, name, holder);
}
