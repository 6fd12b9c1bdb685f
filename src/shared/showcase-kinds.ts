// zod-free: the portal reads the kinds' labels without loading the schemas.

/**
 * 成果展示 (工作方案 二、(二): "建设成果展示厅、文化墙…制作短视频、宣传折页"). Items per institute or
 * station, each of one kind; what the media may be follows from the kind.
 * `media`: which file types the item's media files may be, and how many.
 */
export const SHOWCASE_KINDS = {
  brand: { label: '品牌', media: 'image', min: 0, max: 9 },
  featured: { label: '精品活动', media: 'image', min: 0, max: 9 },
  gallery: { label: '图片集', media: 'image', min: 1, max: 30 },
  video: { label: '短视频', media: 'video', min: 1, max: 1 },
  wall: { label: '文化墙', media: 'image', min: 1, max: 9 },
  leaflet: { label: '宣传折页', media: 'pdf', min: 1, max: 1 },
} as const;
export type ShowcaseKind = keyof typeof SHOWCASE_KINDS;
