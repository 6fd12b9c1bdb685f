/** The live feed's kinds and their Chinese labels: zod-free, so the screen's chunk need not load zod. */
export const FEED_KINDS = {
  activity_published: '活动发布',
  activity_ended: '活动结束',
  order_done: '点单完成',
  hours_approved: '时长通过',
} as const;
export type FeedKind = keyof typeof FEED_KINDS;
