import { z } from 'zod';
import { IdParams, OkView, PageQuery, Paged } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { NotificationView, TodoList } from './notifications';
import { routes } from './routes';

/** A page of notices, and how many of all of them are unread. */
export const NotificationList = Paged(NotificationView).extend({ unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;
named({ NotificationView, TodoList });
const tags = ['notifications'];

export const listMyNotifications = defineEndpoint({
  ...routes.listMyNotifications,
  summary: '我的消息',
  description: '当前登录用户的站内消息（最新在前，分页）与全部未读数。',
  tags,
  query: PageQuery,
  responses: { 200: NotificationList },
});

export const markNotificationRead = defineEndpoint({
  ...routes.markNotificationRead,
  selfService: true,
  summary: '标为已读',
  description: '把本人的一条消息标为已读。',
  tags,
  params: IdParams,
  responses: { 200: OkView },
  errors: ['not_found'],
});

export const markAllNotificationsRead = defineEndpoint({
  ...routes.markAllNotificationsRead,
  selfService: true,
  summary: '全部标为已读',
  description: '把本人的全部消息标为已读。',
  tags,
  responses: { 200: OkView },
});

export const listMyTodo = defineEndpoint({
  ...routes.listMyTodo,
  summary: '我的待办',
  description:
    '工作人员在本人管辖单位内等待处理的事项数：待审核的服务记录与更正申请、待审核的志愿者注册、待审派的点单、待领取的爱心超市兑换。只列出本人岗位能处理的事项；没有工作人员岗位的账号得到空列表。',
  tags,
  responses: { 200: TodoList },
});
