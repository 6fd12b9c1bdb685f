import type { AccountsTable, RoleGrantsTable, SessionsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type AccountRow = AccountsTable & { phone: string | null };

const accountColumns = [
  'accounts.id',
  'accounts.username',
  'accounts.person_id',
  'accounts.display_name',
  'accounts.password_hash',
  'accounts.must_change_password',
  'accounts.password_changed_at',
  'accounts.failed_count',
  'accounts.locked_until',
  'accounts.disabled',
  'accounts.last_login_at',
  'accounts.created_at',
  'accounts.updated_at',
  'people.phone',
] as const;

/** Login accepts the account name or the person's phone number. */
export function findAccountForLogin(db: DbOrTrx, login: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select(accountColumns)
    .where((eb) => eb.or([eb(eb.fn('lower', ['accounts.username']), '=', login.toLowerCase()), eb('people.phone', '=', login)]))
    .orderBy('accounts.created_at')
    .executeTakeFirst();
}

export function getAccount(db: DbOrTrx, id: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select(accountColumns)
    .where('accounts.id', '=', id)
    .executeTakeFirst();
}

export async function recordLoginFailure(db: DbOrTrx, id: string, now: string, maxFailures: number, lockedUntil: string): Promise<{ locked: boolean }> {
  // One statement, so parallel wrong guesses cannot race past the limit.
  const row = await db
    .updateTable('accounts')
    .set((eb) => ({
      failed_count: eb
        .case()
        .when('failed_count', '>=', maxFailures - 1)
        .then(0)
        .else(eb('failed_count', '+', 1))
        .end(),
      locked_until: eb
        .case()
        .when('failed_count', '>=', maxFailures - 1)
        .then(lockedUntil)
        .else(eb.ref('locked_until'))
        .end(),
      updated_at: now,
    }))
    .where('id', '=', id)
    .returning(['failed_count', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { locked: row.locked_until === lockedUntil };
}

export function recordLoginSuccess(db: DbOrTrx, id: string, now: string) {
  return db.updateTable('accounts').set({ failed_count: 0, locked_until: null, last_login_at: now, updated_at: now }).where('id', '=', id).execute();
}

export function insertSession(db: DbOrTrx, row: SessionsTable) {
  return db.insertInto('sessions').values(row).execute();
}

export function findSession(db: DbOrTrx, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function revokeSession(db: DbOrTrx, id: string, now: string) {
  return db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Ends every live session of an account, optionally keeping one (the caller's own). */
export async function revokeAccountSessions(db: DbOrTrx, accountId: string, now: string, exceptId?: string): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function listGrants(db: DbOrTrx, accountIds: string[]) {
  if (accountIds.length === 0) return Promise.resolve([] as (RoleGrantsTable & { unit_name: string })[]);
  return db
    .selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select([
      'role_grants.id',
      'role_grants.account_id',
      'role_grants.role',
      'role_grants.unit_id',
      'role_grants.team_id',
      'role_grants.created_at',
      'units.name as unit_name',
    ])
    .where('role_grants.account_id', 'in', accountIds)
    .orderBy('role_grants.created_at')
    .execute();
}

export function recentPasswordHashes(db: DbOrTrx, accountId: string, n: number) {
  return db.selectFrom('password_history').select('password_hash').where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(n).execute();
}

export async function setPassword(db: DbOrTrx, accountId: string, hash: string, now: string, mustChange: boolean, historyId: string) {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, password_changed_at: now, must_change_password: mustChange ? 1 : 0, failed_count: 0, locked_until: null, updated_at: now })
    .where('id', '=', accountId)
    .execute();
  await db.insertInto('password_history').values({ id: historyId, account_id: accountId, password_hash: hash, created_at: now }).execute();
}

export function setDisabled(db: DbOrTrx, accountId: string, disabled: boolean, now: string) {
  return db
    .updateTable('accounts')
    .set({ disabled: disabled ? 1 : 0, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

/** Accounts that hold a grant in one of the given units, newest first. */
export async function listAccountsInUnits(db: DbOrTrx, unitIds: string[], q: string | undefined, limit: number, offset: number) {
  if (unitIds.length === 0) return { rows: [] as AccountRow[], total: 0 };
  let base = db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants')
          .select('role_grants.id')
          .whereRef('role_grants.account_id', '=', 'accounts.id')
          .where('role_grants.unit_id', 'in', unitIds),
      ),
    );
  if (q) {
    // Wildcards are dropped rather than escaped: LIKE escaping differs between SQLite and PostgreSQL.
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, '')}%`;
    base = base.where((eb) =>
      eb.or([eb(eb.fn('lower', ['accounts.username']), 'like', like), eb(eb.fn('lower', ['accounts.display_name']), 'like', like), eb('people.phone', '=', q)]),
    );
  }
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.select(accountColumns).orderBy('accounts.username').limit(limit).offset(offset).execute();
  return { rows, total: Number(total) };
}

export function findPersonByPhone(db: DbOrTrx, phone: string) {
  return db.selectFrom('people').select(['id']).where('phone', '=', phone).executeTakeFirst();
}

export function findAccountByUsername(db: DbOrTrx, username: string) {
  return db
    .selectFrom('accounts')
    .select(['id'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

/** A new account, its first password entered in the history too, so it cannot be changed away from and back to. */
export async function insertAccount(db: DbOrTrx, row: AccountsTable, historyId: string) {
  await db.insertInto('accounts').values(row).execute();
  await db.insertInto('password_history').values({ id: historyId, account_id: row.id, password_hash: row.password_hash, created_at: row.created_at }).execute();
}

export function insertGrant(db: DbOrTrx, row: RoleGrantsTable) {
  return db.insertInto('role_grants').values(row).execute();
}

/** The same role on the same unit twice is one grant. */
export function insertGrantIfMissing(db: DbOrTrx, row: RoleGrantsTable) {
  return db
    .insertInto('role_grants')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function accountOfPerson(db: DbOrTrx, personId: string) {
  return db.selectFrom('accounts').select(['id', 'username']).where('person_id', '=', personId).executeTakeFirst();
}

export function deleteLeaderGrant(db: DbOrTrx, accountId: string, teamId: string) {
  return db.deleteFrom('role_grants').where('account_id', '=', accountId).where('role', '=', 'team_leader').where('team_id', '=', teamId).execute();
}

/** 个人信息权利: the person's logins become unusable and unnamed; the rows stay for the audit chain. */
export async function closeAccountsOfPerson(db: DbOrTrx, personId: string, name: string, now: string): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('id').where('person_id', '=', personId).execute();
  for (const r of rows) {
    await db
      .updateTable('accounts')
      .set({ username: `erased-${r.id}`, display_name: name, disabled: 1, updated_at: now })
      .where('id', '=', r.id)
      .execute();
  }
  return rows.map((r) => r.id);
}

/** Issue 13: the institute admins of some streets, with their accounts (for the district's list). */
export function streetAdminsOf(db: DbOrTrx, instituteIds: string[]) {
  if (instituteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select(['role_grants.unit_id', 'accounts.id', 'accounts.username', 'accounts.display_name', 'accounts.disabled', 'accounts.last_login_at'])
    .where('role_grants.role', '=', 'institute_admin')
    .where('role_grants.unit_id', 'in', instituteIds)
    .orderBy('accounts.created_at')
    .orderBy('accounts.username')
    .execute();
}

/** Issue 13: the district's own accounts (admin and viewer grants on the districts themselves). */
export function districtAccountsOf(db: DbOrTrx, districtIds: string[]) {
  if (districtIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select([
      'role_grants.unit_id',
      'role_grants.role',
      'accounts.id',
      'accounts.username',
      'accounts.display_name',
      'accounts.disabled',
      'accounts.must_change_password',
      'accounts.last_login_at',
    ])
    .where('role_grants.role', 'in', ['district_admin', 'district_viewer'])
    .where('role_grants.unit_id', 'in', districtIds)
    .orderBy('accounts.created_at')
    .orderBy('accounts.username')
    .execute();
}
