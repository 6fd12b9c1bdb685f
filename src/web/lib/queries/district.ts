import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDistrictAccountInput, CreateStreetInput } from '../../../shared/district';
import * as district from '../../../shared/district.endpoints';
import { call } from '../api';

export const districtKeys = { all: ['district'] as const };

export function useStreets() {
  return useQuery({ queryKey: [...districtKeys.all, 'streets'], queryFn: () => call(district.listStreets) });
}

export function useDistrictSummary(year?: number) {
  return useQuery({ queryKey: [...districtKeys.all, 'summary', year ?? null], queryFn: () => call(district.districtSummary, { query: year ? { year } : {} }) });
}

export function useCreateStreet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStreetInput) => call(district.createStreet, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: districtKeys.all }),
  });
}

export function useSetStreetAdminStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, disabled }: { accountId: string; disabled: boolean }) =>
      call(district.setStreetAdminStatus, { params: { accountId }, body: { disabled } }),
    onSuccess: () => client.invalidateQueries({ queryKey: districtKeys.all }),
  });
}

export function useDistrictAccounts() {
  return useQuery({ queryKey: [...districtKeys.all, 'accounts'], queryFn: () => call(district.listDistrictAccounts) });
}

export function useCreateDistrictAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDistrictAccountInput) => call(district.createDistrictAccount, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...districtKeys.all, 'accounts'] }),
  });
}

export function useSetDistrictAccountStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, disabled }: { accountId: string; disabled: boolean }) =>
      call(district.setDistrictAccountStatus, { params: { accountId }, body: { disabled } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...districtKeys.all, 'accounts'] }),
  });
}
