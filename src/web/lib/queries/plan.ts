import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as plan from '../../../shared/plan.endpoints';
import { call } from '../api';

export type TaskView = ResponseOf<typeof plan.listTasks>['items'][number];
export type TaskDetail = ResponseOf<typeof plan.getTask>;
export type MilestoneView = ResponseOf<typeof plan.listMilestones>['items'][number];
export type DocumentView = ResponseOf<typeof plan.listDocuments>['items'][number];
export type TaskQuery = QueryIn<typeof plan.listTasks>;

export const planKeys = {
  all: ['plan'] as const,
  tasks: (q: TaskQuery) => ['plan', 'tasks', q] as const,
  task: (id: string) => ['plan', 'task', id] as const,
  milestones: () => ['plan', 'milestones'] as const,
  documents: (q: QueryIn<typeof plan.listDocuments>) => ['plan', 'documents', q] as const,
};

export function usePlanTasks(query: TaskQuery, enabled = true) {
  return useQuery({ queryKey: planKeys.tasks(query), enabled, queryFn: () => call(plan.listTasks, { query }) });
}

export function usePlanTask(id: string | null) {
  return useQuery({ queryKey: planKeys.task(id ?? ''), enabled: Boolean(id), queryFn: () => call(plan.getTask, { params: { id: id ?? '' } }) });
}

export function useMilestones() {
  return useQuery({ queryKey: planKeys.milestones(), queryFn: () => call(plan.listMilestones, { query: { page: 1, pageSize: 200 } }) });
}

export function useRulesDocuments(query: QueryIn<typeof plan.listDocuments>) {
  return useQuery({ queryKey: planKeys.documents(query), queryFn: () => call(plan.listDocuments, { query }) });
}

function usePlanMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }) });
}

export function useCreateTask() {
  return usePlanMutation((input: BodyIn<typeof plan.createTask>) => call(plan.createTask, { body: input }));
}

export function useAddTaskNote() {
  return usePlanMutation(({ id, input }: { id: string; input: BodyIn<typeof plan.addTaskNote> }) => call(plan.addTaskNote, { params: { id }, body: input }));
}

export function useCreateMilestone() {
  return usePlanMutation((input: BodyIn<typeof plan.createMilestone>) => call(plan.createMilestone, { body: input }));
}

export function useSetMilestoneDone() {
  return usePlanMutation(({ id, doneOn }: { id: string; doneOn: string | null }) => call(plan.setMilestoneDone, { params: { id }, body: { doneOn } }));
}

export function useAddDocument() {
  return usePlanMutation((input: BodyIn<typeof plan.addDocument>) => call(plan.addDocument, { body: input }));
}
