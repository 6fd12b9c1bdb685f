import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useNotificationPage } from '../../lib/queries/notifications';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import { Loading, SignInFirst } from '../components/sign-in-first';
import styles from '../mobile.module.css';
import v from '../volunteer.module.css';

const PAGE_SIZE = 20;

/** 我的消息: every signed-in person's notices — residents who are not volunteers read theirs here too. */
export default function NoticesPage() {
  useTitle('我的消息');
  const session = useSession();
  const [page, setPage] = useState(1);
  const list = useNotificationPage(page, PAGE_SIZE);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  if (session.isPending) return <Loading />;
  if (!session.data) return <SignInFirst label="我的消息" title="登录后查看消息" text="点单进展、活动提醒、时长认定等消息会发到这里。" next="/m/notices" />;

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <h2 className={styles.sectionTitle}>消息 {list.data ? <small>{list.data.unread} 条未读</small> : null}</h2>
      {list.isPending ? (
        <p className={styles.empty} role="status">
          正在加载消息…
        </p>
      ) : list.error ? (
        <div className={styles.errorBox} role="alert">
          消息加载失败：{list.error.message}
          <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void list.refetch()}>
            重新加载
          </button>
        </div>
      ) : list.data.items.length === 0 ? (
        <p className={styles.empty}>暂无消息。点单有进展、活动有变动时，会在这里通知您。</p>
      ) : (
        <>
          {list.data.unread > 0 ? (
            <button
              type="button"
              className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}
              onClick={() => markAll.mutate()}
              disabled={markAll.isPending}
            >
              全部标为已读
            </button>
          ) : null}
          <ul className={styles.card} style={{ listStyle: 'none', marginTop: 12 }} aria-label="消息列表">
            {list.data.items.map((n) => (
              <li key={n.id} className={v.noticeItem}>
                <p className={v.noticeTitle} style={{ fontWeight: n.read ? 400 : 700 }}>
                  {n.read ? null : <span className={styles.badge}>未读</span>} {n.title}
                </p>
                {n.body ? <p className={styles.text}>{n.body}</p> : null}
                <p className={v.itemMeta}>{formatDateTime(n.createdAt)}</p>
                <div className={v.itemActions}>
                  {n.link?.startsWith('/') ? (
                    <Link to={n.link} className={v.smallBtn} onClick={() => (n.read ? undefined : markRead.mutate(n.id))}>
                      查看
                    </Link>
                  ) : null}
                  {n.read ? null : (
                    <button type="button" className={v.smallBtn} onClick={() => markRead.mutate(n.id)} disabled={markRead.isPending}>
                      知道了
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label="翻页" style={{ display: 'flex', gap: 10, justifyContent: 'space-between', alignItems: 'center' }}>
              <button type="button" className={`${styles.btn} ${styles.btnGhost}`} disabled={page <= 1} onClick={() => setPage(page - 1)}>
                上一页
              </button>
              <span className={styles.muted}>
                第 {page} / {pages} 页
              </span>
              <button type="button" className={`${styles.btn} ${styles.btnGhost}`} disabled={page >= pages} onClick={() => setPage(page + 1)}>
                下一页
              </button>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
