import type { ReactNode } from 'react';
import { useElderMode } from '../../lib/elder';
import { PRODUCT_NAME } from '../../lib/title';
import { PortalHeader } from '../portal-header';
import styles from '../portal.module.css';
import s from './news.module.css';

/** The frame of the news pages: header, a main with the 长辈版 switch, footer. */
export function NewsChrome({ title, children, top }: { title: string; children: ReactNode; top?: ReactNode }) {
  const [elder, setElder] = useElderMode();
  return (
    <div className={styles.page}>
      <PortalHeader />
      <main id="content" className={s.main} data-elder={elder ? 'true' : 'false'}>
        {top}
        <div className={s.top}>
          <h1 className={s.title}>{title}</h1>
          <button type="button" className={s.elder} aria-pressed={elder} onClick={() => setElder(!elder)}>
            长辈版
          </button>
        </div>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}

export function dateOf(iso: string): string {
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
}
