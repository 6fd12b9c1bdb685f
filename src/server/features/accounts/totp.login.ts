import type { TotpLoginInput } from '../../../shared/accounts';
import { appendAudit } from '../../platform/audit';
import { decrypt, hmacHex, sha256Hex } from '../../platform/crypto';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { normalRecoveryCode, totpMatch } from '../../platform/totp';
import * as q from './accounts.queries';
import { completeLogin, type IssuedSession, type RequestMeta } from './auth.service';
import { CHALLENGE_MAX_ATTEMPTS } from './totp.challenge';
import * as tq from './totp.queries';

type Trx = Parameters<typeof tq.spendTotpStep>[0];

/**
 * The second login step. A code is good once (its 30-second step is stored and must rise), a
 * recovery code once; a wrong one counts on the challenge (5 per challenge) and on the account's
 * lockout exactly like a wrong password, and is audited.
 */
export async function loginWithTotp(deps: Deps, meta: RequestMeta, input: TotpLoginInput): Promise<IssuedSession> {
  const now = deps.clock.now();
  const challengeId = sha256Hex(input.challengeToken);
  const challenge = await tq.findChallenge(deps.db, challengeId);
  if (!challenge || challenge.used_at || challenge.expires_at <= now.toISOString() || challenge.attempts >= CHALLENGE_MAX_ATTEMPTS) {
    throw new AppError('auth.totp_challenge_expired');
  }
  const account = await q.getAccount(deps.db, challenge.account_id);
  const totp = await tq.findTotp(deps.db, challenge.account_id);
  if (!account || account.disabled || !totp?.enabled_at) throw new AppError('auth.totp_challenge_expired');
  if (account.locked_until && account.locked_until > now.toISOString()) {
    throw new AppError('auth.locked', { details: { lockedUntil: account.locked_until } });
  }
  const secret = decrypt(deps.config.keys.encryption, totp.secret_sealed);
  const step = input.method === 'code' ? totpMatch(secret, input.code, now) : null;
  const recoveryHmac = input.method === 'recovery' ? hmacHex(deps.config.keys.index, normalRecoveryCode(input.code)) : null;
  try {
    return await completeLogin(deps, meta, account, input.method === 'code' ? 'totp' : 'recovery_code', async (trx) => {
      // Inside the login's transaction: a code spent here is spent only if the session opens.
      const spent =
        step !== null
          ? await tq.spendTotpStep(trx, account.id, step, now.toISOString())
          : recoveryHmac !== null && (await tq.spendRecoveryCode(trx, account.id, recoveryHmac, now.toISOString()));
      if (!spent) throw new WrongCode(step !== null ? 'replayed_totp' : input.method === 'code' ? 'wrong_totp' : 'wrong_recovery_code');
      if (!(await tq.closeChallenge(trx, challengeId, now.toISOString()))) throw new AppError('auth.totp_challenge_expired');
    });
  } catch (err) {
    if (!(err instanceof WrongCode)) throw err;
    await recordWrongCode(deps, meta, account, challengeId, err.reason);
    throw new AppError('auth.totp_invalid');
  }
}

class WrongCode extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

async function recordWrongCode(deps: Deps, meta: RequestMeta, account: q.AccountRow, challengeId: string, reason: string): Promise<void> {
  const now = deps.clock.now();
  const { maxFailures, lockSeconds } = deps.config.lockout;
  const lockedUntil = new Date(now.getTime() + lockSeconds * 1000).toISOString();
  await deps.db.transaction().execute(async (trx: Trx) => {
    await tq.countChallengeAttempt(trx, challengeId);
    const r = await q.recordLoginFailure(trx, account.id, now.toISOString(), maxFailures, lockedUntil);
    const who = { actorAccountId: account.id, actorName: account.display_name, ip: meta.ip, requestId: meta.requestId };
    await appendAudit(trx, deps.config.keys.audit, now, who, {
      action: 'auth.login_failed',
      objectType: 'account',
      objectId: account.id,
      outcome: 'failure',
      changes: { reason: { before: null, after: reason } },
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
}
