import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditCheckpointFile } from '../../../shared/audit';
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

/** Verify the chain; with a checkpoint file kept outside the system, against it too. */
export function useVerifyAudit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (checkpoint?: AuditCheckpointFile) => call(audit.verifyAudit, { body: checkpoint ? { checkpoint } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['audit', 'list'] }),
  });
}

export function useExportCheckpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(audit.exportAuditCheckpoint),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['audit', 'list'] }),
  });
}
