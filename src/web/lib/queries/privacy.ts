import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the mobile page uses these hooks too and must not pull zod into its chunk.
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import type * as privacy from '../../../shared/privacy.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

export type PrivacyRequest = ResponseOf<typeof privacy.requestDeletion>;
export type PrivacyDecision = BodyIn<typeof privacy.decidePrivacyRequest>;
export type PrivacyListStatus = 'open' | 'closed' | 'all';

const keys = { mine: ['privacy', 'mine'] as const, staff: (status: PrivacyListStatus) => ['privacy', 'staff', status] as const };

/** The download is a plain link: the browser sends the session cookie and saves the file. */
export const MY_DATA_URL = routes.exportMyData.path;

export function useMyPrivacyRequests(enabled = true) {
  return useQuery({ queryKey: keys.mine, queryFn: () => callRoute<typeof privacy.listMyPrivacyRequests>(routes.listMyPrivacyRequests), enabled });
}

export function useRequestDeletion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => callRoute<typeof privacy.requestDeletion>(routes.requestDeletion, { body: reason ? { reason } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mine }),
  });
}

export function usePrivacyRequests(status: PrivacyListStatus) {
  return useQuery({
    queryKey: keys.staff(status),
    queryFn: () => callRoute<typeof privacy.listPrivacyRequests>(routes.listPrivacyRequests, { query: { status } }),
  });
}

export function useDecidePrivacyRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PrivacyDecision }) =>
      callRoute<typeof privacy.decidePrivacyRequest>(routes.decidePrivacyRequest, { params: { id }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
