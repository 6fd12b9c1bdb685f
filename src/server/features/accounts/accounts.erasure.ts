import type { Trx } from '../../platform/db';
import * as q from './accounts.queries';

/**
 * The one writer of `accounts` and `sessions` for 个人信息权利 (PIPL 47): every login of the person is
 * renamed, disabled and signed out everywhere, in the caller's transaction. Returns how many.
 */
export async function closeLoginsOfPerson(trx: Trx, personId: string, name: string, now: string): Promise<number> {
  const ids = await q.closeAccountsOfPerson(trx, personId, name, now);
  for (const id of ids) await q.revokeAccountSessions(trx, id, now);
  return ids.length;
}
