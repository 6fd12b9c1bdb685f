import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import * as audit from '../../../shared/audit.endpoints';
import { call } from '../api';

export interface AuditListParams {
  page: number;
  pageSize: number;
  action?: string;
  outcome?: 'success' | 'failure';
}

export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: () => call(audit.listAudit, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => call(audit.verifyAudit) });
}
