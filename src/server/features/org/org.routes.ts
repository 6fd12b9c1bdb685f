import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/org.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as group from './org.leading-group';
import * as portal from './org.portal';
import * as posts from './org.posts';
import * as units from './org.units';

export function orgRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listUnits, async (req) => units.listUnits(deps, ctxOf(req), req.query));
    register(app, api.getUnit, async (req) => units.getUnit(deps, ctxOf(req), req.params.id));
    register(app, api.createUnit, async (req) => units.createUnit(deps, ctxOf(req), req.body));
    register(app, api.updateUnit, async (req) => units.updateUnit(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.staffing, async (req) => posts.staffing(deps, ctxOf(req), req.query));

    register(app, api.listPosts, async (req) => posts.listPosts(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.createPost, async (req) => posts.createPost(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.updatePost, async (req) => posts.updatePost(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.deletePost, async (req) => posts.deletePost(deps, ctxOf(req), req.params.id));

    register(app, api.listLeadingGroup, async (req) => group.listLeadingGroup(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.addLeadingGroupMember, async (req) => group.addLeadingGroupMember(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.updateLeadingGroupMember, async (req) => group.updateLeadingGroupMember(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.removeLeadingGroupMember, async (req) => group.removeLeadingGroupMember(deps, ctxOf(req), req.params.id));

    register(app, api.publicSite, async () => portal.publicSite(deps));
    register(app, api.publicUnits, async (req) => portal.publicDirectory(deps, req.query));
  };
}
