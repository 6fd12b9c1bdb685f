import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../shared/accounts';
import type { ImportReport, RegisterVolunteerInput, UpdateVolunteerInput, VolunteerAction, VolunteerDetail, VolunteerView } from '../../../shared/volunteers';

export type { ImportReport, VolunteerDetail };
import * as files from '../../../shared/files';
import { ApiError, api, callUpload, type Paged, upload, withQuery } from '../api';
import { SESSION_KEY } from '../session';

/** The talent-pool filters, exactly the query `GET /api/volunteers` takes. */
export interface VolunteerListParams {
  page: number;
  pageSize: number;
  stationId?: string;
  status?: VolunteerView['status'];
  q?: string;
  skill?: string;
  category?: string;
  serviceCategory?: string;
  availability?: string;
  minAge?: number;
  maxAge?: number;
  starLevel?: number;
  minHours?: number;
  maxHours?: number;
}

export type StatusChange = VolunteerDetail['history'][number];

import type { FilePurpose } from '../../../shared/files';
export type { FilePurpose, FileView as UploadedFile } from '../../../shared/files';

/** `POST /api/files`: evidence photos, signed consent forms (JPG/PNG/PDF ≤ 10 MB). */
export function uploadFile(file: File, purpose: FilePurpose) {
  return callUpload(files.uploadFile, file, { query: { purpose }, name: file.name });
}

export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: (params: VolunteerListParams) => ['volunteers', 'list', params] as const,
  detail: (id: string) => ['volunteers', 'detail', id] as const,
  search: (q: string) => ['volunteers', 'search', q] as const,
  me: ['volunteers', 'me'] as const,
};

export function useVolunteers(params: VolunteerListParams) {
  return useQuery({
    queryKey: volunteerKeys.list(params),
    queryFn: () => api.get<Paged<VolunteerView>>(withQuery('/api/volunteers', { ...params })),
    placeholderData: keepPreviousData,
  });
}

/** A picker search: certified volunteers by name, number or phone tail. */
export function useVolunteerSearch(q: string, options: { status?: VolunteerView['status']; stationId?: string } = {}) {
  return useQuery({
    queryKey: [...volunteerKeys.search(q), options],
    queryFn: () => api.get<Paged<VolunteerView>>(withQuery('/api/volunteers', { q: q.trim() || undefined, pageSize: 20, page: 1, ...options })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useVolunteer(id: string) {
  return useQuery({ queryKey: volunteerKeys.detail(id), queryFn: () => api.get<VolunteerDetail>(`/api/volunteers/${encodeURIComponent(id)}`) });
}

function useVolunteerMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: volunteerKeys.all }) });
}

export function useCreateVolunteer() {
  return useVolunteerMutation((input: RegisterVolunteerInput) => api.post<VolunteerView>('/api/volunteers', input));
}

export function useUpdateVolunteer() {
  return useVolunteerMutation(({ id, input }: { id: string; input: UpdateVolunteerInput }) =>
    api.patch<VolunteerView>(`/api/volunteers/${encodeURIComponent(id)}`, input),
  );
}

export function useVolunteerTransition() {
  return useVolunteerMutation(({ id, action, reason }: { id: string; action: VolunteerAction; reason?: string }) =>
    api.post<VolunteerView>(`/api/volunteers/${encodeURIComponent(id)}/transitions`, { action, ...(reason ? { reason } : {}) }),
  );
}

/** `POST /api/volunteers/import`: a dry run only checks; the real import needs the scan of the signed forms. */
export function useImportVolunteers() {
  return useVolunteerMutation(({ file, consentFileId }: { file: File; consentFileId?: string }) =>
    upload<ImportReport>(withQuery('/api/volunteers/import', { dryRun: consentFileId ? 'false' : 'true', consentFileId }), file, file.name),
  );
}

// ---------------------------------------------------------------- the volunteer themself

/** The signed-in person's own record; null when they have not registered (404 volunteer.not_found_self). */
export function useMyVolunteer(enabled = true) {
  return useQuery({
    queryKey: volunteerKeys.me,
    enabled,
    queryFn: async () => {
      try {
        return await api.get<VolunteerDetail>('/api/volunteers/me');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'volunteer.not_found_self') return null;
        throw error;
      }
    },
  });
}

export type SelfRegistration = RegisterVolunteerInput & { agree: true };

/** A signed-in resident registers. The server adds the volunteer role, so the session changes too. */
export function useRegisterSelf() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SelfRegistration) => api.post<VolunteerView>('/api/volunteers/me', input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: SESSION_KEY });
      await client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
  });
}

/** Someone without an account: the server creates the login (their phone) and signs them in. */
export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SelfRegistration & { password: string }) => api.post<SessionView>('/api/volunteers/signup', input),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useRevealIdNumber() {
  return useMutation({ mutationFn: () => api.post<{ idNumber: string }>('/api/volunteers/me/id-number', {}) });
}
