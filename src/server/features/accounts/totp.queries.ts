import type { AccountRecoveryCodesTable, LoginChallengesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function findTotp(db: DbOrTrx, accountId: string) {
  return db.selectFrom('account_totp').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** A new (not yet confirmed) secret replaces whatever pending one there was. */
export async function putPendingTotp(db: DbOrTrx, accountId: string, secretSealed: string, now: string) {
  await db.deleteFrom('account_totp').where('account_id', '=', accountId).where('enabled_at', 'is', null).execute();
  await db
    .insertInto('account_totp')
    .values({ account_id: accountId, secret_sealed: secretSealed, enabled_at: null, last_step: null, created_at: now, updated_at: now })
    .execute();
}

/** Confirms the pending secret; false when another request confirmed it first. */
export async function confirmTotp(db: DbOrTrx, accountId: string, step: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('account_totp')
    .set({ enabled_at: now, last_step: step, updated_at: now })
    .where('account_id', '=', accountId)
    .where('enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes a step as used, in one conditional statement: two requests with the same code cannot
 * both pass, and a code of an earlier (or the same) step never passes again.
 */
export async function spendTotpStep(db: DbOrTrx, accountId: string, step: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('account_totp')
    .set({ last_step: step, updated_at: now })
    .where('account_id', '=', accountId)
    .where('enabled_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteTotp(db: DbOrTrx, accountId: string) {
  await db.deleteFrom('account_recovery_codes').where('account_id', '=', accountId).execute();
  await db.deleteFrom('account_totp').where('account_id', '=', accountId).execute();
}

export async function replaceRecoveryCodes(db: DbOrTrx, accountId: string, rows: AccountRecoveryCodesTable[]) {
  await db.deleteFrom('account_recovery_codes').where('account_id', '=', accountId).execute();
  if (rows.length) await db.insertInto('account_recovery_codes').values(rows).execute();
}

/** Spends a recovery code, in one conditional statement; false when it is unknown or spent. */
export async function spendRecoveryCode(db: DbOrTrx, accountId: string, codeHmac: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('account_recovery_codes')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('code_hmac', '=', codeHmac)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) >= 1;
}

export async function countRecoveryCodesLeft(db: DbOrTrx, accountId: string): Promise<number> {
  const r = await db
    .selectFrom('account_recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertChallenge(db: DbOrTrx, row: LoginChallengesTable) {
  return db.insertInto('login_challenges').values(row).execute();
}

export function findChallenge(db: DbOrTrx, id: string) {
  return db.selectFrom('login_challenges').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Counts a wrong code against the challenge (one statement, so parallel guesses all count). */
export function countChallengeAttempt(db: DbOrTrx, id: string) {
  return db
    .updateTable('login_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Closes the challenge once; false when it was already used. */
export async function closeChallenge(db: DbOrTrx, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('login_challenges').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets or clears the "enrolment only" mark on the account's live sessions. */
export function markSessionsEnrolOnly(db: DbOrTrx, accountId: string, enrolOnly: boolean) {
  return db
    .updateTable('sessions')
    .set({ totp_enrol_only: enrolOnly ? 1 : 0 })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute();
}
