import { useQuery } from '@tanstack/react-query';
// Types only: the phone home is the first page of /m and stays free of zod (see shared/routes.ts).
import type * as hours from '../../../shared/hours.endpoints';
import type * as orders from '../../../shared/orders.endpoints';
import type * as points from '../../../shared/points.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

/*
 * What the phone home shows of the person's own records, through the endpoints the other pages use.
 * Keys sit under each feature's root ('orders', 'hours', 'points'), so a change there refreshes the home.
 */

/** The resident's latest orders (newest first, as the server pages them). */
export function useLatestOrders(count: number) {
  return useQuery({
    queryKey: ['orders', 'home', 'mine', count],
    queryFn: () => callRoute<typeof orders.listMyOrders>(routes.listMyOrders, { query: { page: 1, pageSize: count } }),
  });
}

/** A volunteer's tasks: those in service, and those they may take. */
export function useTaskCounts() {
  return useQuery({
    queryKey: ['orders', 'home', 'tasks'],
    queryFn: async () => {
      const { items } = await callRoute<typeof orders.listMyTasks>(routes.listMyTasks, { query: { page: 1, pageSize: 100 } });
      return {
        available: items.filter((x) => x.allowedActions.includes('accept')).length,
        active: items.filter((x) => !x.allowedActions.includes('accept') && (x.status === 'accepted' || x.status === 'in_service')).length,
      };
    },
  });
}

/** Hours and star level of the signed-in volunteer. */
export function useHoursAtAGlance() {
  return useQuery({ queryKey: ['hours', 'mine', 'summary'], queryFn: () => callRoute<typeof hours.mySummary>(routes.viewMyHoursSummary) });
}

/** The volunteer's points balance. */
export function usePointsBalance() {
  return useQuery({
    queryKey: ['points', 'me', 'balance'],
    queryFn: async () => (await callRoute<typeof points.myPoints>(routes.myPoints, { query: { page: 1, pageSize: 1 } })).totals.balance,
  });
}
