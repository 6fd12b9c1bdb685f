import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isClosedResolution, RESOLUTION_STATUSES, type ResolutionStatus, resolutionMoves } from '../../../shared/rules/meeting-flow';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/title';
import { FormError, TextareaField } from '../components/textarea-field';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';
import { DueLine, LoadError, StaffGate, StatusChips, useDraft } from './parts';
import { type ResolutionDetail, useFollowUp, useResolution, type WorkUnit } from './station-api';
import s from './station.module.css';

/** `/m/station/resolutions/:id`: one 议定事项, its follow-up notes (newest first) and 追加跟进. */
export default function ResolutionPage() {
  useTitle('议定事项');
  const { id = '' } = useParams();
  return <StaffGate next={`/m/station/resolutions/${id}`}>{(units) => <ResolutionView id={id} units={units} />}</StaffGate>;
}

function ResolutionView({ id, units }: { id: string; units: WorkUnit[] }) {
  const r = useResolution(id);
  const [saved, setSaved] = useState(false);
  const back = (
    <Link to="/m/station#resolutions" className={styles.back}>
      ‹ 返回手机工作台
    </Link>
  );
  if (r.isPending) {
    return (
      <>
        {back}
        <p className={styles.empty} role="status">
          正在加载议定事项…
        </p>
      </>
    );
  }
  if (r.error) {
    const missing = r.error instanceof ApiError && r.error.status === 404;
    return (
      <>
        {back}
        {missing ? (
          <p className={styles.empty}>没有找到这项议定事项，可能不属于您的单位。</p>
        ) : (
          <LoadError what="议定事项" error={r.error} retry={() => void r.refetch()} />
        )}
      </>
    );
  }
  const d = r.data;
  // The server decides (meetings.follow_up on the owner unit); the form shows for the admins who may.
  const canWrite = units.some((u) => u.canWrite);
  const closed = isClosedResolution(d.status);
  return (
    <>
      {back}
      {saved ? (
        <p className={styles.ok} role="status">
          已追加跟进记录。
        </p>
      ) : null}
      <Summary d={d} />
      {closed ? (
        <p className={styles.notice}>这项议定事项{RESOLUTION_STATUSES[d.status]}，不能再追加跟进。</p>
      ) : canWrite ? (
        <FollowUpForm detail={d} onSaved={() => setSaved(true)} />
      ) : null}
      <Notes d={d} />
    </>
  );
}

function Summary({ d }: { d: ResolutionDetail }) {
  return (
    <section className={d.overdue ? `${styles.card} ${s.entryLate}` : styles.card} style={{ borderInlineStart: d.overdue ? '5px solid #a8071a' : undefined }}>
      <div className={styles.itemHead}>
        <h2 className={styles.itemTitle}>{d.content}</h2>
        <span className={`${o.badge} ${d.status === 'done' ? o.toneGreen : d.status === 'in_progress' ? o.toneBlue : o.toneGrey}`}>
          {RESOLUTION_STATUSES[d.status]}
        </span>
      </div>
      <DueLine deadline={d.deadline} overdue={d.overdue} closed={isClosedResolution(d.status)} />
      <dl className={`${styles.facts} ${o.facts}`} style={{ marginTop: 10 }}>
        <dt>承办单位</dt>
        <dd>{d.ownerUnitName}</dd>
        <dt>来自会议</dt>
        <dd>
          {d.meetingTitle}（{d.meetingStartsAt.slice(0, 10)}）
        </dd>
        {d.cancelReason ? (
          <>
            <dt>取消原因</dt>
            <dd>{d.cancelReason}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Notes({ d }: { d: ResolutionDetail }) {
  const notes = [...d.notes].reverse();
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title" className={styles.sectionTitle}>
        跟进记录
        <small>{notes.length} 条</small>
      </h2>
      {notes.length === 0 ? (
        <p className={styles.empty}>还没有跟进记录</p>
      ) : (
        <div className={styles.card}>
          <ol className={o.history} aria-label="跟进记录，最新的在前">
            {notes.map((n) => (
              <li key={n.id}>
                <span className={o.historyWhat}>
                  {n.byName}
                  {n.statusTo ? `：${RESOLUTION_STATUSES[n.statusTo]}` : ''}
                </span>
                <span className={o.historyWhen}>{formatDateTime(n.at)}</span>
                <span className={o.historyNote}>{n.note}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function FollowUpForm({ detail, onSaved }: { detail: ResolutionDetail; onSaved: () => void }) {
  const save = useFollowUp(detail.id);
  const [note, setNote] = useDraft(`resolution.${detail.id}`);
  const [status, setStatus] = useState<ResolutionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The phone moves forward only: going back is rare, and cancelling needs a reason and is the institute's call at the desk.
  const moves = resolutionMoves(detail.status).filter((m) => m === 'in_progress' || m === 'done');

  const send = () => {
    if (!note.trim()) {
      setError('请写一下跟进情况');
      return;
    }
    setError(null);
    save.mutate(
      { note: note.trim(), ...(status ? { status } : {}) },
      {
        onSuccess: () => {
          setNote('');
          setStatus(null);
          onSaved();
          window.scrollTo({ top: 0 });
        },
        onError: (err) => setError(err instanceof ApiError && err.fields?.length ? err.fields.map((f) => f.message).join('；') : errorMessage(err)),
      },
    );
  };

  return (
    <section className={styles.card} aria-labelledby="follow-title">
      <h2 id="follow-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
        追加跟进
      </h2>
      <TextareaField
        label="跟进情况"
        value={note}
        maxLength={1000}
        onChange={setNote}
        placeholder="例如：已联系 12 名志愿者报名，周六开展首次服务"
        hint="打字不方便？可以用输入法的语音输入。跟进记录保存后不能修改。"
        invalid={!!error}
      />
      <div style={{ marginTop: 14 }}>
        <StatusChips legend="同时改为" choices={moves} labels={RESOLUTION_STATUSES} value={status} onChange={setStatus} />
      </div>
      <FormError error={error} />
      <button type="button" className={`${styles.btn} ${styles.btnBlock}`} disabled={save.isPending} onClick={send}>
        {save.isPending ? '正在保存…' : '保存跟进'}
      </button>
    </section>
  );
}
