import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as settings from '../../../shared/settings.endpoints';
import { call } from '../api';

export const settingsKeys = { all: ['settings'] as const };

/** One SettingsView per institute the person may see (a district viewer may see several). */
export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: async () => [await call(settings.viewMySettings)],
  });
}

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, key, value }: { unitId: string; key: string; value: unknown }) =>
      call(settings.updateRule, { params: { unitId, key }, body: { value } }),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}

export function useResetRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, key }: { unitId: string; key: string }) => call(settings.resetRule, { params: { unitId, key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}
