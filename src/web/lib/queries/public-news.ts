import { useQuery } from '@tanstack/react-query';
// Types only: the portal must stay free of zod (see shared/routes.ts).
import type * as news from '../../../shared/news.endpoints';
import type { QueryIn, ResponseOf } from '../../../shared/endpoint';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

export type PublicNewsList = ResponseOf<typeof news.listPublicNews>;
export type PublicNewsItem = PublicNewsList['items'][number];
export type PublicNews = ResponseOf<typeof news.getPublicNews>;

/** `GET /api/public/news`: published news, newest first. */
export function usePublicNews(query: QueryIn<typeof news.listPublicNews> = {}) {
  return useQuery({
    queryKey: ['public', 'news', query],
    queryFn: () => callRoute<typeof news.listPublicNews>(routes.listPublicNews, { query }),
  });
}

/** `GET /api/public/news/:id`: one published item. */
export function usePublicNewsItem(id: string) {
  return useQuery({
    queryKey: ['public', 'news', 'item', id],
    queryFn: () => callRoute<typeof news.getPublicNews>(routes.getPublicNews, { params: { id } }),
    retry: false,
  });
}
