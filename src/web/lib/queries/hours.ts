import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AwardInput as AwardInputSchema,
  AwardView as AwardViewSchema,
  BackfillInput,
  CorrectionInput,
  CorrectionRequestView as CorrectionRequestViewSchema,
  DecideInput,
  HoursSummaryView,
  RecognitionView,
  ServiceRecordView,
  TrainingInput as TrainingInputSchema,
  TrainingView as TrainingViewSchema,
} from '../../../shared/hours';
import { api, type Paged, withQuery } from '../api';
import { volunteerKeys } from './volunteers';

export type TrainingView = z.infer<typeof TrainingViewSchema>;
export type TrainingInput = z.infer<typeof TrainingInputSchema>;
export type AwardView = z.infer<typeof AwardViewSchema>;
export type AwardInput = z.infer<typeof AwardInputSchema>;
export type CorrectionRequestView = z.infer<typeof CorrectionRequestViewSchema>;
export type CorrectionRequestStatus = CorrectionRequestView['status'];

export interface HoursListParams {
  page: number;
  pageSize: number;
  status?: ServiceRecordView['status'];
  source?: ServiceRecordView['source'];
  volunteerId?: string;
  unitId?: string;
  late?: 'true' | 'false';
  from?: string;
  to?: string;
}

export type Recognition = RecognitionView;

export const hoursKeys = {
  all: ['hours'] as const,
  list: (params: HoursListParams) => ['hours', 'list', params] as const,
  mine: (params: HoursListParams) => ['hours', 'mine', params] as const,
  mySummary: ['hours', 'mine', 'summary'] as const,
  summary: (volunteerId: string) => ['hours', 'summary', volunteerId] as const,
  training: (volunteerId: string) => ['hours', 'training', volunteerId] as const,
  awards: (volunteerId: string) => ['hours', 'awards', volunteerId] as const,
  requests: (status?: CorrectionRequestStatus) => ['hours', 'requests', status ?? 'all'] as const,
  recognitions: ['hours', 'recognitions'] as const,
};

export function useHours(params: HoursListParams, enabled = true) {
  return useQuery({
    queryKey: hoursKeys.list(params),
    enabled,
    queryFn: () => api.get<Paged<ServiceRecordView>>(withQuery('/api/hours', { ...params })),
    placeholderData: keepPreviousData,
  });
}

export function useMyHours(params: HoursListParams, enabled = true) {
  return useQuery({
    queryKey: hoursKeys.mine(params),
    enabled,
    queryFn: () => api.get<Paged<ServiceRecordView>>(withQuery('/api/hours/mine', { ...params })),
    placeholderData: keepPreviousData,
  });
}

export function useMyHoursSummary(enabled = true) {
  return useQuery({ queryKey: hoursKeys.mySummary, enabled, queryFn: () => api.get<HoursSummaryView>('/api/hours/mine/summary') });
}

export function useHoursSummary(volunteerId: string) {
  return useQuery({
    queryKey: hoursKeys.summary(volunteerId),
    queryFn: () => api.get<HoursSummaryView>(`/api/volunteers/${encodeURIComponent(volunteerId)}/hours-summary`),
  });
}

export function useTraining(volunteerId: string) {
  return useQuery({
    queryKey: hoursKeys.training(volunteerId),
    queryFn: async () => (await api.get<{ items: TrainingView[] }>(`/api/volunteers/${encodeURIComponent(volunteerId)}/training`)).items,
  });
}

export function useAwards(volunteerId: string) {
  return useQuery({
    queryKey: hoursKeys.awards(volunteerId),
    queryFn: async () => (await api.get<{ items: AwardView[] }>(`/api/volunteers/${encodeURIComponent(volunteerId)}/awards`)).items,
  });
}

export function useCorrectionRequests(status?: CorrectionRequestStatus, enabled = true) {
  return useQuery({
    queryKey: hoursKeys.requests(status),
    enabled,
    queryFn: async () => (await api.get<{ items: CorrectionRequestView[] }>(withQuery('/api/correction-requests', { status }))).items,
  });
}

export function useRecognitions() {
  return useQuery({ queryKey: hoursKeys.recognitions, queryFn: async () => (await api.get<{ items: Recognition[] }>('/api/stars/recognitions')).items });
}

/** Hours change hours, stars, summaries and the talent pool's hour column: refresh them all. */
function useHoursMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: hoursKeys.all }), client.invalidateQueries({ queryKey: volunteerKeys.all })]);
    },
  });
}

export function useBackfill() {
  return useHoursMutation((input: BackfillInput) => api.post<ServiceRecordView>('/api/hours/backfill', input));
}

export function useDecideRecord() {
  return useHoursMutation(({ id, input }: { id: string; input: DecideInput }) =>
    api.post<ServiceRecordView>(`/api/hours/${encodeURIComponent(id)}/decision`, input),
  );
}

export function useApproveMany() {
  return useHoursMutation((ids: string[]) => api.post<{ approved: number }>('/api/hours/approve', { ids }));
}

export function useCorrectRecord() {
  return useHoursMutation(({ id, input }: { id: string; input: CorrectionInput }) =>
    api.post<ServiceRecordView>(`/api/hours/${encodeURIComponent(id)}/corrections`, input),
  );
}

export function useAddTraining() {
  return useHoursMutation(({ volunteerId, input }: { volunteerId: string; input: TrainingInput }) =>
    api.post<TrainingView>(`/api/volunteers/${encodeURIComponent(volunteerId)}/training`, input),
  );
}

export function useAddAward() {
  return useHoursMutation(({ volunteerId, input }: { volunteerId: string; input: AwardInput }) =>
    api.post<AwardView>(`/api/volunteers/${encodeURIComponent(volunteerId)}/awards`, input),
  );
}

export function useRequestCorrection() {
  return useHoursMutation((input: { recordId?: string; message: string }) => api.post<CorrectionRequestView>('/api/correction-requests', input));
}

export function useResolveCorrection() {
  return useHoursMutation(({ id, status, resolution }: { id: string; status: 'resolved' | 'declined'; resolution: string }) =>
    api.post<CorrectionRequestView>(`/api/correction-requests/${encodeURIComponent(id)}/resolve`, { status, resolution }),
  );
}
