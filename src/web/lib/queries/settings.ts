import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsView } from '../../../shared/settings';
import { api } from '../api';

export const settingsKeys = { all: ['settings'] as const };

/** One SettingsView per institute the person may see (a district viewer may see several). */
export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: async () => {
      const data = await api.get<SettingsView | SettingsView[] | { items: SettingsView[] }>('/api/settings');
      if (Array.isArray(data)) return data;
      if ('items' in data) return data.items;
      return [data];
    },
  });
}

const rulePath = (unitId: string, key: string) => `/api/settings/${encodeURIComponent(unitId)}/rules/${encodeURIComponent(key)}`;

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, key, value }: { unitId: string; key: string; value: unknown }) => api.put<unknown>(rulePath(unitId, key), { value }),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}

export function useResetRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, key }: { unitId: string; key: string }) => api.delete<unknown>(rulePath(unitId, key)),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}
