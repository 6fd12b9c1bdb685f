import { z } from 'zod';
import { Id, PageQuery, Text } from './common';
import { TEAM_KINDS, TEAM_ROLES } from './labels';

export { TEAM_KINDS, TEAM_ROLES };

export const TeamKind = z.enum(['street_corps', 'community_squad', 'specialised']);
export const TeamRole = z.enum(['leader', 'deputy', 'member']);

export const CreateTeamInput = z.strictObject({
  unitId: Id,
  kind: TeamKind,
  name: Text(40, 2),
  parentTeamId: Id.optional(),
  intro: Text(1000).optional(),
});
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const UpdateTeamInput = z.strictObject({ name: Text(40, 2).optional(), intro: Text(1000).nullable().optional(), archived: z.boolean().optional() });

export const TeamView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: TeamKind,
  name: z.string(),
  parentTeamId: Id.nullable(),
  intro: z.string().nullable(),
  archived: z.boolean(),
  leader: z.object({ volunteerId: Id, name: z.string() }).nullable(),
  deputies: z.array(z.object({ volunteerId: Id, name: z.string() })),
  memberCount: z.number().int(),
  pendingCount: z.number().int(),
  approvedHours: z.number(),
  canManage: z.boolean(),
  myMembership: z.enum(['pending', 'active', 'declined', 'left']).nullable(),
});
export type TeamView = z.infer<typeof TeamView>;

export const TeamMemberView = z.object({
  id: Id,
  volunteerId: Id,
  name: z.string(),
  volunteerNo: z.string().nullable(),
  stationName: z.string(),
  role: TeamRole,
  status: z.enum(['pending', 'active', 'declined', 'left']),
  note: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  approvedHours: z.number(),
});
export type TeamMemberView = z.infer<typeof TeamMemberView>;

export const AddMemberInput = z.strictObject({ volunteerId: Id, role: TeamRole.default('member') });
export const JoinTeamInput = z.strictObject({ note: Text(200).optional() });
export const DecideMemberInput = z.strictObject({ decision: z.enum(['approve', 'decline']) });
export const SetMemberRoleInput = z.strictObject({ role: TeamRole });
export const MemberParams = z.strictObject({ id: Id, memberId: Id });
export const TeamListQuery = PageQuery.extend({ unitId: Id.optional(), kind: TeamKind.optional(), includeArchived: z.enum(['true', 'false']).optional() });

/** `GET /api/teams/:id` and every member change answer with the whole team page. */
export const TeamActivityView = z.object({
  id: Id,
  title: z.string(),
  startsAt: z.string(),
  unitName: z.string(),
  status: z.string(),
  members: z.number().int(),
});
export const TeamPage = z.object({ team: TeamView, members: z.array(TeamMemberView), activities: z.array(TeamActivityView) });
export type TeamPage = z.infer<typeof TeamPage>;
