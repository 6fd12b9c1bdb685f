import type { MyMarketView } from '../../../shared/market';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { balanceOf } from '../points/points.ledger';
import { readableShops } from './market.catalogue';
import { presentShop } from './market.presenter';

/** The volunteer's phone page: their balance and the shops of their institute. */
export async function myMarket(deps: Deps, ctx: Ctx): Promise<MyMarketView> {
  const mine = (await ctx.scope.me()).volunteer;
  if (!mine) throw new AppError('market.not_volunteer');
  const shops = await readableShops(deps, ctx);
  return { volunteerId: mine.id, balance: await balanceOf(deps.db, mine.id), shops: shops.map((s) => presentShop(s, false)) };
}
