import type { Deps } from '../../platform/deps';
import { expireReservations } from './market.reservations';

/** The market's time-driven step: reservations not collected within `market.reservationDays` expire (points and goods back). */
export async function tickMarket(deps: Deps): Promise<void> {
  await expireReservations(deps);
}
