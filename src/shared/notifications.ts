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
