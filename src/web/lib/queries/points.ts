import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as points from '../../../shared/points.endpoints';
import { call, download, urlFor } from '../api';

export type PointStatement = ResponseOf<typeof points.volunteerPoints>;
export type PointEntry = PointStatement['entries']['items'][number];
export type PointHolder = ResponseOf<typeof points.listPointHolders>['items'][number];
export type HolderQuery = NonNullable<QueryIn<typeof points.listPointHolders>>;
export type LedgerQuery = NonNullable<QueryIn<typeof points.listPointEntries>>;

export const pointKeys = {
  all: ['points'] as const,
  holders: (q: HolderQuery) => ['points', 'holders', q] as const,
  statement: (id: string, page: number) => ['points', 'statement', id, page] as const,
  ledger: (q: LedgerQuery) => ['points', 'ledger', q] as const,
};

export function usePointHolders(query: HolderQuery) {
  return useQuery({ queryKey: pointKeys.holders(query), queryFn: () => call(points.listPointHolders, { query }), placeholderData: keepPreviousData });
}

export function useVolunteerPoints(id: string | null, page = 1) {
  return useQuery({
    queryKey: pointKeys.statement(id ?? '', page),
    enabled: id !== null,
    queryFn: () => call(points.volunteerPoints, { params: { id: id ?? '' }, query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
}

export function usePointLedger(query: LedgerQuery) {
  return useQuery({ queryKey: pointKeys.ledger(query), queryFn: () => call(points.listPointEntries, { query }), placeholderData: keepPreviousData });
}

function usePointMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: pointKeys.all }) });
}

export function useGrantPoints(kind: 'grant' | 'deduct') {
  const endpoint = kind === 'grant' ? points.grantPoints : points.deductPoints;
  return usePointMutation(({ id, input }: { id: string; input: BodyIn<typeof points.grantPoints> }) => call(endpoint, { params: { id }, body: input }));
}

export function useRevokePointEntry() {
  return usePointMutation(({ id, input }: { id: string; input: BodyIn<typeof points.revokePointEntry> }) =>
    call(points.revokePointEntry, { params: { id }, body: input }),
  );
}

/** 导出 Excel: the ledger with the same filters as the list. */
export function downloadPointLedger(query: { unitId?: string; month?: string; kind?: LedgerQuery['kind'] }): Promise<string> {
  return download(urlFor(points.exportPointEntries, { query }), `${query.month ? `${query.month} ` : ''}积分台账.xlsx`);
}

/** 活动奖励: the same points to every volunteer with approved service from a finished activity, once each. */
export function useActivityBonus() {
  return usePointMutation(({ id, input }: { id: string; input: BodyIn<typeof points.grantActivityBonus> }) =>
    call(points.grantActivityBonus, { params: { id }, body: input }),
  );
}

/** 核对积分账: on demand (a button), not on page load — it reads every balance and entry in scope. */
export function useVerifyPoints() {
  return useMutation({ mutationFn: () => call(points.verifyPoints) });
}
