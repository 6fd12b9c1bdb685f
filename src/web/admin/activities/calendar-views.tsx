import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../shared/activities';
import { addDays, chinaToday, clock, weekdayOf } from '../../../shared/china-time';
import type { ActivityView } from '../../lib/queries/activities';
import styles from './activities.module.css';
import { OverdueTag, STATUS_COLOUR, StatusTag } from './labels';

export function MonthView({
  day,
  byDay,
  loading,
  onDay,
  onWeek,
}: {
  day: string;
  byDay: Map<string, ActivityView[]>;
  loading: boolean;
  onDay: (day: string) => void;
  onWeek: (day: string) => void;
}) {
  const value = dayjs(day);
  const today = chinaToday();
  const shift = (months: number) => onDay(value.add(months, 'month').startOf('month').format('YYYY-MM-DD'));

  return (
    <>
      <Calendar
        value={value}
        fullscreen
        headerRender={() => (
          <div className={styles.calHead}>
            <Button icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label="上个月" />
            <h2 className={styles.calTitle} aria-live="polite">
              {value.year()}年{value.month() + 1}月
            </h2>
            <Button icon={<RightOutlined />} onClick={() => shift(1)} aria-label="下个月" />
            <Button onClick={() => onDay(today)} disabled={day.slice(0, 7) === today.slice(0, 7)}>
              本月
            </Button>
            {loading ? <Typography.Text type="secondary">正在加载…</Typography.Text> : null}
          </div>
        )}
        onSelect={(d: Dayjs, info) => {
          if (info.source === 'date') onDay(d.format('YYYY-MM-DD'));
        }}
        cellRender={(d: Dayjs, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          if (!items.length) return null;
          // The cell holds three lines: three chips, or two and a "more" link.
          const shown = items.slice(0, items.length > 3 ? 2 : 3);
          return (
            <ul className={styles.chips} aria-label={`${d.format('M月D日')}的活动`}>
              {shown.map((a) => (
                <li key={a.id}>
                  <Link
                    to={`/admin/activities/${a.id}`}
                    className={`${styles.chip} ${a.status === 'cancelled' ? styles.chipCancelled : ''}`}
                    style={{ background: STATUS_COLOUR[a.status] }}
                    title={`${clock(a.startsAt)} ${a.title} · ${a.unitName} · ${ACTIVITY_STATUSES[a.status]}`}
                    onClick={(e) => e.stopPropagation()}
                  >
                    {clock(a.startsAt)} {a.title}
                  </Link>
                </li>
              ))}
              {items.length > shown.length ? (
                <li>
                  <Button
                    type="link"
                    size="small"
                    className={styles.more}
                    onClick={(e) => {
                      e.stopPropagation();
                      onWeek(d.format('YYYY-MM-DD'));
                    }}
                  >
                    还有 {items.length - shown.length} 项
                  </Button>
                </li>
              ) : null}
            </ul>
          );
        }}
      />
      <Legend />
    </>
  );
}

export const LEGEND: ActivityStatus[] = ['draft', 'submitted', 'published', 'full', 'in_progress', 'ended', 'cancelled'];

export function Legend() {
  return (
    <ul className={styles.legend} aria-label="颜色说明">
      {LEGEND.map((s) => (
        <li key={s}>
          <span className={styles.swatch} style={{ background: STATUS_COLOUR[s] }} aria-hidden="true" />
          {s === 'ended' ? '已结束、已总结' : ACTIVITY_STATUSES[s]}
        </li>
      ))}
    </ul>
  );
}

export function WeekView({ from, byDay, onDay }: { from: string; byDay: Map<string, ActivityView[]>; onDay: (day: string) => void }) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const today = chinaToday();
  const to = days[6];
  return (
    <>
      <div className={styles.calHead}>
        <Button icon={<LeftOutlined />} onClick={() => onDay(addDays(from, -7))} aria-label="上一周" />
        <h2 className={styles.calTitle}>
          {Number(from.slice(5, 7))}月{Number(from.slice(8))}日 – {Number(to.slice(5, 7))}月{Number(to.slice(8))}日
        </h2>
        <Button icon={<RightOutlined />} onClick={() => onDay(addDays(from, 7))} aria-label="下一周" />
        <Button onClick={() => onDay(today)} disabled={days.includes(today)}>
          本周
        </Button>
      </div>
      <div className={styles.week}>
        {days.map((day) => {
          const items = [...(byDay.get(day) ?? [])].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
          return (
            <section key={day} className={`${styles.weekDay} ${day === today ? styles.weekToday : ''}`} aria-label={`${weekdayOf(day)} ${day}`}>
              <h3 className={styles.weekHead} style={{ fontSize: 14, margin: 0 }}>
                <span>{weekdayOf(day)}</span>
                <small>
                  {Number(day.slice(5, 7))}/{Number(day.slice(8))}
                  {day === today ? ' 今天' : ''}
                </small>
              </h3>
              {items.length === 0 ? (
                <p className={styles.weekEmpty}>无活动</p>
              ) : (
                <ul className={styles.weekList}>
                  {items.map((a) => (
                    <li key={a.id} className={styles.weekItem} style={{ borderInlineStartColor: STATUS_COLOUR[a.status] }}>
                      <span className={styles.weekTime}>
                        {clock(a.startsAt)}–{clock(a.endsAt)}
                      </span>
                      <Link to={`/admin/activities/${a.id}`} className={styles.weekTitle}>
                        {a.title}
                      </Link>
                      <span className={styles.weekMeta}>{a.unitName}</span>
                      <StatusTag status={a.status} />
                      {a.summaryOverdue ? <OverdueTag /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
