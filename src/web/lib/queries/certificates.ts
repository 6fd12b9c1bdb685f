import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CertificateView, PublicCertificateView } from '../../../shared/certificates';
import { ApiError, api, withQuery } from '../api';

export const certificateKeys = {
  all: ['certificates'] as const,
  forVolunteer: (volunteerId: string) => ['certificates', 'volunteer', volunteerId] as const,
  mine: ['certificates', 'mine'] as const,
  public: (number: string) => ['public', 'certificate', number] as const,
};

export function useCertificates(volunteerId: string) {
  return useQuery({
    queryKey: certificateKeys.forVolunteer(volunteerId),
    queryFn: async () => (await api.get<{ items: CertificateView[] }>(withQuery('/api/certificates', { volunteerId }))).items,
  });
}

export function useMyCertificates(enabled = true) {
  return useQuery({
    queryKey: certificateKeys.mine,
    enabled,
    queryFn: async () => (await api.get<{ items: CertificateView[] }>('/api/certificates/mine')).items,
  });
}

function useCertificateMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.all }) });
}

/** Free of charge (办法 第十四条): the volunteer for themself, or staff for someone in their scope. */
export function useIssueCertificate() {
  return useCertificateMutation((input: { volunteerId: string; from: string; to: string }) => api.post<CertificateView>('/api/certificates', input));
}

export function useRevokeCertificate() {
  return useCertificateMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<CertificateView>(`/api/certificates/${encodeURIComponent(id)}/revoke`, { reason }),
  );
}

/** The public check behind the QR code; null when no certificate has that number. */
export function usePublicCertificate(number: string) {
  return useQuery({
    queryKey: certificateKeys.public(number),
    enabled: number.length > 0,
    retry: false,
    queryFn: async () => {
      try {
        return await api.get<PublicCertificateView>(`/api/public/certificates/${encodeURIComponent(number)}`, { quietAuth: true });
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.code === 'validation.failed')) return null;
        throw error;
      }
    },
  });
}
