import { ApartmentOutlined, AuditOutlined, DashboardOutlined, KeyOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role, SessionView } from '../../shared/accounts';
import { hasRole } from '../lib/session';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Who sees it; null = every staff member. The server enforces the same scope on its side. */
  roles: Role[] | null;
}

export const NAV: NavItem[] = [
  { path: '/admin', label: '工作台', icon: <DashboardOutlined />, roles: null },
  { path: '/admin/org', label: '组织架构', icon: <ApartmentOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/accounts', label: '账号管理', icon: <TeamOutlined />, roles: ['institute_admin', 'station_admin'] },
  { path: '/admin/settings', label: '规则设置', icon: <SettingOutlined />, roles: ['institute_admin', 'station_admin', 'district_viewer'] },
  { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['institute_admin'] },
  { path: '/admin/password', label: '修改密码', icon: <KeyOutlined />, roles: null },
];

export function navFor(session: SessionView): NavItem[] {
  return NAV.filter((item) => item.roles === null || hasRole(session, ...item.roles));
}

/** The nav entry a path belongs to (`/admin/org/123` → 组织架构). */
export function navItemFor(pathname: string): NavItem | undefined {
  return [...NAV].sort((a, b) => b.path.length - a.path.length).find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
}

export function canOpen(session: SessionView, pathname: string): boolean {
  const item = navItemFor(pathname);
  return !item || item.roles === null || hasRole(session, ...item.roles);
}
