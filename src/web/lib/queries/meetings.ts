import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as meetings from '../../../shared/meetings.endpoints';
import { call } from '../api';

export type MeetingDetail = ResponseOf<typeof meetings.getMeeting>;
export type MeetingListItem = ResponseOf<typeof meetings.listMeetings>['items'][number];
export type AttendeeView = MeetingDetail['attendees'][number];
export type ResolutionView = MeetingDetail['resolutions'][number];
export type ResolutionDetail = ResponseOf<typeof meetings.getResolution>;
export type MeetingInput = BodyIn<typeof meetings.createMeeting>;
export type ResolutionQuery = QueryIn<typeof meetings.listResolutions>;

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (q: QueryIn<typeof meetings.listMeetings>) => ['meetings', 'list', q] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  candidates: (unitId: string) => ['meetings', 'candidates', unitId] as const,
  token: (id: string) => ['meetings', 'token', id] as const,
  resolutions: (q: ResolutionQuery) => ['meetings', 'resolutions', q] as const,
  resolution: (id: string) => ['meetings', 'resolution', id] as const,
  seat: (id: string) => ['meetings', 'seat', id] as const,
};

export function useMeetings(query: QueryIn<typeof meetings.listMeetings>) {
  return useQuery({ queryKey: meetingKeys.list(query), queryFn: () => call(meetings.listMeetings, { query }) });
}

export function useMeeting(id: string, refetchInterval?: number) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => call(meetings.getMeeting, { params: { id } }), refetchInterval });
}

export function useCandidates(unitId: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.candidates(unitId ?? ''),
    enabled: Boolean(unitId),
    queryFn: async () => (await call(meetings.attendeeCandidates, { query: { unitId: unitId ?? '', pageSize: 200 } })).items,
  });
}

/** The room's QR token, fetched again before it expires (every 30 s). */
export function useSignInToken(id: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.token(id),
    enabled,
    queryFn: async () => ({ ...(await call(meetings.signInToken, { params: { id } })), fetchedAt: Date.now() }),
    refetchInterval: (q) => Math.max(1000, (q.state.data?.expiresInSeconds ?? 30) * 1000),
  });
}

export function useResolutions(query: ResolutionQuery, enabled = true) {
  return useQuery({ queryKey: meetingKeys.resolutions(query), enabled, queryFn: () => call(meetings.listResolutions, { query }) });
}

export function useResolution(id: string | null) {
  return useQuery({
    queryKey: meetingKeys.resolution(id ?? ''),
    enabled: Boolean(id),
    queryFn: () => call(meetings.getResolution, { params: { id: id ?? '' } }),
  });
}

export function useMySeat(id: string) {
  return useQuery({ queryKey: meetingKeys.seat(id), enabled: Boolean(id), retry: false, queryFn: () => call(meetings.mySeat, { params: { id } }) });
}

function useMeetingMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.all }) });
}

export function useCreateMeeting() {
  return useMeetingMutation((input: MeetingInput) => call(meetings.createMeeting, { body: input }));
}

export function useUpdateMeeting() {
  return useMeetingMutation(({ id, input }: { id: string; input: BodyIn<typeof meetings.updateMeeting> }) =>
    call(meetings.updateMeeting, { params: { id }, body: input }),
  );
}

export function useAdvanceMeeting() {
  return useMeetingMutation(({ id, to }: { id: string; to: 'held' | 'published' }) =>
    to === 'held' ? call(meetings.markHeld, { params: { id } }) : call(meetings.publishMinutes, { params: { id } }),
  );
}

export function useMarkAttendance() {
  return useMeetingMutation(({ id, attendeeId, input }: { id: string; attendeeId: string; input: BodyIn<typeof meetings.markAttendance> }) =>
    call(meetings.markAttendance, { params: { id, attendeeId }, body: input }),
  );
}

export function useAddResolution() {
  return useMeetingMutation(({ id, input }: { id: string; input: BodyIn<typeof meetings.addResolution> }) =>
    call(meetings.addResolution, { params: { id }, body: input }),
  );
}

export function useFollowUp() {
  return useMeetingMutation(({ id, input }: { id: string; input: BodyIn<typeof meetings.followUp> }) =>
    call(meetings.followUp, { params: { id }, body: input }),
  );
}

export function useSignIn() {
  return useMeetingMutation(({ id, token }: { id: string; token: string }) => call(meetings.signIn, { params: { id }, body: { token } }));
}

export function minutesPdfUrl(id: string): string {
  return `/api/meetings/${encodeURIComponent(id)}/minutes.pdf`;
}
