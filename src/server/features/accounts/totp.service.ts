import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { TotpCodeInput, TotpDisableInput, TotpRecoveryCodesView, TotpSetupView, TotpStatusView } from '../../../shared/accounts';
import { appendAudit } from '../../platform/audit';
import { decrypt, encrypt, hmacHex, verifyPassword } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { newRecoveryCodes, newTotpSecret, normalRecoveryCode, totpMatch, totpUri } from '../../platform/totp';
import * as q from './accounts.queries';
import { totpRequired } from './totp.rule';
import * as tq from './totp.queries';

/** The name an authenticator app shows above the code. */
const ISSUER = '新时代文明实践平台';

/**
 * 账号安全: a signed-in person's own two-factor login. No unit is involved (it is their own
 * account), so there is no scope check; every change is audited in its own transaction.
 */
export async function viewTotp(deps: Deps, ctx: Ctx): Promise<TotpStatusView> {
  const [row, required, left] = await Promise.all([
    tq.findTotp(deps.db, ctx.actor.accountId),
    totpRequired(deps, ctx.actor.grants),
    tq.countRecoveryCodesLeft(deps.db, ctx.actor.accountId),
  ]);
  const enabled = !!row?.enabled_at;
  return { enabled, enabledAt: row?.enabled_at ?? null, required, recoveryCodesLeft: enabled ? left : 0 };
}

/** A fresh secret, sealed at rest; it is in force only once a code confirms it (enableTotp). */
export async function startTotpSetup(deps: Deps, ctx: Ctx): Promise<TotpSetupView> {
  const now = deps.clock.now();
  const existing = await tq.findTotp(deps.db, ctx.actor.accountId);
  if (existing?.enabled_at) throw new AppError('totp.already_enabled');
  const secret = newTotpSecret();
  await deps.db.transaction().execute(async (trx) => {
    await tq.putPendingTotp(trx, ctx.actor.accountId, encrypt(deps.config.keys.encryption, secret), now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'auth.totp_setup_started',
      objectType: 'account',
      objectId: ctx.actor.accountId,
    });
  });
  const uri = totpUri(secret, ISSUER, ctx.actor.username);
  // Drawn here, not by a web service: the secret never leaves this server but to the person's browser.
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });
  return { secret, uri, qrDataUrl };
}

/** The first code confirms the secret; ten recovery codes are made and shown this once. */
export async function enableTotp(deps: Deps, ctx: Ctx, input: TotpCodeInput): Promise<TotpRecoveryCodesView> {
  const now = deps.clock.now();
  const accountId = ctx.actor.accountId;
  const row = await tq.findTotp(deps.db, accountId);
  if (row?.enabled_at) throw new AppError('totp.already_enabled');
  if (!row) throw new AppError('totp.not_started');
  const step = totpMatch(decrypt(deps.config.keys.encryption, row.secret_sealed), input.code, now);
  if (step === null) {
    await auditFailure(deps, ctx, 'auth.totp_enable_failed');
    throw new AppError('totp.invalid_code');
  }
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await tq.confirmTotp(trx, accountId, step, now.toISOString()))) throw new AppError('totp.already_enabled');
    await tq.replaceRecoveryCodes(
      trx,
      accountId,
      codes.map((c) => ({
        id: randomUUID(),
        account_id: accountId,
        code_hmac: hmacHex(deps.config.keys.index, normalRecoveryCode(c)),
        used_at: null,
        created_at: now.toISOString(),
      })),
    );
    // Sessions that could only reach the enrolment may now reach everything their roles allow.
    await tq.markSessionsEnrolOnly(trx, accountId, false);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'auth.totp_enabled', objectType: 'account', objectId: accountId });
  });
  return { recoveryCodes: codes };
}

/** Needs the password and a code (or a recovery code). If the rule requires 2FA, the account's sessions go back to enrolment only. */
export async function disableTotp(deps: Deps, ctx: Ctx, input: TotpDisableInput): Promise<void> {
  const now = deps.clock.now();
  const accountId = ctx.actor.accountId;
  const [account, row] = await Promise.all([q.getAccount(deps.db, accountId), tq.findTotp(deps.db, accountId)]);
  if (!account) throw new AppError('auth.required');
  if (!row?.enabled_at) throw new AppError('totp.not_enabled');
  if (!(await verifyPassword(input.password, account.password_hash))) {
    await auditFailure(deps, ctx, 'auth.totp_disable_failed');
    throw new AppError('auth.wrong_password');
  }
  const step = totpMatch(decrypt(deps.config.keys.encryption, row.secret_sealed), input.code, now);
  const required = await totpRequired(deps, ctx.actor.grants);
  const done = await deps.db.transaction().execute(async (trx) => {
    const ok =
      step !== null
        ? await tq.spendTotpStep(trx, accountId, step, now.toISOString())
        : await tq.spendRecoveryCode(trx, accountId, hmacHex(deps.config.keys.index, normalRecoveryCode(input.code)), now.toISOString());
    if (!ok) return false;
    await tq.deleteTotp(trx, accountId);
    if (required) await tq.markSessionsEnrolOnly(trx, accountId, true);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'auth.totp_disabled', objectType: 'account', objectId: accountId });
    return true;
  });
  if (!done) {
    await auditFailure(deps, ctx, 'auth.totp_disable_failed');
    throw new AppError('totp.invalid_code');
  }
}

function auditFailure(deps: Deps, ctx: Ctx, action: string) {
  return deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action,
      objectType: 'account',
      objectId: ctx.actor.accountId,
      outcome: 'failure',
    }),
  );
}
