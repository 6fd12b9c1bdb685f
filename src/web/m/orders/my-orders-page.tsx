import { Link } from 'react-router-dom';
import { useMyOrders } from '../../lib/queries/orders';
import { hasRole, useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import o from './orders.module.css';
import { Loading, SignInFirst } from '../components/sign-in-first';
import { StatusBadge, shortTime } from './parts';

/** `/m/orders` 我的点单: a big 我要点单 button, then my orders, newest first. */
export default function MyOrdersPage() {
  useTitle('我的点单');
  const session = useSession();
  const orders = useMyOrders(!!session.data);

  if (session.isPending) return <Loading />;
  if (!session.data) {
    return (
      <SignInFirst
        title="群众点单"
        text="家里有事需要帮忙？登录后向社区实践站点单，志愿者上门服务。不方便用手机的，可以打电话给社区实践站，由工作人员帮您登记。"
        next="/m/orders"
      />
    );
  }

  const isVolunteer = hasRole(session.data, 'volunteer', 'team_leader');
  // Newest first, as the server pages them.
  const list = orders.data?.items ?? [];

  return (
    <>
      <Link to="/m/orders/new" className={o.newBtn}>
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <path d="M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z" fill="currentColor" />
        </svg>
        我要点单
      </Link>
      {isVolunteer ? (
        <Link to="/m/tasks" className={o.taskLink}>
          <span>我是志愿者：去接单</span>
          <span aria-hidden="true" className={styles.chevron}>
            ›
          </span>
        </Link>
      ) : null}

      <h2 className={styles.sectionTitle}>
        我的点单
        {orders.data ? <small>共 {orders.data.total} 张</small> : null}
      </h2>
      {orders.isPending ? (
        <p className={styles.empty} role="status">
          正在加载…
        </p>
      ) : orders.error ? (
        <div className={styles.errorBox} role="alert">
          加载失败：{orders.error.message}
          <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void orders.refetch()}>
            重新加载
          </button>
        </div>
      ) : list.length === 0 ? (
        <p className={styles.empty}>您还没有点过单。点上面的「我要点单」试试吧。</p>
      ) : (
        <ul className={styles.list}>
          {list.map((x) => (
            <li key={x.id}>
              <Link to={`/m/orders/${x.id}`} className={styles.item}>
                <span className={styles.itemHead}>
                  <span className={styles.itemTitle}>{x.title}</span>
                  <StatusBadge status={x.status} />
                </span>
                <span className={o.meta} style={{ display: 'block' }}>
                  {shortTime(x.createdAt)} · {x.unitName}
                  {x.volunteer ? ` · 志愿者 ${x.volunteer.name}` : ''}
                </span>
                {x.allowedActions.includes('rate') ? (
                  <span className={o.meta} style={{ display: 'block', color: '#a8071a', fontWeight: 700 }}>
                    服务已完成，请评价 ›
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {orders.hasNextPage ? (
        <button
          type="button"
          className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}
          disabled={orders.isFetchingNextPage}
          onClick={() => void orders.fetchNextPage()}
        >
          {orders.isFetchingNextPage ? '正在加载…' : `加载更多（还有 ${(orders.data?.total ?? 0) - list.length} 张）`}
        </button>
      ) : null}
    </>
  );
}
