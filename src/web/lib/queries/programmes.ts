import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the portal's brand showcase uses these hooks and must stay free of zod, so the
// endpoints are imported as types and reached through their zod-free routes (shared/routes.ts).
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import type * as programmes from '../../../shared/programmes.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

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
    // Every programme of the units in view, for pickers and the one-page list (200 is the most a page holds).
    queryFn: async () =>
      (
        await callRoute<typeof programmes.listProgrammes>(routes.listProgrammes, {
          query: { pageSize: 200, ...(includeArchived && { includeArchived: 'true' as const }) },
        })
      ).items,
  });
}

export function useBrands() {
  return useQuery({
    queryKey: programmeKeys.brands,
    queryFn: async () => (await callRoute<typeof programmes.listBrands>(routes.listBrands, { query: { pageSize: 200 } })).items,
  });
}

export function usePublicBrands() {
  return useQuery({
    queryKey: programmeKeys.publicBrands,
    queryFn: async () =>
      (await callRoute<typeof programmes.listPublicBrands>(routes.listPublicBrands, { query: { pageSize: 200 }, options: { quietAuth: true } })).items,
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
    callRoute<typeof programmes.createProgramme>(routes.createProgramme, { body: input }),
  );
}

export function useUpdateProgramme() {
  return useProgrammeMutation(({ id, input }: { id: string; input: BodyIn<typeof programmes.updateProgramme> }) =>
    callRoute<typeof programmes.updateProgramme>(routes.updateProgramme, { params: { id }, body: input }),
  );
}

export function useSetBrand() {
  return useProgrammeMutation(({ unitId, input }: { unitId: string; input: BodyIn<typeof programmes.setBrand> }) =>
    callRoute<typeof programmes.setBrand>(routes.setBrand, { params: { unitId }, body: input }),
  );
}
