import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as open311 from '../../../shared/open311';
import { call } from '../api';

/** Open311 GeoReport v2 api_keys for outside platforms (市民热线 etc.); institute admins only. */
export type { Open311KeyView as Open311Key } from '../../../shared/open311';

export const open311Keys = {
  all: ['open311', 'keys'] as const,
  list: (unitId: string) => ['open311', 'keys', unitId] as const,
};

export function useOpen311Keys(unitId: string | undefined) {
  return useQuery({
    queryKey: open311Keys.list(unitId ?? ''),
    enabled: !!unitId,
    queryFn: async () => (await call(open311.listOpen311Keys, { query: { unitId: unitId ?? '', pageSize: 200 } })).items,
  });
}

/** The key itself comes back once, in this answer only; the server keeps a hash. */
export function useIssueOpen311Key() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { unitId: string; name: string }) => call(open311.issueOpen311Key, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: open311Keys.all }),
  });
}

export function useRevokeOpen311Key() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(open311.revokeOpen311Key, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: open311Keys.all }),
  });
}
