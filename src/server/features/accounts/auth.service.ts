import { randomUUID } from 'node:crypto';
import { ROLES, type ChangePasswordInput, type LoginInput, type SessionView, type TotpChallengeView } from '../../../shared/accounts';
import { maskPhone } from '../../../shared/mask';
import { passwordProblem } from '../../../shared/rules/password';
import { appendAudit } from '../../platform/audit';
import { isCommonPassword } from '../../platform/common-passwords';
import { DUMMY_PASSWORD_HASH, hashPassword, newToken, sha256Hex, verifyPassword } from '../../platform/crypto';
import type { Actor, Ctx, Deps, Grant } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { AppError } from '../../platform/errors';
import * as q from './accounts.queries';
import { startTotpChallenge } from './totp.challenge';
import { enrolOnly } from './totp.rule';
import * as tq from './totp.queries';

export interface RequestMeta {
  ip: string;
  requestId: string;
  userAgent: string | null;
  /** The session token the browser already had, if any: it is ended at login (token rotation). */
  previousToken: string | null;
}

export interface IssuedSession {
  token: string;
  view: SessionView;
  maxAgeSeconds: number;
}

/** How many earlier passwords may not be reused (等保 common practice: the last 5). */
const PASSWORD_HISTORY = 5;

function sessionLimits(deps: Deps, grants: Grant[]) {
  const staff = grants.some((g) => ROLES[g.role].staff);
  const s = deps.config.session;
  return staff ? { staff, idle: s.staffIdleSeconds, absolute: s.staffAbsoluteSeconds } : { staff, idle: s.selfIdleSeconds, absolute: s.selfAbsoluteSeconds };
}

async function loadGrants(deps: Deps, accountId: string): Promise<(Grant & { unitName: string })[]> {
  const rows = await q.listGrants(deps.db, [accountId]);
  return rows.map((r) => ({ role: r.role, unitId: r.unit_id, teamId: r.team_id, unitName: r.unit_name }));
}

function failAudit(deps: Deps, meta: RequestMeta, action: string, accountId: string | null, name: string | null, detail: Record<string, unknown>) {
  return deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      deps.config.keys.audit,
      deps.clock.now(),
      { actorAccountId: accountId, actorName: name, ip: meta.ip, requestId: meta.requestId },
      {
        action,
        objectType: 'account',
        objectId: accountId,
        outcome: 'failure',
        changes: Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, { before: null, after: v }])),
      },
    ),
  );
}

/**
 * 等保 身份鉴别 b / ASVS 6.3.1: an account locks after 5 failures in a row for 15 minutes. The
 * per-address limit (429) runs before this, in onRequest, so a flood never reaches the hashing.
 * Every attempt, good or bad, writes an audit row (ASVS 16.3.1).
 */
export async function login(deps: Deps, meta: RequestMeta, input: LoginInput): Promise<IssuedSession | TotpChallengeView> {
  const now = deps.clock.now();
  const account = await q.findAccountForLogin(deps.db, input.username);
  if (!account) {
    await verifyPassword(input.password, DUMMY_PASSWORD_HASH);
    await failAudit(deps, meta, 'auth.login_failed', null, null, { login: input.username.slice(0, 64), reason: 'unknown_account' });
    throw new AppError('auth.invalid_credentials');
  }
  const ok = await verifyPassword(input.password, account.password_hash);
  if (account.locked_until && account.locked_until > now.toISOString()) {
    await failAudit(deps, meta, 'auth.login_failed', account.id, account.display_name, { reason: 'locked' });
    // Only someone who knows the password learns the account is locked (and until when); anyone
    // else gets the answer an unknown name gets, so the lockout does not reveal which names exist.
    if (ok && !account.disabled) throw new AppError('auth.locked', { details: { lockedUntil: account.locked_until } });
    throw new AppError('auth.invalid_credentials');
  }
  if (!ok || account.disabled) {
    if (account.disabled) {
      await failAudit(deps, meta, 'auth.login_failed', account.id, account.display_name, { reason: 'disabled' });
      throw new AppError('auth.invalid_credentials');
    }
    const { maxFailures, lockSeconds } = deps.config.lockout;
    const lockedUntil = new Date(now.getTime() + lockSeconds * 1000).toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const r = await q.recordLoginFailure(trx, account.id, now.toISOString(), maxFailures, lockedUntil);
      const who = { actorAccountId: account.id, actorName: account.display_name, ip: meta.ip, requestId: meta.requestId };
      await appendAudit(trx, deps.config.keys.audit, now, who, {
        action: 'auth.login_failed',
        objectType: 'account',
        objectId: account.id,
        outcome: 'failure',
        changes: { reason: { before: null, after: 'wrong_password' } },
      });
      if (r.locked) {
        await appendAudit(trx, deps.config.keys.audit, now, who, {
          action: 'auth.locked',
          objectType: 'account',
          objectId: account.id,
          changes: { lockedUntil: { before: null, after: lockedUntil } },
        });
      }
    });
    // The failure that locks the account answers like any other wrong password (see above).
    throw new AppError('auth.invalid_credentials');
  }
  // Two-factor login on: the password alone opens no session, only the second step.
  if ((await tq.findTotp(deps.db, account.id))?.enabled_at) return startTotpChallenge(deps, meta, account);
  return completeLogin(deps, meta, account, 'password');
}

/**
 * The last step of every login: the failure count is reset, the browser's old session ends (token
 * rotation), a new one opens — only to the enrolment when the rule requires 2FA and it is not set up.
 */
export async function completeLogin(
  deps: Deps,
  meta: RequestMeta,
  account: q.AccountRow,
  factor: 'password' | 'totp' | 'recovery_code',
  inTrx?: (trx: Parameters<typeof q.insertSession>[0]) => Promise<void>,
): Promise<IssuedSession> {
  const now = deps.clock.now();
  const grants = await q.listGrants(deps.db, [account.id]);
  const restricted = await enrolOnly(
    deps,
    deps.db,
    account.id,
    grants.map((g) => ({ role: g.role, unitId: g.unit_id })),
  );
  return deps.db.transaction().execute(async (trx) => {
    if (inTrx) await inTrx(trx);
    await q.recordLoginSuccess(trx, account.id, now.toISOString());
    if (meta.previousToken) await q.revokeSession(trx, sha256Hex(meta.previousToken), now.toISOString());
    const issued = await issueSessionIn(deps, trx, account, meta, restricted);
    await appendAudit(
      trx,
      deps.config.keys.audit,
      now,
      { actorAccountId: account.id, actorName: account.display_name, ip: meta.ip, requestId: meta.requestId },
      {
        action: 'auth.login',
        objectType: 'account',
        objectId: account.id,
        changes: { factor: { before: null, after: factor }, ...(restricted ? { totpEnrolmentRequired: { before: null, after: true } } : {}) },
      },
    );
    return issued;
  });
}

async function issueSessionIn(
  deps: Deps,
  trx: Parameters<typeof q.insertSession>[0],
  account: q.AccountRow,
  meta: RequestMeta,
  totpEnrolOnly: boolean,
): Promise<IssuedSession> {
  const now = deps.clock.now();
  const grants = (await q.listGrants(trx, [account.id])).map((r) => ({ role: r.role, unitId: r.unit_id, teamId: r.team_id, unitName: r.unit_name }));
  const limits = sessionLimits(deps, grants);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + limits.absolute * 1000).toISOString();
  await q.insertSession(trx, {
    id: sha256Hex(token),
    account_id: account.id,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
    idle_seconds: limits.idle,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    revoked_at: null,
    totp_enrol_only: totpEnrolOnly ? 1 : 0,
  });
  return {
    token,
    maxAgeSeconds: limits.absolute,
    view: {
      account: {
        id: account.id,
        username: account.username,
        displayName: account.display_name,
        phoneMasked: maskPhone(account.phone),
        mustChangePassword: Boolean(account.must_change_password),
        totpEnrolmentRequired: totpEnrolOnly,
      },
      roles: grants,
      isStaff: limits.staff,
      csrfToken,
      idleTimeoutSeconds: limits.idle,
      expiresAt,
    },
  };
}

export async function describeSession(deps: Deps, actor: Actor): Promise<SessionView> {
  const [account, session, grants] = await Promise.all([
    q.getAccount(deps.db, actor.accountId),
    q.findSession(deps.db, actor.sessionId),
    loadGrants(deps, actor.accountId),
  ]);
  if (!account || !session) throw new AppError('auth.required');
  return {
    account: {
      id: account.id,
      username: account.username,
      displayName: account.display_name,
      phoneMasked: maskPhone(account.phone),
      mustChangePassword: Boolean(account.must_change_password),
      totpEnrolmentRequired: Boolean(session.totp_enrol_only),
    },
    roles: grants,
    isStaff: actor.isStaff,
    csrfToken: session.csrf_token,
    idleTimeoutSeconds: session.idle_seconds,
    expiresAt: session.expires_at,
  };
}

export async function logout(deps: Deps, ctx: Ctx): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.revokeSession(trx, ctx.actor.sessionId, now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'auth.logout', objectType: 'account', objectId: ctx.actor.accountId });
  });
}

/** Checks a new password against every rule; throws the first problem found. */
export async function assertAcceptablePassword(deps: Deps, password: string, account: { username: string; id: string; password_hash: string }): Promise<void> {
  const problem = passwordProblem(password, account.username);
  if (problem) throw new AppError(problem);
  if (isCommonPassword(password)) throw new AppError('password.common');
  const previous = [account.password_hash, ...(await q.recentPasswordHashes(deps.db, account.id, PASSWORD_HISTORY)).map((r) => r.password_hash)];
  for (const hash of new Set(previous)) {
    if (await verifyPassword(password, hash)) throw new AppError('password.reused');
  }
}

/**
 * Changing the password ends every other session of the account and rotates the caller's own
 * (ASVS 7.4.3), and clears a first-login "must change" flag.
 */
export async function changePassword(deps: Deps, ctx: Ctx, meta: RequestMeta, input: ChangePasswordInput): Promise<IssuedSession> {
  const account = await q.getAccount(deps.db, ctx.actor.accountId);
  if (!account) throw new AppError('auth.required');
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) throw new AppError('auth.wrong_password');
  await assertAcceptablePassword(deps, input.newPassword, account);
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  const restricted = await enrolOnly(deps, deps.db, account.id, ctx.actor.grants);
  return deps.db.transaction().execute(async (trx) => {
    await q.setPassword(trx, account.id, hash, now.toISOString(), false, randomUUID());
    await q.revokeAccountSessions(trx, account.id, now.toISOString());
    const fresh = await q.getAccount(trx, account.id);
    const issued = await issueSessionIn(deps, trx, fresh ?? account, meta, restricted);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'auth.password_changed', objectType: 'account', objectId: account.id });
    return issued;
  });
}
