import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the mobile pages use these hooks too, and must not pull zod into their chunks (the
// endpoint modules build zod schemas when loaded). See `route` below.
import type * as activities from '../../../shared/activities.endpoints';
import type { BodyIn, EndpointSpec, ResponseOf } from '../../../shared/endpoint';
import type * as venues from '../../../shared/venues.endpoints';
import { call } from '../api';

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

/**
 * An endpoint as `call()` uses it at run time: its method and path. The declarations are imported
 * as types only (see above); the type argument makes the compiler check this method and path
 * against the declaration in src/shared, so they cannot drift from it, and `call()` then types the
 * params, query, body and response from the declaration as usual.
 */
function route<E extends EndpointSpec>(at: Pick<E, 'method' | 'path'>): E {
  return at as E;
}

const api = {
  listActivities: route<typeof activities.listActivities>({ method: 'GET', path: '/api/activities' }),
  createActivity: route<typeof activities.createActivity>({ method: 'POST', path: '/api/activities' }),
  monthlyTable: route<typeof activities.monthlyTable>({ method: 'GET', path: '/api/activities/monthly' }),
  getActivity: route<typeof activities.getActivity>({ method: 'GET', path: '/api/activities/:id' }),
  updateActivity: route<typeof activities.updateActivity>({ method: 'PATCH', path: '/api/activities/:id' }),
  transitionActivity: route<typeof activities.transitionActivity>({ method: 'POST', path: '/api/activities/:id/transitions' }),
  signUp: route<typeof activities.signUp>({ method: 'POST', path: '/api/activities/:id/signups' }),
  cancelMySignup: route<typeof activities.cancelMySignup>({ method: 'DELETE', path: '/api/activities/:id/signups/mine' }),
  cancelSignupFor: route<typeof activities.cancelSignupFor>({ method: 'DELETE', path: '/api/activities/:id/signups/volunteers/:volunteerId' }),
  listSignups: route<typeof activities.listSignups>({ method: 'GET', path: '/api/activities/:id/signups' }),
  decideSignup: route<typeof activities.decideSignup>({ method: 'POST', path: '/api/activities/:id/signups/:signupId/decision' }),
  checkinToken: route<typeof activities.checkinToken>({ method: 'GET', path: '/api/activities/:id/checkin-token' }),
  checkIn: route<typeof activities.checkIn>({ method: 'POST', path: '/api/activities/:id/checkins' }),
  staffCheckIn: route<typeof activities.staffCheckIn>({ method: 'POST', path: '/api/activities/:id/checkins/staff' }),
  submitSummary: route<typeof activities.submitSummary>({ method: 'POST', path: '/api/activities/:id/summary' }),
  getSummary: route<typeof activities.getSummary>({ method: 'GET', path: '/api/activities/:id/summary' }),
  issueIcalToken: route<typeof activities.issueIcalToken>({ method: 'POST', path: '/api/ical/token' }),
  revokeIcalToken: route<typeof activities.revokeIcalToken>({ method: 'DELETE', path: '/api/ical/token' }),
  roomBookings: route<typeof venues.roomBookings>({ method: 'GET', path: '/api/rooms/:id/bookings' }),
};

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
      call(api.listActivities, { query: { ...params, mine: params.mine ? 'true' : undefined, page: params.page ?? 1, pageSize: params.pageSize ?? 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    enabled: enabled && !!id,
    queryFn: () => call(api.getActivity, { params: { id } }),
  });
}

/** The largest page the sign-up list answers (`PageQuery`). */
const SIGNUP_PAGE = 200;

/** Every sign-up of an activity, page after page: the organiser's tabs count and filter the whole list. */
async function allSignups(id: string): Promise<SignupView[]> {
  const first = await call(api.listSignups, { params: { id }, query: { page: 1, pageSize: SIGNUP_PAGE } });
  const items = [...first.items];
  const pages = Math.ceil(first.total / SIGNUP_PAGE);
  for (let page = 2; page <= pages; page++) items.push(...(await call(api.listSignups, { params: { id }, query: { page, pageSize: SIGNUP_PAGE } })).items);
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
    queryFn: () => call(api.getSummary, { params: { id } }),
  });
}

/** The organiser's rotating QR token: fetched again as soon as the current one runs out. */
export function useCheckinToken(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.token(id),
    enabled,
    queryFn: async () => ({ ...(await call(api.checkinToken, { params: { id } })), fetchedAt: Date.now() }),
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
    queryFn: () => call(api.monthlyTable, { query: { months } }),
  });
}

export function useRoomBookings(roomId: string | undefined, day: string | undefined) {
  return useQuery({
    queryKey: activityKeys.bookings(roomId ?? '', day ?? ''),
    enabled: !!roomId && !!day,
    queryFn: async () => (await call(api.roomBookings, { params: { id: roomId ?? '' }, query: { from: day ?? '', to: day ?? '' } })).items,
  });
}

/** Anything an activity does changes lists, calendars, counts and the monthly table: refresh the feature. */
function useActivityMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: activityKeys.all }) });
}

export function useCreateActivity() {
  return useActivityMutation((input: CreateActivityInput) => call(api.createActivity, { body: input }));
}

export function useUpdateActivity() {
  return useActivityMutation(({ id, input }: { id: string; input: UpdateActivityInput }) => call(api.updateActivity, { params: { id }, body: input }));
}

export function useTransition() {
  return useActivityMutation(({ id, action, reason }: { id: string; action: ActivityAction; reason?: string }) =>
    call(api.transitionActivity, { params: { id }, body: { action, reason } }),
  );
}

/** Sign up oneself, or (staff) sign up a volunteer on their behalf. */
export function useSignUp() {
  return useActivityMutation(({ id, positionId, volunteerId }: { id: string; positionId?: string; volunteerId?: string }) =>
    call(api.signUp, { params: { id }, body: { positionId, volunteerId } }),
  );
}

export function useCancelMySignup() {
  return useActivityMutation((id: string) => call(api.cancelMySignup, { params: { id } }));
}

export function useCancelSignupFor() {
  return useActivityMutation(({ id, volunteerId }: { id: string; volunteerId: string }) => call(api.cancelSignupFor, { params: { id, volunteerId } }));
}

export function useDecideSignup() {
  return useActivityMutation(({ id, signupId, approve, reason }: { id: string; signupId: string; approve: boolean; reason?: string }) =>
    call(api.decideSignup, { params: { id, signupId }, body: { approve, reason } }),
  );
}

export function useCheckIn() {
  return useActivityMutation(({ id, ...body }: { id: string; token?: string; code?: string; lat?: number; lng?: number }) =>
    call(api.checkIn, { params: { id }, body }),
  );
}

export function useStaffCheck() {
  return useActivityMutation(({ id, ...body }: { id: string; volunteerId: string; direction: 'in' | 'out'; reason: string }) =>
    call(api.staffCheckIn, { params: { id }, body }),
  );
}

export function useSubmitSummary() {
  return useActivityMutation(({ id, ...body }: { id: string; servedCount: number; notes: string; photoFileIds: string[] }) =>
    call(api.submitSummary, { params: { id }, body }),
  );
}

/** A private calendar feed of one's own activities; asking again replaces (and voids) the old link. */
export function useIssueIcalToken() {
  return useMutation({ mutationFn: () => call(api.issueIcalToken) });
}

export function useRevokeIcalToken() {
  return useMutation({ mutationFn: () => call(api.revokeIcalToken) });
}
