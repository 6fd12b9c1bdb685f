import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkView } from '../../../shared/common';
import { NotificationView } from '../../../shared/notifications';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { listMyNotifications, markRead } from './notifications.service';

export function notificationsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get('/api/notifications', { schema: { tags, summary: '我的消息', response: { 200: z.object({ items: z.array(NotificationView), unread: z.number().int() }) } } }, async (req) =>
      listMyNotifications(deps, ctxOf(req)),
    );
    app.post('/api/notifications/:id/read', { schema: { tags, summary: '标为已读', params: IdParams, response: { 200: OkView } } }, async (req) =>
      markRead(deps, ctxOf(req), req.params.id),
    );
    app.post('/api/notifications/read-all', { schema: { tags, summary: '全部标为已读', response: { 200: OkView } } }, async (req) => markRead(deps, ctxOf(req), null));
  };
}
