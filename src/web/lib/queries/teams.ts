import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateTeamInput, TeamMemberView, TeamPage, TeamView, UpdateTeamInput } from '../../../shared/teams';

export type { TeamPage };
import { api, withQuery } from '../api';

export type TeamKind = TeamView['kind'];
export type TeamRole = TeamMemberView['role'];

export type TeamUpdate = z.input<typeof UpdateTeamInput>;

export const teamKeys = {
  all: ['teams'] as const,
  list: (params: { unitId?: string; kind?: TeamKind }) => ['teams', 'list', params] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
};

export function useTeams(params: { unitId?: string; kind?: TeamKind } = {}, enabled = true) {
  return useQuery({
    queryKey: teamKeys.list(params),
    enabled,
    queryFn: async () => (await api.get<{ items: TeamView[] }>(withQuery('/api/teams', { ...params }))).items,
  });
}

export function useTeam(id: string) {
  return useQuery({ queryKey: teamKeys.detail(id), queryFn: () => api.get<TeamPage>(`/api/teams/${encodeURIComponent(id)}`) });
}

function useTeamMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.all }) });
}

const base = (id: string) => `/api/teams/${encodeURIComponent(id)}`;
const memberPath = (teamId: string, memberId: string) => `${base(teamId)}/members/${encodeURIComponent(memberId)}`;

export function useCreateTeam() {
  return useTeamMutation((input: CreateTeamInput) => api.post<TeamView>('/api/teams', input));
}

export function useUpdateTeam() {
  return useTeamMutation(({ id, input }: { id: string; input: TeamUpdate }) => api.patch<TeamView>(base(id), input));
}

/**
 * Add a member with a role. The server adds new members as 队员, so a leader or deputy is set in a
 * second call.
 */
export function useAddMember() {
  return useTeamMutation(async ({ teamId, volunteerId, role }: { teamId: string; volunteerId: string; role: TeamRole }) => {
    const page = await api.post<TeamPage>(`${base(teamId)}/members`, { volunteerId, role });
    const added = page.members.find((m) => m.volunteerId === volunteerId && m.status === 'active');
    if (added && added.role !== role) return api.put<TeamPage>(`${memberPath(teamId, added.id)}/role`, { role });
    return page;
  });
}

export function useJoinTeam() {
  return useTeamMutation(({ teamId, note }: { teamId: string; note?: string }) => api.post<TeamPage>(`${base(teamId)}/join`, note ? { note } : {}));
}

export function useDecideMember() {
  return useTeamMutation(({ teamId, memberId, decision }: { teamId: string; memberId: string; decision: 'approve' | 'decline' }) =>
    api.post<TeamPage>(`${memberPath(teamId, memberId)}/decision`, { decision }),
  );
}

export function useSetMemberRole() {
  return useTeamMutation(({ teamId, memberId, role }: { teamId: string; memberId: string; role: TeamRole }) =>
    api.put<TeamPage>(`${memberPath(teamId, memberId)}/role`, { role }),
  );
}

export function useRemoveMember() {
  return useTeamMutation(({ teamId, memberId }: { teamId: string; memberId: string }) => api.delete<TeamPage>(memberPath(teamId, memberId)));
}
