import { Link, useSearchParams } from 'react-router-dom';
import { chinaToday, clock } from '../../../shared/china-time';
import { ACTIVITY_STATUSES } from '../../../shared/labels';
import { RESOLUTION_STATUSES } from '../../../shared/rules/meeting-flow';
import { TASK_STATUSES } from '../../../shared/rules/plan-flow';
import { greeting } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import { placeOf } from '../activities/parts';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';
import { DueLine, LoadError, StaffGate } from './parts';
import {
  type ActivityView,
  type ResolutionView,
  type TaskView,
  type TodoCounts,
  useStationResolutions,
  useStationTasks,
  useTodayActivities,
  useTodoCounts,
  type WorkUnit,
} from './station-api';
import s from './station.module.css';

/**
 * `/m/station` 手机工作台: the station head out in the community sees the station's work on one
 * screen — what is overdue, 议定事项 and 工作任务 (overdue first, in red), today's activities.
 */
export default function StationPage() {
  useTitle('手机工作台');
  return <StaffGate next="/m/station">{(units) => <Workbench units={units} />}</StaffGate>;
}

function Workbench({ units }: { units: WorkUnit[] }) {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const unit = units.find((u) => u.unitId === params.get('unit')) ?? units[0];
  const today = chinaToday();

  return (
    <>
      <section className={styles.card} aria-label="问候">
        <p className={styles.hello}>
          {greeting()}，{session.data?.account.displayName}
        </p>
        <p className={s.unitLine}>
          {unit.unitName}
          {unit.kind === 'station' ? '' : '（管辖范围内全部）'}
        </p>
        <p className={s.unitLine}>今天是 {today}</p>
        {units.length > 1 ? (
          <fieldset className={s.unitPicker} style={{ border: 0, padding: 0, margin: '12px 0 0', minWidth: 0 }}>
            <legend className="sr-only">切换单位</legend>
            {units.map((u) => (
              <button
                key={u.unitId}
                type="button"
                className={o.chip}
                aria-pressed={u.unitId === unit.unitId}
                onClick={() => setParams({ unit: u.unitId }, { replace: true })}
              >
                {u.unitName}
              </button>
            ))}
          </fieldset>
        ) : null}
        {unit.canWrite ? null : <p className={`${styles.text} ${styles.muted}`}>区中心查看账号只能查看，不能追加跟进或进展。</p>}
      </section>
      <Todos unit={unit} />
      <Resolutions unit={unit} />
      <Tasks unit={unit} />
      <TodayActivities unit={unit} day={today} />
      <Link to="/admin" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
        打开电脑版工作台
      </Link>
    </>
  );
}

function Todo({ figure, label, alert, href }: { figure: string; label: string; alert: boolean; href: string }) {
  const body = (
    <>
      <span className={s.todoFigure}>{figure}</span>
      <span className={s.todoLabel}>{label}</span>
    </>
  );
  const cls = alert ? `${s.todo} ${s.todoAlert}` : s.todo;
  return (
    <li>
      {href.startsWith('#') ? (
        <a href={href} className={cls}>
          {body}
        </a>
      ) : (
        <Link to={href} className={cls}>
          {body}
        </Link>
      )}
    </li>
  );
}

function todoItems(c: TodoCounts, unit: WorkUnit) {
  const items = [
    { key: 'r', figure: `${c.overdueResolutions} 项`, label: '议定事项已逾期', alert: c.overdueResolutions > 0, href: '#resolutions' },
    { key: 't', figure: `${c.overdueTasks} 项`, label: '工作任务已逾期', alert: c.overdueTasks > 0, href: '#tasks' },
  ];
  if (c.care) {
    const station = unit.kind === 'station' ? `&station=${encodeURIComponent(unit.unitId)}` : '';
    items.push({
      key: 'c',
      figure: `${c.care.count} 人`,
      label: `关爱对象超过 ${c.care.days} 天未联系`,
      alert: c.care.count > 0,
      href: `/admin/care?flagged=true${station}`,
    });
  }
  if (c.month) {
    items.push({
      key: 'm',
      figure: `${c.month.count} 次`,
      label: `本月已开展活动（每月至少 ${c.month.minimum} 次）`,
      alert: false,
      href: `/admin/activities?view=list&unit=${encodeURIComponent(unit.unitId)}`,
    });
  }
  return items;
}

function Todos({ unit }: { unit: WorkUnit }) {
  const counts = useTodoCounts(unit);
  return (
    <section aria-labelledby="todo-title">
      <h2 id="todo-title" className={styles.sectionTitle} style={{ marginTop: 8 }}>
        待办
      </h2>
      {counts.isPending ? (
        <p className={styles.empty} role="status">
          正在统计…
        </p>
      ) : counts.error ? (
        <LoadError what="待办统计" error={counts.error} retry={() => void counts.refetch()} />
      ) : (
        <ul className={s.todos}>
          {todoItems(counts.data, unit).map(({ key, ...t }) => (
            <Todo key={key} {...t} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One open 议定事项; `showUnit` when the list spans several units (the institute, the district). */
function ResolutionEntry({ r, showUnit }: { r: ResolutionView; showUnit: boolean }) {
  return (
    <li>
      <Link to={`/m/station/resolutions/${r.id}`} className={r.overdue ? `${s.entry} ${s.entryLate}` : s.entry} data-overdue={r.overdue ? 'true' : 'false'}>
        <p className={s.entryTitle}>{r.content}</p>
        <p className={s.entryMeta}>
          {r.meetingTitle}
          {showUnit ? ` · 承办：${r.ownerUnitName}` : ''}
        </p>
        <DueLine deadline={r.deadline} overdue={r.overdue} />
        <div className={s.entryFoot}>
          <span className={`${o.badge} ${r.status === 'in_progress' ? o.toneBlue : o.toneGrey}`}>{RESOLUTION_STATUSES[r.status]}</span>
          <span className={s.open}>跟进 {r.noteCount} 条 ›</span>
        </div>
      </Link>
    </li>
  );
}

function Resolutions({ unit }: { unit: WorkUnit }) {
  const list = useStationResolutions(unit);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <section aria-labelledby="resolutions">
      <h2 id="resolutions" className={styles.sectionTitle}>
        议定事项
        {list.data ? <small>{total} 项未办结</small> : null}
      </h2>
      {list.isPending ? (
        <p className={styles.empty} role="status">
          正在加载议定事项…
        </p>
      ) : list.error ? (
        <LoadError what="议定事项" error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.empty}>没有未办结的议定事项</p>
      ) : (
        <ul className={styles.list}>
          {items.map((r) => (
            <ResolutionEntry key={r.id} r={r} showUnit={unit.kind !== 'station'} />
          ))}
        </ul>
      )}
      <MoreButton more={list.hasNextPage} busy={list.isFetchingNextPage} left={total - items.length} onMore={() => void list.fetchNextPage()} />
    </section>
  );
}

function TaskEntry({ t, showUnit }: { t: TaskView; showUnit: boolean }) {
  const done = t.status === 'done';
  return (
    <li>
      <Link to={`/m/station/tasks/${t.id}`} className={t.overdue ? `${s.entry} ${s.entryLate}` : s.entry} data-overdue={t.overdue ? 'true' : 'false'}>
        <p className={s.entryTitle}>{t.title}</p>
        <p className={s.entryMeta}>
          方案 {t.section} · 责任人 {t.leadName}
          {showUnit ? ` · ${t.unitName}` : ''}
        </p>
        <DueLine deadline={t.deadline} overdue={t.overdue} closed={done} label="时限" />
        <div className={s.entryFoot}>
          <span className={`${o.badge} ${done ? o.toneGreen : t.status === 'in_progress' ? o.toneBlue : o.toneGrey}`}>{TASK_STATUSES[t.status]}</span>
          <span className={s.open}>进展 {t.noteCount} 条 ›</span>
        </div>
      </Link>
    </li>
  );
}

function Tasks({ unit }: { unit: WorkUnit }) {
  const list = useStationTasks(unit);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <section aria-labelledby="tasks">
      <h2 id="tasks" className={styles.sectionTitle}>
        工作任务
        {list.data ? <small>共 {total} 项</small> : null}
      </h2>
      {list.isPending ? (
        <p className={styles.empty} role="status">
          正在加载工作任务…
        </p>
      ) : list.error ? (
        <LoadError what="工作任务" error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.empty}>没有分解到本单位的工作任务</p>
      ) : (
        <ul className={styles.list}>
          {items.map((t) => (
            <TaskEntry key={t.id} t={t} showUnit={unit.kind !== 'station'} />
          ))}
        </ul>
      )}
      <MoreButton more={list.hasNextPage} busy={list.isFetchingNextPage} left={total - items.length} onMore={() => void list.fetchNextPage()} />
    </section>
  );
}

function MoreButton({ more, busy, left, onMore }: { more: boolean; busy: boolean; left: number; onMore: () => void }) {
  if (!more) return null;
  return (
    <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} disabled={busy} onClick={onMore}>
      {busy ? '正在加载…' : `再看 ${left} 项`}
    </button>
  );
}

const CHECKABLE = ['published', 'full', 'in_progress'];

function ActivityEntry({ x }: { x: ActivityView }) {
  const cancelled = x.status === 'cancelled';
  return (
    <li className={styles.card} style={{ marginBottom: 0 }}>
      <div className={styles.itemHead}>
        <h3 className={styles.itemTitle}>{x.title}</h3>
        <span className={`${o.badge} ${cancelled ? o.toneGrey : x.status === 'in_progress' ? o.toneGreen : o.toneBlue}`}>{ACTIVITY_STATUSES[x.status]}</span>
      </div>
      <p className={s.due}>
        {clock(x.startsAt)}–{clock(x.endsAt)} · {placeOf(x)}
      </p>
      {x.contactName ? (
        <p className={s.entryMeta}>
          负责人 {x.contactName}
          {x.contactPhone ? ` ${x.contactPhone}` : ''}
        </p>
      ) : null}
      <div className={s.actions}>
        {x.canManage && CHECKABLE.includes(x.status) ? (
          <Link to={`/admin/activities/${x.id}?tab=checkin`} className={styles.btn}>
            现场签到二维码
          </Link>
        ) : null}
        {x.canManage ? (
          <Link to={`/admin/activities/${x.id}`} className={`${styles.btn} ${styles.btnGhost}`}>
            报名名单
          </Link>
        ) : (
          <Link to={`/m/activities/${x.id}`} className={`${styles.btn} ${styles.btnGhost}`}>
            活动详情
          </Link>
        )}
      </div>
    </li>
  );
}

function TodayActivities({ unit, day }: { unit: WorkUnit; day: string }) {
  const list = useTodayActivities(unit, day);
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="today">
      <h2 id="today" className={styles.sectionTitle}>
        今日活动
        {list.data ? <small>{list.data.total} 场</small> : null}
      </h2>
      {list.isPending ? (
        <p className={styles.empty} role="status">
          正在加载今日活动…
        </p>
      ) : list.error ? (
        <LoadError what="今日活动" error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.empty}>今天没有安排活动</p>
      ) : (
        <ul className={styles.list}>
          {items.map((x) => (
            <ActivityEntry key={x.id} x={x} />
          ))}
        </ul>
      )}
    </section>
  );
}
