import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/notifications.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { listMyNotifications, markRead } from './notifications.service';
import { listMyTodo } from './notifications.todo';

export function notificationsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listMyNotifications, async (req) => listMyNotifications(deps, ctxOf(req), req.query));
    register(app, api.markNotificationRead, async (req) => markRead(deps, ctxOf(req), req.params.id));
    register(app, api.markAllNotificationsRead, async (req) => markRead(deps, ctxOf(req), null));
    register(app, api.listMyTodo, async (req) => listMyTodo(deps, ctxOf(req)));
  };
}
