import { type FormEvent, useState } from 'react';
import type { ServiceRecordView } from '../../shared/hours';
import { errorMessage } from '../lib/api';
import { formatClock } from '../lib/format';
import { useCorrectionRequests, useMyHours, useRequestCorrection } from '../lib/queries/hours';
import { RECORD_SOURCES, RECORD_STATUSES } from '../lib/volunteer-labels';
import styles from './mobile.module.css';
import v from './volunteer.module.css';
import ui from './mobile.module.css';
import { RECORD_TONE, hoursText } from './volunteer-parts';

export function Records() {
  const [pageSize, setPageSize] = useState(10);
  const records = useMyHours({ page: 1, pageSize });
  const requests = useCorrectionRequests('open');
  const [asking, setAsking] = useState<string | null>(null);
  const openFor = new Set((requests.data ?? []).map((r) => r.recordId).filter(Boolean));
  const items = records.data?.items ?? [];
  const total = records.data?.total ?? 0;

  return (
    <section aria-labelledby="records-title">
      <h2 id="records-title" className={styles.sectionTitle}>
        我的服务记录 {records.data ? <small>{records.data.totalCapped ? `超过 ${total} 条` : `共 ${total} 条`}</small> : null}
      </h2>
      {records.isPending ? (
        <p className={styles.empty} role="status">
          正在加载服务记录…
        </p>
      ) : records.error ? (
        <div className={styles.errorBox} role="alert">
          服务记录加载失败：{records.error.message}
        </div>
      ) : items.length === 0 ? (
        <p className={styles.empty}>还没有服务记录。参加活动签到签退，或由实践站补录后，记录会出现在这里。</p>
      ) : (
        <ul className={ui.list}>
          {items.map((r) => (
            <li key={r.id} className={ui.item}>
              <div className={ui.itemHead}>
                <div>
                  <h3 className={v.itemTitle}>{r.title}</h3>
                  <p className={v.itemMeta}>
                    {r.serviceDate}
                    {r.startAt && r.endAt ? ` ${formatClock(r.startAt)}–${formatClock(r.endAt)}` : ''}
                    <br />
                    {r.organiserName}
                  </p>
                </div>
                <span className={v.itemHours}>{r.hours > 0 && r.source === 'correction' ? `+${hoursText(r.hours)}` : hoursText(r.hours)} 小时</span>
              </div>
              <div className={v.itemActions}>
                <span className={`${v.tag} ${RECORD_TONE[r.status]}`}>{RECORD_STATUSES[r.status]}</span>
                <span className={`${v.tag} ${v.tagBlue}`}>{RECORD_SOURCES[r.source]}</span>
                {r.flag === 'auto_closed' ? <span className={v.itemMeta}>未签退，按活动结束时间计</span> : null}
                {r.status === 'rejected' && r.decisionNote ? <span className={v.itemMeta}>原因：{r.decisionNote}</span> : null}
              </div>
              {openFor.has(r.id) ? (
                <p className={v.itemMeta}>已申请更正，等待实践站处理。</p>
              ) : asking === r.id ? (
                <CorrectionForm record={r} onDone={() => setAsking(null)} />
              ) : r.source !== 'correction' ? (
                <div className={v.itemActions}>
                  <button type="button" className={v.smallBtn} onClick={() => setAsking(r.id)} aria-label={`对「${r.title}」申请更正`}>
                    申请更正
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {items.length < total ? (
        <button
          type="button"
          className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}
          onClick={() => setPageSize((n) => Math.min(200, n + 10))}
          disabled={records.isFetching}
        >
          {records.isFetching ? '正在加载…' : '加载更多'}
        </button>
      ) : null}
    </section>
  );
}

export function CorrectionForm({ record, onDone }: { record: ServiceRecordView; onDone: () => void }) {
  const ask = useRequestCorrection();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `correction-${record.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) {
      setError('请说明哪里不对，例如：实际服务到 11:30，少记了半小时');
      return;
    }
    setError(null);
    ask.mutate({ recordId: record.id, message: message.trim() }, { onSuccess: onDone, onError: (err) => setError(errorMessage(err)) });
  };

  return (
    <form className={v.inlineForm} onSubmit={submit} noValidate>
      <label className={styles.label} htmlFor={id}>
        哪里不对？
      </label>
      <textarea
        id={id}
        className={v.textarea}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        maxLength={500}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <span id={`${id}-error`} className={styles.fieldError} role="alert">
          {error}
        </span>
      ) : null}
      <div className={v.itemActions}>
        <button type="submit" className={`${v.smallBtn} ${v.smallBtnSolid}`} disabled={ask.isPending}>
          {ask.isPending ? '正在提交…' : '提交更正申请'}
        </button>
        <button type="button" className={v.smallBtn} onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- teams
