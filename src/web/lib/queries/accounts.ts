import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as accounts from '../../../shared/accounts.endpoints';
import type { BodyIn } from '../../../shared/endpoint';
import { call } from '../api';

export interface AccountListParams {
  q?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: (params: AccountListParams) => ['accounts', 'list', params] as const,
};

export function useAccounts(params: AccountListParams) {
  return useQuery({
    queryKey: accountKeys.list(params),
    queryFn: () => call(accounts.listAccounts, { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

function useAccountMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }) });
}

export function useCreateAccount() {
  return useAccountMutation((input: BodyIn<typeof accounts.createAccount>) => call(accounts.createAccount, { body: input }));
}

export type AccountAction = 'disable' | 'enable' | 'revoke-sessions';

const ACTIONS = { disable: accounts.disableAccount, enable: accounts.enableAccount, 'revoke-sessions': accounts.revokeSessions } as const;

export function useAccountAction() {
  return useAccountMutation(({ id, action }: { id: string; action: AccountAction }): Promise<unknown> => call(ACTIONS[action], { params: { id } }));
}

export function useResetPassword() {
  return useAccountMutation((id: string) => call(accounts.resetPassword, { params: { id } }));
}
