import { z } from 'zod';
import { Id, PageQuery, Text } from './common';

/** 工作方案 五、(三) 培训: training sessions of the district or an institute, who attended, and coverage per unit. */
export const TrainingStatus = z.enum(['planned', 'held']);
export const TRAINING_STATUSES = { planned: '计划中', held: '已举办' } as const;
export const TraineeKind = z.enum(['staff', 'volunteer']);
export const TRAINEE_KINDS = { staff: '工作人员', volunteer: '志愿者' } as const;
export const PresenceStatus = z.enum(['present', 'absent']);
export const PRESENCE = { present: '出席', absent: '缺席' } as const;

const Instant = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const TrainingSessionInput = z.strictObject({
  unitId: Id,
  topic: Text(60, 2),
  content: Text(2000),
  trainer: Text(40),
  hours: z.number().min(0.5, { message: '学时至少 0.5 小时' }).max(24, { message: '学时最多 24 小时' }).multipleOf(0.5, { message: '学时按半小时计' }),
  place: Text(100),
  startsAt: Instant,
  materialFileIds: z.array(Id).max(20).default([]),
});

export const TrainingListQuery = PageQuery.extend({ status: TrainingStatus.optional() });
export const TrainingExportQuery = TrainingListQuery.omit({ page: true, pageSize: true });

export const TrainingSessionView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  topic: z.string(),
  content: z.string(),
  trainer: z.string(),
  hours: z.number(),
  place: z.string(),
  startsAt: z.string(),
  status: TrainingStatus,
  materialFileIds: z.array(Id),
  /** The materials (slides, handouts) with their names, in the order given; in-scope staff may open them. */
  materials: z.array(z.object({ id: Id, name: z.string(), mime: z.string(), size: z.number().int() })),
  presentCount: z.number().int(),
  canWrite: z.boolean(),
  /** Whether the caller may see who was asked and who came (the holding unit's staff and the district). */
  canSeeAttendance: z.boolean(),
});
export type TrainingSessionView = z.infer<typeof TrainingSessionView>;

/** A staff account or volunteer of the session's unit and the units below it, and their attendance if recorded. */
export const TraineeView = z.object({
  kind: TraineeKind,
  refId: Id,
  name: z.string(),
  unitName: z.string(),
  status: PresenceStatus.nullable(),
  recordedAt: z.string().nullable(),
  /** How a present mark came: the trainee's own scan of the room's QR code, or staff on the console. */
  method: z.enum(['self', 'staff']).nullable(),
});
export type TraineeView = z.infer<typeof TraineeView>;

export const MaterialsInput = z.strictObject({ fileIds: z.array(Id).max(20) });

/** The room's screen: the rotating sign-in code, and the phone page it opens. */
export const TrainingSignInToken = z.object({ token: z.string(), expiresInSeconds: z.number().int(), signInPath: z.string() });
export const TrainingSignInInput = z.strictObject({ token: z.string().min(1).max(80) });
export const TrainingSignInResult = z.object({
  sessionId: Id,
  topic: z.string(),
  name: z.string(),
  signedAt: z.string(),
  /** False when already marked present: a second scan changes nothing. */
  firstTime: z.boolean(),
});
/** What the phone shows before signing in: the session, and the caller's mark (absent when not a trainee). */
export const MyTrainingSeat = z.object({
  sessionId: Id,
  topic: z.string(),
  unitName: z.string(),
  startsAt: z.string(),
  place: z.string(),
  hours: z.number(),
  trainee: TraineeView.optional(),
});

export const TraineeQuery = PageQuery.extend({ kind: TraineeKind.default('staff') });

export const AttendanceInput = z.strictObject({ kind: TraineeKind, refId: Id, status: PresenceStatus });

export const CoverageQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) });
export const CoverageDetailQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const UnitIdParams = z.strictObject({ unitId: Id });

export const CoverageRow = z.object({
  unitId: Id,
  unitName: z.string(),
  unitKind: z.enum(['district', 'institute', 'station']),
  staffCount: z.number().int(),
  trainedCount: z.number().int(),
  percent: z.number().int(),
  nobodyTrained: z.boolean(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const CoverageDetail = CoverageRow.extend({
  year: z.number().int(),
  staff: z.array(z.object({ accountId: Id, name: z.string(), trained: z.boolean() })),
});
