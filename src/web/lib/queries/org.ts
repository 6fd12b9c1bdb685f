import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateUnitInput,
  LeadingGroupMemberInput,
  LeadingGroupMemberView,
  PostInput,
  PostView,
  StaffingView,
  UnitView,
  UpdateUnitInput,
} from '../../../shared/org';
import { api, itemsOf } from '../api';

type List<T> = T[] | { items: T[] };

export const orgKeys = {
  all: ['org'] as const,
  units: () => ['org', 'units'] as const,
  unit: (id: string) => ['org', 'unit', id] as const,
  staffing: () => ['org', 'staffing'] as const,
  posts: (unitId: string) => ['org', 'posts', unitId] as const,
  leadingGroup: (unitId: string) => ['org', 'leading-group', unitId] as const,
};

export function useUnits() {
  return useQuery({ queryKey: orgKeys.units(), queryFn: async () => itemsOf(await api.get<List<UnitView>>('/api/org/units')) });
}

export function useUnit(id: string) {
  return useQuery({ queryKey: orgKeys.unit(id), queryFn: () => api.get<UnitView>(`/api/org/units/${encodeURIComponent(id)}`) });
}

export function useStaffing() {
  return useQuery({ queryKey: orgKeys.staffing(), queryFn: async () => itemsOf(await api.get<List<StaffingView>>('/api/org/staffing')) });
}

export function usePosts(unitId: string) {
  return useQuery({
    queryKey: orgKeys.posts(unitId),
    queryFn: async () => itemsOf(await api.get<List<PostView>>(`/api/org/units/${encodeURIComponent(unitId)}/posts`)),
  });
}

export function useLeadingGroup(unitId: string, enabled = true) {
  return useQuery({
    queryKey: orgKeys.leadingGroup(unitId),
    enabled,
    queryFn: async () => itemsOf(await api.get<List<LeadingGroupMemberView>>(`/api/org/units/${encodeURIComponent(unitId)}/leading-group`)),
  });
}

/** Every org write can change names, counts and staffing, so refresh the whole feature. */
function useOrgMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: orgKeys.all }) });
}

export function useCreateUnit() {
  return useOrgMutation((input: CreateUnitInput) => api.post<UnitView>('/api/org/units', input));
}

export function useUpdateUnit() {
  return useOrgMutation(({ id, input }: { id: string; input: UpdateUnitInput }) =>
    api.patch<UnitView>(`/api/org/units/${encodeURIComponent(id)}`, input),
  );
}

export function useCreatePost() {
  return useOrgMutation(({ unitId, input }: { unitId: string; input: PostInput }) =>
    api.post<PostView>(`/api/org/units/${encodeURIComponent(unitId)}/posts`, input),
  );
}

export function useUpdatePost() {
  return useOrgMutation(({ id, input }: { id: string; input: PostInput }) =>
    api.put<PostView>(`/api/org/posts/${encodeURIComponent(id)}`, input),
  );
}

export function useDeletePost() {
  return useOrgMutation((id: string) => api.delete<unknown>(`/api/org/posts/${encodeURIComponent(id)}`));
}

export function useCreateLeadingGroupMember() {
  return useOrgMutation(({ unitId, input }: { unitId: string; input: LeadingGroupMemberInput }) =>
    api.post<LeadingGroupMemberView>(`/api/org/units/${encodeURIComponent(unitId)}/leading-group`, input),
  );
}

export function useUpdateLeadingGroupMember() {
  return useOrgMutation(({ id, input }: { id: string; input: LeadingGroupMemberInput }) =>
    api.put<LeadingGroupMemberView>(`/api/org/leading-group/${encodeURIComponent(id)}`, input),
  );
}

export function useDeleteLeadingGroupMember() {
  return useOrgMutation((id: string) => api.delete<unknown>(`/api/org/leading-group/${encodeURIComponent(id)}`));
}
