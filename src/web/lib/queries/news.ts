import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as news from '../../../shared/news.endpoints';
import { call } from '../api';

export type NewsSummary = ResponseOf<typeof news.listNews>['items'][number];
export type News = ResponseOf<typeof news.getNews>;
export type NewsBody = BodyIn<typeof news.createNews>;
export type NewsCounts = ResponseOf<typeof news.newsSubmissionCounts>;

const all = ['news'] as const;

export function useNewsList(query: QueryIn<typeof news.listNews>) {
  return useQuery({ queryKey: [...all, 'list', query], queryFn: () => call(news.listNews, { query }), placeholderData: keepPreviousData });
}

export function useNews(id: string | null) {
  return useQuery({ queryKey: [...all, 'one', id], queryFn: () => call(news.getNews, { params: { id: id as string } }), enabled: !!id });
}

export function useNewsCounts(month: string) {
  return useQuery({ queryKey: [...all, 'counts', month], queryFn: () => call(news.newsSubmissionCounts, { query: { month } }) });
}

function useInvalidating<TVars, TResult>(fn: (v: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: all }) });
}

export const useCreateNews = () => useInvalidating((body: NewsBody) => call(news.createNews, { body }));
export const useUpdateNews = () =>
  useInvalidating(({ id, body }: { id: string; body: Omit<NewsBody, 'unitId'> }) => call(news.updateNews, { params: { id }, body }));
export const usePublishNews = () => useInvalidating((id: string) => call(news.publishNews, { params: { id } }));
export const useWithdrawNews = () =>
  useInvalidating(({ id, reason }: { id: string; reason: string }) => call(news.withdrawNews, { params: { id }, body: { reason } }));
export const useSubmitNews = () => useInvalidating((id: string) => call(news.submitNews, { params: { id } }));
export const useAdoptNews = () => useInvalidating((id: string) => call(news.adoptNews, { params: { id } }));
export const useReturnNews = () =>
  useInvalidating(({ id, reason }: { id: string; reason: string }) => call(news.returnNews, { params: { id }, body: { reason } }));
