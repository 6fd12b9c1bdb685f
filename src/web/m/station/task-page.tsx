import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { TASK_STATUSES, type TaskStatus, taskMoves } from '../../../shared/rules/plan-flow';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/title';
import { FormError, TextareaField } from '../components/textarea-field';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';
import { DueLine, LoadError, PhotoPicker, StaffGate, StatusChips, useDraft } from './parts';
import { fileUrl, type TaskDetail, type UploadedPhoto, useAddTaskNote, useTask, type WorkUnit } from './station-api';
import s from './station.module.css';

/** `/m/station/tasks/:id`: one 工作任务 of the plan, its progress notes (newest first) and 记录进展 with photos. */
export default function TaskPage() {
  useTitle('工作任务');
  const { id = '' } = useParams();
  return <StaffGate next={`/m/station/tasks/${id}`}>{(units) => <TaskView id={id} units={units} />}</StaffGate>;
}

function TaskView({ id, units }: { id: string; units: WorkUnit[] }) {
  const t = useTask(id);
  const [saved, setSaved] = useState(false);
  const back = (
    <Link to="/m/station#tasks" className={styles.back}>
      ‹ 返回手机工作台
    </Link>
  );
  if (t.isPending) {
    return (
      <>
        {back}
        <p className={styles.empty} role="status">
          正在加载工作任务…
        </p>
      </>
    );
  }
  if (t.error) {
    const missing = t.error instanceof ApiError && t.error.status === 404;
    return (
      <>
        {back}
        {missing ? (
          <p className={styles.empty}>没有找到这项工作任务，可能不属于您的单位。</p>
        ) : (
          <LoadError what="工作任务" error={t.error} retry={() => void t.refetch()} />
        )}
      </>
    );
  }
  const d = t.data;
  const canWrite = units.some((u) => u.canWrite);
  return (
    <>
      {back}
      {saved ? (
        <p className={styles.ok} role="status">
          已记录进展。
        </p>
      ) : null}
      <Summary d={d} />
      {d.status === 'done' ? (
        <p className={styles.notice}>这项任务已完成，不再追加进展。</p>
      ) : canWrite ? (
        <NoteForm detail={d} onSaved={() => setSaved(true)} />
      ) : null}
      <Notes d={d} />
    </>
  );
}

function Summary({ d }: { d: TaskDetail }) {
  return (
    <section className={d.overdue ? `${styles.card} ${s.entryLate}` : styles.card} style={{ borderInlineStart: d.overdue ? '5px solid #a8071a' : undefined }}>
      <div className={styles.itemHead}>
        <h2 className={styles.itemTitle}>{d.title}</h2>
        <span className={`${o.badge} ${d.status === 'done' ? o.toneGreen : d.status === 'in_progress' ? o.toneBlue : o.toneGrey}`}>
          {TASK_STATUSES[d.status]}
        </span>
      </div>
      <DueLine deadline={d.deadline} overdue={d.overdue} closed={d.status === 'done'} label="时限" />
      {d.detail ? <p className={o.desc}>{d.detail}</p> : null}
      <dl className={`${styles.facts} ${o.facts}`} style={{ marginTop: 10 }}>
        <dt>责任单位</dt>
        <dd>{d.unitName}</dd>
        <dt>责任人</dt>
        <dd>{d.leadName}</dd>
        <dt>方案条目</dt>
        <dd>{d.section}</dd>
        {d.doneAt ? (
          <>
            <dt>完成时间</dt>
            <dd>{formatDateTime(d.doneAt)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** A note's evidence: a photo shows as a thumbnail; anything else (a PDF) as a link. */
function Evidence({ id, n }: { id: string; n: number }) {
  const [notImage, setNotImage] = useState(false);
  return (
    <li>
      <a href={fileUrl(id)} target="_blank" rel="noreferrer" aria-label={`查看附件 ${n}`}>
        {notImage ? `附件 ${n}` : <img src={fileUrl(id)} alt={`附件 ${n}`} loading="lazy" onError={() => setNotImage(true)} />}
      </a>
    </li>
  );
}

function Notes({ d }: { d: TaskDetail }) {
  const notes = [...d.notes].reverse();
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title" className={styles.sectionTitle}>
        进展记录
        <small>{notes.length} 条</small>
      </h2>
      {notes.length === 0 ? (
        <p className={styles.empty}>还没有进展记录</p>
      ) : (
        <div className={styles.card}>
          <ol className={o.history} aria-label="进展记录，最新的在前">
            {notes.map((n) => (
              <li key={n.id}>
                <span className={o.historyWhat}>
                  {n.byName}
                  {n.statusTo ? `：${TASK_STATUSES[n.statusTo]}` : ''}
                </span>
                <span className={o.historyWhen}>{formatDateTime(n.at)}</span>
                <span className={o.historyNote}>{n.note}</span>
                {n.evidenceFileIds.length ? (
                  <ul className={s.photoLinks} aria-label="佐证照片">
                    {n.evidenceFileIds.map((f, i) => (
                      <Evidence key={f} id={f} n={i + 1} />
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function NoteForm({ detail, onSaved }: { detail: TaskDetail; onSaved: () => void }) {
  const save = useAddTaskNote(detail.id);
  const [note, setNote] = useDraft(`task.${detail.id}`);
  const [status, setStatus] = useState<TaskStatus | null>(null);
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);

  const send = () => {
    if (!note.trim()) {
      setError('请写一下进展情况');
      return;
    }
    setError(null);
    save.mutate(
      { note: note.trim(), evidenceFileIds: photos.map((p) => p.id), ...(status ? { status } : {}) },
      {
        onSuccess: () => {
          setNote('');
          setStatus(null);
          setPhotos([]);
          onSaved();
          window.scrollTo({ top: 0 });
        },
        onError: (err) => setError(err instanceof ApiError && err.fields?.length ? err.fields.map((f) => f.message).join('；') : errorMessage(err)),
      },
    );
  };

  return (
    <section className={styles.card} aria-labelledby="note-title">
      <h2 id="note-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
        记录进展
      </h2>
      <TextareaField
        label="进展情况"
        value={note}
        maxLength={1000}
        onChange={setNote}
        placeholder="例如：已完成制度上墙，拍照留存"
        hint="打字不方便？可以用输入法的语音输入。进展记录保存后不能修改。"
        invalid={!!error}
      />
      <p className={styles.label} style={{ margin: '14px 0 8px' }}>
        现场照片<span className={o.optional}>（可不传，最多 3 张）</span>
      </p>
      <PhotoPicker photos={photos} onChange={setPhotos} />
      <div style={{ marginTop: 14 }}>
        <StatusChips
          legend="同时改为"
          choices={taskMoves(detail.status).filter((m) => m !== 'not_started')}
          labels={TASK_STATUSES}
          value={status}
          onChange={setStatus}
        />
      </div>
      <FormError error={error} />
      <button type="button" className={`${styles.btn} ${styles.btnBlock}`} disabled={save.isPending} onClick={send}>
        {save.isPending ? '正在保存…' : '保存进展'}
      </button>
    </section>
  );
}
