import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CareRecipientInput as CareRecipientInputSchema,
  CareRecipientView,
  CareVisitInput as CareVisitInputSchema,
  CareVisitView as CareVisitViewSchema,
  UpdateCareRecipientInput as UpdateCareRecipientInputSchema,
} from '../../../shared/care';
import { api, withQuery } from '../api';

/*
 * 关爱对象: sensitive personal data. The server answers 404 to anyone outside the serving station
 * and the institute admin, and logs every view, so these queries are never prefetched or kept
 * longer than the page needs them.
 */

export type { CareRecipientView };
export type CareVisitView = z.infer<typeof CareVisitViewSchema>;
export type CareRecipientInput = z.input<typeof CareRecipientInputSchema>;
export type UpdateCareRecipientInput = z.input<typeof UpdateCareRecipientInputSchema>;
export type CareVisitInput = z.input<typeof CareVisitInputSchema>;
export interface CareDetail {
  recipient: CareRecipientView;
  visits: CareVisitView[];
}
export interface CareFlags {
  noContactDays: number;
  total: number;
  stations: { stationId: string; stationName: string; count: number }[];
}

export const CONSENT_METHODS = { signed_form: '签字同意书', phone_confirmation: '电话确认', in_person: '当面确认' } as const;
export const VISIT_KINDS: Record<string, string> = { visit: '上门走访', call: '电话联系', order: '点单服务', activity: '参加活动' };

export const careKeys = {
  all: ['care'] as const,
  list: (params: { stationId?: string; flagged?: boolean }) => ['care', 'list', params] as const,
  detail: (id: string) => ['care', 'detail', id] as const,
  flags: ['care', 'flags'] as const,
};

// gcTime 0: a recipient's data leaves memory as soon as no page shows it.
export function useCareRecipients(params: { stationId?: string; flagged?: boolean }, enabled = true) {
  return useQuery({
    queryKey: careKeys.list(params),
    enabled,
    gcTime: 0,
    queryFn: async () =>
      (await api.get<{ items: CareRecipientView[] }>(withQuery('/api/care-recipients', { stationId: params.stationId, flagged: params.flagged ? 'true' : undefined }))).items,
  });
}

export function useCareRecipient(id: string) {
  return useQuery({ queryKey: careKeys.detail(id), gcTime: 0, retry: false, queryFn: () => api.get<CareDetail>(`/api/care-recipients/${encodeURIComponent(id)}`) });
}

export function useCareFlags(enabled = true) {
  return useQuery({ queryKey: careKeys.flags, enabled, retry: false, queryFn: () => api.get<CareFlags>('/api/care-recipients/flags') });
}

function useCareMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: careKeys.all }) });
}

export function useCreateCareRecipient() {
  return useCareMutation((input: CareRecipientInput) => api.post<CareDetail>('/api/care-recipients', input));
}

export function useUpdateCareRecipient() {
  return useCareMutation(({ id, input }: { id: string; input: UpdateCareRecipientInput }) =>
    api.patch<CareDetail>(`/api/care-recipients/${encodeURIComponent(id)}`, input),
  );
}

export function useAddCareVisit() {
  return useCareMutation(({ id, input }: { id: string; input: CareVisitInput }) =>
    api.post<CareDetail>(`/api/care-recipients/${encodeURIComponent(id)}/visits`, input),
  );
}
