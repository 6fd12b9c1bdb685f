import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import * as teams from '../../../shared/teams.endpoints';
import { call } from '../api';

export type TeamPage = ResponseOf<typeof teams.getTeam>;
type TeamView = ResponseOf<typeof teams.createTeam>;
export type TeamKind = TeamView['kind'];
export type TeamRole = TeamPage['members'][number]['role'];

export type TeamUpdate = BodyIn<typeof teams.updateTeam>;

export const teamKeys = {
  all: ['teams'] as const,
  list: (params: { unitId?: string; kind?: TeamKind }) => ['teams', 'list', params] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
};

export function useTeams(params: { unitId?: string; kind?: TeamKind } = {}, enabled = true) {
  return useQuery({
    queryKey: teamKeys.list(params),
    enabled,
    // For pickers and the one-page list: 200 is the most a page holds.
    queryFn: async () => (await call(teams.listTeams, { query: { ...params, pageSize: 200 } })).items,
  });
}

export function useTeam(id: string) {
  return useQuery({ queryKey: teamKeys.detail(id), queryFn: () => call(teams.getTeam, { params: { id } }) });
}

function useTeamMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.all }) });
}

export function useCreateTeam() {
  return useTeamMutation((input: BodyIn<typeof teams.createTeam>) => call(teams.createTeam, { body: input }));
}

export function useUpdateTeam() {
  return useTeamMutation(({ id, input }: { id: string; input: TeamUpdate }) => call(teams.updateTeam, { params: { id }, body: input }));
}

/**
 * Add a member with a role. The server adds new members as 队员, so a leader or deputy is set in a
 * second call.
 */
export function useAddMember() {
  return useTeamMutation(async ({ teamId, volunteerId, role }: { teamId: string; volunteerId: string; role: TeamRole }) => {
    const page = await call(teams.addMember, { params: { id: teamId }, body: { volunteerId, role } });
    const added = page.members.find((m) => m.volunteerId === volunteerId && m.status === 'active');
    if (added && added.role !== role) return call(teams.setMemberRole, { params: { id: teamId, memberId: added.id }, body: { role } });
    return page;
  });
}

export function useJoinTeam() {
  return useTeamMutation(({ teamId, note }: { teamId: string; note?: string }) => call(teams.joinTeam, { params: { id: teamId }, body: note ? { note } : {} }));
}

export function useDecideMember() {
  return useTeamMutation(({ teamId, memberId, decision }: { teamId: string; memberId: string; decision: 'approve' | 'decline' }) =>
    call(teams.decideMember, { params: { id: teamId, memberId }, body: { decision } }),
  );
}

export function useSetMemberRole() {
  return useTeamMutation(({ teamId, memberId, role }: { teamId: string; memberId: string; role: TeamRole }) =>
    call(teams.setMemberRole, { params: { id: teamId, memberId }, body: { role } }),
  );
}

export function useRemoveMember() {
  return useTeamMutation(({ teamId, memberId }: { teamId: string; memberId: string }) => call(teams.removeMember, { params: { id: teamId, memberId } }));
}
