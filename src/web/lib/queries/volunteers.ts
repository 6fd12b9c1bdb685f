import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ImportReport,
  RegisterVolunteerInput,
  UpdateVolunteerInput,
  VolunteerAction,
  VolunteerDetail,
  VolunteerListQuery,
  VolunteerView,
} from '../../../shared/volunteers';

export type { ImportReport, VolunteerDetail };
import * as files from '../../../shared/files';
import * as volunteers from '../../../shared/volunteers.endpoints';
import { ApiError, call, callUpload, download, urlFor } from '../api';
import { SESSION_KEY } from '../session';

/** The talent-pool filters, exactly the query `GET /api/volunteers` takes (after its defaults). */
export type VolunteerListParams = z.output<typeof VolunteerListQuery>;

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
    queryFn: () => call(volunteers.listVolunteers, { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** A picker search: certified volunteers by name, number or phone tail. */
export function useVolunteerSearch(q: string, options: { status?: VolunteerView['status']; stationId?: string } = {}) {
  return useQuery({
    queryKey: [...volunteerKeys.search(q), options],
    queryFn: () => call(volunteers.listVolunteers, { query: { q: q.trim() || undefined, pageSize: 20, page: 1, ...options } }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useVolunteer(id: string) {
  return useQuery({ queryKey: volunteerKeys.detail(id), queryFn: () => call(volunteers.getVolunteer, { params: { id } }) });
}

function useVolunteerMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: volunteerKeys.all }) });
}

export function useCreateVolunteer() {
  return useVolunteerMutation((input: RegisterVolunteerInput) => call(volunteers.registerVolunteer, { body: input }));
}

export function useUpdateVolunteer() {
  return useVolunteerMutation(({ id, input }: { id: string; input: UpdateVolunteerInput }) =>
    call(volunteers.updateVolunteer, { params: { id }, body: input }),
  );
}

export function useVolunteerTransition() {
  return useVolunteerMutation(({ id, action, reason }: { id: string; action: VolunteerAction; reason?: string }) =>
    call(volunteers.transitionVolunteer, { params: { id }, body: { action, ...(reason ? { reason } : {}) } }),
  );
}

/** `POST /api/volunteers/import`: a dry run only checks; the real import needs the scan of the signed forms. */
export function useImportVolunteers() {
  return useVolunteerMutation(({ file, consentFileId }: { file: File; consentFileId?: string }) =>
    callUpload(volunteers.importVolunteers, file, { query: { dryRun: consentFileId ? 'false' : 'true', consentFileId }, name: file.name }),
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
        return await call(volunteers.myVolunteer);
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
    mutationFn: (input: SelfRegistration) => call(volunteers.registerSelf, { body: input }),
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
    mutationFn: (input: SelfRegistration & { password: string }) => call(volunteers.signUpVolunteer, { body: input }),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useRevealIdNumber() {
  return useMutation({ mutationFn: () => call(volunteers.revealMyIdNumber) });
}

// ---------------------------------------------------------------- roster files

/** The blank roster template (.xlsx) for 导入志愿者名册. */
export function downloadImportTemplate() {
  return download(urlFor(volunteers.volunteerImportTemplate), '志愿者名册导入模板.xlsx');
}

/** The talent pool under these filters as a file: Excel (masked ID numbers) or CSV in the national system's field order. */
export function downloadVolunteers(format: 'xlsx' | 'csv', filters: Omit<VolunteerListParams, 'page' | 'pageSize'>) {
  const endpoint = format === 'xlsx' ? volunteers.exportVolunteersXlsx : volunteers.exportVolunteersCsv;
  return download(urlFor(endpoint, { query: filters }), format === 'xlsx' ? '志愿者名册.xlsx' : '志愿者名册.csv');
}

/** The roster for the national system, full numbers: institute admins, with a reason that is audited. */
export function downloadNationalRoster(input: { reason: string; stationId?: string }) {
  return download(urlFor(volunteers.exportVolunteersNational, {}), '全国志愿服务信息系统_志愿者名册.xlsx', { body: input });
}
