import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';

/** 工作方案 五、(一): the institute's meetings, their attendance and what they decide (议定事项). */
export { ATTENDANCE_STATUSES, MEETING_KINDS } from './rules/meeting-flow';
export const MeetingKind = z.enum(['joint', 'regular', 'special']);
export const MeetingStatus = z.enum(['planned', 'held', 'published']);
export const ResolutionStatus = z.enum(['open', 'in_progress', 'done', 'cancelled']);
export const AttendeeSource = z.enum(['leading_group', 'staff']);
export const ATTENDEE_SOURCES = { leading_group: '领导小组', staff: '工作人员' } as const;
export const AttendanceStatus = z.enum(['pending', 'present', 'absent']);

const Instant = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const AttendeeRef = z.strictObject({ source: AttendeeSource, refId: Id });

export const MeetingInput = z.strictObject({
  unitId: Id,
  title: Text(60, 2),
  kind: MeetingKind,
  startsAt: Instant,
  place: Text(100),
  agenda: z.array(Text(200)).min(1, { message: '至少一项议程' }).max(30, { message: '最多 30 项议程' }),
  attendees: z.array(AttendeeRef).min(1, { message: '请选择参会人员' }).max(200),
  attachmentFileIds: z.array(Id).max(20).default([]),
});

export const UpdateMeetingInput = z.strictObject({
  title: Text(60, 2).optional(),
  kind: MeetingKind.optional(),
  startsAt: Instant.optional(),
  place: Text(100).optional(),
  agenda: z.array(Text(200)).min(1, { message: '至少一项议程' }).max(30).optional(),
  /** Only while planned: who is invited. */
  attendees: z.array(AttendeeRef).min(1).max(200).optional(),
  minutes: Text(20000).nullable().optional(),
  attachmentFileIds: z.array(Id).max(20).optional(),
});

export const MeetingListQuery = PageQuery.extend({
  status: MeetingStatus.optional(),
  kind: MeetingKind.optional(),
});

/** The list's filters without the page: what 导出 Excel takes. */
export const MeetingExportQuery = MeetingListQuery.omit({ page: true, pageSize: true });

export const MeetingListItem = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  kind: MeetingKind,
  startsAt: z.string(),
  place: z.string(),
  status: MeetingStatus,
  attendeeCount: z.number().int(),
  presentCount: z.number().int(),
  resolutionCount: z.number().int(),
});
export type MeetingListItem = z.infer<typeof MeetingListItem>;

export const AttendeeView = z.object({
  id: Id,
  source: AttendeeSource,
  refId: Id,
  name: z.string(),
  title: z.string().nullable(),
  /** Can sign in on their own phone (has an account). */
  hasAccount: z.boolean(),
  status: AttendanceStatus,
  signedAt: z.string().nullable(),
  method: z.enum(['self', 'staff']).nullable(),
  absentReason: z.string().nullable(),
});
export type AttendeeView = z.infer<typeof AttendeeView>;

export const FollowUpView = z.object({
  id: Id,
  note: z.string(),
  statusFrom: ResolutionStatus.nullable(),
  statusTo: ResolutionStatus.nullable(),
  byName: z.string(),
  at: z.string(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const ResolutionView = z.object({
  id: Id,
  meetingId: Id,
  meetingTitle: z.string(),
  meetingStartsAt: z.string(),
  content: z.string(),
  ownerUnitId: Id,
  ownerUnitName: z.string(),
  deadline: z.string(),
  status: ResolutionStatus,
  cancelReason: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  noteCount: z.number().int(),
});
export type ResolutionView = z.infer<typeof ResolutionView>;

export const ResolutionDetail = ResolutionView.extend({ notes: z.array(FollowUpView) });

export const AttachmentView = z.object({ id: Id, name: z.string(), mime: z.string(), size: z.number().int() });

export const MeetingDetail = MeetingListItem.extend({
  agenda: z.array(z.string()),
  minutes: z.string().nullable(),
  attachments: z.array(AttachmentView),
  attendees: z.array(AttendeeView),
  resolutions: z.array(ResolutionView),
  publishedAt: z.string().nullable(),
  /** What the caller may do here (the server checks again). */
  canWrite: z.boolean(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const AttendeeCandidate = z.object({ source: AttendeeSource, refId: Id, name: z.string(), title: z.string().nullable(), hasAccount: z.boolean() });
export type AttendeeCandidate = z.infer<typeof AttendeeCandidate>;
export const CandidatesQuery = PageQuery.extend({ unitId: Id, pageSize: z.coerce.number().int().min(1).max(200).default(200) });

export const MarkAttendanceInput = z.strictObject({
  status: AttendanceStatus,
  reason: Text(200).optional(),
});

export const SignInInput = z.strictObject({ token: z.string().min(1).max(80) });
export const SignInResult = z.object({
  meetingId: Id,
  meetingTitle: z.string(),
  name: z.string(),
  signedAt: z.string(),
  /** False when this person had already signed in: the second scan changes nothing. */
  firstTime: z.boolean(),
});

export const SignInToken = z.object({ token: z.string(), expiresInSeconds: z.number().int(), signInPath: z.string() });

/** What the phone shows before signing in. */
export const MySeat = z.object({
  meetingId: Id,
  title: z.string(),
  kind: MeetingKind,
  startsAt: z.string(),
  place: z.string(),
  status: MeetingStatus,
  /** Absent when the caller is not on the list. */
  attendee: AttendeeView.extend({}).optional(),
});

export const ResolutionInput = z.strictObject({
  content: Text(500, 2),
  ownerUnitId: Id,
  deadline: DateString,
});

export const FollowUpInput = z.strictObject({
  note: Text(1000),
  status: ResolutionStatus.optional(),
  /** Required when cancelling. */
  cancelReason: Text(200).optional(),
});

export const ResolutionListQuery = PageQuery.extend({
  ownerUnitId: Id.optional(),
  status: ResolutionStatus.optional(),
  /** `open`: not done or cancelled (the board's default view). */
  state: z.enum(['open', 'all']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  meetingId: Id.optional(),
});
export const ResolutionExportQuery = ResolutionListQuery.omit({ page: true, pageSize: true });
