import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn } from '../../../shared/endpoint';
import * as org from '../../../shared/org.endpoints';
import { call } from '../api';

/** The largest page a list answers (PageQuery's maximum). */
const MAX_PAGE = 200;

export const orgKeys = {
  all: ['org'] as const,
  units: () => ['org', 'units'] as const,
  unit: (id: string) => ['org', 'unit', id] as const,
  staffing: () => ['org', 'staffing'] as const,
  posts: (unitId: string) => ['org', 'posts', unitId] as const,
  leadingGroup: (unitId: string) => ['org', 'leading-group', unitId] as const,
};

/**
 * The units in scope, one page of the largest size: an institute and its stations fit; a district
 * may not, so `q` (part of a name) narrows it on the server.
 */
export function useUnits(q?: string) {
  const search = q?.trim() || undefined;
  return useQuery({
    queryKey: search ? [...orgKeys.units(), search] : orgKeys.units(),
    queryFn: async () => (await call(org.listUnits, { query: { pageSize: MAX_PAGE, q: search } })).items,
  });
}

export function useUnit(id: string) {
  return useQuery({ queryKey: orgKeys.unit(id), queryFn: () => call(org.getUnit, { params: { id } }) });
}

/**
 * The staffing check for the units in scope, one page of the largest size (as `useUnits`: an
 * institute and its stations fit). A unit's own page asks for its line with `useUnitStaffing`.
 */
export function useStaffing() {
  return useQuery({ queryKey: orgKeys.staffing(), queryFn: async () => (await call(org.staffing, { query: { pageSize: MAX_PAGE } })).items });
}

/** One unit's staffing line, or null where the rule does not apply (a district, an archived unit). */
export function useUnitStaffing(unitId: string) {
  return useQuery({
    queryKey: [...orgKeys.staffing(), unitId],
    queryFn: async () => (await call(org.staffing, { query: { unitId } })).items[0] ?? null,
  });
}

/** A unit's posts: its page shows them all, so it asks the largest page and tells when there are more. */
export function usePosts(unitId: string) {
  return useQuery({
    queryKey: orgKeys.posts(unitId),
    queryFn: () => call(org.listPosts, { params: { id: unitId }, query: { pageSize: MAX_PAGE } }),
  });
}

/** An institute's leading group, all of it on one page (the largest). */
export function useLeadingGroup(unitId: string, enabled = true) {
  return useQuery({
    queryKey: orgKeys.leadingGroup(unitId),
    enabled,
    queryFn: () => call(org.listLeadingGroup, { params: { id: unitId }, query: { pageSize: MAX_PAGE } }),
  });
}

/** Every org write can change names, counts and staffing, so refresh the whole feature. */
function useOrgMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: orgKeys.all }) });
}

export function useCreateUnit() {
  return useOrgMutation((input: BodyIn<typeof org.createUnit>) => call(org.createUnit, { body: input }));
}

export function useUpdateUnit() {
  return useOrgMutation(({ id, input }: { id: string; input: BodyIn<typeof org.updateUnit> }) => call(org.updateUnit, { params: { id }, body: input }));
}

export function useCreatePost() {
  return useOrgMutation(({ unitId, input }: { unitId: string; input: BodyIn<typeof org.createPost> }) =>
    call(org.createPost, { params: { id: unitId }, body: input }),
  );
}

export function useUpdatePost() {
  return useOrgMutation(({ id, input }: { id: string; input: BodyIn<typeof org.updatePost> }) => call(org.updatePost, { params: { id }, body: input }));
}

export function useDeletePost() {
  return useOrgMutation((id: string) => call(org.deletePost, { params: { id } }));
}

export function useCreateLeadingGroupMember() {
  return useOrgMutation(({ unitId, input }: { unitId: string; input: BodyIn<typeof org.addLeadingGroupMember> }) =>
    call(org.addLeadingGroupMember, { params: { id: unitId }, body: input }),
  );
}

export function useUpdateLeadingGroupMember() {
  return useOrgMutation(({ id, input }: { id: string; input: BodyIn<typeof org.updateLeadingGroupMember> }) =>
    call(org.updateLeadingGroupMember, { params: { id }, body: input }),
  );
}

export function useDeleteLeadingGroupMember() {
  return useOrgMutation((id: string) => call(org.removeLeadingGroupMember, { params: { id } }));
}
