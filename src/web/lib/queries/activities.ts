import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the mobile pages use these hooks too, and must not pull zod into their chunks (the
// endpoint modules build zod schemas when loaded). The zod-free route table says each call's method
// and path, `callRoute` checks them against the declaration's type (web/lib/api.ts).
import type * as activities from '../../../shared/activities.endpoints';
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import type * as venues from '../../../shared/venues.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute } from '../api';

export type ActivityView = ResponseOf<typeof activities.getActivity>;
export type SignupView = ResponseOf<typeof activities.decideSignup>;
export type MonthlyTableView = ResponseOf<typeof activities.monthlyTable>;
export type CheckinResult = ResponseOf<typeof activities.checkIn>;
export type ActivitySummary = ResponseOf<typeof activities.getSummary>;
export type CheckinToken = ResponseOf<typeof activities.checkinToken>;
export type SignupResult = ResponseOf<typeof activities.signUp>;
export type RoomBooking = ResponseOf<typeof venues.roomBookings>['items'][number];
export type CreateActivityInput = BodyIn<typeof activities.createActivity>;
export type UpdateActivityInput = BodyIn<typeof activities.updateActivity>;
type ActivityAction = ActivityView['allowedActions'][number];

export interface ActivityListParams {
  page?: number;
  pageSize?: number;
  unitId?: string;
  status?: ActivityView['status'];
  programmeId?: string;
  /** YYYY-MM-DD (China time): activities still running on or after this day. */
  from?: string;
  /** YYYY-MM-DD (China time): activities starting on or before this day. */
  to?: string;
  q?: string;
  mine?: boolean;
}

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: ActivityListParams) => ['activities', 'list', params] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  signups: (id: string) => ['activities', 'signups', id] as const,
  summary: (id: string) => ['activities', 'summary', id] as const,
  token: (id: string) => ['activities', 'checkin-token', id] as const,
  monthly: (months: number, until?: string) => ['activities', 'monthly', months, until ?? ''] as const,
  bookings: (roomId: string, day: string) => ['activities', 'bookings', roomId, day] as const,
};

export function useActivities(params: ActivityListParams, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(params),
    enabled,
    queryFn: () =>
      callRoute<typeof activities.listActivities>(routes.listActivities, {
        query: { ...params, mine: params.mine ? 'true' : undefined, page: params.page ?? 1, pageSize: params.pageSize ?? 20 },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    enabled: enabled && !!id,
    queryFn: () => callRoute<typeof activities.getActivity>(routes.getActivity, { params: { id } }),
  });
}

/** The largest page the sign-up list answers (`PageQuery`). */
const SIGNUP_PAGE = 200;

/** Every sign-up of an activity, page after page: the organiser's tabs count and filter the whole list. */
async function allSignups(id: string): Promise<SignupView[]> {
  const first = await callRoute<typeof activities.listSignups>(routes.listActivitySignups, { params: { id }, query: { page: 1, pageSize: SIGNUP_PAGE } });
  const items = [...first.items];
  const pages = Math.ceil(first.total / SIGNUP_PAGE);
  for (let page = 2; page <= pages; page++)
    items.push(
      ...(await callRoute<typeof activities.listSignups>(routes.listActivitySignups, { params: { id }, query: { page, pageSize: SIGNUP_PAGE } })).items,
    );
  return items;
}

export function useSignups(id: string, enabled = true, refetchInterval?: number) {
  return useQuery({
    queryKey: activityKeys.signups(id),
    enabled,
    refetchInterval,
    queryFn: () => allSignups(id),
  });
}

export function useSummary(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.summary(id),
    enabled,
    queryFn: () => callRoute<typeof activities.getSummary>(routes.getActivitySummary, { params: { id } }),
  });
}

/** The organiser's rotating QR token: fetched again as soon as the current one runs out. */
export function useCheckinToken(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.token(id),
    enabled,
    queryFn: async () => ({ ...(await callRoute<typeof activities.checkinToken>(routes.getCheckinToken, { params: { id } })), fetchedAt: Date.now() }),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return false;
      return Math.max(1000, data.expiresInSeconds * 1000 - (Date.now() - data.fetchedAt) + 300);
    },
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
}

export function useMonthlyTable(months = 6, enabled = true, until?: string) {
  return useQuery({
    queryKey: activityKeys.monthly(months, until),
    enabled,
    queryFn: () => callRoute<typeof activities.monthlyTable>(routes.viewMonthlyActivityTable, { query: until ? { months, until } : { months } }),
  });
}

/** A room's bookings on one day, shown whole beside the time picker: one page of 200 (the most a page holds). */
export function useRoomBookings(roomId: string | undefined, day: string | undefined) {
  return useQuery({
    queryKey: activityKeys.bookings(roomId ?? '', day ?? ''),
    enabled: !!roomId && !!day,
    queryFn: async () =>
      (
        await callRoute<typeof venues.roomBookings>(routes.listRoomBookings, {
          params: { id: roomId ?? '' },
          query: { from: day ?? '', to: day ?? '', pageSize: 200 },
        })
      ).items,
  });
}

/** Anything an activity does changes lists, calendars, counts and the monthly table: refresh the feature. */
function useActivityMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: activityKeys.all }) });
}

export function useCreateActivity() {
  return useActivityMutation((input: CreateActivityInput) => callRoute<typeof activities.createActivity>(routes.createActivity, { body: input }));
}

export function useUpdateActivity() {
  return useActivityMutation(({ id, input }: { id: string; input: UpdateActivityInput }) =>
    callRoute<typeof activities.updateActivity>(routes.updateActivity, { params: { id }, body: input }),
  );
}

export function useTransition() {
  return useActivityMutation(({ id, action, reason }: { id: string; action: ActivityAction; reason?: string }) =>
    callRoute<typeof activities.transitionActivity>(routes.transitionActivity, { params: { id }, body: { action, reason } }),
  );
}

/** Sign up oneself, or (staff) sign up a volunteer on their behalf. */
export function useSignUp() {
  return useActivityMutation(({ id, positionId, volunteerId }: { id: string; positionId?: string; volunteerId?: string }) =>
    callRoute<typeof activities.signUp>(routes.signUpForActivity, { params: { id }, body: { positionId, volunteerId } }),
  );
}

export function useCancelMySignup() {
  return useActivityMutation((id: string) => callRoute<typeof activities.cancelMySignup>(routes.cancelMySignup, { params: { id } }));
}

export function useCancelSignupFor() {
  return useActivityMutation(({ id, volunteerId }: { id: string; volunteerId: string }) =>
    callRoute<typeof activities.cancelSignupFor>(routes.cancelSignupForVolunteer, { params: { id, volunteerId } }),
  );
}

export function useDecideSignup() {
  return useActivityMutation(({ id, signupId, approve, reason }: { id: string; signupId: string; approve: boolean; reason?: string }) =>
    callRoute<typeof activities.decideSignup>(routes.decideActivitySignup, { params: { id, signupId }, body: { approve, reason } }),
  );
}

export function useCheckIn() {
  return useActivityMutation(({ id, ...body }: { id: string; token?: string; code?: string; lat?: number; lng?: number }) =>
    callRoute<typeof activities.checkIn>(routes.checkInToActivity, { params: { id }, body }),
  );
}

export function useStaffCheck() {
  return useActivityMutation(({ id, ...body }: { id: string; volunteerId: string; direction: 'in' | 'out'; reason: string }) =>
    callRoute<typeof activities.staffCheckIn>(routes.staffCheckIn, { params: { id }, body }),
  );
}

export function useSubmitSummary() {
  return useActivityMutation(({ id, ...body }: { id: string; servedCount: number; notes: string; photoFileIds: string[] }) =>
    callRoute<typeof activities.submitSummary>(routes.submitActivitySummary, { params: { id }, body }),
  );
}

/** A private calendar feed of one's own activities; asking again replaces (and voids) the old link. */
export function useIssueIcalToken() {
  return useMutation({ mutationFn: () => callRoute<typeof activities.issueIcalToken>(routes.issueIcalToken) });
}

export function useRevokeIcalToken() {
  return useMutation({ mutationFn: () => callRoute<typeof activities.revokeIcalToken>(routes.revokeIcalToken) });
}
