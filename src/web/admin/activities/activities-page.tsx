import { CalendarOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../shared/activities';
import { PROGRAMME_BLOCKS } from '../../../shared/programmes';
import { addDays, chinaDay, chinaToday, mondayOf } from '../../../shared/china-time';
import { type ActivityListParams, type ActivityView, useActivities } from '../../lib/queries/activities';
import { useProgrammes } from '../../lib/queries/programmes';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import styles from './activities.module.css';
import { useUnitOptions } from '../components/use-unit-options';
import { MonthView, WeekView } from './calendar-views';
import { FeedModal, ListView } from './list-view';

export type View = 'month' | 'week' | 'list';
export const VIEWS: { value: View; label: string }[] = [
  { value: 'month', label: '月' },
  { value: 'week', label: '周' },
  { value: 'list', label: '列表' },
];

/** The filters live in the address, so the back button and a shared link keep them. */
export function useFilters() {
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
          <ListView
            data={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={f.page}
            loading={list.isFetching}
            onPage={(p) => f.set({ page: p > 1 ? String(p) : undefined })}
          />
        )}
      </Card>
      <FeedModal open={feedOpen} onClose={() => setFeedOpen(false)} unitId={f.unitId ?? myUnit} units={unitOptions} />
    </>
  );
}
