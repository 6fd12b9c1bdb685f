import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the portal's brand showcase uses these hooks and must stay free of zod.
import type { z } from 'zod';
import type { BrandInput, BrandView, ProgrammeInput, ProgrammeView, UpdateProgrammeInput } from '../../../shared/programmes';
import { api, itemsOf } from '../api';

export type { BrandView, ProgrammeView };
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
    queryFn: async () => itemsOf(await api.get<{ items: ProgrammeView[] }>(`/api/programmes${includeArchived ? '?includeArchived=true' : ''}`)),
  });
}

export function useBrands() {
  return useQuery({ queryKey: programmeKeys.brands, queryFn: async () => itemsOf(await api.get<{ items: BrandView[] }>('/api/brands')) });
}

export function usePublicBrands() {
  return useQuery({
    queryKey: programmeKeys.publicBrands,
    queryFn: async () => itemsOf(await api.get<{ items: BrandView[] }>('/api/public/brands', { quietAuth: true })),
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
  return useProgrammeMutation((input: z.input<typeof ProgrammeInput>) => api.post<ProgrammeView>('/api/programmes', input));
}

export function useUpdateProgramme() {
  return useProgrammeMutation(({ id, input }: { id: string; input: z.input<typeof UpdateProgrammeInput> }) =>
    api.patch<ProgrammeView>(`/api/programmes/${encodeURIComponent(id)}`, input),
  );
}

export function useSetBrand() {
  return useProgrammeMutation(({ unitId, input }: { unitId: string; input: z.input<typeof BrandInput> }) =>
    api.put<BrandView>(`/api/brands/${encodeURIComponent(unitId)}`, input),
  );
}
