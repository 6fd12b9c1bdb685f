import type { Trx } from '../../platform/db';
import * as q from './orders.queries';

/**
 * The one writer of `orders` for 个人信息权利 (PIPL 47): the orders a person placed keep their row and
 * history, but the requester's name becomes `name` and their phone and address are cleared.
 */
export function anonymiseRequester(trx: Trx, personId: string, name: string, now: string) {
  return q.eraseRequester(trx, personId, name, now);
}
