import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as training from '../../../shared/training.endpoints';
import { call } from '../api';

export type TrainingSession = ResponseOf<typeof training.getTrainingSession>;
export type Trainee = ResponseOf<typeof training.listTrainees>['items'][number];
export type CoverageRow = ResponseOf<typeof training.listTrainingCoverage>['items'][number];
export type TrainingSessionInput = BodyIn<typeof training.createTrainingSession>;
export type AttendanceInput = BodyIn<typeof training.markTrainingAttendance>;

const all = ['training'] as const;

export function useTrainingSessions(query: QueryIn<typeof training.listTrainingSessions>) {
  return useQuery({ queryKey: [...all, 'sessions', query], queryFn: () => call(training.listTrainingSessions, { query }) });
}

export function useTrainees(id: string, query: QueryIn<typeof training.listTrainees>) {
  return useQuery({ queryKey: [...all, 'trainees', id, query], queryFn: () => call(training.listTrainees, { params: { id }, query }) });
}

export function useCoverage(query: QueryIn<typeof training.listTrainingCoverage>) {
  return useQuery({ queryKey: [...all, 'coverage', query], queryFn: () => call(training.listTrainingCoverage, { query }) });
}

export function useCreateTrainingSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingSessionInput) => call(training.createTrainingSession, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  });
}

export function useMarkAttendance(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceInput) => call(training.markTrainingAttendance, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  });
}

/** The training room's QR token, fetched again before it expires (every 30 s). */
export function useTrainingSignInToken(id: string) {
  return useQuery({
    queryKey: [...all, 'token', id],
    queryFn: () => call(training.trainingSignInToken, { params: { id } }),
    refetchInterval: (q) => Math.max(1000, (q.state.data?.expiresInSeconds ?? 30) * 1000),
  });
}

export function useSetMaterials(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fileIds: string[]) => call(training.setTrainingMaterials, { params: { id }, body: { fileIds } }),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  });
}
