import { Alert, Card, Flex, Select, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { ResolutionStatus } from '../../../shared/rules/meeting-flow';
import * as endpoints from '../../../shared/meetings.endpoints';
import { urlFor } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type ResolutionView, useResolutions } from '../../lib/queries/meetings';
import { hasRole } from '../../lib/session';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { useUnitOptions } from '../components/use-unit-options';
import { useAdminSession } from '../session-context';
import { FollowUpDrawer } from './follow-up-drawer';
import { RESOLUTION_STATUS_OPTIONS, ResolutionStatusTag } from './labels';

const STATE_OPTIONS = [
  { value: 'open', label: '未办结' },
  { value: 'overdue', label: '已逾期' },
  { value: 'all', label: '全部' },
];

/** 议定事项督办: every resolution in the caller's scope by owner unit, open ones first, overdue in red. */
export default function ResolutionsPage() {
  const session = useAdminSession();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const ownerUnitId = params.get('unit') ?? undefined;
  const status = (params.get('status') as ResolutionStatus | null) ?? undefined;
  const state = params.get('state') ?? (status ? 'all' : 'open');
  const focus = params.get('focus');
  const units = useUnitOptions({ kinds: ['institute', 'station'] });
  const filters = {
    ownerUnitId,
    status,
    ...(state === 'overdue' ? { overdue: 'true' as const } : state === 'open' ? { state: 'open' as const } : {}),
  };
  const list = useResolutions({ page, pageSize: 20, ...filters });
  const canFollowUp = hasRole(session, 'institute_admin', 'station_admin');
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    if (key === 'status' && value) next.set('state', 'all');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="议定事项督办"
        description="会议议定事项的承办情况：按承办单位和状态筛选，逾期未办结的以红色标出，点击事项查看和追加跟进记录。"
        extra={<ExportButton url={urlFor(endpoints.exportResolutions, { query: filters })} fileName="议定事项督办.xlsx" />}
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label="承办单位"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部承办单位"
            options={units.options}
            value={ownerUnitId}
            onChange={(v) => set('unit', v)}
            style={{ minWidth: 200 }}
          />
          <Select aria-label="范围" options={STATE_OPTIONS} value={state} onChange={(v) => set('state', v)} style={{ minWidth: 120 }} />
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            options={RESOLUTION_STATUS_OPTIONS}
            value={status}
            onChange={(v) => set('status', v)}
            style={{ minWidth: 120 }}
          />
        </Flex>
        {list.error ? <Alert type="error" showIcon title="议定事项加载失败" description={list.error.message} /> : null}
        <Table<ResolutionView>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 820 }}
          locale={{ emptyText: state === 'overdue' ? '没有逾期的议定事项' : '没有议定事项' }}
          onRow={(r) => ({ style: r.overdue ? { background: '#fff1f0' } : undefined })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: (p) => set('page', String(p)) }}
          columns={[
            {
              title: '事项',
              dataIndex: 'content',
              render: (c: string, r) => (
                <Link
                  to={`?${new URLSearchParams({ ...Object.fromEntries(params), focus: r.id }).toString()}`}
                  style={{ color: r.overdue ? '#a8071a' : '#1f2329', fontWeight: r.overdue ? 600 : undefined }}
                >
                  {c}
                </Link>
              ),
            },
            { title: '状态', key: 'status', width: 120, render: (_v, r) => <ResolutionStatusTag status={r.status} overdue={r.overdue} /> },
            { title: '承办单位', dataIndex: 'ownerUnitName', width: 170 },
            {
              title: '完成期限',
              dataIndex: 'deadline',
              width: 110,
              render: (d: string, r) => (
                <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
                  {d}
                </Typography.Text>
              ),
            },
            {
              title: '来源会议',
              key: 'meeting',
              width: 220,
              render: (_v, r) =>
                hasRole(session, 'institute_admin', 'district_viewer') ? (
                  <Link to={`/admin/meetings/${r.meetingId}`}>{r.meetingTitle}</Link>
                ) : (
                  <span>
                    {r.meetingTitle}
                    <Typography.Text type="secondary"> {formatDateTime(r.meetingStartsAt).slice(0, 10)}</Typography.Text>
                  </span>
                ),
            },
            { title: '跟进', dataIndex: 'noteCount', width: 64 },
          ]}
        />
      </Card>
      {focus ? <FollowUpDrawer id={focus} canFollowUp={canFollowUp} onClose={() => set('focus', undefined)} /> : null}
    </>
  );
}
