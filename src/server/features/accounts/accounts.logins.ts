import { randomUUID } from 'node:crypto';
import type { DbOrTrx, Trx } from '../../platform/db';
import * as q from './accounts.queries';

/**
 * The one writer of `accounts` and `role_grants` for other features: a volunteer who signs up with
 * a login, a volunteer role on a station, a team leader's console role. They never import
 * `accounts.queries`.
 */
export interface NewLogin {
  personId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** The volunteer's station: the login comes with the volunteer role there. */
  stationId: string;
  now: string;
}

/** A login with the volunteer role on their station, in the caller's transaction. Returns the account id. */
export async function createLogin(trx: Trx, l: NewLogin): Promise<string> {
  const accountId = randomUUID();
  await q.insertAccount(
    trx,
    {
      id: accountId,
      username: l.username,
      person_id: l.personId,
      display_name: l.displayName,
      password_hash: l.passwordHash,
      must_change_password: 0,
      password_changed_at: l.now,
      failed_count: 0,
      locked_until: null,
      disabled: 0,
      last_login_at: null,
      created_at: l.now,
      updated_at: l.now,
    },
    randomUUID(),
  );
  await q.insertGrant(trx, { id: randomUUID(), account_id: accountId, role: 'volunteer', unit_id: l.stationId, team_id: null, created_at: l.now });
  return accountId;
}

/** The volunteer role on a station for an existing login; a second call changes nothing. */
export async function grantVolunteerRole(db: DbOrTrx, accountId: string, stationId: string, now: string): Promise<void> {
  await q.insertGrantIfMissing(db, { id: randomUUID(), account_id: accountId, role: 'volunteer', unit_id: stationId, team_id: null, created_at: now });
}

/** The login of a person, if they have one. */
export function loginOfPerson(db: DbOrTrx, personId: string): Promise<{ id: string; username: string } | undefined> {
  return q.accountOfPerson(db, personId);
}

/** A team leader's console role for their team: given (idempotent) or taken away. */
export async function setLeaderGrant(db: DbOrTrx, accountId: string, team: { id: string; unitId: string }, isLeader: boolean, now: string): Promise<void> {
  if (isLeader)
    await q.insertGrantIfMissing(db, { id: randomUUID(), account_id: accountId, role: 'team_leader', unit_id: team.unitId, team_id: team.id, created_at: now });
  else await q.deleteLeaderGrant(db, accountId, team.id);
}
