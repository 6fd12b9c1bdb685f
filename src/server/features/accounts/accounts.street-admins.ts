import { randomUUID } from 'node:crypto';
import type { StreetAdminView } from '../../../shared/district';
import { ROLES, type Role } from '../../../shared/accounts';
import { maskPhone } from '../../../shared/mask';
import { appendAudit } from '../../platform/audit';
import { hashPassword, oneTimePassword } from '../../platform/crypto';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { recordPerson } from '../volunteers/volunteers.registration';
import * as q from './accounts.queries';
import { writeAccountDisabled } from './accounts.disabling';

/**
 * Issue 13: the accounts side of a street. The district admin creates a street with its first
 * institute admin (one-time password, as `createAccount` gives) in one transaction the district
 * feature opens, lists the streets' admins, and disables or enables them — no other account.
 */

export interface PreparedStreetAdmin {
  accountId: string;
  username: string;
  displayName: string;
  phone: string | null;
  oneTimePassword: string;
  hash: string;
}

/** Before the transaction: the name and phone are free, and the password is hashed (scrypt is slow). */
export async function prepareStreetAdmin(deps: Deps, input: { username: string; displayName: string; phone?: string }): Promise<PreparedStreetAdmin> {
  if (await q.findAccountByUsername(deps.db, input.username)) throw new AppError('account.duplicate_username');
  if (input.phone && (await q.findPersonByPhone(deps.db, input.phone))) throw new AppError('account.duplicate_phone');
  const otp = oneTimePassword();
  return {
    accountId: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    phone: input.phone ?? null,
    oneTimePassword: otp,
    hash: await hashPassword(otp),
  };
}

/** In the street's transaction: the person, the account (must change its password) and its institute admin grant, audited. */
export async function recordStreetAdmin(trx: DbOrTrx, deps: Deps, ctx: Ctx, a: PreparedStreetAdmin, instituteId: string, now: Date): Promise<StreetAdminView> {
  await recordStaffAccount(trx, deps, ctx, a, 'institute_admin', instituteId, now);
  return { accountId: a.accountId, username: a.username, displayName: a.displayName, disabled: false, lastLoginAt: null };
}

/**
 * In the caller's transaction: the person, the account (must change its one-time password) and one
 * grant of `role` on `unitId`, audited as `accounts.created`. A street's admin and the district's own
 * accounts are made this way.
 */
export async function recordStaffAccount(trx: DbOrTrx, deps: Deps, ctx: Ctx, a: PreparedStreetAdmin, role: Role, unitId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const personId = randomUUID();
  await recordPerson(trx, { id: personId, name: a.displayName, phone: a.phone, now: at });
  await q.insertAccount(
    trx,
    {
      ...{ id: a.accountId, username: a.username, person_id: personId, display_name: a.displayName, password_hash: a.hash, must_change_password: 1 },
      ...{ password_changed_at: at, failed_count: 0, locked_until: null, disabled: 0, last_login_at: null, created_at: at, updated_at: at },
    },
    randomUUID(),
  );
  await q.insertGrant(trx, { id: randomUUID(), account_id: a.accountId, role, unit_id: unitId, team_id: null, created_at: at });
  await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
    action: 'accounts.created',
    objectType: 'account',
    objectId: a.accountId,
    unitId,
    changes: {
      username: { before: null, after: a.username },
      displayName: { before: null, after: a.displayName },
      role: { before: null, after: ROLES[role].label },
      phone: { before: null, after: maskPhone(a.phone) },
    },
  });
}

/** The institute admins of each street, by street id. */
export async function streetAdminsByStreet(db: DbOrTrx, instituteIds: string[]): Promise<Map<string, StreetAdminView[]>> {
  const out = new Map<string, StreetAdminView[]>();
  for (const r of await q.streetAdminsOf(db, instituteIds)) {
    const list = out.get(r.unit_id) ?? [];
    list.push({ accountId: r.id, username: r.username, displayName: r.display_name, disabled: Boolean(r.disabled), lastLoginAt: r.last_login_at });
    out.set(r.unit_id, list);
  }
  return out;
}

/**
 * Disable (sessions end at once) or enable a street's admin. Only an account that is an institute
 * admin of a street in the caller's district, with no grant outside it; anything else is 404.
 */
export async function setStreetAdminDisabled(deps: Deps, ctx: Ctx, accountId: string, disabled: boolean): Promise<StreetAdminView> {
  const inScope = await ctx.scope.units('accounts.manage_street_admins');
  const tree = await ctx.scope.tree();
  const account = await q.getAccount(deps.db, accountId);
  if (!account) throw notFound();
  const grants = await q.listGrants(deps.db, [accountId]);
  const street = grants.find((g) => g.role === 'institute_admin' && tree.nodes.get(g.unit_id)?.kind === 'institute')?.unit_id;
  if (!street || !grants.every((g) => inScope.has(g.unit_id))) throw notFound();
  if (accountId === ctx.actor.accountId) throw new AppError('account.self_disable');
  if (Boolean(account.disabled) !== disabled)
    await writeAccountDisabled(deps, ctx, account, disabled, { unitId: street, actions: ['accounts.street_admin_disabled', 'accounts.street_admin_enabled'] });
  return { accountId, username: account.username, displayName: account.display_name, disabled, lastLoginAt: account.last_login_at };
}
