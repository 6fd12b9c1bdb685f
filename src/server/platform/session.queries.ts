import type { DbOrTrx } from './db';
import { VERSION_COUNTERS } from './scope.queries';

/**
 * The session, its account, its grants, the caller's own volunteer record and the cache versions in
 * one statement: every signed-in request runs it first, so the versions that say whether the cached
 * unit tree and rules still hold come free, and so do the grants and `scope.me()`. One row per grant
 * (a left join: an account without grants still has its one row), each repeating the rest.
 */
export function findSessionForRequest(db: DbOrTrx, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .leftJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .leftJoin('volunteers', 'volunteers.person_id', 'accounts.person_id')
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
      'role_grants.role',
      'role_grants.unit_id',
      'role_grants.team_id',
      'volunteers.id as volunteer_id',
      'volunteers.station_id as volunteer_station_id',
      'volunteers.status as volunteer_status',
      eb.selectFrom('counters').select('value').where('name', '=', VERSION_COUNTERS.org).as('org_version'),
      eb.selectFrom('counters').select('value').where('name', '=', VERSION_COUNTERS.rules).as('rules_version'),
    ])
    .where('sessions.id', '=', id)
    .orderBy('role_grants.created_at')
    .orderBy('role_grants.id')
    .execute();
}

export function touchSession(db: DbOrTrx, id: string, now: string) {
  return db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}
