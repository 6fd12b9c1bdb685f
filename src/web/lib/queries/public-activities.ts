import { keepPreviousData, useQuery } from '@tanstack/react-query';
// Types only: the portal must stay free of zod (see shared/routes.ts).
import type * as activities from '../../../shared/activities.endpoints';
import type { QueryIn, ResponseOf } from '../../../shared/endpoint';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

export type PublicActivity = ResponseOf<typeof activities.getPublicActivity>;
export type PublicProgramme = ResponseOf<typeof activities.listPublicProgrammes>['items'][number];
export type PublicActivityParams = Omit<NonNullable<QueryIn<typeof activities.listPublicActivities>>, 'page'>;

/** The largest page the public calendar answers: a week (or two months) of a street fits in it. */
const CALENDAR_PAGE = 500;

/** `GET /api/public/activities`: the activity calendar anyone may browse, for a range of China days. */
export function usePublicActivities(params: PublicActivityParams) {
  return useQuery({
    queryKey: ['public', 'activities', params],
    queryFn: () => callRoute<typeof activities.listPublicActivities>(routes.listPublicActivities, { query: { pageSize: CALENDAR_PAGE, ...params, page: 1 } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** `GET /api/public/activities/:id`: one activity as anyone may see it. */
export function usePublicActivity(id: string) {
  return useQuery({
    queryKey: ['public', 'activity', id],
    enabled: !!id,
    queryFn: () => callRoute<typeof activities.getPublicActivity>(routes.getPublicActivity, { params: { id } }),
  });
}

/** `GET /api/public/programmes`: what the calendar can be filtered by (a street's fit in one page of 200). */
export function usePublicProgrammes() {
  return useQuery({
    queryKey: ['public', 'programmes'],
    queryFn: async () => (await callRoute<typeof activities.listPublicProgrammes>(routes.listPublicProgrammes, { query: { page: 1, pageSize: 200 } })).items,
    staleTime: 5 * 60_000,
  });
}
