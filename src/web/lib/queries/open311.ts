import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../api';

/** Open311 GeoReport v2 api_keys for outside platforms (市民热线 etc.); institute admins only. */
export interface Open311Key {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export const open311Keys = {
  all: ['open311', 'keys'] as const,
  list: (unitId: string) => ['open311', 'keys', unitId] as const,
};

export function useOpen311Keys(unitId: string | undefined) {
  return useQuery({
    queryKey: open311Keys.list(unitId ?? ''),
    enabled: !!unitId,
    queryFn: async () => (await api.get<{ items: Open311Key[] }>(withQuery('/api/open311/keys', { unitId }))).items,
  });
}

/** The key itself comes back once, in this answer only; the server keeps a hash. */
export function useIssueOpen311Key() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { unitId: string; name: string }) => api.post<{ id: string; name: string; apiKey: string }>('/api/open311/keys', input),
    onSuccess: () => client.invalidateQueries({ queryKey: open311Keys.all }),
  });
}

export function useRevokeOpen311Key() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/open311/keys/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: open311Keys.all }),
  });
}
