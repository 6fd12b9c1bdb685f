import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/org.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as org from './org.service';

export function orgRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listUnits, async (req) => org.listUnits(deps, ctxOf(req), req.query));
    register(app, api.getUnit, async (req) => org.getUnit(deps, ctxOf(req), req.params.id));
    register(app, api.createUnit, async (req) => org.createUnit(deps, ctxOf(req), req.body));
    register(app, api.updateUnit, async (req) => org.updateUnit(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.staffing, async (req) => org.staffing(deps, ctxOf(req)));

    register(app, api.listPosts, async (req) => org.listPosts(deps, ctxOf(req), req.params.id));
    register(app, api.createPost, async (req) => org.createPost(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.updatePost, async (req) => org.updatePost(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.deletePost, async (req) => org.deletePost(deps, ctxOf(req), req.params.id));

    register(app, api.listLeadingGroup, async (req) => org.listLeadingGroup(deps, ctxOf(req), req.params.id));
    register(app, api.addLeadingGroupMember, async (req) => org.addLeadingGroupMember(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.updateLeadingGroupMember, async (req) => org.updateLeadingGroupMember(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.removeLeadingGroupMember, async (req) => org.removeLeadingGroupMember(deps, ctxOf(req), req.params.id));

    register(app, api.publicSite, async () => org.publicSite(deps));
    register(app, api.publicUnits, async (req) => org.publicDirectory(deps, req.query));
  };
}
