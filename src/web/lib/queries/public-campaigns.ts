import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the portal must stay free of zod (see shared/routes.ts).
import type * as campaigns from '../../../shared/campaigns.endpoints';
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

export type PublicCampaigns = ResponseOf<typeof campaigns.listPublicCampaigns>;
export type PublicCampaign = PublicCampaigns['notices'][number];
export type ObjectionBody = BodyIn<typeof campaigns.fileObjection>;

/** `GET /api/public/campaigns`: campaigns in 公示 and past results. */
export function usePublicCampaigns() {
  return useQuery({ queryKey: ['public', 'campaigns'], queryFn: () => callRoute<typeof campaigns.listPublicCampaigns>(routes.listPublicCampaigns) });
}

export function useFileObjection(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ObjectionBody) => callRoute<typeof campaigns.fileObjection>(routes.fileObjection, { params: { id: campaignId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['public', 'campaigns'] }),
  });
}
