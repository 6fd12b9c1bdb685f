import { Link } from 'react-router-dom';
import type { SessionView } from '../../shared/accounts';
import { addDays, chinaToday, timeRange } from '../../shared/china-time';
import { STAR_NAMES } from '../../shared/rules/stars';
import { activityState, placeText, shortUnitName } from '../lib/activity-state';
import { formatDateTime, greeting } from '../lib/format';
import { useActivities } from '../lib/queries/activities';
import { useHoursAtAGlance, useLatestOrders, usePointsBalance, useTaskCounts } from '../lib/queries/home';
import { usePublicActivities } from '../lib/queries/public-activities';
import { usePublicSite } from '../lib/queries/public';
import { hasRole, useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import { MySignupBadge } from './activities/parts';
import { Loading } from './components/sign-in-first';
import h from './home.module.css';
import styles from './mobile.module.css';
import o from './orders/orders.module.css';
import { StatusBadge } from './orders/status-badge';

/**
 * `/m`: what each person came for. A resident orders first and follows their orders; a volunteer
 * sees their next activities, their tasks and their hours, stars and points; staff keep their
 * workbench; a visitor sees what is on this week. The station directory is one tap down.
 */
export default function HomePage() {
  useTitle('移动端首页');
  const session = useSession();
  const me = session.data;
  if (session.isPending) return <Loading />;
  if (!me) return <Visitor />;
  const volunteer = hasRole(me, 'volunteer', 'team_leader');
  return (
    <>
      <Greeting me={me} />
      {volunteer ? <VolunteerHome /> : me.isStaff ? null : <ResidentHome />}
      <StationsLink />
    </>
  );
}

function Greeting({ me }: { me: SessionView }) {
  return (
    <section className={styles.card} aria-label="问候">
      <p className={styles.hello}>
        {greeting()}，{me.account.displayName}
      </p>
      {me.roles.length === 0 ? <p className={styles.text}>您的账号还没有加入任何实践站，请联系所在社区的实践站。</p> : null}
      {me.isStaff ? (
        <>
          {hasRole(me, 'station_admin', 'institute_admin', 'district_viewer') ? (
            <Link to="/m/station" className={`${styles.btn} ${styles.btnBlock}`} style={{ marginTop: 12 }}>
              手机工作台
            </Link>
          ) : null}
          <Link to="/admin" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} style={{ marginTop: 10 }}>
            电脑版工作台
          </Link>
        </>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- resident

function ResidentHome() {
  const orders = useLatestOrders(3);
  const latest = orders.data?.items ?? [];
  return (
    <>
      <Link to="/m/orders/new" className={o.newBtn}>
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <path d="M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z" fill="currentColor" />
        </svg>
        我要点单
      </Link>
      <h2 className={styles.sectionTitle}>
        我的点单
        {orders.data && orders.data.total > 0 ? (
          <Link to="/m/orders" className={h.more}>
            全部 {orders.data.total} 张 ›
          </Link>
        ) : null}
      </h2>
      {orders.isPending ? (
        <Loading text="正在加载点单…" />
      ) : orders.error ? (
        <div className={styles.errorBox} role="alert">
          点单加载失败：{orders.error.message}
        </div>
      ) : latest.length === 0 ? (
        <p className={styles.empty}>还没有点过单。家里有事需要帮忙，点上面的「我要点单」。</p>
      ) : (
        <ul className={styles.list}>
          {latest.map((x) => (
            <li key={x.id}>
              <Link to={`/m/orders/${x.id}`} className={styles.item}>
                <div className={styles.itemHead}>
                  <h3 className={styles.itemTitle}>{x.title}</h3>
                  <StatusBadge status={x.status} />
                </div>
                <p className={h.meta}>
                  {x.unitName} · {formatDateTime(x.createdAt).slice(5, 16)}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className={styles.sectionTitle}>
        近期活动
        <Link to="/activities" className={h.more}>
          活动日历 ›
        </Link>
      </h2>
      <Upcoming limit={3} />
      <Link to="/m/register" className={h.row} style={{ marginTop: 'var(--gap)' }}>
        <span className={h.rowText}>
          <strong>想参加志愿服务？</strong>
          <span>注册成为志愿者，审核通过后就能报名活动</span>
        </span>
        <span aria-hidden="true" className={styles.chevron}>
          ›
        </span>
      </Link>
    </>
  );
}

// ---------------------------------------------------------------- volunteer

function VolunteerHome() {
  return (
    <>
      <NextActivities />
      <TasksRow />
      <Numbers />
      <Link to="/m/orders/new" className={h.row}>
        <span className={h.rowText}>
          <strong>我要点单</strong>
          <span>家里有事需要帮忙，向实践站点单</span>
        </span>
        <span aria-hidden="true" className={styles.chevron}>
          ›
        </span>
      </Link>
    </>
  );
}

const ACTIVE_SIGNUPS = ['pending', 'confirmed', 'waitlisted'];

function NextActivities() {
  const mine = useActivities({ mine: true, from: chinaToday(), pageSize: 50 });
  const now = Date.now();
  const next = (mine.data?.items ?? [])
    .filter((x) => x.status !== 'cancelled' && Date.parse(x.endsAt) > now && ACTIVE_SIGNUPS.includes(x.mySignup?.status ?? ''))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, 3);
  return (
    <>
      <h2 className={styles.sectionTitle}>
        我的下一场活动
        <Link to="/m/activities?mine=1" className={h.more}>
          我的报名 ›
        </Link>
      </h2>
      {mine.isPending ? (
        <Loading text="正在加载活动…" />
      ) : mine.error ? (
        <div className={styles.errorBox} role="alert">
          活动加载失败：{mine.error.message}
        </div>
      ) : next.length === 0 ? (
        <div className={styles.empty}>
          近期还没有报名的活动。
          <Link to="/m/activities" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} style={{ marginTop: 10 }}>
            去看看近期活动
          </Link>
        </div>
      ) : (
        <ul className={styles.list}>
          {next.map((x) => (
            <li key={x.id}>
              <Link to={`/m/activities/${x.id}`} className={styles.item}>
                <h3 className={styles.itemTitle}>{x.title}</h3>
                <p className={h.meta}>{timeRange(x.startsAt, x.endsAt)}</p>
                <p className={h.meta}>{placeText(x)}</p>
                <div className={h.foot}>
                  <MySignupBadge signup={x.mySignup} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function TasksRow() {
  const tasks = useTaskCounts();
  return (
    <>
      <h2 className={styles.sectionTitle}>我的任务</h2>
      <Link to="/m/tasks" className={h.row}>
        <span className={h.rowText}>
          <strong data-testid="task-counts">
            {tasks.isPending ? '正在加载…' : tasks.error ? '去接单' : `进行中 ${tasks.data.active} 单 · 可接 ${tasks.data.available} 单`}
          </strong>
          <span>群众点的单，派给您或您所在实践站的</span>
        </span>
        <span aria-hidden="true" className={styles.chevron}>
          ›
        </span>
      </Link>
    </>
  );
}

function Numbers() {
  const hours = useHoursAtAGlance();
  const balance = usePointsBalance();
  const level = hours.data?.stars.level ?? 0;
  return (
    <>
      <h2 className={styles.sectionTitle}>我的志愿</h2>
      <div className={h.summary}>
        <Link to="/m/volunteer">
          <span className={h.label}>服务时长</span>
          <span className={h.value}>
            {hours.data ? Math.floor(hours.data.approvedHours * 10) / 10 : '—'}
            <small>小时</small>
          </span>
        </Link>
        <Link to="/m/volunteer">
          <span className={h.label}>星级</span>
          <span className={h.value}>{hours.data ? STAR_NAMES[level] : '—'}</span>
        </Link>
        <Link to="/m/points">
          <span className={h.label}>积分</span>
          <span className={h.value}>{balance.data ?? '—'}</span>
        </Link>
      </div>
    </>
  );
}

// ---------------------------------------------------------------- everyone

/** The public calendar's next seven days, soonest first (no login needed). */
function Upcoming({ limit }: { limit: number }) {
  const today = chinaToday();
  const list = usePublicActivities({ from: today, to: addDays(today, 6) });
  const now = Date.now();
  const items = (list.data?.items ?? []).filter((x) => Date.parse(x.endsAt) > now).slice(0, limit);
  if (list.isPending) return <Loading text="正在加载活动…" />;
  if (list.error) {
    return (
      <div className={styles.errorBox} role="alert">
        活动加载失败：{list.error.message}
      </div>
    );
  }
  if (items.length === 0) return <p className={styles.empty}>未来 7 天暂无活动</p>;
  return (
    <ul className={styles.list}>
      {items.map((x) => {
        const state = activityState(x, x.seatsLeft);
        return (
          <li key={x.id}>
            <Link to={`/activities/${x.id}`} className={styles.item}>
              <h3 className={styles.itemTitle}>{x.title}</h3>
              <p className={h.meta}>{timeRange(x.startsAt, x.endsAt)}</p>
              <p className={h.meta}>
                {shortUnitName(x.unitName)} · {placeText(x)}
              </p>
              <div className={h.foot}>
                <span className={state.tone === 'closed' ? h.closed : h.open}>{state.text}</span>
              </div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function Visitor() {
  const site = usePublicSite();
  const institute = site.data?.institutes[0];
  return (
    <>
      <section className={styles.card} aria-label="欢迎">
        <p className={styles.hello}>欢迎参与新时代文明实践</p>
        <p className={`${styles.text} ${styles.muted}`}>
          {institute ? `${institute.name}和 ${institute.stationCount} 个社区实践站` : '各社区实践站'}
          为居民提供理论宣讲、志愿服务、文化惠民等活动。登录后可以点单、报名活动、查看服务时长。
        </p>
        <Link to="/login?next=/m" className={`${styles.btn} ${styles.btnBlock}`} style={{ marginTop: 12 }}>
          登录
        </Link>
      </section>
      <h2 className={styles.sectionTitle}>
        近期活动
        <Link to="/activities" className={h.more}>
          活动日历 ›
        </Link>
      </h2>
      <Upcoming limit={5} />
      <StationsLink />
    </>
  );
}

function StationsLink() {
  return (
    <Link to="/m/stations" className={h.row} style={{ marginTop: 'var(--gap)' }}>
      <span className={h.rowText}>
        <strong>身边的实践站</strong>
        <span>地址和电话，我的站点在最前</span>
      </span>
      <span aria-hidden="true" className={styles.chevron}>
        ›
      </span>
    </Link>
  );
}
