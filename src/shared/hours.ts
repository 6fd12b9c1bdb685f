import { z } from 'zod';
import { DateString, Id, PageQuery, Paged, Text } from './common';
import { RECORD_FLAGS, RECORD_SOURCES, RECORD_STATUSES } from './labels';
import { StarProgress } from './volunteers';

export { RECORD_FLAGS, RECORD_SOURCES, RECORD_STATUSES };

export const RecordSource = z.enum(['verified', 'backfilled', 'correction']);
export const RecordStatus = z.enum(['pending', 'approved', 'rejected']);
export const ENTRY_METHODS = ['团体录入', '个人申请', '扫码打卡', '导入'] as const;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm' });

/** 办法 第七条: what was done, when, where, for whom, by whom; plus evidence and a reason for a backfill. */
const EVIDENCE_REQUIRED = '补录必须上传证明材料（照片或签到表）';

export const BackfillInput = z.strictObject({
  volunteerId: Id,
  unitId: Id,
  title: Text(80),
  serviceDate: DateString,
  startTime: Time,
  endTime: Time,
  place: Text(120).optional(),
  content: Text(500),
  personInCharge: Text(32).optional(),
  // Left out, null or empty: the same clear message, never the generic one.
  evidenceFileIds: z
    .array(Id, { error: (iss) => (iss.code === 'invalid_type' ? EVIDENCE_REQUIRED : undefined) })
    .min(1, { message: EVIDENCE_REQUIRED })
    .max(9),
  reason: Text(200),
});
export type BackfillInput = z.infer<typeof BackfillInput>;

export const CorrectionInput = z.strictObject({
  /** Signed change in hours, e.g. -1.5 or 2; a correction never edits the original. */
  hoursDelta: z
    .number()
    .min(-24)
    .max(24)
    .refine((v) => v !== 0, { message: '更正时长不能为 0' })
    .refine((v) => Number.isInteger(v * 60), { message: '时长精确到分钟' }),
  reason: Text(200),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

export const DecideInput = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: Text(200).optional(),
});
export type DecideInput = z.infer<typeof DecideInput>;

export const BulkApproveInput = z.strictObject({ ids: z.array(Id).min(1).max(200) });

export const ServiceRecordView = z.object({
  id: Id,
  volunteerId: Id,
  volunteerName: z.string(),
  volunteerNo: z.string().nullable(),
  unitId: Id,
  organiserName: z.string(),
  source: RecordSource,
  title: z.string(),
  serviceDate: z.string(),
  startAt: z.string().nullable(),
  endAt: z.string().nullable(),
  hours: z.number(),
  place: z.string().nullable(),
  content: z.string().nullable(),
  personInCharge: z.string().nullable(),
  entryMethod: z.string(),
  evidenceFileIds: z.array(Id),
  reason: z.string().nullable(),
  status: RecordStatus,
  late: z.boolean(),
  flag: z.string().nullable(),
  correctsId: Id.nullable(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Whether the caller may approve it: scope, not self, not the one who entered it, institute for late ones. */
  canDecide: z.boolean(),
});
export type ServiceRecordView = z.infer<typeof ServiceRecordView>;

export const HoursQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: RecordStatus.optional(),
  source: RecordSource.optional(),
  volunteerId: Id.optional(),
  unitId: Id.optional(),
  late: z.enum(['true', 'false']).optional(),
  from: DateString.optional(),
  to: DateString.optional(),
});
export type HoursQuery = z.infer<typeof HoursQuery>;

/** The hours lists count at most this many records: past it the page says "1000+" instead of scanning the district to count. */
export const HOURS_COUNT_CAP = 1000;

/** A page of service records: `total` stops at HOURS_COUNT_CAP, and `totalCapped` says there are more. */
export const HoursPage = Paged(ServiceRecordView).extend({ totalCapped: z.boolean() });
export type HoursPage = z.infer<typeof HoursPage>;

export const HoursSummaryView = z.object({
  volunteerId: Id,
  approvedHours: z.number(),
  pendingHours: z.number(),
  byYear: z.array(z.object({ year: z.string(), hours: z.number(), records: z.number().int() })),
  stars: StarProgress,
  starHistory: z.array(z.object({ level: z.number().int(), previousLevel: z.number().int(), hours: z.number(), at: z.string() })),
});
export type HoursSummaryView = z.infer<typeof HoursSummaryView>;

export const TrainingInput = z.strictObject({
  name: Text(80),
  content: Text(500).optional(),
  hours: z
    .number()
    .positive()
    .max(200)
    .refine((v) => Number.isInteger(v * 60), { message: '时长精确到分钟' }),
  organiser: Text(80),
  heldOn: DateString,
});
export const TrainingView = z.object({
  id: Id,
  name: z.string(),
  content: z.string().nullable(),
  hours: z.number(),
  organiser: z.string(),
  heldOn: z.string(),
});

export const AwardInput = z.strictObject({ name: Text(80), level: Text(20).optional(), issuer: Text(80), awardedOn: DateString });
export const AwardView = z.object({ id: Id, name: z.string(), level: z.string().nullable(), issuer: z.string(), awardedOn: z.string() });

export const CorrectionRequestInput = z.strictObject({ recordId: Id.optional(), message: Text(500) });
export const ResolveCorrectionRequestInput = z.strictObject({ status: z.enum(['resolved', 'declined']), resolution: Text(300) });
export const CorrectionRequestView = z.object({
  id: Id,
  volunteerId: Id,
  volunteerName: z.string(),
  recordId: Id.nullable(),
  recordTitle: z.string().nullable(),
  message: z.string(),
  status: z.enum(['open', 'resolved', 'declined']),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const RecognitionView = z.object({
  volunteerId: Id,
  name: z.string(),
  volunteerNo: z.string().nullable(),
  stationName: z.string(),
  level: z.number().int(),
  levelName: z.string(),
  hours: z.number(),
  at: z.string(),
});
export type RecognitionView = z.infer<typeof RecognitionView>;

/** `POST /api/hours/approve`: how many records were approved. */
export const ApprovedCountView = z.object({ approved: z.number().int() });

/** `GET /api/correction-requests`: optionally only the requests in one state. */
export const CorrectionRequestListQuery = PageQuery.extend({ status: z.enum(['open', 'resolved', 'declined']).optional() });

/** 导出 Excel of hours by volunteer: the hours list's filters, every record (no pages). */
export const HoursExportQuery = HoursQuery.omit({ page: true, pageSize: true });
export type HoursExportQuery = z.infer<typeof HoursExportQuery>;

/** 导出 Excel of the star list: every recognition in scope, optionally one level (the page's filter). */
export const StarListExportQuery = z.strictObject({ level: z.coerce.number().int().min(1).max(10).optional() });

/** The national exchange (issue 12): approved hours of a unit for a period, full ID numbers, behind a reason. */
export const HoursNationalExportInput = z
  .strictObject({
    unitId: Id,
    from: DateString,
    to: DateString,
    reason: z.string().trim().min(4, { message: '请填写导出原因（至少 4 个字）' }).max(200, { message: '导出原因最多 200 字' }),
  })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, { message: '导出期间最长 1 年', path: ['to'] });
export type HoursNationalExportInput = z.infer<typeof HoursNationalExportInput>;

/** A dry run or commit of an hours file in the national columns: per row, new (imported as pending) or invalid with reasons. */
export const HoursImportReport = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  imported: z.number().int(),
  headerProblems: z.array(z.string()),
  rows: z.array(z.object({ rowNumber: z.number().int(), name: z.string(), status: z.enum(['new', 'invalid']), problems: z.array(z.string()) })),
});
export type HoursImportReport = z.infer<typeof HoursImportReport>;
