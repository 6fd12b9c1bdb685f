import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '../../../shared/endpoint';
import { routes } from '../../../shared/routes';
// Types only: the portal must stay free of zod (see shared/routes.ts).
import type * as showcase from '../../../shared/showcase.endpoints';
import { callRoute } from '../api';

export type PublicShowcaseItem = ResponseOf<typeof showcase.listPublicShowcase>['items'][number];

/** `GET /api/public/showcase`: published items, one kind or all. */
export function usePublicShowcase(kind: PublicShowcaseItem['kind'] | undefined) {
  return useQuery({
    queryKey: ['public', 'showcase', kind ?? 'all'],
    queryFn: () => callRoute<typeof showcase.listPublicShowcase>(routes.listPublicShowcase, { query: { pageSize: 100, ...(kind && { kind }) } }),
  });
}

/** The public address of a published item's file. */
export function showcaseFileUrl(id: string): string {
  return routes.readPublicShowcaseFile.path.replace(':id', encodeURIComponent(id));
}
