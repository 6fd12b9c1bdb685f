import type { TotpChallengeView } from '../../../shared/accounts';
import { appendAudit } from '../../platform/audit';
import { newToken, sha256Hex } from '../../platform/crypto';
import type { Deps } from '../../platform/deps';
import type { AccountRow } from './accounts.queries';
import type { RequestMeta } from './auth.service';
import * as tq from './totp.queries';

/** The second step must follow the first within this time (a phone is at hand or it is not). */
export const CHALLENGE_SECONDS = 5 * 60;
/** Wrong codes one challenge takes before the password must be typed again. */
export const CHALLENGE_MAX_ATTEMPTS = 5;

/**
 * The password was right and the account has two-factor login: no session yet, a challenge bound
 * to this login attempt (a 256-bit token the browser holds; the database keeps its SHA-256).
 */
export async function startTotpChallenge(deps: Deps, meta: RequestMeta, account: AccountRow): Promise<TotpChallengeView> {
  const now = deps.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_SECONDS * 1000).toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await tq.insertChallenge(trx, {
      id: sha256Hex(token),
      account_id: account.id,
      attempts: 0,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      ip: meta.ip,
    });
    await appendAudit(
      trx,
      deps.config.keys.audit,
      now,
      { actorAccountId: account.id, actorName: account.display_name, ip: meta.ip, requestId: meta.requestId },
      { action: 'auth.totp_challenge', objectType: 'account', objectId: account.id },
    );
  });
  return { step: 'totp', challengeToken: token, expiresAt };
}
