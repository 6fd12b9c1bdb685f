import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as funds from '../../../shared/funds.endpoints';
import { call, download, urlFor } from '../api';

export type BudgetLine = ResponseOf<typeof funds.createBudgetLine>;
export type FundEntry = ResponseOf<typeof funds.createFundEntry>;
export type FundTotals = ResponseOf<typeof funds.fundTotals>;
export type EntryQuery = NonNullable<QueryIn<typeof funds.listFundEntries>>;
export type LineQuery = NonNullable<QueryIn<typeof funds.listBudgetLines>>;

export const fundKeys = {
  all: ['funds'] as const,
  totals: (year: number, unitId?: string) => ['funds', 'totals', year, unitId ?? null] as const,
  entries: (q: EntryQuery) => ['funds', 'entries', q] as const,
  lines: (q: LineQuery) => ['funds', 'lines', q] as const,
};

export function useFundTotals(year: number, unitId?: string) {
  return useQuery({
    queryKey: fundKeys.totals(year, unitId),
    queryFn: () => call(funds.fundTotals, { query: { year, unitId } }),
    placeholderData: keepPreviousData,
  });
}

export function useFundEntries(query: EntryQuery) {
  return useQuery({ queryKey: fundKeys.entries(query), queryFn: () => call(funds.listFundEntries, { query }), placeholderData: keepPreviousData });
}

export function useBudgetLines(query: LineQuery) {
  return useQuery({ queryKey: fundKeys.lines(query), queryFn: () => call(funds.listBudgetLines, { query }), placeholderData: keepPreviousData });
}

function useFundMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }) });
}

export function useCreateBudgetLine() {
  return useFundMutation((input: BodyIn<typeof funds.createBudgetLine>) => call(funds.createBudgetLine, { body: input }));
}

export function useAdjustBudgetLine() {
  return useFundMutation(({ id, input }: { id: string; input: BodyIn<typeof funds.adjustBudgetLine> }) =>
    call(funds.adjustBudgetLine, { params: { id }, body: input }),
  );
}

export function useCreateFundEntry() {
  return useFundMutation((input: BodyIn<typeof funds.createFundEntry>) => call(funds.createFundEntry, { body: input }));
}

export function useCorrectFundEntry() {
  return useFundMutation(({ id, input }: { id: string; input: BodyIn<typeof funds.correctFundEntry> }) =>
    call(funds.correctFundEntry, { params: { id }, body: input }),
  );
}

/** 导出 Excel: the year's statement for the unit filter (or everything in scope). */
export function downloadFundStatement(year: number, unitId?: string): Promise<string> {
  return download(urlFor(funds.exportFundStatement, { query: { year, unitId } }), `${year}年经费报表.xlsx`);
}
