import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Loading, SignInFirst } from '../components/sign-in-first';
import { type PhotoPickerProps, PhotoPicker as SharedPhotoPicker } from '../components/photo-picker';
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

/** 拍照 / 选照片 for a note: uploaded through the station page's own zod-free calls. */
export function PhotoPicker(props: PhotoPickerProps<UploadedPhoto>) {
  return <SharedPhotoPicker label="拍照 / 选照片" {...props} upload={uploadPhoto} urlOf={fileUrl} />;
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
