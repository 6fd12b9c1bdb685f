import { z } from 'zod';
import { DateString, Id, Phone, PageQuery, Text } from './common';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from './labels';

export { ACTIVITY_STATUSES, ACTIVITY_TYPES };

export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const ActivityType = z.enum(['service', 'meeting', 'duty', 'rehearsal', 'team_building']);

export type ActivityStatus = keyof typeof ACTIVITY_STATUSES;
export const ActivityStatus = z.enum(['draft', 'submitted', 'published', 'full', 'in_progress', 'ended', 'summarised', 'rejected', 'cancelled']);

/** The lifecycle. `full`, `in_progress` and `ended` also happen by themselves (capacity, the clock). */
export const ACTIVITY_ACTIONS = {
  submit: { from: ['draft', 'rejected'], to: 'submitted', label: '提交审核', needsReason: false },
  publish: { from: ['draft', 'submitted'], to: 'published', label: '发布', needsReason: false },
  reject: { from: ['submitted'], to: 'rejected', label: '退回', needsReason: true },
  cancel: { from: ['draft', 'submitted', 'published', 'full', 'in_progress'], to: 'cancelled', label: '取消活动', needsReason: true },
  end: { from: ['published', 'full', 'in_progress'], to: 'ended', label: '结束活动', needsReason: false },
} as const satisfies Record<string, { from: ActivityStatus[]; to: ActivityStatus; label: string; needsReason: boolean }>;
export type ActivityAction = keyof typeof ACTIVITY_ACTIONS;
export const ActivityAction = z.enum(['submit', 'publish', 'reject', 'cancel', 'end']);

export function allowedActivityActions(status: ActivityStatus): ActivityAction[] {
  return (Object.keys(ACTIVITY_ACTIONS) as ActivityAction[]).filter((a) => (ACTIVITY_ACTIONS[a].from as readonly string[]).includes(status));
}

/** Statuses in which people may sign up. */
export const OPEN_STATUSES: ActivityStatus[] = ['published', 'full'];

const DateTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const PositionInput = z.strictObject({ id: Id.optional(), name: Text(20), headcount: z.number().int().min(1).max(1000) });

export const ActivityInput = z
  .strictObject({
    unitId: Id,
    programmeId: Id.optional(),
    type: ActivityType.default('service'),
    title: Text(60, 2),
    content: Text(2000).optional(),
    venueId: Id.optional(),
    roomId: Id.optional(),
    address: Text(120).optional(),
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    geofenceMeters: z.number().int().min(50).max(5000).optional(),
    startsAt: DateTime,
    endsAt: DateTime,
    creditHours: z
      .number()
      .min(0)
      .max(24)
      .refine((v) => Number.isInteger(v * 60), { message: '时长精确到分钟' })
      .optional(),
    positions: z.array(PositionInput).min(1, { message: '至少设置一个岗位' }).max(20),
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    requiredSkills: z.array(Text(20)).max(10).default([]),
    insuranceRequired: z.boolean().default(false),
    signupOpensAt: DateTime.optional(),
    signupClosesAt: DateTime.optional(),
    cancelCutoffAt: DateTime.optional(),
    needsApproval: z.boolean().default(false),
    waitlist: z.boolean().default(true),
    contactName: Text(32).optional(),
    contactPhone: Phone.optional(),
    repeat: z.strictObject({ rule: z.enum(['weekly', 'monthly']), count: z.number().int().min(2).max(52) }).optional(),
  })
  .refine((v) => v.endsAt > v.startsAt, { message: '结束时间必须晚于开始时间', path: ['endsAt'] })
  .refine((v) => v.minAge === undefined || v.maxAge === undefined || v.minAge <= v.maxAge, { message: '年龄下限不能大于上限', path: ['maxAge'] });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const UpdateActivityInput = z.strictObject({
  title: Text(60, 2).optional(),
  content: Text(2000).nullable().optional(),
  programmeId: Id.nullable().optional(),
  startsAt: DateTime.optional(),
  endsAt: DateTime.optional(),
  address: Text(120).nullable().optional(),
  contactName: Text(32).nullable().optional(),
  contactPhone: Phone.nullable().optional(),
  positions: z.array(PositionInput).min(1).max(20).optional(),
  /** A change to one of a series, or to this and all later ones. */
  scope: z.enum(['one', 'following']).default('one'),
});

export const TransitionInput = z.strictObject({ action: ActivityAction, reason: Text(200).optional() });

export const PositionView = z.object({ id: Id, name: z.string(), headcount: z.number().int(), taken: z.number().int(), waitlisted: z.number().int() });

export const ActivityView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  seriesId: Id.nullable(),
  programmeId: Id.nullable(),
  programmeName: z.string().nullable(),
  type: ActivityType,
  title: z.string(),
  content: z.string().nullable(),
  venueId: Id.nullable(),
  venueName: z.string().nullable(),
  roomId: Id.nullable(),
  roomName: z.string().nullable(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  geofenceMeters: z.number().int().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  creditHours: z.number(),
  positions: z.array(PositionView),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  requiredSkills: z.array(z.string()),
  insuranceRequired: z.boolean(),
  signupOpensAt: z.string().nullable(),
  signupClosesAt: z.string().nullable(),
  cancelCutoffAt: z.string().nullable(),
  needsApproval: z.boolean(),
  waitlist: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: ActivityStatus,
  statusReason: z.string().nullable(),
  allowedActions: z.array(ActivityAction),
  canManage: z.boolean(),
  summarised: z.boolean(),
  summaryOverdue: z.boolean(),
  mySignup: z.object({ id: Id, status: z.string(), positionId: Id, waitlistPosition: z.number().int().nullable() }).nullable(),
});
export type ActivityView = z.infer<typeof ActivityView>;

/** The console's month grid asks for up to 500 rows at once, so this list allows larger pages than `PageQuery`. */
export const ActivityListQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  unitId: Id.optional(),
  status: ActivityStatus.optional(),
  programmeId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
  q: z.string().trim().max(40).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const SignupInput = z.strictObject({ positionId: Id.optional(), volunteerId: Id.optional(), reason: Text(200).optional() });
export const SignupView = z.object({
  id: Id,
  activityId: Id,
  positionId: Id,
  positionName: z.string(),
  volunteerId: Id,
  volunteerName: z.string(),
  volunteerNo: z.string().nullable(),
  age: z.number().int().nullable(),
  phoneMasked: z.string().nullable(),
  status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected', 'no_show']),
  waitlistPosition: z.number().int().nullable(),
  channel: z.enum(['self', 'staff']),
  createdAt: z.string(),
  checkins: z.array(
    z.object({ inAt: z.string(), outAt: z.string().nullable(), inMethod: z.string(), outMethod: z.string().nullable(), flag: z.string().nullable() }),
  ),
});
export type SignupView = z.infer<typeof SignupView>;

export const CheckinInput = z.strictObject({
  /** The rotating QR token shown on the organiser's screen, or the activity's 6-digit code. */
  token: z.string().trim().max(200).optional(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: '签到码为 6 位数字' })
    .optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export const StaffCheckinInput = z.strictObject({ volunteerId: Id, direction: z.enum(['in', 'out']), reason: Text(200) });
export const CheckinResult = z.object({ direction: z.enum(['in', 'out']), at: z.string(), activityTitle: z.string(), pairsToday: z.number().int() });

export const SummaryInput = z.strictObject({
  servedCount: z.number().int().min(0).max(100000),
  notes: Text(2000),
  photoFileIds: z.array(Id).max(9).default([]),
});

export const MonthlyTableView = z.object({
  months: z.array(z.string()),
  minimum: z.number().int(),
  /** The running month (China time): months before it are finished, it and those after are still planned. */
  current: z.string(),
  rows: z.array(
    z.object({
      unitId: Id,
      unitName: z.string(),
      /** Held service activities per month. */
      counts: z.array(z.number().int()),
      /** Published (recruiting or full) but not yet held, per month: what is planned ahead. */
      planned: z.array(z.number().int()),
      /** A finished month below the minimum. */
      below: z.array(z.boolean()),
      /** The running month or one ahead whose held and planned activities together stay below the minimum. */
      plannedBelow: z.array(z.boolean()),
    }),
  ),
});
export type MonthlyTableView = z.infer<typeof MonthlyTableView>;

/** The QR code on the projector (refreshed every 30 s) and the spoken code, for on-site check-in. */
export const CheckinTokenView = z.object({ token: z.string(), expiresInSeconds: z.number().int(), code: z.string(), checkinPath: z.string() });
export type CheckinTokenView = z.infer<typeof CheckinTokenView>;
export const ActivitySummaryView = z.object({
  servedCount: z.number().int(),
  notes: z.string(),
  photoFileIds: z.array(Id),
  late: z.boolean(),
  submittedAt: z.string(),
});
export type ActivitySummaryView = z.infer<typeof ActivitySummaryView>;
export const SignupResultView = z.object({ status: z.enum(['pending', 'confirmed', 'waitlisted']), activity: ActivityView });
export type SignupResultView = z.infer<typeof SignupResultView>;

/** The occurrences a creation made: one, or every one of a weekly/monthly series. */
export const CreatedActivitiesView = z.object({ items: z.array(ActivityView) });
export const MonthString = z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });
export const MonthlyQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(24).default(6),
  /** The last month shown (YYYY-MM), in the past or ahead; this month when left out. */
  until: MonthString.optional(),
});
export const SignupListQuery = PageQuery;
export const SignupParams = z.strictObject({ id: Id, signupId: Id });
export const VolunteerSignupParams = z.strictObject({ id: Id, volunteerId: Id });
export const DecideSignupInput = z.strictObject({ approve: z.boolean(), reason: z.string().trim().max(200).optional() });
/** The private calendar feed's path; the token in it is shown once. */
export const IcalTokenView = z.object({ path: z.string() });

// ---------------------------------------------------------------- the public calendar (portal, no login)

/** The longest range the public calendar answers at once: about two months (a month view and its edges). */
export const PUBLIC_CALENDAR_MAX_DAYS = 62;

/** `from`..`to` are China days, both included; a week from today when left out. */
export const PublicActivityQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
  from: DateString.optional(),
  to: DateString.optional(),
  /** A station, or an institute (its own activities and its stations'). */
  unitId: Id.optional(),
  programmeId: Id.optional(),
  /** The plan's content block (四大板块) of the activity's programme. */
  block: z.enum(['learn', 'care', 'culture', 'civility']).optional(),
});

export const PublicPositionView = z.object({ id: Id, name: z.string(), headcount: z.number().int(), left: z.number().int() });

/**
 * What anyone may know about an activity: when, where, who runs it (the unit and its public phone)
 * and how many places are left. No person in it: no sign-up names, no contact person or phone.
 */
export const PublicActivityView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  /** The unit's public phone (the station's office), not an individual's. */
  unitPhone: z.string().nullable(),
  programmeId: Id.nullable(),
  programmeName: z.string().nullable(),
  type: ActivityType,
  title: z.string(),
  content: z.string().nullable(),
  venueName: z.string().nullable(),
  roomName: z.string().nullable(),
  address: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  creditHours: z.number(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  positions: z.array(PublicPositionView),
  waitlist: z.boolean(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  requiredSkills: z.array(z.string()),
  signupOpensAt: z.string().nullable(),
  signupClosesAt: z.string().nullable(),
  status: ActivityStatus,
});
export type PublicActivityView = z.infer<typeof PublicActivityView>;

/** A programme as the calendar's filter offers it. */
export const PublicProgrammeView = z.object({ id: Id, name: z.string(), block: z.string(), unitId: Id });
