import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from '../../../shared/assessment.endpoints';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import { call, download, urlFor } from '../api';

export type Indicator = ResponseOf<typeof api.listAssessmentIndicators>['items'][number];
export type Period = ResponseOf<typeof api.listAssessmentPeriods>['items'][number];
export type PeriodDetail = ResponseOf<typeof api.getAssessmentPeriod>;
export type Sheet = ResponseOf<typeof api.getAssessmentSheet>;
export type SheetRow = Sheet['rows'][number];
export type ResultRow = ResponseOf<typeof api.listAssessmentResults>['items'][number];
export type HistoryRow = ResponseOf<typeof api.listAssessmentHistory>['items'][number];
export type IndicatorInput = BodyIn<typeof api.createAssessmentIndicator>;
export type IndicatorPatch = BodyIn<typeof api.updateAssessmentIndicator>;
export type PeriodInput = BodyIn<typeof api.openAssessmentPeriod>;
export type SelfInput = BodyIn<typeof api.scoreAssessmentSelf>;
export type ReviewInput = BodyIn<typeof api.scoreAssessmentReview>;

const all = ['assessment'] as const;

export function useIndicators(query: QueryIn<typeof api.listAssessmentIndicators>) {
  return useQuery({ queryKey: [...all, 'indicators', query], queryFn: () => call(api.listAssessmentIndicators, { query }) });
}
export function usePeriods(query: QueryIn<typeof api.listAssessmentPeriods>) {
  return useQuery({ queryKey: [...all, 'periods', query], queryFn: () => call(api.listAssessmentPeriods, { query }) });
}
export function usePeriod(id: string) {
  return useQuery({ queryKey: [...all, 'period', id], queryFn: () => call(api.getAssessmentPeriod, { params: { id } }) });
}
export function useSheet(id: string, stationId: string) {
  return useQuery({ queryKey: [...all, 'sheet', id, stationId], queryFn: () => call(api.getAssessmentSheet, { params: { id, stationId } }) });
}
export function useResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...all, 'results', id],
    enabled,
    queryFn: () => call(api.listAssessmentResults, { params: { id }, query: { page: 1, pageSize: 200 } }),
  });
}
export function useHistory(stationId: string | undefined) {
  return useQuery({
    queryKey: [...all, 'history', stationId],
    enabled: !!stationId,
    queryFn: () => call(api.listAssessmentHistory, { params: { stationId: stationId as string }, query: { page: 1, pageSize: 50 } }),
  });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: all }) });
}
export const useCreateIndicator = () => useInvalidating((body: IndicatorInput) => call(api.createAssessmentIndicator, { body }));
export const useUpdateIndicator = () =>
  useInvalidating((v: { id: string; body: IndicatorPatch }) => call(api.updateAssessmentIndicator, { params: { id: v.id }, body: v.body }));
export const useDefaultIndicators = () => useInvalidating((instituteId: string) => call(api.createDefaultAssessmentIndicators, { body: { instituteId } }));
export const useOpenPeriod = () => useInvalidating((body: PeriodInput) => call(api.openAssessmentPeriod, { body }));
export const useAdvancePeriod = () =>
  useInvalidating((v: { id: string; to: 'reviewing' | 'published' }) =>
    call(v.to === 'reviewing' ? api.reviewAssessmentPeriod : api.publishAssessmentPeriod, { params: { id: v.id } }),
  );
export const useScoreSelf = (id: string, stationId: string) =>
  useInvalidating((body: SelfInput) => call(api.scoreAssessmentSelf, { params: { id, stationId }, body }));
export const useSubmitSelf = (id: string, stationId: string) => useInvalidating(() => call(api.submitAssessmentSelf, { params: { id, stationId } }));
export const useScoreReview = (id: string, stationId: string) =>
  useInvalidating((body: ReviewInput) => call(api.scoreAssessmentReview, { params: { id, stationId }, body }));

export function downloadAssessmentExcel(id: string, label: string): Promise<string> {
  return download(urlFor(api.exportAssessmentExcel, { params: { id } }), `${label}考核结果.xlsx`);
}
export function downloadAssessmentPdf(id: string, label: string): Promise<string> {
  return download(urlFor(api.exportAssessmentPdf, { params: { id } }), `${label}考核报告.pdf`);
}
