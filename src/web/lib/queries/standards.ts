import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import * as standards from '../../../shared/standards.endpoints';
import { call, download, urlFor } from '../api';

export type StandardsBoard = ResponseOf<typeof standards.standardsBoard>;
export type BoardRow = StandardsBoard['rows'][number];
export type UnitStandards = ResponseOf<typeof standards.standardsOfUnit>;
export type StandardDetail = UnitStandards['standards'][number];
export type Evidence = StandardDetail['evidence'][number];

export const standardsKeys = {
  all: ['standards'] as const,
  board: (instituteId?: string) => ['standards', 'board', instituteId ?? null] as const,
  unit: (unitId: string) => ['standards', 'unit', unitId] as const,
};

export function useStandardsBoard(instituteId?: string) {
  return useQuery({
    queryKey: standardsKeys.board(instituteId),
    queryFn: () => call(standards.standardsBoard, { query: { instituteId } }),
    placeholderData: keepPreviousData,
  });
}

export function useUnitStandards(unitId: string | null) {
  return useQuery({
    queryKey: standardsKeys.unit(unitId ?? ''),
    enabled: Boolean(unitId),
    queryFn: () => call(standards.standardsOfUnit, { params: { unitId: unitId ?? '' } }),
  });
}

function useStandardsMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: standardsKeys.all }) });
}

export function useAddEvidence() {
  return useStandardsMutation((input: BodyIn<typeof standards.addStandardEvidence>) => call(standards.addStandardEvidence, { body: input }));
}

export function useWithdrawEvidence() {
  return useStandardsMutation(({ id, reason }: { id: string; reason: string }) =>
    call(standards.withdrawStandardEvidence, { params: { id }, body: { reason } }),
  );
}

export function useConfirmStandard() {
  return useStandardsMutation((input: BodyIn<typeof standards.confirmStandard>) => call(standards.confirmStandard, { body: input }));
}

export function downloadStandardsBoard(instituteId?: string): Promise<string> {
  return download(urlFor(standards.exportStandardsBoard, { query: { instituteId } }), '“八有”达标情况.xlsx');
}
