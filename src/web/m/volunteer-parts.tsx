import { Link } from 'react-router-dom';
import type { ServiceRecordView } from '../../shared/hours';
import type { VolunteerView } from '../../shared/volunteers';
import { formatDateTime } from '../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications } from '../lib/queries/notifications';
import styles from './mobile.module.css';
import v from './volunteer.module.css';

export const STATUS_TONE: Record<VolunteerView['status'], string> = {
  reviewing: v.tagGold,
  certified: v.tagGreen,
  rejected: v.tagRed,
  suspended: v.tagGrey,
  exited: v.tagGrey,
};

export const RECORD_TONE: Record<ServiceRecordView['status'], string> = { pending: v.tagGold, approved: v.tagGreen, rejected: v.tagRed };

/** 3.5 → "3.5", 3 → "3": hours as people write them. */
export function hoursText(h: number): string {
  return String(Math.round(h * 10) / 10);
}

export function Notifications() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = (list.data?.items ?? []).filter((n) => !n.read);
  if (!list.data || list.data.unread === 0 || unread.length === 0) return null;

  return (
    <section className={`${styles.card} ${v.notice}`} aria-labelledby="notice-title">
      <h2 id="notice-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
        新消息 <small>{list.data.unread} 条未读</small>
      </h2>
      {unread.slice(0, 5).map((n) => (
        <div key={n.id} className={v.noticeItem}>
          <p className={v.noticeTitle}>{n.title}</p>
          {n.body ? <p className={styles.text}>{n.body}</p> : null}
          <p className={v.itemMeta}>{formatDateTime(n.createdAt)}</p>
          <div className={v.itemActions}>
            {n.link?.startsWith('/') ? (
              <Link to={n.link} className={v.smallBtn} onClick={() => markRead.mutate(n.id)}>
                查看
              </Link>
            ) : null}
            <button type="button" className={v.smallBtn} onClick={() => markRead.mutate(n.id)} disabled={markRead.isPending}>
              知道了
            </button>
          </div>
        </div>
      ))}
      {unread.length > 1 ? (
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => markAll.mutate()} disabled={markAll.isPending}>
          全部标为已读
        </button>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- status and identity
