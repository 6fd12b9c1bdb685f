import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';

/** 工作方案: its task table (附件2), its implementation steps (四、(二)) and each unit's rules documents (二、(二)5). */
export { DOCUMENT_TYPES, TASK_STATUSES } from './rules/plan-flow';
export const TaskStatus = z.enum(['not_started', 'in_progress', 'done']);
export const DocumentType = z.enum(['leadership', 'joint_meeting', 'activities', 'team', 'other']);

export const TaskInput = z.strictObject({
  unitId: Id,
  title: Text(100, 2),
  detail: Text(2000).optional(),
  /** The plan section it implements, e.g. "二、(二)". */
  section: Text(30),
  leadName: Text(30),
  deadline: DateString,
});

export const TaskListQuery = PageQuery.extend({
  unitId: Id.optional(),
  status: TaskStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const TaskExportQuery = TaskListQuery.omit({ page: true, pageSize: true });

export const TaskView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  section: z.string(),
  leadName: z.string(),
  deadline: z.string(),
  status: TaskStatus,
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  noteCount: z.number().int(),
});
export type TaskView = z.infer<typeof TaskView>;

export const TaskNoteView = z.object({
  id: Id,
  note: z.string(),
  statusFrom: TaskStatus.nullable(),
  statusTo: TaskStatus.nullable(),
  evidenceFileIds: z.array(Id),
  byName: z.string(),
  at: z.string(),
});
export type TaskNoteView = z.infer<typeof TaskNoteView>;

export const TaskDetail = TaskView.extend({ notes: z.array(TaskNoteView) });
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskNoteInput = z.strictObject({
  note: Text(1000),
  status: TaskStatus.optional(),
  evidenceFileIds: z.array(Id).max(10).default([]),
});

export const MilestoneInput = z.strictObject({
  unitId: Id,
  title: Text(200, 2),
  dueOn: DateString,
});
export const MilestoneDoneInput = z.strictObject({ doneOn: DateString.nullable() });
export const MilestoneListQuery = PageQuery.extend({ unitId: Id.optional() });
export const MilestoneView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
});
export type MilestoneView = z.infer<typeof MilestoneView>;

export const DocumentInput = z.strictObject({
  unitId: Id,
  type: DocumentType,
  title: Text(100, 2),
  version: Text(20),
  effectiveOn: DateString,
  fileId: Id,
});
export const DocumentListQuery = PageQuery.extend({
  unitId: Id.optional(),
  /** `latest` (default): the newest version of each title; `all`: every version. */
  versions: z.enum(['latest', 'all']).optional(),
});
export const DocumentView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  type: DocumentType,
  title: z.string(),
  version: z.string(),
  effectiveOn: z.string(),
  fileId: Id,
  fileName: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type DocumentView = z.infer<typeof DocumentView>;
