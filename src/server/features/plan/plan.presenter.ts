import type { DocumentView, MilestoneView, TaskNoteView, TaskView } from '../../../shared/plan';
import { isTaskOverdue, type TaskStatus } from '../../../shared/rules/plan-flow';
import type { PlanTaskNotesTable } from '../../db/schema';
import type { DocumentRow, MilestoneRow, TaskRow } from './plan.queries';

export function presentTask(r: TaskRow, now: Date): TaskView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    detail: r.detail,
    section: r.section,
    leadName: r.lead_name,
    deadline: r.deadline,
    status: r.status,
    overdue: isTaskOverdue(r, now),
    doneAt: r.done_at,
    noteCount: Number(r.note_count ?? 0),
  };
}

export function presentNote(n: PlanTaskNotesTable): TaskNoteView {
  return {
    id: n.id,
    note: n.note,
    statusFrom: n.status_from as TaskStatus | null,
    statusTo: n.status_to as TaskStatus | null,
    evidenceFileIds: JSON.parse(n.evidence_file_ids),
    byName: n.by_name,
    at: n.created_at,
  };
}

export function presentMilestone(m: MilestoneRow): MilestoneView {
  return { id: m.id, unitId: m.unit_id, unitName: m.unit_name, title: m.title, dueOn: m.due_on, doneOn: m.done_on };
}

export function presentDocument(d: DocumentRow): DocumentView {
  return {
    id: d.id,
    unitId: d.unit_id,
    unitName: d.unit_name,
    type: d.type,
    title: d.title,
    version: d.version,
    effectiveOn: d.effective_on,
    fileId: d.file_id,
    fileName: d.file_name,
    byName: d.by_name,
    at: d.created_at,
  };
}
