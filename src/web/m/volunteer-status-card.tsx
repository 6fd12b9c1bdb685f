import { useEffect, useState } from 'react';
import type { VolunteerView } from '../../shared/volunteers';
import { errorMessage } from '../lib/api';
import { useRevealIdNumber } from '../lib/queries/volunteers';
import { VOLUNTEER_STATUSES } from '../lib/volunteer-labels';
import styles from './mobile.module.css';
import v from './volunteer.module.css';
import { STATUS_TONE } from './volunteer-parts';

export const REVEAL_SECONDS = 30;

export function StatusCard({ volunteer }: { volunteer: VolunteerView }) {
  const reveal = useRevealIdNumber();
  const [full, setFull] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  // The full number stays on screen for 30 seconds, then goes back to the masked one.
  useEffect(() => {
    if (!full) return;
    const id = window.setInterval(() => {
      setLeft((s) => {
        if (s <= 1) {
          setFull(null);
          return 0;
        }
        return s - 1;
      });
    }, 1000);
    return () => window.clearInterval(id);
  }, [full]);

  const show = () =>
    reveal.mutate(undefined, {
      onSuccess: (r) => {
        setFull(r.idNumber);
        setLeft(REVEAL_SECONDS);
      },
    });

  return (
    <section className={styles.card} aria-labelledby="status-title">
      <div className={v.statusRow}>
        <h2 id="status-title" className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
          {volunteer.name}
        </h2>
        <span className={`${v.tag} ${STATUS_TONE[volunteer.status]}`} data-testid="volunteer-status">
          {VOLUNTEER_STATUSES[volunteer.status]}
        </span>
      </div>
      {volunteer.status === 'reviewing' ? (
        <p className={styles.text}>您的注册已提交给 {volunteer.stationName}。工作人员审核通过后会生成志愿者编号，并在这里通知您。</p>
      ) : volunteer.status === 'rejected' ? (
        <p className={styles.text}>
          未通过的原因：{volunteer.statusReason ?? '未填写'}。如有疑问，请联系 {volunteer.stationName}。
        </p>
      ) : volunteer.status === 'suspended' || volunteer.status === 'exited' ? (
        <p className={styles.text}>
          {volunteer.statusReason ? `原因：${volunteer.statusReason}。` : ''}如需恢复，请联系 {volunteer.stationName}。
        </p>
      ) : null}
      <dl className={v.kv}>
        {volunteer.volunteerNo ? (
          <>
            <dt>志愿者编号</dt>
            <dd className={v.mono} style={{ fontWeight: 700 }}>
              {volunteer.volunteerNo}
            </dd>
          </>
        ) : null}
        <dt>所在实践站</dt>
        <dd>{volunteer.stationName}</dd>
        <dt>身份证号</dt>
        <dd>
          <span className={v.idRow}>
            <span className={v.mono} aria-live="polite">
              {full ?? volunteer.idNumberMasked ?? '—'}
            </span>
            {full ? (
              <button type="button" className={v.linkButton} onClick={() => setFull(null)}>
                隐藏
              </button>
            ) : volunteer.idNumberMasked ? (
              <button type="button" className={v.linkButton} onClick={show} disabled={reveal.isPending}>
                {reveal.isPending ? '正在获取…' : '查看完整号码'}
              </button>
            ) : null}
          </span>
          {full ? <span className={styles.hint}>{left} 秒后自动隐藏</span> : null}
          {reveal.error ? (
            <span className={styles.fieldError} role="alert">
              {errorMessage(reveal.error)}
            </span>
          ) : null}
        </dd>
        <dt>服务类别</dt>
        <dd>{volunteer.serviceCategories.join('、') || '—'}</dd>
      </dl>
    </section>
  );
}

// ---------------------------------------------------------------- hours and stars
