import type { AttendeeView, FollowUpView, MeetingDetail, MeetingListItem, ResolutionView } from '../../../shared/meetings';
import { isOverdue } from '../../../shared/rules/meeting-flow';
import type { MeetingAttendeesTable, ResolutionFollowUpsTable } from '../../db/schema';
import type * as q from './meetings.queries';

/** Pure: rows already loaded → what the API answers. */
export function presentListItem(r: q.MeetingListRow): MeetingListItem {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    kind: r.kind,
    startsAt: r.starts_at,
    place: r.place,
    status: r.status,
    attendeeCount: Number(r.attendee_count ?? 0),
    presentCount: Number(r.present_count ?? 0),
    resolutionCount: Number(r.resolution_count ?? 0),
  };
}

export function presentAttendee(r: MeetingAttendeesTable): AttendeeView {
  return {
    id: r.id,
    source: r.source,
    refId: r.ref_id,
    name: r.name,
    title: r.title,
    hasAccount: r.person_id !== null,
    status: r.status,
    signedAt: r.signed_at,
    method: r.method,
    absentReason: r.absent_reason,
  };
}

export function presentResolution(r: q.ResolutionRow, now: Date): ResolutionView {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingStartsAt: r.meeting_starts_at,
    content: r.content,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    deadline: r.deadline,
    status: r.status,
    cancelReason: r.cancel_reason,
    overdue: isOverdue(r, now),
    closedAt: r.closed_at,
    noteCount: Number(r.note_count ?? 0),
  };
}

export function presentFollowUp(r: ResolutionFollowUpsTable): FollowUpView {
  return {
    id: r.id,
    note: r.note,
    statusFrom: (r.status_from as FollowUpView['statusFrom']) ?? null,
    statusTo: (r.status_to as FollowUpView['statusTo']) ?? null,
    byName: r.by_name,
    at: r.created_at,
  };
}

export function presentDetail(
  m: q.MeetingRow,
  unitName: string,
  attendees: MeetingAttendeesTable[],
  resolutions: q.ResolutionRow[],
  files: { id: string; original_name: string; mime: string; size: number }[],
  now: Date,
  canWrite: boolean,
): MeetingDetail {
  const fileIds: string[] = JSON.parse(m.attachment_file_ids);
  const byId = new Map(files.map((f) => [f.id, f]));
  return {
    id: m.id,
    unitId: m.unit_id,
    unitName,
    title: m.title,
    kind: m.kind,
    startsAt: m.starts_at,
    place: m.place,
    status: m.status,
    attendeeCount: attendees.length,
    presentCount: attendees.filter((a) => a.status === 'present').length,
    resolutionCount: resolutions.length,
    agenda: JSON.parse(m.agenda),
    minutes: m.minutes,
    attachments: fileIds.flatMap((id) => {
      const f = byId.get(id);
      return f ? [{ id: f.id, name: f.original_name, mime: f.mime, size: Number(f.size) }] : [];
    }),
    attendees: attendees.map(presentAttendee),
    resolutions: resolutions.map((r) => presentResolution(r, now)),
    publishedAt: m.published_at,
    canWrite,
  };
}
