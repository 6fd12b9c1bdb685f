import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the portal's brand showcase uses these hooks and must stay free of zod, so the
// endpoints are imported as types and called by their declared path (see programmes.endpoints.ts).
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import type * as programmes from '../../../shared/programmes.endpoints';
import { api, itemsOf } from '../api';

export type ProgrammeView = ResponseOf<typeof programmes.createProgramme>;
export type BrandView = ResponseOf<typeof programmes.setBrand>;
export type ProgrammeBlock = ProgrammeView['block'];

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (includeArchived: boolean) => ['programmes', 'list', includeArchived] as const,
  brands: ['programmes', 'brands'] as const,
  publicBrands: ['public', 'brands'] as const,
};

export function useProgrammes(includeArchived = false) {
  return useQuery({
    queryKey: programmeKeys.list(includeArchived),
    queryFn: async () =>
      itemsOf(await api.get<ResponseOf<typeof programmes.listProgrammes>>(`/api/programmes${includeArchived ? '?includeArchived=true' : ''}`)),
  });
}

export function useBrands() {
  return useQuery({ queryKey: programmeKeys.brands, queryFn: async () => itemsOf(await api.get<ResponseOf<typeof programmes.listBrands>>('/api/brands')) });
}

export function usePublicBrands() {
  return useQuery({
    queryKey: programmeKeys.publicBrands,
    queryFn: async () => itemsOf(await api.get<ResponseOf<typeof programmes.listPublicBrands>>('/api/public/brands', { quietAuth: true })),
    staleTime: 5 * 60_000,
  });
}

function useProgrammeMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: programmeKeys.all }), client.invalidateQueries({ queryKey: programmeKeys.publicBrands })]);
    },
  });
}

export function useCreateProgramme() {
  return useProgrammeMutation((input: BodyIn<typeof programmes.createProgramme>) =>
    api.post<ResponseOf<typeof programmes.createProgramme>>('/api/programmes', input),
  );
}

export function useUpdateProgramme() {
  return useProgrammeMutation(({ id, input }: { id: string; input: BodyIn<typeof programmes.updateProgramme> }) =>
    api.patch<ResponseOf<typeof programmes.updateProgramme>>(`/api/programmes/${encodeURIComponent(id)}`, input),
  );
}

export function useSetBrand() {
  return useProgrammeMutation(({ unitId, input }: { unitId: string; input: BodyIn<typeof programmes.setBrand> }) =>
    api.put<ResponseOf<typeof programmes.setBrand>>(`/api/brands/${encodeURIComponent(unitId)}`, input),
  );
}
