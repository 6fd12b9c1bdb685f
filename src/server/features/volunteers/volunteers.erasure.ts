import type { Trx } from '../../platform/db';
import * as q from './volunteers.queries';

/**
 * The one writer of `people` and `volunteers` for 个人信息权利 (PIPL 47): anonymises a person in the
 * caller's transaction. The name becomes `name` (已注销用户), identity and contact fields are cleared;
 * the rows stay, so every ledger row that points to them (hours, points, stock, audit) still adds up.
 */
export async function anonymisePerson(trx: Trx, personId: string, name: string, now: string): Promise<void> {
  await q.erasePersonRow(trx, personId, name, now);
  await q.eraseVolunteerRows(trx, personId, now);
}
