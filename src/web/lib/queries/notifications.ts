import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as notifications from '../../../shared/notifications.endpoints';
import { call } from '../api';

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.all,
    enabled,
    // The latest 100 notices, as before paging: the page shows the unread among them, the count is of all.
    queryFn: () => call(notifications.listMyNotifications, { query: { pageSize: 100 } }),
  });
}

function useNotificationMutation<TInput>(fn: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export function useMarkRead() {
  return useNotificationMutation((id: string) => call(notifications.markNotificationRead, { params: { id } }));
}

export function useMarkAllRead() {
  return useNotificationMutation(() => call(notifications.markAllNotificationsRead));
}

/** One page of the caller's notices for the console's inbox (newest first). */
export function useNotificationPage(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...notificationKeys.all, 'page', page, pageSize],
    queryFn: () => call(notifications.listMyNotifications, { query: { page, pageSize } }),
    placeholderData: (previous) => previous,
  });
}

/** What waits for a staff member in their units (counts with where to act). */
export function useMyTodo(enabled = true) {
  return useQuery({ queryKey: [...notificationKeys.all, 'todo'], enabled, queryFn: () => call(notifications.listMyTodo) });
}
