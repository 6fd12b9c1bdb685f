import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '../../../shared/endpoint';
// Types only: the portal must stay free of zod (see shared/routes.ts).
import type * as org from '../../../shared/org.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

export type PublicSite = ResponseOf<typeof org.publicSite>;
export type PublicInstitute = PublicSite['institutes'][number];
export type PublicUnit = ResponseOf<typeof org.publicUnits>['items'][number];

/** `GET /api/public/site`: what anyone may know about the institutes this platform serves. */
export function usePublicSite() {
  return useQuery({ queryKey: ['public', 'site'], queryFn: () => callRoute<typeof org.publicSite>(routes.viewPublicSite), staleTime: 5 * 60_000 });
}

/** `GET /api/public/units`: the public directory of institutes and stations (a street's fit in one page of 200). */
export function usePublicUnits() {
  return useQuery({
    queryKey: ['public', 'units'],
    queryFn: async () => (await callRoute<typeof org.publicUnits>(routes.listPublicUnits, { query: { pageSize: 200 } })).items,
    staleTime: 5 * 60_000,
  });
}
