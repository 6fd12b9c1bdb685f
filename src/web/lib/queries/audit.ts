import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEntryView, AuditVerifyView } from '../../../shared/audit';
import { api, type Paged, withQuery } from '../api';

export interface AuditListParams {
  page: number;
  pageSize: number;
  action?: string;
  outcome?: 'success' | 'failure';
}

export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: () => api.get<Paged<AuditEntryView>>(withQuery('/api/audit', { ...params })),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post<AuditVerifyView>('/api/audit/verify', {}) });
}
