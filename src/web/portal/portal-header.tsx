import { type ReactNode, useEffect, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { useSession } from '../lib/session';
import { PRODUCT_NAME } from '../lib/title';
import styles from './portal.module.css';

/** The public site's pages, the same on every page of the portal, in the order people look for them. */
const SITE: { to: string; label: string }[] = [
  { to: '/', label: '首页' },
  { to: '/activities', label: '活动日历' },
  { to: '/news', label: '新闻' },
  { to: '/showcase', label: '成果展示' },
  { to: '/order', label: '群众点单' },
  { to: '/honours', label: '光荣榜' },
  { to: '/campaigns', label: '评选公示' },
  { to: '/verify', label: '证明核验' },
];

/**
 * The skip link and the header every public page shares: one site navigation (the current page marked),
 * `extra` links of the page itself (the home page's in-page sections), and the way in for staff or to
 * one's own pages. On a phone the navigation folds behind a 菜单 button, so the page starts on screen one.
 */
export function PortalHeader({ extra }: { extra?: ReactNode } = {}) {
  const session = useSession();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (pathname) setOpen(false);
  }, [pathname]);
  const me = session.data;
  return (
    <>
      <a href="#content" className={styles.skip}>
        跳到正文
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link to="/" className={styles.brand} aria-label={`${PRODUCT_NAME} 首页`}>
            <img src="/favicon.svg" alt="" width={40} height={40} />
            <span>
              <strong>实践</strong>
              <span>新时代文明实践平台</span>
            </span>
          </Link>
          <button type="button" className={styles.menuButton} aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen(!open)}>
            {open ? '收起' : '菜单'}
          </button>
          <nav id="site-nav" aria-label="网站导航" className={open ? `${styles.nav} ${styles.navOpen}` : styles.nav}>
            {SITE.map((s) => (
              <NavLink key={s.to} to={s.to} end={s.to === '/'}>
                {s.label}
              </NavLink>
            ))}
            {extra}
            <Link to="/m">移动端</Link>
            {me ? (
              <Link to={me.isStaff ? '/admin' : '/m'} className={styles.login}>
                {me.isStaff ? '进入工作台' : '我的'}
              </Link>
            ) : (
              <Link to="/login" className={styles.login}>
                登录
              </Link>
            )}
          </nav>
        </div>
      </header>
    </>
  );
}
