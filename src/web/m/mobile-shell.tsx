import { Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useElderMode } from '../lib/elder';
import { useSession } from '../lib/session';
import { PageLoading } from '../page-loading';
import styles from './mobile.module.css';

const TITLES: Record<string, string> = {
  '/m': '文明实践',
  '/m/me': '我的',
  '/m/password': '修改密码',
};

function HomeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
      <path d="M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z" fill="currentColor" />
    </svg>
  );
}

function MeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4.5" fill="currentColor" />
      <path d="M3.5 21c.8-4.6 4.2-7 8.5-7s7.7 2.4 8.5 7z" fill="currentColor" />
    </svg>
  );
}

/** The H5 frame: a title bar with the 长辈版 switch, the page, and a bottom navigation. */
export default function MobileShell() {
  const location = useLocation();
  const [elder, setElder] = useElderMode();
  const session = useSession();
  const title = TITLES[location.pathname.replace(/\/$/, '')] ?? '文明实践';

  // A one-time or expired password must be replaced before anything else.
  if (session.data?.account.mustChangePassword && location.pathname !== '/m/password') {
    return <Navigate to="/m/password" replace />;
  }

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
          <HomeIcon />
          <span>首页</span>
        </NavLink>
        <NavLink to="/m/me" className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}>
          <MeIcon />
          <span>我的</span>
        </NavLink>
      </nav>
    </div>
  );
}
