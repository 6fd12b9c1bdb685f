import type { DbOrTrx } from '../../platform/db';
import type { Config } from '../../platform/config';
import * as q from './orders.queries';
import { openOrderContact } from './orders.sealing';

/**
 * What other features (Open311 publishing the menu and the requests' status) may read of orders
 * and the service menu; they never import `orders.queries`. Orders are placed through
 * `insertNewOrder` in `orders.placing`, the one writer.
 */
export type Order = q.OrderRow;
export type OrderFilter = q.OrderFilter;

/** The service menu with each item's unit name; `null` units: every unit. */
export function serviceItems(db: DbOrTrx, includeArchived: boolean) {
  return q.listItems(db, null, includeArchived);
}

export function serviceItemByCode(db: DbOrTrx, code: string) {
  return q.getItemByCode(db, code);
}

export function orderById(db: DbOrTrx, id: string): Promise<Order | undefined> {
  return q.getOrder(db, id);
}

export function orderByNumber(db: DbOrTrx, number: string): Promise<Order | undefined> {
  return q.getOrderByNumber(db, number);
}

export function findOrders(db: DbOrTrx, f: OrderFilter, limit: number, offset: number) {
  return q.listOrders(db, f, limit, offset);
}

/** Stations taking orders, with their location (for routing to the nearest). */
export function stationPoints(db: DbOrTrx) {
  return q.activeStationPoints(db);
}

/** The assessment's facts: the orders the given stations received in [from, to) (not rejected or cancelled), in one statement. */
export function ordersForAssessment(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  return q.ordersOfUnitsReceived(db, stationIds, from, to);
}

/** How many orders wait to be reviewed or dispatched in these units. */
export function awaitingDispatch(db: DbOrTrx, unitIds: string[]): Promise<number> {
  return q.countAwaitingDispatch(db, unitIds);
}

/** The reports' orders: every order the units received in [from, to), with status, acceptance against the deadline and rating. */
export function ordersPlacedForReport(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  return q.ordersPlacedForReport(db, unitIds, from, to);
}

/** 个人信息权利: orders the person placed (their own phone and address opened where sealed), and those they served as a volunteer. */
export async function ordersForExport(db: DbOrTrx, keys: Config['keys'], personId: string, volunteerId: string | null) {
  const placed = (await q.listOrders(db, { requesterPersonId: personId }, 100_000, 0)).rows.map(({ requester_phone_enc, address_enc, ...o }) => {
    const contact = openOrderContact(keys, { requester_phone: o.requester_phone, requester_phone_enc, address: o.address, address_enc });
    return { ...o, requester_phone: contact.phone, address: contact.address };
  });
  return { placed, served: volunteerId ? await q.ordersServedBy(db, volunteerId) : [] };
}
