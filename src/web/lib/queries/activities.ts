import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the mobile pages use these hooks too, and must not pull zod into their chunks.
import type { z } from 'zod';
import type {
  ActivityAction,
  ActivityInput,
  ActivityStatus,
  ActivityView,
  CheckinResult as CheckinResultSchema,
  MonthlyTableView,
  SignupView,
  UpdateActivityInput as UpdateActivityInputSchema,
} from '../../../shared/activities';
import { api, type Paged, withQuery } from '../api';

export type { ActivityView, MonthlyTableView, SignupView };
export type UpdateActivityInput = z.input<typeof UpdateActivityInputSchema>;
export type CheckinResult = z.infer<typeof CheckinResultSchema>;

export interface ActivityListParams {
  page?: number;
  pageSize?: number;
  unitId?: string;
  status?: ActivityStatus;
  programmeId?: string;
  /** YYYY-MM-DD (China time): activities still running on or after this day. */
  from?: string;
  /** YYYY-MM-DD (China time): activities starting on or before this day. */
  to?: string;
  q?: string;
  mine?: boolean;
}

import type { ActivitySummaryView as ActivitySummary, CheckinTokenView as CheckinToken, SignupResultView as SignupResult } from '../../../shared/activities';
import type { RoomBookingView as RoomBooking } from '../../../shared/venues';

export type { ActivitySummary, CheckinToken, RoomBooking, SignupResult };

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: ActivityListParams) => ['activities', 'list', params] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  signups: (id: string) => ['activities', 'signups', id] as const,
  summary: (id: string) => ['activities', 'summary', id] as const,
  token: (id: string) => ['activities', 'checkin-token', id] as const,
  monthly: (months: number) => ['activities', 'monthly', months] as const,
  bookings: (roomId: string, day: string) => ['activities', 'bookings', roomId, day] as const,
};

export function useActivities(params: ActivityListParams, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(params),
    enabled,
    queryFn: () =>
      api.get<Paged<ActivityView>>(
        withQuery('/api/activities', { ...params, mine: params.mine ? 'true' : undefined, page: params.page ?? 1, pageSize: params.pageSize ?? 20 }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    enabled: enabled && !!id,
    queryFn: () => api.get<ActivityView>(`/api/activities/${encodeURIComponent(id)}`),
  });
}

export function useSignups(id: string, enabled = true, refetchInterval?: number) {
  return useQuery({
    queryKey: activityKeys.signups(id),
    enabled,
    refetchInterval,
    queryFn: async () => (await api.get<{ items: SignupView[] }>(`/api/activities/${encodeURIComponent(id)}/signups`)).items,
  });
}

export function useSummary(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.summary(id),
    enabled,
    queryFn: () => api.get<ActivitySummary>(`/api/activities/${encodeURIComponent(id)}/summary`),
  });
}

/** The organiser's rotating QR token: fetched again as soon as the current one runs out. */
export function useCheckinToken(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.token(id),
    enabled,
    queryFn: async () => ({ ...(await api.get<CheckinToken>(`/api/activities/${encodeURIComponent(id)}/checkin-token`)), fetchedAt: Date.now() }),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return false;
      return Math.max(1000, data.expiresInSeconds * 1000 - (Date.now() - data.fetchedAt) + 300);
    },
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
}

export function useMonthlyTable(months = 6, enabled = true) {
  return useQuery({
    queryKey: activityKeys.monthly(months),
    enabled,
    queryFn: () => api.get<MonthlyTableView>(withQuery('/api/activities/monthly', { months })),
  });
}

export function useRoomBookings(roomId: string | undefined, day: string | undefined) {
  return useQuery({
    queryKey: activityKeys.bookings(roomId ?? '', day ?? ''),
    enabled: !!roomId && !!day,
    queryFn: async () =>
      (await api.get<{ items: RoomBooking[] }>(withQuery(`/api/rooms/${encodeURIComponent(roomId ?? '')}/bookings`, { from: day, to: day }))).items,
  });
}

/** Anything an activity does changes lists, calendars, counts and the monthly table: refresh the feature. */
function useActivityMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: activityKeys.all }) });
}

export function useCreateActivity() {
  return useActivityMutation((input: z.input<typeof ActivityInput>) => api.post<{ items: ActivityView[] }>('/api/activities', input));
}

export function useUpdateActivity() {
  return useActivityMutation(({ id, input }: { id: string; input: UpdateActivityInput }) =>
    api.patch<ActivityView>(`/api/activities/${encodeURIComponent(id)}`, input),
  );
}

export function useTransition() {
  return useActivityMutation(({ id, action, reason }: { id: string; action: ActivityAction; reason?: string }) =>
    api.post<ActivityView>(`/api/activities/${encodeURIComponent(id)}/transitions`, { action, reason }),
  );
}

/** Sign up oneself, or (staff) sign up a volunteer on their behalf. */
export function useSignUp() {
  return useActivityMutation(({ id, positionId, volunteerId }: { id: string; positionId?: string; volunteerId?: string }) =>
    api.post<SignupResult>(`/api/activities/${encodeURIComponent(id)}/signups`, { positionId, volunteerId }),
  );
}

export function useCancelMySignup() {
  return useActivityMutation((id: string) => api.delete<ActivityView>(`/api/activities/${encodeURIComponent(id)}/signups/mine`));
}

export function useCancelSignupFor() {
  return useActivityMutation(({ id, volunteerId }: { id: string; volunteerId: string }) =>
    api.delete<ActivityView>(`/api/activities/${encodeURIComponent(id)}/signups/volunteers/${encodeURIComponent(volunteerId)}`),
  );
}

export function useDecideSignup() {
  return useActivityMutation(({ id, signupId, approve, reason }: { id: string; signupId: string; approve: boolean; reason?: string }) =>
    api.post<{ items: SignupView[] }>(`/api/activities/${encodeURIComponent(id)}/signups/${encodeURIComponent(signupId)}/decision`, { approve, reason }),
  );
}

export function useCheckIn() {
  return useActivityMutation(({ id, ...body }: { id: string; token?: string; code?: string; lat?: number; lng?: number }) =>
    api.post<CheckinResult>(`/api/activities/${encodeURIComponent(id)}/checkins`, body),
  );
}

export function useStaffCheck() {
  return useActivityMutation(({ id, ...body }: { id: string; volunteerId: string; direction: 'in' | 'out'; reason: string }) =>
    api.post<CheckinResult>(`/api/activities/${encodeURIComponent(id)}/checkins/staff`, body),
  );
}

export function useSubmitSummary() {
  return useActivityMutation(({ id, ...body }: { id: string; servedCount: number; notes: string; photoFileIds: string[] }) =>
    api.post<ActivityView>(`/api/activities/${encodeURIComponent(id)}/summary`, body),
  );
}

/** A private calendar feed of one's own activities; asking again replaces (and voids) the old link. */
export function useIssueIcalToken() {
  return useMutation({ mutationFn: () => api.post<{ path: string }>('/api/ical/token', {}) });
}

export function useRevokeIcalToken() {
  return useMutation({ mutationFn: () => api.delete<{ ok: true }>('/api/ical/token') });
}
