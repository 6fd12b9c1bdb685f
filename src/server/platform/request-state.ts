import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one request has done to the database so far, for the error handler: once a transaction has
 * committed, a later failure (say, no connection for the read that builds the reply) must not be
 * answered "nothing was written, try again", since a retry would do the work twice.
 */
interface RequestState {
  committed: boolean;
}

const storage = new AsyncLocalStorage<RequestState>();

/** Runs the rest of a request (Fastify's `done`) with its own state. */
export function withRequestState(next: () => void): void {
  storage.run({ committed: false }, next);
}

/** Fed every statement the database runs; notes a commit inside a request. */
export function noteStatement(sqlText: string): void {
  if (sqlText.length <= 12 && /^\s*commit\b/i.test(sqlText)) {
    const state = storage.getStore();
    if (state) state.committed = true;
  }
}

export function requestHasCommitted(): boolean {
  return storage.getStore()?.committed ?? false;
}

const background = new AsyncLocalStorage<true>();

/**
 * Runs work no request asked for (the audit sequencer linking rows after a write has answered). Its
 * statements are not any request's: a test counting one request's statements leaves them out
 * (platform/db.ts), since a run kicked by one request may land in the middle of the next.
 */
export function asBackgroundWork<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

export function isBackgroundWork(): boolean {
  return background.getStore() === true;
}
