import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as campaigns from '../../../shared/campaigns.endpoints';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import { call } from '../api';

export type CampaignSummary = ResponseOf<typeof campaigns.listCampaigns>['items'][number];
export type Campaign = ResponseOf<typeof campaigns.getCampaign>;
export type Nomination = Campaign['nominationList'][number];
export type Objection = Campaign['objections'][number];
export type CampaignBody = BodyIn<typeof campaigns.createCampaign>;
export type NominationBody = BodyIn<typeof campaigns.nominate>;

const all = ['campaigns'] as const;

export function useCampaigns(query: QueryIn<typeof campaigns.listCampaigns>) {
  return useQuery({ queryKey: [...all, 'list', query], queryFn: () => call(campaigns.listCampaigns, { query }), placeholderData: keepPreviousData });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: [...all, 'one', id], queryFn: () => call(campaigns.getCampaign, { params: { id } }) });
}

function useInvalidating<TVars, TResult>(fn: (v: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: all }) });
}

export const useCreateCampaign = () => useInvalidating((body: CampaignBody) => call(campaigns.createCampaign, { body }));
export const useNominate = (id: string) => useInvalidating((body: NominationBody) => call(campaigns.nominate, { params: { id }, body }));
export const useWithdrawNomination = () =>
  useInvalidating(({ id, reason }: { id: string; reason: string }) => call(campaigns.withdrawNomination, { params: { id }, body: { reason } }));
export const useDecide = () =>
  useInvalidating(({ id, selected, reason }: { id: string; selected: boolean; reason: string }) =>
    call(campaigns.decideNomination, { params: { id }, body: { selected, reason } }),
  );
export const usePublish = () => useInvalidating((id: string) => call(campaigns.publishCampaign, { params: { id } }));
export const useFinalise = () => useInvalidating((id: string) => call(campaigns.finaliseCampaign, { params: { id } }));
export const useResolveObjection = () =>
  useInvalidating(({ id, upheld, reply }: { id: string; upheld: boolean; reply: string }) =>
    call(campaigns.resolveObjection, { params: { id }, body: { upheld, reply } }),
  );
