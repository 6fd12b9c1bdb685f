import { Link } from 'react-router-dom';
import { addDays, chinaToday, timeRange } from '../../../shared/china-time';
import { activityState, placeText, shortUnitName } from '../../lib/activity-state';
import { usePublicActivities } from '../../lib/queries/public-activities';
import styles from '../portal.module.css';

/** 近期活动 on the portal home: the next seven days of the public calendar, soonest first. */
export function UpcomingActivities({ limit = 6 }: { limit?: number }) {
  const today = chinaToday();
  const list = usePublicActivities({ from: today, to: addDays(today, 6) });
  const now = Date.now();
  const items = (list.data?.items ?? []).filter((x) => Date.parse(x.endsAt) > now).slice(0, limit);

  return (
    <section className={styles.section} aria-labelledby="upcoming-title" id="activities">
      <div className={styles.sectionHead}>
        <h2 id="upcoming-title" className={styles.sectionTitle}>
          近期活动
        </h2>
        <Link to="/activities" className={styles.cardLink} style={{ marginTop: 0, marginBottom: 16 }}>
          查看活动日历 ›
        </Link>
      </div>
      {list.isPending ? (
        <p className={styles.state} role="status">
          正在加载活动…
        </p>
      ) : list.error ? (
        <div className={styles.state} role="alert">
          <p>活动加载失败：{list.error.message}</p>
          <button type="button" onClick={() => void list.refetch()} className={styles.retry}>
            重新加载
          </button>
        </div>
      ) : items.length === 0 ? (
        <p className={styles.state}>未来 7 天暂无活动，去活动日历看看下周吧。</p>
      ) : (
        <ul className={styles.grid}>
          {items.map((x) => (
            <li key={x.id} className={styles.card}>
              <h3 className={styles.cardTitle}>
                <Link to={`/activities/${x.id}`}>{x.title}</Link>
              </h3>
              <p className={styles.cardMeta}>{timeRange(x.startsAt, x.endsAt)}</p>
              <p className={styles.cardText}>
                {shortUnitName(x.unitName)} · {placeText(x)}
              </p>
              <p className={styles.cardText}>{activityState(x, x.seatsLeft).text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
