import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Loading, SignInFirst } from '../components/sign-in-first';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';
import { fileUrl, type UploadedPhoto, uploadPhoto, type WorkUnit, workUnitsOf } from './station-api';
import s from './station.module.css';
import { daysLate } from './work-units';

/** `期限 2026-11-21 · 已逾期 8 天` in red, or `还有 3 天` / `今天到期`: words, not colour alone. */
export function DueLine({ deadline, overdue, closed, label = '期限' }: { deadline: string; overdue: boolean; closed?: boolean; label?: string }) {
  const late = daysLate(deadline);
  const left = -late;
  return (
    <p className={overdue ? `${s.due} ${s.dueLate}` : s.due}>
      {label} {deadline}
      {closed ? null : overdue ? (
        <strong> · 已逾期 {late} 天</strong>
      ) : left === 0 ? (
        <strong> · 今天到期</strong>
      ) : left > 0 && left <= 7 ? (
        ` · 还有 ${left} 天`
      ) : null}
    </p>
  );
}

/**
 * The staff-only frame of `/m/station/*`: signed in, with a grant that sees 议定事项 and 工作任务.
 * Everyone else is told what the page is for and where to go; nobody is bounced.
 */
export function StaffGate({ next, children }: { next: string; children: (units: WorkUnit[]) => ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!session.data)
    return <SignInFirst title="请先登录" text="手机工作台供实践所、实践站工作人员使用，登录后查看本站的议定事项、工作任务和今日活动。" next={next} />;
  const units = workUnitsOf(session.data);
  if (units.length === 0) {
    return (
      <section className={styles.card}>
        <p className={styles.hello}>手机工作台</p>
        <p className={`${styles.text} ${styles.muted}`}>手机工作台供实践所、实践站的管理人员使用。您的账号没有这样的岗位，如有疑问请联系实践所管理员。</p>
        <Link to="/m" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          返回首页
        </Link>
      </section>
    );
  }
  return <>{children(units)}</>;
}

/**
 * The text of a note being written, kept in this tab (sessionStorage, per account and record) until
 * it is saved: a staff session ends after 30 idle minutes (等保), and a note typed slowly on site
 * must survive signing in again. Closing the tab forgets it.
 */
export function useDraft(key: string): [string, (v: string) => void] {
  const session = useSession();
  const slot = `shijian.draft.${session.data?.account.id ?? 'anon'}.${key}`;
  const [value, setValue] = useState(() => {
    try {
      return window.sessionStorage.getItem(slot) ?? '';
    } catch {
      return '';
    }
  });
  const set = (v: string) => {
    setValue(v);
    try {
      if (v) window.sessionStorage.setItem(slot, v);
      else window.sessionStorage.removeItem(slot);
    } catch {
      // No storage (private mode): the text lives only in the page, as before.
    }
  };
  return [value, set];
}

/** A failed load: what went wrong and a button to try again. */
export function LoadError({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  return (
    <div className={styles.errorBox} role="alert">
      {what}加载失败：{errorMessage(error)}
      <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={retry}>
        重新加载
      </button>
    </div>
  );
}

const OK_NAME = /\.(jpe?g|png)$/i;
const MAX_BYTES = 10 * 1024 * 1024;

/** 拍照 / 选照片: JPG or PNG up to 10 MB, uploaded as soon as picked, shown as thumbnails that can be removed. */
export function PhotoPicker({ photos, onChange, max = 3 }: { photos: UploadedPhoto[]; onChange: (p: UploadedPhoto[]) => void; max?: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const pick = async (files: FileList | null) => {
    setError(null);
    const list = [...(files ?? [])].slice(0, max - photos.length);
    if (!list.length) return;
    setBusy(true);
    const added: UploadedPhoto[] = [];
    for (const f of list) {
      if (!OK_NAME.test(f.name)) {
        setError('只能上传 JPG 或 PNG 照片');
        continue;
      }
      if (f.size > MAX_BYTES) {
        setError('照片超过 10 MB，请换一张');
        continue;
      }
      try {
        added.push(await uploadPhoto(f));
      } catch (err) {
        setError(`照片上传失败：${errorMessage(err)}`);
      }
    }
    setBusy(false);
    if (added.length) onChange([...photos, ...added]);
  };

  return (
    <div>
      <ul className={o.photos} aria-label="已添加的照片">
        {photos.map((p, i) => (
          <li key={p.id} className={o.photo}>
            <img src={fileUrl(p.id)} alt={`照片 ${i + 1}`} />
            <button type="button" className={o.photoRemove} aria-label={`删除照片 ${i + 1}`} onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>
              ×
            </button>
          </li>
        ))}
        {photos.length < max ? (
          <li>
            <label className={o.addPhoto} htmlFor={id}>
              <svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true" focusable="false">
                <path
                  d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
                  fill="currentColor"
                />
              </svg>
              {busy ? '上传中…' : '拍照 / 选照片'}
              <input
                id={id}
                type="file"
                accept="image/jpeg,image/png"
                multiple={max - photos.length > 1}
                disabled={busy}
                onChange={(e) => {
                  void pick(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
          </li>
        ) : null}
      </ul>
      {error ? (
        <p className={styles.fieldError} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Status choices as big pressable chips (one may be picked, or none: the status stays). */
export function StatusChips<K extends string>({
  legend,
  choices,
  labels,
  value,
  onChange,
}: {
  legend: string;
  choices: readonly K[];
  labels: Record<K, string>;
  value: K | null;
  onChange: (v: K | null) => void;
}) {
  if (choices.length === 0) return null;
  return (
    <fieldset className={o.chips}>
      <legend className={styles.label} style={{ marginBottom: 8 }}>
        {legend}
        <span className={o.optional}>（可不选）</span>
      </legend>
      {choices.map((c) => (
        <button key={c} type="button" className={o.chip} aria-pressed={value === c} onClick={() => onChange(value === c ? null : c)}>
          {labels[c]}
        </button>
      ))}
    </fieldset>
  );
}
