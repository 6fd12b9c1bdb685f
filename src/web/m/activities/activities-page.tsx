import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { chinaToday, timeRange } from '../../../shared/china-time';
import { type ActivityView, useActivities, useIssueIcalToken, useRevokeIcalToken } from '../../lib/queries/activities';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import a from './activities.module.css';
import ui from '../mobile.module.css';
import { ClockIcon, MySignupBadge, PinIcon, placeOf, stateText } from './parts';

/** `/m/activities`: what is coming up in the person's institute, and what they signed up for. */
export default function ActivitiesPage() {
  useTitle('活动');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === '1';
  const me = session.data;
  const upcoming = useActivities({ from: chinaToday(), pageSize: 100 }, !!me && !mine);
  const my = useActivities({ mine: true, pageSize: 200 }, !!me && mine);
  const query = mine ? my : upcoming;

  const list = useMemo(() => {
    const now = Date.now();
    const items = query.data?.items ?? [];
    if (!mine) return items.filter((x) => x.status !== 'cancelled' && Date.parse(x.endsAt) > now);
    // Mine: what is still ahead first (soonest first), then the past (latest first).
    const ahead = items.filter((x) => Date.parse(x.endsAt) > now).sort((p, q) => Date.parse(p.startsAt) - Date.parse(q.startsAt));
    const past = items.filter((x) => Date.parse(x.endsAt) <= now).sort((p, q) => Date.parse(q.startsAt) - Date.parse(p.startsAt));
    return [...ahead, ...past];
  }, [query.data, mine]);

  if (session.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }
  if (!me) {
    return (
      <section className={styles.card} aria-label="登录后查看活动">
        <p className={styles.hello}>身边的志愿服务活动</p>
        <p className={`${styles.text} ${styles.muted}`}>登录后可以查看所在街道的文明实践活动，报名参加志愿服务，到现场扫码签到。</p>
        <Link to="/login?next=/m/activities" className={`${styles.btn} ${styles.btnBlock}`}>
          登录
        </Link>
        <Link to="/m/register" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          注册成为志愿者
        </Link>
        <Link to="/activities" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          不登录，先看活动日历
        </Link>
      </section>
    );
  }

  const setMine = (on: boolean) => setParams(on ? { mine: '1' } : {}, { replace: true });

  return (
    <>
      <fieldset className={a.toggle}>
        <legend className="sr-only">显示哪些活动</legend>
        <button type="button" aria-pressed={!mine} onClick={() => setMine(false)}>
          近期活动
        </button>
        <button type="button" aria-pressed={mine} onClick={() => setMine(true)}>
          我的报名
        </button>
      </fieldset>
      {query.isPending ? (
        <p className={styles.empty} role="status">
          正在加载活动…
        </p>
      ) : query.error ? (
        <div className={styles.errorBox} role="alert">
          活动加载失败：{query.error.message}
          <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void query.refetch()}>
            重新加载
          </button>
        </div>
      ) : list.length === 0 ? (
        <p className={styles.empty}>{mine ? '您还没有报名活动。在「近期活动」里挑一个参加吧。' : '近期没有可报名的活动，过几天再来看看。'}</p>
      ) : (
        <>
          <h2 className="sr-only">{mine ? '我报名的活动' : '近期活动'}</h2>
          <ul className={ui.list}>
            {list.map((x) => (
              <ActivityCard key={x.id} activity={x} />
            ))}
          </ul>
        </>
      )}
      {mine ? <CalendarFeed /> : null}
    </>
  );
}

function ActivityCard({ activity: x }: { activity: ActivityView }) {
  const state = stateText(x);
  const past = state.text === '活动已结束' || state.text === '活动已取消';
  return (
    <li>
      <Link to={`/m/activities/${x.id}`} className={`${ui.item} ${past ? a.itemPast : ''}`}>
        <h3 className={a.itemTitle}>{x.title}</h3>
        <p className={a.meta}>
          <ClockIcon />
          <span>{timeRange(x.startsAt, x.endsAt)}</span>
        </p>
        <p className={a.meta}>
          <PinIcon />
          <span>{placeOf(x)}</span>
        </p>
        <p className={`${a.meta} ${a.unit}`}>{x.unitName.replace(/新时代文明实践(站|所)$/, '实践$1')}</p>
        <div className={a.foot}>
          <MySignupBadge signup={x.mySignup} />
          {x.type !== 'service' ? <span className={`${a.badge} ${a.badgeGrey}`}>不计志愿服务时长</span> : null}
          <span className={state.tone === 'open' ? a.places : state.tone === 'full' ? `${a.places} ${a.placesFull}` : a.placesClosed}>{state.text}</span>
        </div>
      </Link>
    </li>
  );
}

/** A private calendar link: the phone's calendar app shows the activities one signed up for. */
function CalendarFeed() {
  const issue = useIssueIcalToken();
  const revoke = useRevokeIcalToken();
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const get = () => {
    setError(null);
    setNote(null);
    issue.mutate(undefined, {
      onSuccess: (r) => setUrl(`${window.location.origin}${r.path}`),
      onError: (err) => setError(errorMessage(err)),
    });
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNote('已复制，请到日历应用中「添加订阅日历」粘贴');
    } catch {
      setNote('无法自动复制，请长按链接手动复制');
    }
  };
  const drop = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        setNote('订阅链接已作废，已订阅的日历将不再更新');
      },
      onError: (err) => setError(errorMessage(err)),
    });

  return (
    <section className={styles.card} style={{ marginTop: 'var(--gap)' }} aria-labelledby="feed-title">
      <h2 id="feed-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
        日历订阅
      </h2>
      <p className={`${styles.text} ${styles.muted}`} style={{ marginTop: 0 }}>
        把报名的活动自动加入手机日历。链接是您专属的，请不要发给别人；重新获取会让旧链接失效。
      </p>
      {error ? (
        <div className={styles.errorBox} role="alert">
          {error}
        </div>
      ) : null}
      {note ? (
        <p className={ui.ok} role="status">
          {note}
        </p>
      ) : null}
      {url ? (
        <>
          <div className={a.copyRow}>
            <input className={styles.input} value={url} readOnly aria-label="我的日历订阅链接" onFocus={(e) => e.currentTarget.select()} />
          </div>
          <div className={a.copyRow}>
            <button type="button" className={styles.btn} onClick={() => void copy()} style={{ flex: 1 }}>
              复制链接
            </button>
            <button type="button" className={`${styles.btn} ${ui.btnDanger}`} onClick={drop} disabled={revoke.isPending} style={{ flex: 1 }}>
              作废
            </button>
          </div>
        </>
      ) : (
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={get} disabled={issue.isPending}>
          {issue.isPending ? '正在获取…' : '获取日历订阅链接'}
        </button>
      )}
    </section>
  );
}
