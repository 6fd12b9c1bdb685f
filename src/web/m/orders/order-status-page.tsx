import { useId, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../lib/api';
import { type OrderView, useOrder, useOrderAction } from '../../lib/queries/orders';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import o from './orders.module.css';
import { Loading, SignInFirst } from '../components/sign-in-first';
import { FormError, TextareaField } from '../components/textarea-field';
import { OrderHistory, OrderSteps, StarPicker, StarsShown, StatusBadge, shortTime } from './parts';

/** `/m/orders/:id`: where my order stands, its history, cancel before acceptance, and the rating. */
export default function OrderStatusPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const order = useOrder(id, !!session.data);
  useTitle(order.data ? `点单进度 ${order.data.number}` : '点单进度');

  if (session.isPending || (session.data && order.isPending)) return <Loading />;
  if (!session.data) return <SignInFirst next={`/m/orders/${id}`} />;
  if (order.error) {
    const missing = order.error instanceof ApiError && order.error.status === 404;
    return (
      <>
        <Link to="/m/orders" className={styles.back}>
          ‹ 我的点单
        </Link>
        <div className={styles.errorBox} role="alert">
          {missing ? '没有找到这张点单。' : `加载失败：${order.error.message}`}
        </div>
      </>
    );
  }
  return <Status order={order.data as OrderView} />;
}

/** One sentence for where the order is, in the resident's words. */
function nowText(x: OrderView): string {
  switch (x.status) {
    case 'submitted':
      return '已收到您的点单，实践站工作人员会打电话和您核实。';
    case 'reviewing':
      return '工作人员正在核实您的需求，核实后会安排志愿者。';
    case 'dispatched':
      return '已安排志愿者，正在等待志愿者接单。';
    case 'accepted':
      return `志愿者 ${x.volunteer?.name ?? ''} 已接单，会和您联系上门时间。`;
    case 'in_service':
      return `志愿者 ${x.volunteer?.name ?? ''} 正在为您服务。`;
    case 'completed':
      return '服务已完成，请为这次服务打个分。';
    case 'rated':
      return '谢谢您的评价！';
    case 'closed':
      return '这张点单已办结。谢谢您的参与！';
    case 'rejected':
      return `实践站没有受理这张点单${x.rejectReason ? `：${x.rejectReason}` : '。'}`;
    case 'cancelled':
      return `点单已取消${x.cancelReason ? `：${x.cancelReason}` : '。'}`;
  }
}

function Status({ order: x }: { order: OrderView }) {
  const location = useLocation();
  // The success line belongs to the moment of placing; once staff act on it, the steps say enough.
  const justPlaced = (location.state as { placed?: boolean } | null)?.placed === true && x.status === 'submitted';
  const canCancel = x.allowedActions.includes('cancel');
  const canRate = x.allowedActions.includes('rate');

  return (
    <>
      <Link to="/m/orders" className={styles.back}>
        ‹ 我的点单
      </Link>
      {justPlaced ? (
        <p className={styles.ok} role="status">
          点单成功！单号 {x.number}。实践站工作人员会打电话和您核实。
        </p>
      ) : null}
      <section className={styles.card} aria-labelledby="order-title">
        <div className={styles.itemHead}>
          <h2 id="order-title" className={styles.itemTitle}>
            {x.title}
          </h2>
          <StatusBadge status={x.status} />
        </div>
        <p className={o.meta}>
          单号 {x.number} · {x.unitName}
        </p>
        <OrderSteps status={x.status} />
        <p className={o.statusLine}>{nowText(x)}</p>
      </section>

      {canRate ? <RateForm order={x} /> : null}
      {x.rating !== null ? (
        <section className={styles.card} aria-label="我的评价">
          <p className={styles.text} style={{ marginTop: 0 }}>
            评价：
            <StarsShown value={x.rating} /> {x.rating} 星
          </p>
          {x.ratingComment ? <p className={styles.text}>“{x.ratingComment}”</p> : null}
        </section>
      ) : null}

      <section className={styles.card} aria-labelledby="order-facts">
        <h3 id="order-facts" className={styles.itemTitle} style={{ marginBottom: 10 }}>
          点单内容
        </h3>
        <dl className={`${styles.facts} ${o.facts}`}>
          <dt>服务</dt>
          <dd>{x.itemName ?? '其他需求'}</dd>
          <dt>需求</dt>
          <dd>{x.description}</dd>
          <dt>地址</dt>
          <dd>{x.address ?? '工作人员电话确认'}</dd>
          <dt>时间</dt>
          <dd>{x.preferredAt ? `${shortTime(x.preferredAt)} 前后` : '尽快'}</dd>
          <dt>点单</dt>
          <dd>{shortTime(x.createdAt)}</dd>
          {x.volunteer ? (
            <>
              <dt>志愿者</dt>
              <dd>{x.volunteer.name}</dd>
            </>
          ) : null}
          {x.completionReport ? (
            <>
              <dt>服务情况</dt>
              <dd>{x.completionReport}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {canCancel ? <CancelBox order={x} /> : null}

      <section className={styles.card} aria-labelledby="order-history">
        <h3 id="order-history" className={styles.itemTitle} style={{ marginBottom: 10 }}>
          办理记录
        </h3>
        <OrderHistory events={x.events} forRequester />
      </section>
    </>
  );
}

function RateForm({ order: x }: { order: OrderView }) {
  const act = useOrderAction();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  const send = () => {
    setError(null);
    if (!stars) {
      setError('请先点星星打分');
      return;
    }
    act.mutate(
      { id: x.id, input: { action: 'rate', rating: stars, ...(comment.trim() ? { comment: comment.trim() } : {}) } },
      { onError: (err) => setError(errorMessage(err)) },
    );
  };

  return (
    <section className={styles.card} aria-labelledby="rate-title">
      <h3 id="rate-title" className={styles.itemTitle}>
        为这次服务评价
      </h3>
      <p className={`${styles.text} ${styles.muted}`}>您的评价会告诉志愿者，也帮助实践站把服务做得更好。</p>
      <div style={{ marginTop: 12 }}>
        <StarPicker value={stars} onChange={setStars} />
      </div>
      <TextareaField
        label="想说的话"
        optional="可不写"
        short
        value={comment}
        maxLength={500}
        onChange={setComment}
        placeholder="例如：小王很细心，谢谢！"
        style={{ marginTop: 8 }}
      />
      <FormError error={error} />
      <button type="button" className={`${styles.btn} ${styles.btnBlock}`} onClick={send} disabled={act.isPending}>
        {act.isPending ? '正在提交…' : '提交评价'}
      </button>
    </section>
  );
}

const CANCEL_REASONS = ['问题已经解决了', '暂时不需要了', '点错了'];

function CancelBox({ order: x }: { order: OrderView }) {
  const act = useOrderAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  const otherId = useId();

  const send = () => {
    const text = reason === '其他' ? other.trim() : reason;
    if (!text) {
      setError('请选择或填写取消原因');
      return;
    }
    setError(null);
    act.mutate({ id: x.id, input: { action: 'cancel', reason: text } }, { onSuccess: () => setOpen(false), onError: (err) => setError(errorMessage(err)) });
  };

  if (!open) {
    return (
      <button
        type="button"
        className={`${styles.btn} ${styles.btnDanger} ${styles.btnBlock}`}
        style={{ marginTop: 0, marginBottom: 'var(--gap)' }}
        onClick={() => setOpen(true)}
      >
        取消点单
      </button>
    );
  }
  return (
    <section className={styles.card} aria-labelledby="cancel-title">
      <h3 id="cancel-title" className={styles.itemTitle}>
        取消点单
      </h3>
      <p className={`${styles.text} ${styles.muted}`}>志愿者接单前可以取消。为什么不需要了？</p>
      <fieldset className={o.chips} style={{ marginTop: 10 }}>
        <legend className="sr-only">取消原因</legend>
        {[...CANCEL_REASONS, '其他'].map((r) => (
          <button key={r} type="button" className={o.chip} aria-pressed={reason === r} onClick={() => setReason(r)}>
            {r}
          </button>
        ))}
      </fieldset>
      {reason === '其他' ? (
        <div className={styles.field} style={{ marginTop: 10 }}>
          <label className={styles.label} htmlFor={otherId}>
            取消原因
          </label>
          <input id={otherId} className={styles.input} value={other} maxLength={300} onChange={(e) => setOther(e.target.value)} />
        </div>
      ) : null}
      <FormError error={error} />
      <div className={o.btnRow}>
        <button type="button" className={`${styles.btn} ${styles.btnDanger}`} onClick={send} disabled={act.isPending}>
          {act.isPending ? '正在取消…' : '确定取消'}
        </button>
        <button type="button" className={`${styles.btn} ${styles.btnGhost}`} onClick={() => setOpen(false)}>
          不取消
        </button>
      </div>
    </section>
  );
}
