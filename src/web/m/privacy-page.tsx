import { type FormEvent, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { DELETION_EXPLANATION, PRIVACY_STATUS_LABELS } from '../../shared/privacy-labels';
import { errorMessage } from '../lib/api';
import { MY_DATA_URL, type PrivacyRequest, useMyPrivacyRequests, useRequestDeletion } from '../lib/queries/privacy';
import { useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import styles from './mobile.module.css';

const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

function RequestStatus({ r }: { r: PrivacyRequest }) {
  return (
    <li className={styles.text}>
      <span className={r.status === 'open' ? styles.badge : `${styles.badge} ${styles.badgeGrey}`}>{PRIVACY_STATUS_LABELS[r.status]}</span> {day(r.requestedAt)}{' '}
      提出，由{r.unitName}处理
      {r.decidedAt ? `；${day(r.decidedAt)} ${r.decidedBy ?? ''} 处理` : ''}
      {r.decisionReason ? `。说明：${r.decisionReason}` : ''}
    </li>
  );
}

/** 我的个人信息 on the phone: download everything held about me (PIPL 45), ask for deletion (PIPL 47) and see the result. */
export default function PrivacyPage() {
  useTitle('我的个人信息');
  const session = useSession();
  const mine = useMyPrivacyRequests(Boolean(session.data));
  const ask = useRequestDeletion();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);

  if (session.isPending) return <p className={styles.empty}>正在加载…</p>;
  if (!session.data) return <Navigate to="/login?next=/m/privacy" replace />;

  const items = mine.data?.items ?? [];
  const open = items.some((r) => r.status === 'open');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate(reason.trim(), { onSuccess: () => setConfirming(false) });
  };

  return (
    <>
      <section className={styles.card} aria-labelledby="privacy-download">
        <h2 id="privacy-download" className={styles.sectionTitle}>
          下载我的数据
        </h2>
        <p className={`${styles.text} ${styles.muted}`}>
          一个文件包含本平台保存的关于您的全部信息：个人信息（含完整证件号码）、志愿者登记、队伍、服务时长、星级、积分、表彰、活动报名和订单。每次下载都会记录。
        </p>
        <a className={`${styles.btn} ${styles.btnBlock}`} href={MY_DATA_URL} download>
          下载我的数据
        </a>
      </section>

      <section className={styles.card} aria-labelledby="privacy-delete">
        <h2 id="privacy-delete" className={styles.sectionTitle}>
          申请删除我的信息
        </h2>
        {DELETION_EXPLANATION.map((p) => (
          <p key={p} className={`${styles.text} ${styles.muted}`}>
            {p}
          </p>
        ))}
        {items.length ? (
          <ul aria-label="我的删除申请" style={{ paddingInlineStart: 0, listStyle: 'none' }}>
            {items.map((r) => (
              <RequestStatus key={r.id} r={r} />
            ))}
          </ul>
        ) : null}
        {open ? (
          <p className={styles.notice} role="status">
            您的申请正在处理，处理后会在这里显示结果。
          </p>
        ) : confirming ? (
          <form className={styles.form} onSubmit={submit}>
            <label className={styles.label} htmlFor="privacy-reason">
              理由（可不填）
            </label>
            <input id="privacy-reason" className={styles.input} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
            {ask.error ? (
              <p className={styles.errorBox} role="alert">
                {errorMessage(ask.error)}
              </p>
            ) : null}
            <button type="submit" className={`${styles.btn} ${styles.btnBlock}`} disabled={ask.isPending}>
              {ask.isPending ? '正在提交…' : '确认申请删除'}
            </button>
            <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => setConfirming(false)}>
              取消
            </button>
          </form>
        ) : (
          <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => setConfirming(true)}>
            申请删除我的信息
          </button>
        )}
      </section>
      <Link to="/m/me" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
        返回我的
      </Link>
    </>
  );
}
