import { CalendarOutlined, LeftOutlined, PlusOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Card, Input, Modal, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../shared/activities';
import { PROGRAMME_BLOCKS } from '../../../shared/programmes';
import { addDays, chinaDay, chinaToday, clock, mondayOf, timeRange, weekdayOf } from '../../lib/activities/time';
import { type ActivityListParams, type ActivityView, useActivities } from '../../lib/queries/activities';
import { useProgrammes } from '../../lib/queries/programmes';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import styles from './activities.module.css';
import { OverdueTag, STATUS_COLOUR, StatusTag, TypeTag } from './labels';
import { useUnitOptions } from '../components/use-unit-options';

type View = 'month' | 'week' | 'list';
const VIEWS: { value: View; label: string }[] = [
  { value: 'month', label: '月' },
  { value: 'week', label: '周' },
  { value: 'list', label: '列表' },
];

/** The filters live in the address, so the back button and a shared link keep them. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const view = (['month', 'week', 'list'] as const).find((v) => v === get('view')) ?? 'month';
  return {
    view,
    unitId: get('unit'),
    status: get('status') as ActivityStatus | undefined,
    programmeId: get('programme'),
    q: get('q'),
    day: get('day') ?? chinaToday(),
    page: Number(get('page') ?? '1') || 1,
    set,
  };
}

export default function ActivitiesPage() {
  const session = useAdminSession();
  const navigate = useNavigate();
  const f = useFilters();
  const programmes = useProgrammes();
  const [typed, setTyped] = useState(f.q ?? '');
  const [feedOpen, setFeedOpen] = useState(false);
  const canCreate = hasRole(session, 'institute_admin', 'station_admin', 'team_leader');

  const { options: unitOptions } = useUnitOptions({ kinds: ['institute', 'station'] });
  const programmeOptions = useMemo(
    () =>
      (Object.keys(PROGRAMME_BLOCKS) as (keyof typeof PROGRAMME_BLOCKS)[]).map((block) => ({
        label: PROGRAMME_BLOCKS[block],
        options: (programmes.data ?? []).filter((p) => p.block === block && !p.archived).map((p) => ({ value: p.id, label: p.name })),
      })),
    [programmes.data],
  );

  // The month grid shows six weeks from the Monday on or before the 1st.
  const range = useMemo(() => {
    if (f.view === 'week') {
      const from = mondayOf(f.day);
      return { from, to: addDays(from, 6) };
    }
    const first = `${f.day.slice(0, 7)}-01`;
    const from = mondayOf(first);
    return { from, to: addDays(from, 41) };
  }, [f.view, f.day]);

  const filters = { unitId: f.unitId, status: f.status, programmeId: f.programmeId, q: f.q };
  const calendarParams: ActivityListParams = { ...filters, from: range.from, to: range.to, pageSize: 500 };
  const listParams: ActivityListParams = { ...filters, page: f.page, pageSize: 20 };
  const calendar = useActivities(calendarParams, f.view !== 'list');
  const list = useActivities(listParams, f.view === 'list');
  const current = f.view === 'list' ? list : calendar;

  const byDay = useMemo(() => {
    const map = new Map<string, ActivityView[]>();
    for (const a of calendar.data?.items ?? []) {
      const day = chinaDay(a.startsAt);
      map.set(day, [...(map.get(day) ?? []), a]);
    }
    return map;
  }, [calendar.data]);

  const myUnit = session.roles.find((r) => r.role === 'station_admin' || r.role === 'institute_admin')?.unitId ?? unitOptions[0]?.value;

  return (
    <>
      <PageHeader
        title="活动"
        description="各实践所、实践站的文明实践活动：从策划、发布、招募、签到到总结。点击活动查看报名名单与现场签到。"
        extra={
          <>
            <Button icon={<CalendarOutlined />} onClick={() => setFeedOpen(true)}>
              订阅日历
            </Button>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin/activities/new')}>
                新建活动
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <div className={styles.toolbar}>
          <Segmented<View> options={VIEWS} value={f.view} onChange={(v) => f.set({ view: v === 'month' ? undefined : v, page: undefined })} aria-label="视图" />
          <Select
            allowClear
            placeholder="全部单位"
            aria-label="按单位筛选"
            options={unitOptions}
            value={f.unitId}
            onChange={(v?: string) => f.set({ unit: v, page: undefined })}
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            allowClear
            placeholder="全部状态"
            aria-label="按状态筛选"
            options={(Object.keys(ACTIVITY_STATUSES) as ActivityStatus[]).map((s) => ({ value: s, label: ACTIVITY_STATUSES[s] }))}
            value={f.status}
            onChange={(v?: string) => f.set({ status: v, page: undefined })}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder="全部实践项目"
            aria-label="按实践项目筛选"
            options={programmeOptions}
            value={f.programmeId}
            onChange={(v?: string) => f.set({ programme: v, page: undefined })}
            style={{ width: 200 }}
          />
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden="true" />}
            placeholder="按活动名称查找"
            aria-label="按活动名称查找"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              if (!e.target.value) f.set({ q: undefined, page: undefined });
            }}
            onPressEnter={() => f.set({ q: typed.trim() || undefined, page: undefined })}
            onBlur={() => f.set({ q: typed.trim() || undefined, page: undefined })}
            style={{ width: 220 }}
          />
          {current.data ? (
            <Typography.Text type="secondary" className={styles.toolbarEnd} aria-live="polite">
              {f.view === 'list' ? `共 ${current.data.total} 项活动` : `本${f.view === 'week' ? '周' : '视图'}共 ${current.data.total} 项活动`}
            </Typography.Text>
          ) : null}
        </div>
        {current.error ? <Alert type="error" showIcon title="活动加载失败" description={current.error.message} style={{ marginBottom: 16 }} /> : null}
        {f.view === 'month' ? (
          <MonthView day={f.day} byDay={byDay} loading={calendar.isFetching} onDay={(day) => f.set({ day })} onWeek={(day) => f.set({ view: 'week', day })} />
        ) : f.view === 'week' ? (
          <WeekView from={range.from} byDay={byDay} onDay={(day) => f.set({ day })} />
        ) : (
          <ListView data={list.data?.items ?? []} total={list.data?.total ?? 0} page={f.page} loading={list.isFetching} onPage={(p) => f.set({ page: p > 1 ? String(p) : undefined })} />
        )}
      </Card>
      <FeedModal open={feedOpen} onClose={() => setFeedOpen(false)} unitId={f.unitId ?? myUnit} units={unitOptions} />
    </>
  );
}

function MonthView({
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

const LEGEND: ActivityStatus[] = ['draft', 'submitted', 'published', 'full', 'in_progress', 'ended', 'cancelled'];

function Legend() {
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

function WeekView({ from, byDay, onDay }: { from: string; byDay: Map<string, ActivityView[]>; onDay: (day: string) => void }) {
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

function places(a: ActivityView): string {
  const taken = a.positions.reduce((s, p) => s + p.taken, 0);
  const total = a.positions.reduce((s, p) => s + p.headcount, 0);
  const waiting = a.positions.reduce((s, p) => s + p.waitlisted, 0);
  return `${taken} / ${total}${waiting ? `（候补 ${waiting}）` : ''}`;
}

function ListView({ data, total, page, loading, onPage }: { data: ActivityView[]; total: number; page: number; loading: boolean; onPage: (p: number) => void }) {
  const columns: ColumnsType<ActivityView> = [
    {
      title: '活动',
      dataIndex: 'title',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/activities/${a.id}`} style={{ fontWeight: 600 }}>
            {a.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {a.programmeName ?? '未归入实践项目'}
            {a.seriesId ? ' · 系列活动' : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '单位', dataIndex: 'unitName', width: 200 },
    { title: '时间', key: 'time', width: 230, render: (_, a) => timeRange(a.startsAt, a.endsAt) },
    {
      title: '地点',
      key: 'place',
      width: 220,
      render: (_, a) => [a.venueName, a.roomName].filter(Boolean).join(' · ') || a.address || <Typography.Text type="secondary">未填写</Typography.Text>,
    },
    { title: '报名', key: 'places', width: 120, render: (_, a) => places(a) },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, a) => (
        <Space size={0} wrap>
          <StatusTag status={a.status} />
          {a.summaryOverdue ? <OverdueTag /> : null}
          <TypeTag type={a.type} />
        </Space>
      ),
    },
  ];
  return (
    <Table<ActivityView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data}
      loading={loading}
      pagination={{ current: page, pageSize: 20, total, onChange: onPage, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '没有符合条件的活动' }}
    />
  );
}

function FeedModal({ open, onClose, unitId, units }: { open: boolean; onClose: () => void; unitId?: string; units: { value: string; label: string }[] }) {
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const id = picked ?? unitId;
  const url = id ? `${window.location.origin}/ical/units/${id}.ics` : '';
  return (
    <Modal open={open} title="订阅活动日历" onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} destroyOnHidden>
      <Typography.Paragraph>
        把单位的公开活动加入手机或电脑的日历（iCalendar 格式）：在日历应用中选择「添加订阅日历」，粘贴下面的地址。只包含已发布的活动，任何人都可以订阅。
      </Typography.Paragraph>
      <Select
        aria-label="选择单位"
        options={units}
        value={id}
        onChange={setPicked}
        style={{ width: '100%', marginBottom: 12 }}
        showSearch={{ optionFilterProp: 'label' }}
      />
      {url ? (
        <Typography.Paragraph copyable={{ text: url, tooltips: ['复制', '已复制'] }} code style={{ wordBreak: 'break-all' }}>
          {url}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
