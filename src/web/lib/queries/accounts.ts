import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountView, CreateAccountInput } from '../../../shared/accounts';
import { api, type Paged, withQuery } from '../api';

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
    queryFn: () => api.get<Paged<AccountView>>(withQuery('/api/accounts', { ...params })),
    placeholderData: keepPreviousData,
  });
}

function useAccountMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }) });
}

export function useCreateAccount() {
  return useAccountMutation((input: CreateAccountInput) =>
    api.post<{ account: AccountView; oneTimePassword: string }>('/api/accounts', input),
  );
}

export type AccountAction = 'disable' | 'enable' | 'revoke-sessions';

export function useAccountAction() {
  return useAccountMutation(({ id, action }: { id: string; action: AccountAction }) =>
    api.post<unknown>(`/api/accounts/${encodeURIComponent(id)}/${action}`, {}),
  );
}

export function useResetPassword() {
  return useAccountMutation((id: string) => api.post<{ oneTimePassword: string }>(`/api/accounts/${encodeURIComponent(id)}/reset-password`, {}));
}
