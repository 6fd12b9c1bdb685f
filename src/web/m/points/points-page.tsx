import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type * as points from '../../../shared/points.endpoints';
import { routes } from '../../../shared/routes';
import { POINT_KINDS } from '../../../shared/rules/points';
import { callRoute } from '../../lib/api';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import v from '../volunteer.module.css';
import p from './points.module.css';

const PAGE = 20;

/** 我的积分: balance, totals and every entry with its source, on the phone (no zod on this page). */
export default function MyPointsPage() {
  useTitle('我的积分');
  const [pages, setPages] = useState(1);
  const q = useQuery({
    queryKey: ['points', 'me', pages],
    queryFn: () => callRoute<typeof points.myPoints>(routes.myPoints, { query: { page: 1, pageSize: PAGE * pages } }),
    placeholderData: keepPreviousData,
  });
  if (q.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载积分…
      </p>
    );
  }
  if (q.error) {
    return (
      <div className={styles.errorBox} role="alert">
        积分加载失败：{q.error.message}
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void q.refetch()}>
          重新加载
        </button>
      </div>
    );
  }
  const s = q.data;
  return (
    <>
      <Link to="/m/volunteer" className={styles.back}>
        ‹ 我的志愿
      </Link>
      <h1 className={styles.sectionTitle}>我的积分</h1>
      <section className={styles.card} aria-label="积分余额">
        <dl className={v.numbers}>
          <div className={v.number}>
            <dt>当前余额</dt>
            <dd data-testid="points-balance">
              {s.totals.balance}
              <small>分</small>
            </dd>
          </div>
          <div className={`${v.number} ${v.numberPending}`}>
            <dt>累计获得</dt>
            <dd>
              {s.totals.issued}
              <small>分</small>
            </dd>
          </div>
        </dl>
        <p className={`${styles.text} ${styles.muted}`}>
          已兑换 {s.totals.spent} 分 · 已过期 {s.totals.expired} 分。服务时长经认定后自动计入积分（每小时按规则折算，不足 1 分不计）。
        </p>
      </section>
      <h2 className={styles.sectionTitle}>
        积分明细 <small>共 {s.entries.total} 条</small>
      </h2>
      {s.entries.items.length === 0 ? (
        <p className={styles.empty}>还没有积分记录。参加志愿服务、服务时长被认定后，这里会有记录。</p>
      ) : (
        <ul className={styles.list}>
          {s.entries.items.map((e) => (
            <li key={e.id} className={styles.item}>
              <div className={styles.itemHead}>
                <p className={p.kind}>{POINT_KINDS[e.kind]}</p>
                <p className={e.points < 0 ? p.minus : p.plus}>
                  {e.points > 0 ? '+' : ''}
                  {e.points}
                </p>
              </div>
              {e.reason ? <p className={styles.text}>{e.reason}</p> : null}
              <p className={`${styles.text} ${styles.muted}`}>
                {new Date(e.createdAt).toLocaleDateString('zh-CN')} · {e.link ? <Link to={e.link}>{e.sourceLabel}</Link> : e.sourceLabel}
                {e.expiresOn ? ` · ${e.expiresOn} 到期` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {s.entries.items.length < s.entries.total ? (
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} disabled={q.isFetching} onClick={() => setPages((n) => n + 1)}>
          {q.isFetching ? '正在加载…' : '加载更多'}
        </button>
      ) : null}
    </>
  );
}
