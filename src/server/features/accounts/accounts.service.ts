import { randomUUID } from 'node:crypto';
import { type AccountListQuery, type AccountView, type CreateAccountInput, ROLES, type Role } from '../../../shared/accounts';
import type { UnitKind } from '../../../shared/org';
import { maskPhone } from '../../../shared/mask';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { hashPassword, oneTimePassword } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import * as q from './accounts.queries';
import { writeAccountDisabled } from './accounts.disabling';
import * as totp from './totp.queries';
import { recordPerson } from '../volunteers/volunteers.registration';

/** Which kind of unit each role's grant sits on. */
const ROLE_UNIT_KINDS: Record<Role, UnitKind[]> = {
  district_viewer: ['district'],
  district_admin: ['district'],
  institute_admin: ['institute'],
  station_admin: ['station'],
  team_leader: ['institute', 'station'],
  volunteer: ['institute', 'station'],
  resident: ['station'],
};

async function present(deps: Deps, rows: q.AccountRow[]): Promise<AccountView[]> {
  const grants = await q.listGrants(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    phoneMasked: maskPhone(r.phone),
    disabled: Boolean(r.disabled),
    lockedUntil: r.locked_until && r.locked_until > deps.clock.now().toISOString() ? r.locked_until : null,
    mustChangePassword: Boolean(r.must_change_password),
    lastLoginAt: r.last_login_at,
    roles: grants.filter((g) => g.account_id === r.id).map((g) => ({ role: g.role, unitId: g.unit_id, unitName: g.unit_name, teamId: g.team_id })),
  }));
}

export async function listAccounts(deps: Deps, ctx: Ctx, query: z.infer<typeof AccountListQuery>) {
  const unitIds = await ctx.scope.units('accounts.read');
  let units = [...unitIds];
  if (query.unitId) {
    if (!unitIds.has(query.unitId)) throw notFound();
    units = [query.unitId];
  }
  const { rows, total } = await q.listAccountsInUnits(deps.db, units, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await present(deps, rows), total, page: query.page, pageSize: query.pageSize };
}

/** An account is managed by someone whose scope covers every one of its grants. */
async function requireManageable(deps: Deps, ctx: Ctx, accountId: string): Promise<q.AccountRow> {
  const unitIds = await ctx.scope.units('accounts.manage');
  const account = await q.getAccount(deps.db, accountId);
  if (!account) throw notFound();
  const grants = await q.listGrants(deps.db, [accountId]);
  if (grants.length === 0 || !grants.every((g) => unitIds.has(g.unit_id))) throw notFound();
  return account;
}

/**
 * Staff create accounts for colleagues and for people without phones. The person gets a
 * one-time password, shown once, and must choose their own at first login.
 */
export async function createAccount(deps: Deps, ctx: Ctx, input: CreateAccountInput) {
  const tree = await ctx.scope.require('accounts.manage', input.unitId);
  const unit = tree.nodes.get(input.unitId);
  if (!unit || !ROLE_UNIT_KINDS[input.role].includes(unit.kind)) throw new AppError('account.role_unit_mismatch');
  if (input.role === 'institute_admin' && !ctx.scope.hasRole('accounts.grant_institute_admin')) throw new AppError('access.denied');
  if (await q.findAccountByUsername(deps.db, input.username)) throw new AppError('account.duplicate_username');
  if (input.phone && (await q.findPersonByPhone(deps.db, input.phone))) throw new AppError('account.duplicate_phone');
  const otp = oneTimePassword();
  const hash = await hashPassword(otp);
  const now = deps.clock.now().toISOString();
  const accountId = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const personId = randomUUID();
    await recordPerson(trx, { id: personId, name: input.displayName, phone: input.phone ?? null, now });
    await q.insertAccount(
      trx,
      {
        id: accountId,
        username: input.username,
        person_id: personId,
        display_name: input.displayName,
        password_hash: hash,
        must_change_password: 1,
        password_changed_at: now,
        failed_count: 0,
        locked_until: null,
        disabled: 0,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      },
      randomUUID(),
    );
    await q.insertGrant(trx, { id: randomUUID(), account_id: accountId, role: input.role, unit_id: input.unitId, team_id: null, created_at: now });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'accounts.created',
      objectType: 'account',
      objectId: accountId,
      unitId: input.unitId,
      changes: {
        username: { before: null, after: input.username },
        displayName: { before: null, after: input.displayName },
        role: { before: null, after: ROLES[input.role].label },
        phone: { before: null, after: maskPhone(input.phone ?? null) },
      },
    });
  });
  const created = await q.getAccount(deps.db, accountId);
  if (!created) throw new AppError('internal');
  return { account: (await present(deps, [created]))[0], oneTimePassword: otp };
}

export async function setAccountDisabled(deps: Deps, ctx: Ctx, accountId: string, disabled: boolean) {
  const account = await requireManageable(deps, ctx, accountId);
  if (accountId === ctx.actor.accountId) throw new AppError('account.self_disable');
  await writeAccountDisabled(deps, ctx, account, disabled);
  const fresh = await q.getAccount(deps.db, accountId);
  return (await present(deps, [fresh as q.AccountRow]))[0];
}

export async function resetAccountPassword(deps: Deps, ctx: Ctx, accountId: string) {
  await requireManageable(deps, ctx, accountId);
  const otp = oneTimePassword();
  const hash = await hashPassword(otp);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.setPassword(trx, accountId, hash, now.toISOString(), true, randomUUID());
    await q.revokeAccountSessions(trx, accountId, now.toISOString());
    // An admin's reset is how someone who lost their phone and recovery codes gets back in: the
    // second factor goes with the password, and the rule makes them enrol again at the next login.
    const hadTotp = Boolean(await totp.findTotp(trx, accountId));
    if (hadTotp) await totp.deleteTotp(trx, accountId);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'accounts.password_reset',
      objectType: 'account',
      objectId: accountId,
      ...(hadTotp ? { changes: { totp: { before: 'enabled', after: 'cleared' } } } : {}),
    });
  });
  return { oneTimePassword: otp };
}

export async function revokeSessions(deps: Deps, ctx: Ctx, accountId: string) {
  await requireManageable(deps, ctx, accountId);
  const now = deps.clock.now();
  const ended = await deps.db.transaction().execute(async (trx) => {
    const n = await q.revokeAccountSessions(trx, accountId, now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'accounts.sessions_revoked',
      objectType: 'account',
      objectId: accountId,
      changes: { sessions: { before: n, after: 0 } },
    });
    return n;
  });
  return { ended };
}
