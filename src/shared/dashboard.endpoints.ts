import { DashboardQuery, DashboardView, PublicDashboardQuery } from './dashboard';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

named({ Dashboard: DashboardView });

export const viewDashboard = defineEndpoint({
  ...routes.viewDashboard,
  summary: '数据大屏（工作人员）',
  description:
    '本人所辖单位的大屏数据：实践所看到本所及各实践站，实践站只看到本站，区中心看到下属全部。志愿者按站点、服务类别、特长和星级分布，近 12 个月审核通过的时长，今年的活动（按项目、按站点），点单漏斗、按时接单率和满意度，阵地位置和最近动态。',
  tags: ['dashboard'],
  query: DashboardQuery,
  responses: { 200: DashboardView },
  errors: ['access.denied', 'not_found'],
});

export const viewPublicDashboard = defineEndpoint({
  ...routes.viewPublicDashboard,
  summary: '数据大屏（公开）',
  description: '一个实践所（不指定时为第一个）的大屏数据，只有统计数字，不含任何个人信息；最近动态只写活动名称、站点和时间。每 30 秒更新一次。',
  tags: ['public', 'dashboard'],
  access: 'public',
  query: PublicDashboardQuery,
  responses: { 200: DashboardView },
  errors: ['not_found'],
});
