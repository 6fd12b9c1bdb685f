import type { AssignmentView, PlanItemView, PlanView } from '../../../shared/activity-plans';
import { assignmentState, isOverdue } from '../../../shared/rules/activity-plans';
import type { AssignmentRow, ItemRow, PlanRow } from './activity-plans.queries';

export interface ActivityBrief {
  id: string;
  unit_id: string;
  title: string;
  status: string;
  starts_at: string;
}

export function presentPlan(p: PlanRow, canManage: boolean): PlanView {
  return {
    id: p.id,
    instituteId: p.institute_id,
    instituteName: p.institute_name,
    periodKind: p.period_kind,
    periodLabel: p.period_label,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    title: p.title,
    status: p.status,
    publishedAt: p.published_at,
    itemCount: Number(p.item_count ?? 0),
    canManage,
  };
}

export function presentItem(i: ItemRow): PlanItemView {
  return {
    id: i.id,
    seq: Number(i.seq),
    title: i.title,
    programmeId: i.programme_id,
    programmeName: i.programme_name,
    category: i.category,
    suggestedDate: i.suggested_date,
    description: i.description,
    allStations: i.all_stations === 1,
    stationIds: JSON.parse(i.station_ids),
  };
}

/** Pure, over the preloaded activities: the stored status with the activity's progress folded in. */
export function presentAssignment(a: AssignmentRow, activities: Map<string, ActivityBrief>, today: string, canRespond: boolean): AssignmentView {
  const act = a.activity_id ? activities.get(a.activity_id) : undefined;
  const state = assignmentState(a.status, act?.status ?? null);
  return {
    id: a.id,
    planId: a.plan_id,
    planTitle: a.plan_title,
    periodLabel: a.period_label,
    periodEnd: a.period_end,
    itemId: a.item_id,
    itemTitle: a.item_title,
    itemDescription: a.item_description,
    programmeId: a.programme_id,
    category: a.category,
    suggestedDate: a.suggested_date,
    stationId: a.station_id,
    stationName: a.station_name,
    status: a.status,
    state,
    note: a.note,
    reason: a.reason,
    activity: act ? { id: act.id, title: act.title, status: act.status, startsAt: act.starts_at } : null,
    overdue: isOverdue(state, a.period_end, today),
    updatedAt: a.updated_at,
    canRespond,
  };
}
