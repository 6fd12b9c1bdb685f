/** News labels, zod-free: the portal's light pages import these without loading zod. */
export const NEWS_CATEGORIES = {
  work: '工作动态',
  activity: '活动报道',
  volunteer: '志愿风采',
  notice: '通知公告',
} as const;
export type NewsCategory = keyof typeof NEWS_CATEGORIES;

export const NEWS_STATUS_LABELS = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const;

/** 信息报送: none yet → submitted → adopted | returned (a returned one may be submitted again). */
export const SUBMISSION_STATUS_LABELS = { none: '未报送', submitted: '已报送', adopted: '已采用', returned: '已退回' } as const;
