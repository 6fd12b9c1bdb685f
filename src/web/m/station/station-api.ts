import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the phone pages must not pull zod into their chunks; the zod-free route table gives
// each call's method and path, `callRoute` checks them against the declaration's type.
import type * as activities from '../../../shared/activities.endpoints';
import type * as care from '../../../shared/care.endpoints';
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import type { FileView } from '../../../shared/files';
import type * as meetings from '../../../shared/meetings.endpoints';
import type * as plan from '../../../shared/plan.endpoints';
import { routes } from '../../../shared/routes';
import { buildPath } from '../../../shared/endpoint';
import { callRoute, upload, withQuery } from '../../lib/api';
import { ownerFilter, type WorkUnit } from './work-units';

export { ownerFilter, type WorkUnit, workUnitsOf } from './work-units';

/**
 * What the station head's phone reads and writes (`/m/station`): the existing list, detail and
 * follow-up endpoints of 议定事项 (meetings) and 工作任务 (plan), today's activities, and the two
 * counts the console home already shows (care flags, the monthly activity table).
 */

export type ResolutionView = ResponseOf<typeof meetings.listResolutions>['items'][number];
export type ResolutionDetail = ResponseOf<typeof meetings.getResolution>;
export type TaskView = ResponseOf<typeof plan.listTasks>['items'][number];
export type TaskDetail = ResponseOf<typeof plan.getTask>;
export type ActivityView = ResponseOf<typeof activities.listActivities>['items'][number];
export type FollowUpBody = BodyIn<typeof meetings.followUp>;
export type TaskNoteBody = BodyIn<typeof plan.addTaskNote>;
export type UploadedPhoto = FileView;

export const stationKeys = {
  all: ['station'] as const,
  resolutions: (unitId: string) => ['station', 'resolutions', unitId] as const,
  resolution: (id: string) => ['station', 'resolution', id] as const,
  tasks: (unitId: string) => ['station', 'tasks', unitId] as const,
  task: (id: string) => ['station', 'task', id] as const,
  today: (unitId: string, day: string) => ['station', 'today', unitId, day] as const,
  counts: (unitId: string) => ['station', 'counts', unitId] as const,
};

const PAGE = 10;

/** 议定事项 still open (not done or cancelled), overdue first: the server orders open ones by deadline. */
export function useStationResolutions(unit: WorkUnit) {
  return useInfiniteQuery({
    queryKey: stationKeys.resolutions(unit.unitId),
    initialPageParam: 1,
    queryFn: ({ pageParam }) =>
      callRoute<typeof meetings.listResolutions>(routes.listResolutions, {
        query: { ownerUnitId: ownerFilter(unit), state: 'open', page: pageParam, pageSize: PAGE },
      }),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export function useResolution(id: string) {
  return useQuery({
    queryKey: stationKeys.resolution(id),
    retry: false,
    queryFn: () => callRoute<typeof meetings.getResolution>(routes.getResolution, { params: { id } }),
  });
}

export function useFollowUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpBody) => callRoute<typeof meetings.followUp>(routes.followUpResolution, { params: { id }, body }),
    onSuccess: (detail) => {
      client.setQueryData(stationKeys.resolution(id), detail);
      void client.invalidateQueries({ queryKey: stationKeys.all, predicate: (q) => q.queryKey[1] !== 'resolution' });
    },
  });
}

/** 工作任务: open ones first, by deadline (so overdue first), done ones last. */
export function useStationTasks(unit: WorkUnit) {
  return useInfiniteQuery({
    queryKey: stationKeys.tasks(unit.unitId),
    initialPageParam: 1,
    queryFn: ({ pageParam }) =>
      callRoute<typeof plan.listTasks>(routes.listPlanTasks, { query: { unitId: ownerFilter(unit), page: pageParam, pageSize: PAGE } }),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: stationKeys.task(id),
    retry: false,
    queryFn: () => callRoute<typeof plan.getTask>(routes.getPlanTask, { params: { id } }),
  });
}

export function useAddTaskNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskNoteBody) => callRoute<typeof plan.addTaskNote>(routes.addPlanTaskNote, { params: { id }, body }),
    onSuccess: (detail) => {
      client.setQueryData(stationKeys.task(id), detail);
      void client.invalidateQueries({ queryKey: stationKeys.all, predicate: (q) => q.queryKey[1] !== 'task' });
    },
  });
}

/** Today's activities of the unit (China day), every status the staff may see. */
export function useTodayActivities(unit: WorkUnit, day: string) {
  return useQuery({
    queryKey: stationKeys.today(unit.unitId, day),
    placeholderData: keepPreviousData,
    queryFn: () =>
      callRoute<typeof activities.listActivities>(routes.listActivities, {
        query: { unitId: ownerFilter(unit), from: day, to: day, page: 1, pageSize: 50 },
      }),
  });
}

export interface TodoCounts {
  overdueResolutions: number;
  overdueTasks: number;
  /** Care recipients not contacted for too long (admins only; null when the endpoint says no). */
  care: { count: number; days: number } | null;
  /** This month's activities against the plan's minimum (a station's own row; null otherwise). */
  month: { count: number; minimum: number } | null;
}

async function careCount(unit: WorkUnit): Promise<TodoCounts['care']> {
  if (!unit.canWrite) return null;
  try {
    const flags = await callRoute<typeof care.careFlags>(routes.getCareFlags);
    const count = unit.kind === 'station' ? (flags.stations.find((s) => s.stationId === unit.unitId)?.count ?? 0) : flags.total;
    return { count, days: flags.noContactDays };
  } catch {
    // Not allowed or failed: the counts that did load still help; the care page shows the error.
    return null;
  }
}

async function monthCount(unit: WorkUnit): Promise<TodoCounts['month']> {
  if (unit.kind !== 'station') return null;
  const table = await callRoute<typeof activities.monthlyTable>(routes.viewMonthlyActivityTable, { query: { months: 1 } });
  const row = table.rows.find((r) => r.unitId === unit.unitId);
  return row ? { count: row.counts.at(-1) ?? 0, minimum: table.minimum } : null;
}

/** The console home's 待办 figures for one unit, read from the endpoints that answer them. */
export function useTodoCounts(unit: WorkUnit) {
  return useQuery({
    queryKey: stationKeys.counts(unit.unitId),
    queryFn: async (): Promise<TodoCounts> => {
      const owner = ownerFilter(unit);
      const [resolutions, tasks, careFlags, month] = await Promise.all([
        callRoute<typeof meetings.listResolutions>(routes.listResolutions, { query: { ownerUnitId: owner, overdue: 'true', page: 1, pageSize: 1 } }),
        callRoute<typeof plan.listTasks>(routes.listPlanTasks, { query: { unitId: owner, overdue: 'true', page: 1, pageSize: 1 } }),
        careCount(unit),
        monthCount(unit),
      ]);
      return { overdueResolutions: resolutions.total, overdueTasks: tasks.total, care: careFlags, month };
    },
  });
}

/** `POST /api/files?purpose=photo`: a JPG/PNG photo taken on site, to attach to a progress note. */
export function uploadPhoto(file: File): Promise<UploadedPhoto> {
  return upload<UploadedPhoto>(withQuery(routes.uploadFile.path, { purpose: 'photo' }), file, file.name);
}

export function fileUrl(id: string): string {
  return buildPath(routes.readFile.path, { id });
}
