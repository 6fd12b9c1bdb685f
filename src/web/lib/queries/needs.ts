import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as needs from '../../../shared/needs.endpoints';
import { call, download, urlFor } from '../api';

export type NeedsRecord = ResponseOf<typeof needs.listNeedsRecords>['items'][number];
export type NeedsCounts = ResponseOf<typeof needs.needsCounts>;
export type NeedsRecordInput = BodyIn<typeof needs.recordNeeds>;

const all = ['needs'] as const;

export function useNeedsRecords(query: QueryIn<typeof needs.listNeedsRecords>) {
  return useQuery({
    queryKey: [...all, 'list', query],
    queryFn: () => call(needs.listNeedsRecords, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useNeedsCounts(query: QueryIn<typeof needs.needsCounts>, enabled = true) {
  return useQuery({ queryKey: [...all, 'counts', query], queryFn: () => call(needs.needsCounts, { query }), enabled });
}

export function useRecordNeeds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedsRecordInput) => call(needs.recordNeeds, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  });
}

export function useWithdrawNeeds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => call(needs.withdrawNeedsRecord, { params: { id }, body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  });
}

export function downloadNeeds(query: QueryIn<typeof needs.exportNeedsRecords>): Promise<string> {
  return download(urlFor(needs.exportNeedsRecords, { query }), '群众需求采集.xlsx');
}
