import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PRODUCT_NAME } from '../lib/title';
import styles from './portal.module.css';

/** The skip link and the header every public page shares; pages pass their own navigation. */
export function PortalHeader({ nav }: { nav?: ReactNode }) {
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
          {nav ? (
            <nav aria-label="网站导航" className={styles.nav}>
              <Link to="/activities">活动日历</Link>
              {nav}
              <Link to="/showcase">成果展示</Link>
            </nav>
          ) : null}
        </div>
      </header>
    </>
  );
}
