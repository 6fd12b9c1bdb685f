import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ResponseOf } from '../../shared/endpoint';
// Types only: the portal must stay free of zod (see shared/routes.ts).
import type * as recognition from '../../shared/recognition.endpoints';
import { routes } from '../../shared/routes';
import { callRoute } from '../lib/api';
import { PRODUCT_NAME, useTitle } from '../lib/title';
import h from './honours.module.css';
import { PortalHeader } from './portal-header';
import styles from './portal.module.css';

type Honour = ResponseOf<typeof recognition.publicHonours>['items'][number];

/**
 * 光荣榜 (no login): standing awards of teams, and of volunteers who agreed to be listed (masked
 * as 张*明 unless they chose their full name). `?number=` checks one certificate's number (the QR).
 */
export default function HonoursBoardPage() {
  useTitle('光荣榜');
  const [params] = useSearchParams();
  const number = (params.get('number') ?? '').trim().toUpperCase();
  const thisYear = new Date().getFullYear();
  const years = [thisYear, thisYear - 1, thisYear - 2].map(String);
  const [year, setYear] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['public', 'honours', year, number],
    queryFn: () =>
      callRoute<typeof recognition.publicHonours>(routes.listPublicHonours, {
        query: { pageSize: 200, ...(year ? { year } : {}), ...(number ? { number } : {}) },
        options: { quietAuth: true },
      }),
  });

  return (
    <div className={styles.page}>
      <PortalHeader />
      <main id="content" className={h.main}>
        <h1 className={h.title}>光荣榜</h1>
        <p className={h.lead}>向获得表彰的志愿者和志愿服务队伍致敬。志愿者本人同意后才在此公开。</p>
        {number ? <Check number={number} found={list.data ? list.data.total > 0 : undefined} /> : null}
        {number ? null : (
          <ul className={h.years} aria-label="按年度查看">
            {[null, ...years].map((y) => (
              <li key={y ?? 'all'}>
                <button type="button" aria-pressed={year === y} onClick={() => setYear(y)}>
                  {y ? `${y} 年` : '全部'}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Board state={list} />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}

function Check({ number, found }: { number: string; found: boolean | undefined }) {
  if (found === undefined) return null;
  return (
    <p className={found ? h.check : `${h.check} ${h.checkMissing}`} role="status">
      {found ? `荣誉证书 ${number} 真实有效。` : `没有找到编号为 ${number} 的有效荣誉证书（可能编号有误或已撤销）。`}
    </p>
  );
}

function Board({ state }: { state: { isPending: boolean; error: Error | null; data?: { items: Honour[]; total: number }; refetch: () => unknown } }) {
  if (state.isPending) {
    return (
      <p className={styles.state} role="status">
        正在加载光荣榜…
      </p>
    );
  }
  if (state.error || !state.data) {
    return (
      <div className={styles.state} role="alert">
        <p>光荣榜加载失败：{state.error?.message ?? '请稍后重试'}</p>
        <button type="button" className={styles.retry} onClick={() => void state.refetch()}>
          重试
        </button>
      </div>
    );
  }
  if (state.data.items.length === 0) {
    return <p className={styles.state}>暂无公开的表彰。</p>;
  }
  return (
    <>
      <p className={styles.count}>共 {state.data.total} 项表彰</p>
      <ul className={styles.grid} aria-label="表彰">
        {state.data.items.map((i) => (
          <li key={i.number} className={styles.card}>
            <p className={h.award}>{i.title}</p>
            <h2 className={styles.cardTitle}>
              {i.name}
              <span className={h.kind}>{i.recipientKind === 'team' ? '队伍' : '志愿者'}</span>
            </h2>
            <p className={styles.cardMeta}>
              {i.level} · {i.grantedBy}
            </p>
            <p className={styles.cardMeta}>
              {i.awardedOn} · {i.unitName}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
