import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import * as hours from '../../../shared/hours.endpoints';
import { call, callUpload, download, urlFor } from '../api';
import { volunteerKeys } from './volunteers';

type ServiceRecordView = ResponseOf<typeof hours.getRecord>;
export type TrainingView = ResponseOf<typeof hours.addTraining>;
export type TrainingInput = BodyIn<typeof hours.addTraining>;
export type AwardView = ResponseOf<typeof hours.addAward>;
export type AwardInput = BodyIn<typeof hours.addAward>;
export type CorrectionRequestView = ResponseOf<typeof hours.requestCorrection>;
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

export type Recognition = ResponseOf<typeof hours.recognitions>['items'][number];

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
    queryFn: () => call(hours.listRecords, { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useMyHours(params: HoursListParams, enabled = true) {
  return useQuery({
    queryKey: hoursKeys.mine(params),
    enabled,
    queryFn: () => call(hours.listMyRecords, { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useMyHoursSummary(enabled = true) {
  return useQuery({ queryKey: hoursKeys.mySummary, enabled, queryFn: () => call(hours.mySummary) });
}

export function useHoursSummary(volunteerId: string) {
  return useQuery({
    queryKey: hoursKeys.summary(volunteerId),
    queryFn: () => call(hours.hoursSummary, { params: { id: volunteerId } }),
  });
}

/** A volunteer's training and awards are short lists shown whole on the detail page: one page of 200. */
export function useTraining(volunteerId: string) {
  return useQuery({
    queryKey: hoursKeys.training(volunteerId),
    queryFn: async () => (await call(hours.listTraining, { params: { id: volunteerId }, query: { pageSize: 200 } })).items,
  });
}

export function useAwards(volunteerId: string) {
  return useQuery({
    queryKey: hoursKeys.awards(volunteerId),
    queryFn: async () => (await call(hours.listAwards, { params: { id: volunteerId }, query: { pageSize: 200 } })).items,
  });
}

export function useCorrectionRequests(status?: CorrectionRequestStatus, enabled = true) {
  return useQuery({
    queryKey: hoursKeys.requests(status),
    enabled,
    // The open requests are a short to-do list; 200 (the most a page holds) shows them all.
    queryFn: async () => (await call(hours.listCorrectionRequests, { query: { status, pageSize: 200 } })).items,
  });
}

export function useRecognitions() {
  // The page filters by level in the browser: the latest 200 promotions, as before paging.
  return useQuery({ queryKey: hoursKeys.recognitions, queryFn: async () => (await call(hours.recognitions, { query: { pageSize: 200 } })).items });
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
  return useHoursMutation((input: BodyIn<typeof hours.backfill>) => call(hours.backfill, { body: input }));
}

export function useDecideRecord() {
  return useHoursMutation(({ id, input }: { id: string; input: BodyIn<typeof hours.decide> }) => call(hours.decide, { params: { id }, body: input }));
}

export function useApproveMany() {
  return useHoursMutation((ids: string[]) => call(hours.approveMany, { body: { ids } }));
}

export function useCorrectRecord() {
  return useHoursMutation(({ id, input }: { id: string; input: BodyIn<typeof hours.correct> }) => call(hours.correct, { params: { id }, body: input }));
}

export function useAddTraining() {
  return useHoursMutation(({ volunteerId, input }: { volunteerId: string; input: TrainingInput }) =>
    call(hours.addTraining, { params: { id: volunteerId }, body: input }),
  );
}

export function useAddAward() {
  return useHoursMutation(({ volunteerId, input }: { volunteerId: string; input: AwardInput }) =>
    call(hours.addAward, { params: { id: volunteerId }, body: input }),
  );
}

export function useRequestCorrection() {
  return useHoursMutation((input: { recordId?: string; message: string }) => call(hours.requestCorrection, { body: input }));
}

export function useResolveCorrection() {
  return useHoursMutation(({ id, status, resolution }: { id: string; status: 'resolved' | 'declined'; resolution: string }) =>
    call(hours.resolveCorrection, { params: { id }, body: { status, resolution } }),
  );
}

export type HoursImportReport = ResponseOf<typeof hours.importHours>;

/** `POST /api/hours/import` (issue 12): a dry run only checks; the real import needs the evidence file. */
export function useImportHours() {
  return useHoursMutation(({ file, evidenceFileId }: { file: File; evidenceFileId?: string }) =>
    callUpload(hours.importHours, file, { query: { dryRun: evidenceFileId ? 'false' : 'true', evidenceFileId }, name: file.name }),
  );
}

/** `POST /api/hours/export-national`: approved hours with full ID numbers, behind a reason (audited). */
export function downloadHoursNational(input: BodyIn<typeof hours.exportHoursNational>) {
  return download(urlFor(hours.exportHoursNational, {}), '全国志愿服务信息系统_服务时长.xlsx', { body: input });
}
