import type { DbOrTrx } from './db';
import { VERSION_COUNTERS } from './scope.queries';

/**
 * The session, its account and the cache versions in one statement: every signed-in request runs
 * it first, so the versions that say whether the cached unit tree and rules still hold come free.
 */
export function findSessionForRequest(db: DbOrTrx, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select((eb) => [
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.idle_seconds',
      'sessions.expires_at',
      'sessions.revoked_at',
      'accounts.id as account_id',
      'accounts.person_id',
      'accounts.username',
      'accounts.display_name',
      'accounts.disabled',
      'accounts.must_change_password',
      'sessions.totp_enrol_only',
      eb.selectFrom('counters').select('value').where('name', '=', VERSION_COUNTERS.org).as('org_version'),
      eb.selectFrom('counters').select('value').where('name', '=', VERSION_COUNTERS.rules).as('rules_version'),
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export function listActorGrants(db: DbOrTrx, accountId: string) {
  return db.selectFrom('role_grants').select(['role', 'unit_id', 'team_id']).where('account_id', '=', accountId).orderBy('created_at').execute();
}

export function touchSession(db: DbOrTrx, id: string, now: string) {
  return db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}
