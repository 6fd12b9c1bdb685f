import type { HoursSummaryView } from '../../shared/hours';
import { STAR_NAMES } from '../../shared/rules/stars';
import { useMyHoursSummary } from '../lib/queries/hours';
import styles from './mobile.module.css';
import v from './volunteer.module.css';
import { hoursText } from './volunteer-parts';

export function HoursBlock() {
  const summary = useMyHoursSummary();
  if (summary.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载服务时长…
      </p>
    );
  }
  if (summary.error) {
    return (
      <div className={styles.errorBox} role="alert">
        服务时长加载失败：{summary.error.message}
      </div>
    );
  }
  const s = summary.data;
  return (
    <section aria-labelledby="hours-title">
      <h2 id="hours-title" className={styles.sectionTitle}>
        服务时长
      </h2>
      <dl className={v.numbers}>
        <div className={v.number}>
          <dt>已认定时长</dt>
          <dd data-testid="approved-hours">
            {hoursText(s.approvedHours)}
            <small>小时</small>
          </dd>
        </div>
        <div className={`${v.number} ${v.numberPending}`}>
          <dt>待审核时长</dt>
          <dd data-testid="pending-hours">
            {hoursText(s.pendingHours)}
            <small>小时</small>
          </dd>
        </div>
      </dl>
      <StarCard summary={s} />
    </section>
  );
}

export function starFraction(stars: HoursSummaryView['stars']): number {
  if (stars.nextThresholdHours === null) return 1;
  const previous = stars.level > 0 ? (stars.thresholds[stars.level - 1] ?? 0) : 0;
  const span = stars.nextThresholdHours - previous;
  return span > 0 ? Math.min(1, Math.max(0, (stars.approvedHours - previous) / span)) : 0;
}

export function StarCard({ summary }: { summary: HoursSummaryView }) {
  const { stars } = summary;
  const fraction = starFraction(stars);
  const levelName = stars.level === 0 ? '尚未定级' : `${STAR_NAMES[stars.level]}志愿者`;
  const previous = stars.level > 0 ? (stars.thresholds[stars.level - 1] ?? 0) : 0;
  return (
    <div className={styles.card} style={{ marginTop: 'var(--gap)' }}>
      <div className={v.stars} role="img" aria-label={`星级：${levelName}`}>
        {stars.thresholds.map((t, i) => (
          <span key={t} className={i < stars.level ? v.starOn : v.starOff} aria-hidden="true">
            {i < stars.level ? '★' : '☆'}
          </span>
        ))}
        <span className={v.levelName} aria-hidden="true">
          {levelName}
        </span>
      </div>
      {stars.nextLevel !== null && stars.nextThresholdHours !== null ? (
        <>
          <div
            className={v.track}
            role="progressbar"
            aria-label={`距离${STAR_NAMES[stars.nextLevel]}的进度`}
            aria-valuemin={previous}
            aria-valuemax={stars.nextThresholdHours}
            aria-valuenow={Math.min(stars.approvedHours, stars.nextThresholdHours)}
            aria-valuetext={`已认定 ${hoursText(stars.approvedHours)} 小时，还差 ${hoursText(stars.hoursToNext ?? 0)} 小时`}
          >
            <span className={v.fill} style={{ width: `${Math.max(fraction * 100, fraction > 0 ? 2 : 0)}%` }} />
          </div>
          <div className={v.trackLegend} aria-hidden="true">
            <span>{previous} 小时</span>
            <span>
              {STAR_NAMES[stars.nextLevel]} {stars.nextThresholdHours} 小时
            </span>
          </div>
        </>
      ) : null}
      <p className={v.explain} data-testid="star-explanation">
        {stars.explanation}
      </p>
      {summary.byYear.length ? (
        <ul className={v.years} aria-label="各年度认定时长">
          {summary.byYear.map((y) => (
            <li key={y.year}>
              {y.year} 年：<strong>{hoursText(y.hours)}</strong> 小时 · {y.records} 次
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------- records
