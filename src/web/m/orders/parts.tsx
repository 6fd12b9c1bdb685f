import { addDays, chinaDay, chinaWallClock, chinaWeekdayHour, fromChinaWallClock } from '../../../shared/china-time';
import { formatDateTime } from '../../lib/format';
import { eventLabel, eventNote, type OrderEventView, type OrderView, photoUrl, type UploadedPhoto, uploadPhoto } from '../../lib/queries/orders';
import { type PhotoPickerProps, PhotoPicker as SharedPhotoPicker } from '../components/photo-picker';
import styles from '../mobile.module.css';
import o from './orders.module.css';

/** Shared bits of the phone order pages. No antd, no zod: type imports only. */

export { StatusBadge } from './status-badge';

/** `11-28 21:44` in China time. */
export const shortTime = (iso: string | null | undefined) => (iso ? formatDateTime(iso).slice(5, 16) : '');

// ---------- the step indicator ----------

const STEPS = ['点单', '审单', '派单', '接单', '服务', '评价'] as const;

/** How many steps are done for a status (the next one is the current step). */
function stepsDone(status: OrderView['status']): number {
  switch (status) {
    case 'submitted':
      return 1;
    case 'reviewing':
      return 1;
    case 'dispatched':
      return 3;
    case 'accepted':
      return 4;
    case 'in_service':
      return 4;
    case 'completed':
      return 5;
    case 'rated':
    case 'closed':
      return 6;
    case 'rejected':
    case 'cancelled':
      return 0;
  }
}

/** 点单 → 审单 → 派单 → 接单 → 服务 → 评价, big enough to read at arm's length. */
export function OrderSteps({ status }: { status: OrderView['status'] }) {
  const done = stepsDone(status);
  const stopped = status === 'rejected' || status === 'cancelled';
  return (
    <ol className={`${o.steps} ${stopped ? o.stepsStopped : ''}`} aria-label="办理进度">
      {STEPS.map((name, i) => {
        const isDone = i < done;
        const isNow = !stopped && i === done;
        return (
          <li key={name} className={`${o.stepItem} ${isDone ? o.stepDone : ''} ${isNow ? o.stepNow : ''}`} aria-current={isNow ? 'step' : undefined}>
            <span className={o.stepDot} aria-hidden="true">
              {isDone ? '✓' : i + 1}
            </span>
            <span>
              {name}
              <span className="sr-only">{isDone ? '（已完成）' : isNow ? '（进行中）' : '（未开始）'}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

// ---------- history ----------

/** What happened, newest first (as parcel tracking shows it). */
export function OrderHistory({ events, forRequester = false }: { events: OrderEventView[]; forRequester?: boolean }) {
  // A volunteer's 婉拒 is between them and the station; the resident only sees progress.
  const shown = events.filter((e) => !(forRequester && e.action === 'decline'));
  if (!shown.length) return <p className={`${styles.text} ${styles.muted}`}>暂无记录</p>;
  return (
    <ol className={o.history}>
      {[...shown].reverse().map((e) => (
        <li key={`${e.at}-${e.action}-${e.note ?? ''}`}>
          <span className={o.historyWhat}>{eventLabel(e.action)}</span>
          {e.actorName ? <span> · {e.actorName}</span> : null}
          <span className={o.historyWhen}>{formatDateTime(e.at).slice(0, 16)}</span>
          {eventNote(e) ? <span className={o.historyNote}>{eventNote(e)}</span> : null}
        </li>
      ))}
    </ol>
  );
}

// ---------- stars ----------

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

function StarIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" fill="currentColor" />
    </svg>
  );
}

/** Five big star buttons (≥ 60 px in 长辈版), each a toggle a screen reader names. */
export function StarPicker({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <>
      <fieldset className={o.stars}>
        <legend className="sr-only">评价星级</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className={`${o.star} ${n <= value ? o.starOn : ''}`}
            aria-pressed={n === value}
            aria-label={`${n} 星：${STAR_WORDS[n]}`}
            onClick={() => onChange(n)}
          >
            <StarIcon />
          </button>
        ))}
      </fieldset>
      <p className={o.starWords} aria-live="polite">
        {value ? `${value} 星 · ${STAR_WORDS[value]}` : '请点星星打分'}
      </p>
    </>
  );
}

export function StarsShown({ value }: { value: number }) {
  return (
    <span role="img" aria-label={`${value} 星`} style={{ color: '#d48806', letterSpacing: 2 }}>
      {'★'.repeat(value)}
      <span style={{ color: '#b8bec7' }}>{'★'.repeat(5 - value)}</span>
    </span>
  );
}

// ---------- photos ----------

/** Pick photos for an order: uploaded through the orders' calls. */
export function PhotoPicker(props: PhotoPickerProps<UploadedPhoto>) {
  return <SharedPhotoPicker {...props} upload={uploadPhoto} urlOf={photoUrl} />;
}

// ---------- preferred time ----------

export type When = 'asap' | 'today' | 'am' | 'pm' | 'pick';

/** The hour in China now. */
const chinaHour = (now: number) => chinaWeekdayHour(new Date(now)).hour;

/** `hour`:00 China time, `dayOffset` days from today there, with its +08:00 offset. */
function chinaAt(dayOffset: number, hour: number, now = Date.now()): string {
  return fromChinaWallClock(`${addDays(chinaDay(new Date(now)), dayOffset)}T${String(hour).padStart(2, '0')}:00`);
}

/** 今天 is only offered while there is still a working day left. */
export function canToday(now = Date.now()): boolean {
  return chinaHour(now) < 18;
}

/** The time sent for a choice: China time with its offset, so the server reads it the same everywhere. */
export function preferredAtFor(when: When, picked: string, now = Date.now()): string | undefined {
  switch (when) {
    case 'asap':
      return undefined;
    case 'today':
      return chinaAt(0, Math.min(20, Math.max(9, chinaHour(now) + 2)), now);
    case 'am':
      return chinaAt(1, 9, now);
    case 'pm':
      return chinaAt(1, 15, now);
    case 'pick':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(picked) ? fromChinaWallClock(picked) : undefined;
  }
}

/** `datetime-local`'s minimum: now, in China. */
export function pickMin(now = Date.now()): string {
  return chinaWallClock(new Date(now));
}

/** `11月29日 09:00` for the sentence under the time choices. */
export function whenText(iso: string): string {
  const f = formatDateTime(iso);
  return `${Number(f.slice(5, 7))}月${Number(f.slice(8, 10))}日 ${f.slice(11, 16)}`;
}
