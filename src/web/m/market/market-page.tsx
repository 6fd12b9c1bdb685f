// Types only: the phone pages must not pull zod into their chunks; the zod-free route table gives method and path.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type * as market from '../../../shared/market.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute, errorMessage } from '../../lib/api';
import { useElderMode } from '../../lib/elder';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import { Loading, SignInFirst } from '../components/sign-in-first';
import styles from '../mobile.module.css';
import { ReservationQr } from './reservation-qr';

const STATUS: Record<string, string> = { reserved: '待领取', collected: '已领取', cancelled: '已取消', expired: '已过期' };
const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const key = ['market', 'phone'] as const;

/** `/m/market` 爱心超市: my points, the goods with price and stock, reserve with a big button, my reservations with their code. */
export default function MobileMarketPage() {
  useTitle('爱心超市');
  const session = useSession();
  const [elder, setElder] = useElderMode();
  const client = useQueryClient();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const enabled = !!session.data;
  const me = useQuery({ queryKey: [...key, 'me'], enabled, retry: false, queryFn: () => callRoute<typeof market.viewMyMarket>(routes.viewMyMarket) });
  const goods = useQuery({
    queryKey: [...key, 'goods'],
    enabled: enabled && !!me.data,
    queryFn: () => callRoute<typeof market.listMarketGoods>(routes.listMarketGoods, { query: { activeOnly: 'true' } }),
  });
  const mine = useQuery({
    queryKey: [...key, 'mine'],
    enabled: enabled && !!me.data,
    queryFn: () => callRoute<typeof market.listMyMarketReservations>(routes.listMyMarketReservations, { query: { pageSize: 20 } }),
  });
  const done = (text: string) => {
    setNotice({ ok: true, text });
    void client.invalidateQueries({ queryKey: key });
  };
  const fail = (e: unknown) => setNotice({ ok: false, text: errorMessage(e) });
  const reserve = useMutation({
    mutationFn: (goodsId: string) => callRoute<typeof market.reserveMarketGoods>(routes.reserveMarketGoods, { body: { goodsId, quantity: 1 } }),
    onSuccess: (r) => done(`预约成功：${r.goodsName}，预约码 ${r.code}，请于 ${r.pickupOn} 起到${r.shopName}领取`),
    onError: fail,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => callRoute<typeof market.cancelMarketReservation>(routes.cancelMarketReservation, { params: { id }, body: {} }),
    onSuccess: () => done('已取消预约，积分已退回'),
    onError: fail,
  });

  if (session.isPending) return <Loading />;
  if (!session.data) return <SignInFirst title="爱心超市" text="志愿者登录后，可以用服务积分在爱心超市兑换生活用品。" next="/m/market" />;
  if (me.error) return <p className={styles.empty}>{errorMessage(me.error)}</p>;
  if (!me.data) return <Loading />;

  const shop = me.data.shops[0];
  const items = goods.data?.items ?? [];
  const reservations = mine.data?.items ?? [];
  return (
    <>
      <section className={styles.card} aria-label="我的积分">
        <p className={styles.hello}>我的积分：{me.data.balance}</p>
        {shop ? (
          <p className={`${styles.text} ${styles.muted}`}>
            {shop.name} · 开放日：{shop.openWeekdays.map((d) => WEEKDAYS[d]).join('、') || '另行通知'}
          </p>
        ) : (
          <p className={styles.text}>本实践所还没有开办爱心超市。</p>
        )}
        <button
          type="button"
          role="switch"
          aria-checked={elder}
          className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}
          onClick={() => setElder(!elder)}
        >
          长辈模式：{elder ? '已开启' : '未开启'}
        </button>
      </section>
      {notice ? (
        <p className={notice.ok ? styles.ok : styles.errorBox} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      ) : null}
      <h2 className={styles.sectionTitle}>可兑换物品</h2>
      {goods.isPending ? (
        <p className={styles.empty}>正在加载…</p>
      ) : items.length === 0 ? (
        <p className={styles.empty}>暂时没有可兑换的物品</p>
      ) : (
        <ul className={styles.list}>
          {items.map((g) => (
            <li key={g.id} className={styles.item}>
              <div className={styles.itemHead}>
                {g.photoFileId ? (
                  <img src={`/api/public/files/${g.photoFileId}`} alt={g.name} width={64} height={64} loading="lazy" className={styles.thumb} />
                ) : null}
                <span className={styles.itemTitle}>{g.name}</span>
                <span className={styles.badge}>{g.pricePoints} 积分</span>
              </div>
              <p className={`${styles.text} ${styles.muted}`}>
                库存 {g.onHand} {g.unitLabel}
                {g.monthlyLimit ? ` · 每月限兑 ${g.monthlyLimit} ${g.unitLabel}` : ''}
              </p>
              <button
                type="button"
                className={`${styles.btn} ${styles.btnBlock}`}
                disabled={reserve.isPending || g.onHand === 0 || me.data.balance < g.pricePoints}
                onClick={() => reserve.mutate(g.id)}
              >
                {g.onHand === 0 ? '已兑完' : me.data.balance < g.pricePoints ? '积分不足' : `兑换${g.name}`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2 className={styles.sectionTitle}>我的预约</h2>
      {reservations.length === 0 ? (
        <p className={styles.empty}>还没有兑换预约</p>
      ) : (
        <ul className={styles.list}>
          {reservations.map((r) => (
            <li key={r.id} className={styles.item}>
              <div className={styles.itemHead}>
                <span className={styles.itemTitle}>
                  {r.goodsName} × {r.quantity}
                </span>
                <span className={r.status === 'reserved' ? styles.badge : `${styles.badge} ${styles.badgeGrey}`}>{STATUS[r.status]}</span>
              </div>
              {r.status === 'reserved' ? (
                <>
                  <p className={styles.hello}>预约码 {r.code}</p>
                  <ReservationQr code={r.code} goodsName={r.goodsName} />
                  <p className={`${styles.text} ${styles.muted}`}>
                    {r.pickupOn} 起到{r.shopName}出示预约码领取，{r.expiresAt.slice(0, 10)} 前有效
                  </p>
                  <button
                    type="button"
                    className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}
                    disabled={cancel.isPending}
                    onClick={() => cancel.mutate(r.id)}
                  >
                    取消预约
                  </button>
                </>
              ) : (
                <p className={`${styles.text} ${styles.muted}`}>{r.points} 积分</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
