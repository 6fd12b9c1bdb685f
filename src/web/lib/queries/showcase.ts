import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as showcase from '../../../shared/showcase.endpoints';
import { call } from '../api';

export type ShowcaseItem = ResponseOf<typeof showcase.getShowcase>;
export type ShowcaseBody = BodyIn<typeof showcase.createShowcase>;
export type ShowcaseUpdateBody = BodyIn<typeof showcase.updateShowcase>;

const all = ['showcase'] as const;

export function useShowcaseItems(query: QueryIn<typeof showcase.listShowcase>) {
  return useQuery({ queryKey: [...all, 'list', query], queryFn: () => call(showcase.listShowcase, { query }), placeholderData: keepPreviousData });
}

function useInvalidating<TVars, TResult>(fn: (v: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: all }) });
}

export const useCreateShowcase = () => useInvalidating((body: ShowcaseBody) => call(showcase.createShowcase, { body }));
export const useUpdateShowcase = (id: string) => useInvalidating((body: ShowcaseUpdateBody) => call(showcase.updateShowcase, { params: { id }, body }));
export const usePublishShowcase = () => useInvalidating((id: string) => call(showcase.publishShowcase, { params: { id } }));
export const useWithdrawShowcase = () =>
  useInvalidating(({ id, reason }: { id: string; reason: string }) => call(showcase.withdrawShowcase, { params: { id }, body: { reason } }));
