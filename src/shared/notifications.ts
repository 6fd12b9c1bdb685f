import { z } from 'zod';
import { Id } from './common';

export const NotificationView = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** One line of a staff member's 待办: what waits for them, how many, and where to act on it. */
export const TodoItem = z.object({
  key: z.enum(['hours.records', 'hours.corrections', 'volunteers.reviewing', 'orders.awaiting', 'market.awaiting']),
  label: z.string(),
  count: z.number().int(),
  link: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;
export const TodoList = z.object({ items: z.array(TodoItem), total: z.number().int() });
export type TodoList = z.infer<typeof TodoList>;
