import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TotpDisableInput } from '../../../shared/accounts';
import * as auth from '../../../shared/accounts.endpoints';
import { call } from '../api';
import { SESSION_KEY } from '../session';

export const totpKeys = { status: ['totp'] as const };

export function useTotpStatus() {
  return useQuery({ queryKey: totpKeys.status, queryFn: () => call(auth.viewTotp) });
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => call(auth.startTotpSetup) });
}

/** Enabling opens a session that could only enrol: the session is read again. */
export function useEnableTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(auth.enableTotp, { body: { code } }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: totpKeys.status });
      client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useDisableTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TotpDisableInput) => call(auth.disableTotp, { body: input }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: totpKeys.status });
      client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
