import {
  ApartmentOutlined,
  ClusterOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FlagOutlined,
  HeartOutlined,
  IdcardOutlined,
  KeyOutlined,
  MoneyCollectOutlined,
  PhoneOutlined,
  SettingOutlined,
  StarOutlined,
  TeamOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  CarryOutOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  TrophyOutlined,
  FormOutlined,
  SendOutlined,
  CrownOutlined,
  GiftOutlined,
  ShopOutlined,
  BellOutlined,
  PictureOutlined,
  SafetyOutlined,
  FundProjectionScreenOutlined,
  BarChartOutlined,
  NotificationOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role, SessionView } from '../../shared/accounts';
import { hasRole } from '../lib/session';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Who sees it; null = every staff member. The server enforces the same scope on its side. */
  roles: Role[] | null;
  /** Opens in a tab of its own (the full-screen 数据大屏). */
  newTab?: boolean;
}

export const NAV: NavItem[] = [
  { path: '/admin', label: '工作台', icon: <DashboardOutlined />, roles: null },
  { path: '/admin/inbox', label: '消息待办', icon: <BellOutlined />, roles: null },
  { path: '/admin/org', label: '组织架构', icon: <ApartmentOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/plan', label: '工作方案', icon: <ProjectOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/standards', label: '八有标准', icon: <SafetyCertificateOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/activity-plans', label: '活动计划', icon: <SendOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/meetings', label: '联席会议', icon: <ScheduleOutlined />, roles: ['institute_admin', 'district_viewer'] },
  { path: '/admin/resolutions', label: '议定事项督办', icon: <CarryOutOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/training', label: '培训', icon: <ReadOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/assessment', label: '考核', icon: <TrophyOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/funds', label: '经费', icon: <MoneyCollectOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/activities', label: '活动', icon: <CalendarOutlined />, roles: null },
  { path: '/admin/venues', label: '阵地', icon: <EnvironmentOutlined />, roles: null },
  { path: '/admin/programmes', label: '实践项目', icon: <AppstoreOutlined />, roles: null },
  { path: '/admin/orders', label: '群众点单', icon: <PhoneOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/needs', label: '需求采集', icon: <FormOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/care', label: '关爱对象', icon: <HeartOutlined />, roles: ['institute_admin', 'station_admin'] },
  { path: '/admin/volunteers', label: '志愿者', icon: <IdcardOutlined />, roles: ['institute_admin', 'station_admin'] },
  { path: '/admin/hours', label: '服务记录', icon: <FieldTimeOutlined />, roles: ['institute_admin', 'station_admin'] },
  { path: '/admin/teams', label: '队伍', icon: <FlagOutlined />, roles: ['institute_admin', 'station_admin', 'team_leader'] },
  { path: '/admin/stars', label: '星级表彰', icon: <StarOutlined />, roles: ['institute_admin', 'station_admin'] },
  { path: '/admin/campaigns', label: '评选', icon: <CrownOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/recognition', label: '表彰礼遇', icon: <TrophyOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/points', label: '积分', icon: <GiftOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/market', label: '爱心超市', icon: <ShopOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/news', label: '新闻宣传', icon: <NotificationOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/showcase', label: '成果展示', icon: <PictureOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/district', label: '区级管理', icon: <ClusterOutlined />, roles: ['district_admin', 'district_viewer'] },
  { path: '/admin/reports', label: '工作报表', icon: <BarChartOutlined />, roles: ['institute_admin', 'district_viewer'] },
  {
    path: '/admin/screen',
    label: '数据大屏',
    icon: <FundProjectionScreenOutlined />,
    roles: ['institute_admin', 'station_admin', 'district_viewer'],
    newTab: true,
  },
  { path: '/admin/privacy', label: '个人信息请求', icon: <UserDeleteOutlined />, roles: ['institute_admin', 'station_admin'] },
  { path: '/admin/accounts', label: '账号管理', icon: <TeamOutlined />, roles: ['institute_admin', 'station_admin'] },
  { path: '/admin/settings', label: '规则设置', icon: <SettingOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['institute_admin'] },
  { path: '/admin/password', label: '修改密码', icon: <KeyOutlined />, roles: null },
  { path: '/admin/security', label: '账号安全', icon: <SafetyOutlined />, roles: null },
];

/** The district admin reads what the district viewer reads (platform/access.ts rolesFor). */
const rolesOf = (roles: Role[]): Role[] => (roles.includes('district_viewer') ? [...roles, 'district_admin'] : roles);

export function navFor(session: SessionView): NavItem[] {
  return NAV.filter((item) => item.roles === null || hasRole(session, ...rolesOf(item.roles)));
}

/** The nav entry a path belongs to (`/admin/org/123` → 组织架构). */
export function navItemFor(pathname: string): NavItem | undefined {
  return [...NAV].sort((a, b) => b.path.length - a.path.length).find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
}

export function canOpen(session: SessionView, pathname: string): boolean {
  const item = navItemFor(pathname);
  return !item || item.roles === null || hasRole(session, ...rolesOf(item.roles));
}
