import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '../../../shared/notifications';
import { api } from '../api';

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.all,
    enabled,
    queryFn: () => api.get<{ items: NotificationView[]; unread: number }>('/api/notifications'),
  });
}

function useNotificationMutation<TInput>(fn: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export function useMarkRead() {
  return useNotificationMutation((id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`, {}));
}

export function useMarkAllRead() {
  return useNotificationMutation(() => api.post('/api/notifications/read-all', {}));
}
