import { useQuery } from '@tanstack/react-query';
import type { PublicSiteView, PublicUnitView } from '../../../shared/org';
import { api, itemsOf } from '../api';

export type PublicSite = PublicSiteView;
export type PublicInstitute = PublicSiteView['institutes'][number];
export type PublicUnit = PublicUnitView;

/** `GET /api/public/site`: what anyone may know about the institutes this platform serves. */
export function usePublicSite() {
  return useQuery({ queryKey: ['public', 'site'], queryFn: () => api.get<PublicSiteView>('/api/public/site'), staleTime: 5 * 60_000 });
}

/** `GET /api/public/units`: the public directory of institutes and stations. */
export function usePublicUnits() {
  return useQuery({
    queryKey: ['public', 'units'],
    queryFn: async () => itemsOf(await api.get<{ items: PublicUnitView[] }>('/api/public/units')),
    staleTime: 5 * 60_000,
  });
}
