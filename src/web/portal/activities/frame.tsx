import type { ReactNode } from 'react';
import { useElderMode } from '../../lib/elder';
import { useSession } from '../../lib/session';
import { PRODUCT_NAME } from '../../lib/title';
import { PortalHeader } from '../portal-header';
import styles from '../portal.module.css';
import c from './calendar.module.css';

/** The portal's frame around the calendar pages; the 长辈版 preference is the phone's, kept on this device. */
export function CalendarFrame({ children, narrow }: { children: ReactNode; narrow?: boolean }) {
  const _session = useSession();
  const [elder] = useElderMode();
  return (
    <div className={styles.page}>
      <PortalHeader />
      <main id="content" className={narrow ? `${c.main} ${c.narrow}` : c.main} data-elder={elder ? 'true' : 'false'}>
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

/** 长辈版: larger text and targets, the same switch as on the phone pages. */
export function ElderSwitch() {
  const [elder, setElder] = useElderMode();
  return (
    <button type="button" className={c.elder} aria-pressed={elder} onClick={() => setElder(!elder)}>
      长辈版
    </button>
  );
}
