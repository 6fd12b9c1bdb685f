import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as certificates from '../../../shared/certificates.endpoints';
import { ApiError, type CallInput, call } from '../api';

export const certificateKeys = {
  all: ['certificates'] as const,
  forVolunteer: (volunteerId: string, page: number, pageSize: number) => ['certificates', 'volunteer', volunteerId, page, pageSize] as const,
  mine: ['certificates', 'mine'] as const,
  public: (number: string) => ['public', 'certificate', number] as const,
};

/** One page of a volunteer's certificates, paged on the server: `{items, total, page, pageSize}`. */
export function useCertificates(volunteerId: string, paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: certificateKeys.forVolunteer(volunteerId, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
    queryFn: () => call(certificates.listCertificates, { query: { volunteerId, ...paging } }),
  });
}

// A volunteer has a handful of certificates; one page of the largest size shows them all on the phone.
const ALL = { page: 1, pageSize: 200 } as const;

export function useMyCertificates(enabled = true) {
  return useQuery({
    queryKey: certificateKeys.mine,
    enabled,
    queryFn: async () => (await call(certificates.listMyCertificates, { query: ALL })).items,
  });
}

function useCertificateMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.all }) });
}

/** Free of charge (办法 第十四条): the volunteer for themself, or staff for someone in their scope. */
export function useIssueCertificate() {
  return useCertificateMutation((body: CallInput<typeof certificates.issueCertificate>['body']) => call(certificates.issueCertificate, { body }));
}

export function useRevokeCertificate() {
  return useCertificateMutation(({ id, reason }: { id: string; reason: string }) => call(certificates.revokeCertificate, { params: { id }, body: { reason } }));
}

/** The public check behind the QR code; null when no certificate has that number. */
export function usePublicCertificate(number: string) {
  return useQuery({
    queryKey: certificateKeys.public(number),
    enabled: number.length > 0,
    retry: false,
    queryFn: async () => {
      try {
        return await call(certificates.verifyCertificate, { params: { number }, options: { quietAuth: true } });
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.code === 'validation.failed')) return null;
        throw error;
      }
    },
  });
}
