import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as plans from '../../../shared/activity-plans.endpoints';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import { call } from '../api';

export type ActivityPlan = ResponseOf<typeof plans.listActivityPlans>['items'][number];
export type ActivityPlanDetail = ResponseOf<typeof plans.getActivityPlan>;
export type PlanMatrix = ResponseOf<typeof plans.activityPlanMatrix>;
export type PlanAssignment = ResponseOf<typeof plans.listPlanAssignments>['items'][number];
export type PlanInput = BodyIn<typeof plans.createActivityPlan>;
export type PlanItemInput = BodyIn<typeof plans.addActivityPlanItem>;

const all = ['activity-plans'] as const;

export function useActivityPlans(query: QueryIn<typeof plans.listActivityPlans>) {
  return useQuery({ queryKey: [...all, 'list', query], queryFn: () => call(plans.listActivityPlans, { query }), placeholderData: keepPreviousData });
}

export function useActivityPlan(id: string | undefined) {
  return useQuery({ queryKey: [...all, 'detail', id], queryFn: () => call(plans.getActivityPlan, { params: { id: id ?? '' } }), enabled: !!id });
}

export function usePlanMatrix(id: string | undefined, page: number) {
  return useQuery({
    queryKey: [...all, 'matrix', id, page],
    queryFn: () => call(plans.activityPlanMatrix, { params: { id: id ?? '' }, query: { page, pageSize: 20 } }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function usePlanAssignments(query: QueryIn<typeof plans.listPlanAssignments>, enabled = true) {
  return useQuery({
    queryKey: [...all, 'assignments', query],
    queryFn: () => call(plans.listPlanAssignments, { query }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: all }) });
}

export const useCreatePlan = () => useInvalidating((body: PlanInput) => call(plans.createActivityPlan, { body }));
export const useAddPlanItem = (id: string) => useInvalidating((body: PlanItemInput) => call(plans.addActivityPlanItem, { params: { id }, body }));
export const usePublishPlan = () => useInvalidating((id: string) => call(plans.publishActivityPlan, { params: { id } }));
export const useAcceptAssignment = () =>
  useInvalidating(({ id, note }: { id: string; note?: string }) => call(plans.acceptPlanAssignment, { params: { id }, body: { note } }));
export const useLinkAssignment = () =>
  useInvalidating(({ id, activityId }: { id: string; activityId: string }) => call(plans.linkPlanAssignment, { params: { id }, body: { activityId } }));
export const useNotHeld = () =>
  useInvalidating(({ id, reason }: { id: string; reason: string }) => call(plans.markPlanAssignmentNotHeld, { params: { id }, body: { reason } }));

/** Links an activity created from the activity form back to its plan item (no hook: called after a navigation-bound save). */
export function linkActivityToAssignment(id: string, activityId: string) {
  return call(plans.linkPlanAssignment, { params: { id }, body: { activityId } });
}
