import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import * as q from './accounts.queries';

/**
 * Disables or enables an account in one transaction: the flag, its sessions ended at once when disabled
 * (ASVS 7.4.2), one audit row. The console's accounts page, the district's street admins and the
 * district's own accounts each decide who may, then call this.
 */
export async function writeAccountDisabled(
  deps: Deps,
  ctx: Ctx,
  account: { id: string; disabled: number },
  disabled: boolean,
  audit: { unitId?: string; actions?: readonly [disabled: string, enabled: string] } = {},
): Promise<void> {
  const [off, on] = audit.actions ?? ['accounts.disabled', 'accounts.enabled'];
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.setDisabled(trx, account.id, disabled, now.toISOString());
    if (disabled) await q.revokeAccountSessions(trx, account.id, now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: disabled ? off : on,
      objectType: 'account',
      objectId: account.id,
      ...(audit.unitId ? { unitId: audit.unitId } : {}),
      changes: { disabled: { before: Boolean(account.disabled), after: disabled } },
    });
  });
}
