/**
 * Label tables with no zod in them, so the light mobile pages can show them without loading the
 * schema library. The schema files re-export what they need from here.
 */

/** Roles and the kind of scope each one carries (domain.md, "Who uses it"). */
export const ROLES = {
  district_viewer: { label: '区中心查看', scope: 'district', staff: true },
  district_admin: { label: '区级管理员', scope: 'district', staff: true },
  institute_admin: { label: '实践所管理员', scope: 'institute', staff: true },
  station_admin: { label: '实践站管理员', scope: 'station', staff: true },
  team_leader: { label: '队长', scope: 'team', staff: true },
  volunteer: { label: '志愿者', scope: 'self', staff: false },
  resident: { label: '居民', scope: 'self', staff: false },
} as const;

export const VOLUNTEER_CATEGORIES = [
  '党员干部',
  '公职人员',
  '教师',
  '学生',
  '热心群众',
  '新乡贤',
  '五老',
  '返乡党员干部',
  '身边好人',
  '企业或社会组织负责人',
] as const;

/** 服务类别: the national system's service areas, at most 4 per volunteer. */
export const SERVICE_CATEGORIES = [
  '理论宣讲',
  '教育服务',
  '文化惠民',
  '乡风文明',
  '健康促进',
  '体育服务',
  '扶贫济困',
  '助老助残',
  '关爱儿童',
  '妇女关爱',
  '法律服务',
  '环境保护',
  '文明交通',
  '应急救援',
  '社区治理',
  '科普宣传',
] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_PARTS = ['am', 'pm', 'eve'] as const;
export const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = {
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
  sun: '周日',
};
export const DAY_PART_LABELS: Record<(typeof DAY_PARTS)[number], string> = { am: '上午', pm: '下午', eve: '晚上' };

export const VOLUNTEER_STATUSES = {
  reviewing: '待审核',
  certified: '已认证',
  rejected: '未通过',
  suspended: '暂停服务',
  exited: '已退出',
} as const;

/** Age limits (PIPL 第三十一条; 志愿服务条例 第十五条): under 14 refused, 14–17 need a guardian's consent. */
export const MIN_VOLUNTEER_AGE = 14;
export const ADULT_AGE = 18;

export const GUARDIAN_CONSENT_METHODS = { signed_form: '监护人签字同意书', phone_confirmation: '电话确认监护人同意', in_person: '监护人当面同意' } as const;

export const RECORD_SOURCES = { verified: '签到认定', backfilled: '补录', correction: '更正' } as const;
export const RECORD_STATUSES = { pending: '待审核', approved: '已认定', rejected: '未通过' } as const;
export const RECORD_FLAGS: Record<string, string> = {
  auto_closed: '忘记签退，按活动结束时间自动签退',
  late_entry: '超过录入期限',
  no_location: '签到时未提供位置',
};

export const TEAM_KINDS = {
  street_corps: '街道志愿服务分队',
  community_squad: '社区志愿服务小队',
  specialised: '专业志愿服务队',
} as const;
export const TEAM_ROLES = { leader: '队长', deputy: '副队长', member: '队员' } as const;

/** Offline venues of the plan's five kinds (工作方案 二、（三）2) and the online ones (二、（三）1). */
export const OFFLINE_VENUE_KINDS = {
  theory: '理论宣讲',
  education: '教育服务',
  culture: '文化惠民',
  civility: '乡风文明',
  health_sports: '健康促进与体育服务',
} as const;
export const ONLINE_VENUE_KINDS = {
  district_column: '区“新时代文明实践”专栏',
  wechat: '微信公众号',
  groups: '“进圈入群”网络群组',
} as const;
export const VENUE_KIND_LABELS = { ...OFFLINE_VENUE_KINDS, ...ONLINE_VENUE_KINDS } as const;

/** Only volunteer service credits hours; meetings, duty shifts, rehearsals and team building never do (办法 第十九条). */
export const ACTIVITY_TYPES = {
  service: { label: '志愿服务', creditsHours: true },
  meeting: { label: '会议', creditsHours: false },
  duty: { label: '值班', creditsHours: false },
  rehearsal: { label: '排练', creditsHours: false },
  team_building: { label: '团队建设', creditsHours: false },
} as const;

export const ACTIVITY_STATUSES = {
  draft: '草稿',
  submitted: '待审核',
  published: '招募中',
  full: '已满员',
  in_progress: '进行中',
  ended: '已结束',
  summarised: '已总结',
  rejected: '未通过',
  cancelled: '已取消',
} as const;

export const ORDER_CHANNELS = {
  app: '手机点单',
  staff_phone: '电话代点',
  staff_visit: '入户走访代点',
  portal: '门户网站',
  open311: '第三方平台（Open311）',
} as const;
export const TARGET_TYPES = { institute: '实践所', station: '实践站', team: '志愿服务队', volunteer: '指定志愿者', pool: '抢单池' } as const;
