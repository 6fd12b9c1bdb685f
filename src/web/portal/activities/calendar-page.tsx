import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { addDays, chinaDay, chinaToday, clock, dayLabel, mondayOf } from '../../../shared/china-time';
import { activityState, placeText, shortUnitName } from '../../lib/activity-state';
import { type PublicActivity, usePublicActivities, usePublicProgrammes } from '../../lib/queries/public-activities';
import { usePublicUnits } from '../../lib/queries/public';
import { useTitle } from '../../lib/title';
import c from './calendar.module.css';
import { CalendarFrame, ElderSwitch } from './frame';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `12月1日` */
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function weekName(week: string, thisWeek: string): string {
  const n = Math.round((Date.parse(week) - Date.parse(thisWeek)) / (7 * 86_400_000));
  if (n === 0) return '本周';
  if (n === 1) return '下周';
  if (n === -1) return '上周';
  return `${monthDay(week)}起的一周`;
}

/**
 * `/activities`: every station's activities, a week at a time, for anyone (no login). Filters and
 * the week live in the address, so a shared link or the back button shows the same week.
 */
export default function CalendarPage() {
  useTitle('活动日历');
  const [params, setParams] = useSearchParams();
  const today = chinaToday();
  const thisWeek = mondayOf(today);
  const asked = params.get('week');
  const week = asked && DAY.test(asked) ? mondayOf(asked) : thisWeek;
  const unitId = params.get('unit') ?? '';
  const programmeId = params.get('programme') ?? '';
  const list = usePublicActivities({ from: week, to: addDays(week, 6), unitId: unitId || undefined, programmeId: programmeId || undefined });
  const units = usePublicUnits();
  const programmes = usePublicProgrammes();

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'week' });
  };

  const days = useMemo(() => {
    const byDay = new Map<string, PublicActivity[]>();
    for (const x of list.data?.items ?? []) {
      // One that began before this week shows on its Monday (days are ISO strings: the later sorts last).
      const day = [chinaDay(x.startsAt), week].sort()[1];
      byDay.set(day, [...(byDay.get(day) ?? []), x]);
    }
    return Array.from({ length: 7 }, (_, i) => addDays(week, i)).map((day) => ({ day, items: byDay.get(day) ?? [] }));
  }, [list.data, week]);

  const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const programmeCount = new Map<string, number>();
  for (const p of programmes.data ?? []) programmeCount.set(p.name, (programmeCount.get(p.name) ?? 0) + 1);
  const back = `/activities${params.toString() ? `?${params}` : ''}`;
  const total = list.data?.total ?? 0;

  return (
    <CalendarFrame>
      <div className={c.head}>
        <div>
          <h1 className={c.title}>活动日历</h1>
          <p className={c.lead}>各社区实践站的文明实践活动，无需登录即可查看；报名时再登录。</p>
        </div>
        <ElderSwitch />
      </div>

      <fieldset className={c.filters}>
        <legend className="sr-only">筛选活动</legend>
        <label className={c.filter}>
          实践站
          <select value={unitId} onChange={(e) => set('unit', e.target.value)}>
            <option value="">全部实践站</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.kind === 'institute' ? `${u.name}（含各站）` : u.name}
              </option>
            ))}
          </select>
        </label>
        <label className={c.filter}>
          活动项目
          <select value={programmeId} onChange={(e) => set('programme', e.target.value)}>
            <option value="">全部项目</option>
            {(programmes.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {(programmeCount.get(p.name) ?? 0) > 1 ? `${p.name}（${shortUnitName(unitNames.get(p.unitId) ?? '')}）` : p.name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <div className={c.weekBar}>
        <h2 className={c.weekTitle} aria-live="polite">
          {weekName(week, thisWeek)}
          <small>
            {monthDay(week)}—{monthDay(addDays(week, 6))}
            {list.data ? `，共 ${total} 场活动` : ''}
          </small>
        </h2>
        <div className={c.weekNav}>
          <button type="button" onClick={() => set('week', addDays(week, -7))}>
            上一周
          </button>
          <button type="button" aria-pressed={week === thisWeek} onClick={() => set('week', week === thisWeek ? '' : thisWeek)}>
            本周
          </button>
          <button type="button" onClick={() => set('week', addDays(week, 7))}>
            下一周
          </button>
        </div>
      </div>

      {list.isPending ? (
        <p className={c.state} role="status">
          正在加载活动…
        </p>
      ) : list.error ? (
        <div className={c.state} role="alert">
          <p>活动加载失败：{list.error.message}</p>
          <button type="button" className={c.retry} onClick={() => void list.refetch()}>
            重新加载
          </button>
        </div>
      ) : (
        <ol className={c.days} aria-label={`${weekName(week, thisWeek)}每天的活动`}>
          {days.map(({ day, items }) => (
            <li key={day} className={c.day}>
              <h3 className={c.dayHead}>
                <span>{dayLabel(`${day}T04:00:00Z`)}</span>
                {day === today ? <span className={c.today}>今天</span> : null}
              </h3>
              {items.length === 0 ? (
                <p className={c.none}>暂无活动</p>
              ) : (
                <ul className={c.events}>
                  {items.map((x) => (
                    <li key={x.id}>
                      <EventCard x={x} back={back} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </CalendarFrame>
  );
}

function EventCard({ x, back }: { x: PublicActivity; back: string }) {
  const state = activityState(x, x.seatsLeft);
  const tone = state.tone === 'open' ? c.open : state.tone === 'full' ? c.full : c.closed;
  return (
    <Link to={`/activities/${x.id}`} state={{ back }} className={state.tone === 'closed' ? `${c.event} ${c.eventPast}` : c.event}>
      <span className={c.time}>
        {clock(x.startsAt)}–{clock(x.endsAt)}
      </span>
      <span className={c.eventTitle}>{x.title}</span>
      <span className={c.meta}>
        <span className="sr-only">地点：</span>
        {placeText(x)}
      </span>
      <span className={c.meta}>{shortUnitName(x.unitName)}</span>
      <span className={tone}>{state.text}</span>
    </Link>
  );
}
