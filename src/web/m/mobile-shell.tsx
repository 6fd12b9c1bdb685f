import { Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useElderMode } from '../lib/elder';
import { hasRole, useSession } from '../lib/session';
import { PageLoading } from '../page-loading';
import styles from './mobile.module.css';

const TITLES: Record<string, string> = {
  '/m': '文明实践',
  '/m/me': '我的',
  '/m/notices': '我的消息',
  '/m/activities': '活动',
  '/m/checkin': '签到',
  '/m/password': '修改密码',
  '/m/volunteer': '我的志愿',
  '/m/register': '志愿者注册',
  '/m/orders': '群众点单',
  '/m/orders/new': '我要点单',
  '/m/tasks': '接单',
  '/m/station': '手机工作台',
  '/m/honours': '我的荣誉与礼遇',
  '/m/stations': '身边的实践站',
};

/** Titles of the pages whose path carries an id. */
const PREFIX_TITLES: [string, string][] = [
  ['/m/activities/', '活动详情'],
  ['/m/orders/', '点单进度'],
  ['/m/station/resolutions/', '议定事项'],
  ['/m/station/tasks/', '工作任务'],
];

/** The bottom tabs' icons: shapes on a 24-unit grid, filled with the tab's colour. */
const TAB_ICONS = {
  home: <path d="M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z" />,
  volunteer: <path d="M12 21s-7.5-4.6-9.3-9.4C1.6 8.4 3.6 5 7 5c2 0 3.3 1.1 5 3 1.7-1.9 3-3 5-3 3.4 0 5.4 3.4 4.3 6.6C19.5 16.4 12 21 12 21z" />,
  activities: <path d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3zm12 7H5v10h14zM7 11h4v4H7z" />,
  workbench: (
    <path d="M9 2h6a2 2 0 0 1 2 2v1h3a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h3V4a2 2 0 0 1 2-2zm0 3h6V4H9zm-1.3 8.3-1.4 1.4L9.6 18l6.1-6.3-1.4-1.4-4.7 4.8z" />
  ),
  order: <path d="M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm5 5v4H7v2h4v4h2v-4h4v-2h-4V7z" />,
  me: (
    <>
      <circle cx="12" cy="8" r="4.5" />
      <path d="M3.5 21c.8-4.6 4.2-7 8.5-7s7.7 2.4 8.5 7z" />
    </>
  ),
};

function TabIcon({ name }: { name: keyof typeof TAB_ICONS }) {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" fill="currentColor" aria-hidden="true" focusable="false">
      {TAB_ICONS[name]}
    </svg>
  );
}

/** The H5 frame: a title bar with the 长辈版 switch, the page, and a bottom navigation. */
export default function MobileShell() {
  const location = useLocation();
  const [elder, setElder] = useElderMode();
  const session = useSession();
  const title = TITLES[location.pathname.replace(/\/$/, '')] ?? PREFIX_TITLES.find(([prefix]) => location.pathname.startsWith(prefix))?.[1] ?? '文明实践';

  // Staff who are not volunteers themselves get 工作台 (/m/station) where volunteers have 志愿.
  const workbenchTab = hasRole(session.data, 'station_admin', 'institute_admin', 'district_viewer') && !hasRole(session.data, 'volunteer');

  // A one-time or expired password must be replaced before anything else.
  if (session.data?.account.mustChangePassword && location.pathname !== '/m/password') {
    return <Navigate to="/m/password" replace />;
  }
  // Staff whose institute requires two-factor login set it up in the console first.
  if (session.data?.account.totpEnrolmentRequired) return <Navigate to="/admin/security" replace />;

  return (
    <div className={styles.shell} data-elder={elder ? 'true' : 'false'}>
      <header className={styles.bar}>
        <h1 className={styles.barTitle}>{title}</h1>
        <button type="button" className={styles.elderSwitch} aria-pressed={elder} onClick={() => setElder(!elder)}>
          长辈版
        </button>
      </header>
      <main className={styles.main}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className={styles.tabs} aria-label="底部导航">
        <NavLink to="/m" end className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}>
          <TabIcon name="home" />
          <span>首页</span>
        </NavLink>
        <NavLink
          to="/m/activities"
          className={({ isActive }) => (isActive || location.pathname === '/m/checkin' ? `${styles.tab} ${styles.tabActive}` : styles.tab)}
        >
          <TabIcon name="activities" />
          <span>活动</span>
        </NavLink>
        <NavLink to="/m/orders" className={({ isActive }) => (isActive || location.pathname === '/m/tasks' ? `${styles.tab} ${styles.tabActive}` : styles.tab)}>
          <TabIcon name="order" />
          <span>点单</span>
        </NavLink>
        {workbenchTab ? (
          <NavLink to="/m/station" className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}>
            <TabIcon name="workbench" />
            <span>工作台</span>
          </NavLink>
        ) : (
          <NavLink
            to="/m/volunteer"
            className={({ isActive }) => (isActive || location.pathname === '/m/register' ? `${styles.tab} ${styles.tabActive}` : styles.tab)}
          >
            <TabIcon name="volunteer" />
            <span>志愿</span>
          </NavLink>
        )}
        <NavLink to="/m/me" className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}>
          <TabIcon name="me" />
          <span>我的</span>
        </NavLink>
      </nav>
    </div>
  );
}
