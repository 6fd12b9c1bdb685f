import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/teams.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as teams from './teams.service';

export function teamsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listTeams, async (req) => teams.listTeams(deps, ctxOf(req), req.query));
    register(app, api.createTeam, async (req) => teams.createTeam(deps, ctxOf(req), req.body));
    register(app, api.getTeam, async (req) => teams.getTeam(deps, ctxOf(req), req.params.id));
    register(app, api.updateTeam, async (req) => teams.updateTeam(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.addMember, async (req) => teams.addMember(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.joinTeam, async (req) => teams.requestToJoin(deps, ctxOf(req), req.params.id, req.body.note));
    register(app, api.decideMember, async (req) => teams.decideMember(deps, ctxOf(req), req.params.id, req.params.memberId, req.body.decision));
    register(app, api.setMemberRole, async (req) => teams.setMemberRole(deps, ctxOf(req), req.params.id, req.params.memberId, req.body.role));
    register(app, api.removeMember, async (req) => teams.removeMember(deps, ctxOf(req), req.params.id, req.params.memberId));
  };
}
