import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryIn } from '../../../shared/endpoint';
import * as recognition from '../../../shared/recognition.endpoints';
import { type CallInput, call } from '../api';

const all = ['recognition'] as const;

export function useAwards(query: QueryIn<typeof recognition.listRecognitionAwards>) {
  return useQuery({
    queryKey: [...all, 'awards', query],
    placeholderData: keepPreviousData,
    queryFn: () => call(recognition.listRecognitionAwards, { query }),
  });
}

export function useHonourList(year: string) {
  return useQuery({ queryKey: [...all, 'honours', year], queryFn: () => call(recognition.honourList, { query: { year } }) });
}

export function useBenefits() {
  return useQuery({ queryKey: [...all, 'benefits'], queryFn: async () => (await call(recognition.listBenefits, { query: {} })).items });
}

function useRecognitionMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: all }) });
}

export function useGiveAward() {
  return useRecognitionMutation((body: CallInput<typeof recognition.giveAward>['body']) => call(recognition.giveAward, { body }));
}

export function useRevokeAward() {
  return useRecognitionMutation(({ id, reason }: { id: string; reason: string }) => call(recognition.revokeAward, { params: { id }, body: { reason } }));
}

export function useSaveBenefit() {
  return useRecognitionMutation(({ id, body }: { id?: string; body: CallInput<typeof recognition.createBenefit>['body'] }) =>
    id ? call(recognition.updateBenefit, { params: { id }, body }) : call(recognition.createBenefit, { body }),
  );
}

export function useRecordConsent() {
  return useRecognitionMutation(({ id, body }: { id: string; body: CallInput<typeof recognition.recordConsent>['body'] }) =>
    call(recognition.recordConsent, { params: { id }, body }),
  );
}
