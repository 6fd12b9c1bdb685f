import { useId, useState } from 'react';
import type { UploadedPhoto } from '../../lib/queries/orders';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';
import { PhotoPicker } from '../orders/parts';
import { FormError, TextareaField } from '../components/textarea-field';

export function DeclinePanel({ busy, onCancel, onSend }: { busy: boolean; onCancel: () => void; onSend: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <div className={o.sub}>
      <p className={o.freeNote}>婉拒不影响您的任何记录。</p>
      <div className={styles.field}>
        <label className={styles.label} htmlFor={id}>
          原因<span className={o.optional}>（可不填）</span>
        </label>
        <input id={id} className={styles.input} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} placeholder="例如：这几天不在家" />
      </div>
      <div className={o.btnRow}>
        <button type="button" className={styles.btn} disabled={busy} onClick={() => onSend(reason.trim())}>
          确认婉拒
        </button>
        <button type="button" className={`${styles.btn} ${styles.btnGhost}`} onClick={onCancel}>
          返回
        </button>
      </div>
    </div>
  );
}

export function NotePanel({ busy, onCancel, onSend }: { busy: boolean; onCancel: () => void; onSend: (note: string) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={o.sub}>
      <TextareaField label="进展情况" short value={note} maxLength={1000} onChange={setNote} placeholder="例如：已和居民约好周六上午上门" />
      <FormError error={error} />
      <div className={o.btnRow}>
        <button type="button" className={styles.btn} disabled={busy} onClick={() => (note.trim() ? onSend(note.trim()) : setError('请填写进展'))}>
          保存
        </button>
        <button type="button" className={`${styles.btn} ${styles.btnGhost}`} onClick={onCancel}>
          返回
        </button>
      </div>
    </div>
  );
}

export const HOUR_CHOICES = [0.5, 1, 1.5, 2, 3];

export function CompletePanel({
  busy,
  onCancel,
  onSend,
}: {
  busy: boolean;
  onCancel: () => void;
  onSend: (report: string, photos: string[], hours: number | null) => void;
}) {
  const [report, setReport] = useState('');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [hours, setHours] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = () => {
    if (!report.trim()) {
      setError('请写一下服务情况');
      return;
    }
    setError(null);
    onSend(
      report.trim(),
      photos.map((p) => p.id),
      hours,
    );
  };

  return (
    <div className={o.sub}>
      <TextareaField
        label="服务情况"
        value={report}
        maxLength={2000}
        onChange={setReport}
        placeholder="做了什么、居民的情况，还需要什么帮助"
        hint="打字不方便？可以用输入法的语音输入。"
        invalid={!!error}
      />
      <p className={styles.label} style={{ margin: '14px 0 8px' }}>
        现场照片<span className={o.optional}>（建议上传 1–3 张）</span>
      </p>
      <PhotoPicker photos={photos} onChange={setPhotos} label="拍照 / 选照片" />
      <fieldset className={o.chips} style={{ marginTop: 14 }}>
        <legend className={styles.label} style={{ marginBottom: 8 }}>
          实际服务时长（不含路上时间）
        </legend>
        {HOUR_CHOICES.map((h) => (
          <button key={h} type="button" className={o.chip} aria-pressed={hours === h} onClick={() => setHours(hours === h ? null : h)}>
            {h} 小时
          </button>
        ))}
      </fieldset>
      <span className={styles.hint} style={{ marginTop: 6 }}>
        不选按服务项目的标准时长计。
      </span>
      <FormError error={error} />
      <div className={o.btnRow}>
        <button type="button" className={styles.btn} disabled={busy} onClick={send}>
          {busy ? '正在提交…' : '提交结项'}
        </button>
        <button type="button" className={`${styles.btn} ${styles.btnGhost}`} onClick={onCancel}>
          返回
        </button>
      </div>
    </div>
  );
}
