import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CareCategory as CareCategorySchema,
  CareRecipientInput as CareRecipientInputSchema,
  CareRecipientView,
  CareVisitInput as CareVisitInputSchema,
  CareVisitView as CareVisitViewSchema,
  UpdateCareRecipientInput as UpdateCareRecipientInputSchema,
} from '../../../shared/care';
import * as care from '../../../shared/care.endpoints';
import { call } from '../api';

/*
 * 关爱对象: sensitive personal data. The server answers 404 to anyone outside the serving station
 * and the institute admin, and logs every view, so these queries are never prefetched or kept
 * longer than the page needs them.
 */

export type { CareRecipientView };
export type { CareDetail, CareFlags } from '../../../shared/care.endpoints';
export type CareVisitView = z.infer<typeof CareVisitViewSchema>;
export type CareCategory = z.infer<typeof CareCategorySchema>;
export type CareRecipientInput = z.input<typeof CareRecipientInputSchema>;
export type UpdateCareRecipientInput = z.input<typeof UpdateCareRecipientInputSchema>;
export type CareVisitInput = z.input<typeof CareVisitInputSchema>;

export const CONSENT_METHODS = { signed_form: '签字同意书', phone_confirmation: '电话确认', in_person: '当面确认' } as const;
export const VISIT_KINDS: Record<string, string> = { visit: '上门走访', call: '电话联系', order: '点单服务', activity: '参加活动' };

export const careKeys = {
  all: ['care'] as const,
  list: (params: { stationId?: string; flagged?: boolean }) => ['care', 'list', params] as const,
  page: (params: CarePageParams) => ['care', 'page', params] as const,
  detail: (id: string) => ['care', 'detail', id] as const,
  flags: ['care', 'flags'] as const,
};

// gcTime 0: a recipient's data leaves memory as soon as no page shows it.
export function useCareRecipients(params: { stationId?: string; flagged?: boolean }, enabled = true) {
  return useQuery({
    queryKey: careKeys.list(params),
    enabled,
    gcTime: 0,
    // A picker (placing an order for a recipient): one page of the largest size covers a station.
    queryFn: async () =>
      (await call(care.listCareRecipients, { query: { stationId: params.stationId, flagged: params.flagged ? 'true' : undefined, page: 1, pageSize: 200 } }))
        .items,
  });
}

export interface CarePageParams {
  stationId?: string;
  flagged?: boolean;
  category?: CareCategory;
  /** An exact phone number (matched on the server's blind index; the phone is stored encrypted). */
  phone?: string;
  page: number;
  pageSize: number;
}

/** One page of the console's list, paged and filtered on the server: `{items, total, page, pageSize}`. */
export function useCareRecipientPage(params: CarePageParams) {
  return useQuery({
    queryKey: careKeys.page(params),
    gcTime: 0,
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(care.listCareRecipients, {
        query: { ...params, flagged: params.flagged ? 'true' : undefined },
      }),
  });
}

export function useCareRecipient(id: string) {
  return useQuery({ queryKey: careKeys.detail(id), gcTime: 0, retry: false, queryFn: () => call(care.getCareRecipient, { params: { id } }) });
}

export function useCareFlags(enabled = true) {
  return useQuery({ queryKey: careKeys.flags, enabled, retry: false, queryFn: () => call(care.careFlags) });
}

function useCareMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: careKeys.all }) });
}

export function useCreateCareRecipient() {
  return useCareMutation((input: CareRecipientInput) => call(care.createCareRecipient, { body: input }));
}

export function useUpdateCareRecipient() {
  return useCareMutation(({ id, input }: { id: string; input: UpdateCareRecipientInput }) => call(care.updateCareRecipient, { params: { id }, body: input }));
}

export function useAddCareVisit() {
  return useCareMutation(({ id, input }: { id: string; input: CareVisitInput }) => call(care.addCareVisit, { params: { id }, body: input }));
}
