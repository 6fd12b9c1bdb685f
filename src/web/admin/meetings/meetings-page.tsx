import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { MEETING_KINDS, MEETING_STATUSES, type MeetingStatus } from '../../../shared/rules/meeting-flow';
import * as endpoints from '../../../shared/meetings.endpoints';
import { urlFor } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type MeetingListItem, useMeetings } from '../../lib/queries/meetings';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import { KIND_OPTIONS, MeetingStatusTag } from './labels';
import { MeetingFormModal } from './meeting-form-modal';

const STATUS_OPTIONS = (Object.keys(MEETING_STATUSES) as MeetingStatus[]).map((s) => ({ value: s, label: MEETING_STATUSES[s] }));

/** 联席会议: the institute's meetings, newest first; the institute's staff plan new ones here. */
export default function MeetingsPage() {
  const session = useAdminSession();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const page = Number(params.get('page') ?? 1) || 1;
  const status = (params.get('status') as MeetingStatus | null) ?? undefined;
  const kind = (params.get('kind') as MeetingListItem['kind'] | null) ?? undefined;
  const list = useMeetings({ page, pageSize: 20, status, kind });
  const institute = session.roles.find((r) => r.role === 'institute_admin');
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="联席会议"
        description="实践所召开的联席会议、工作例会和专题会议：议程、签到、纪要和议定事项。"
        extra={
          <>
            <Link to="/admin/resolutions">
              <Button>议定事项督办</Button>
            </Link>
            <ExportButton url={urlFor(endpoints.exportMeetings, { query: { status, kind } })} fileName="会议列表.xlsx" />
            {institute ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                计划会议
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label="会议类型"
            allowClear
            placeholder="全部类型"
            options={KIND_OPTIONS}
            value={kind}
            onChange={(v) => set('kind', v)}
            style={{ minWidth: 140 }}
          />
          <Select
            aria-label="会议状态"
            allowClear
            placeholder="全部状态"
            options={STATUS_OPTIONS}
            value={status}
            onChange={(v) => set('status', v)}
            style={{ minWidth: 140 }}
          />
        </Flex>
        {list.error ? <Alert type="error" showIcon title="会议列表加载失败" description={list.error.message} /> : null}
        <Table<MeetingListItem>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          locale={{ emptyText: '还没有会议' }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 次会议`,
            onChange: (p) => set('page', String(p)),
          }}
          columns={[
            { title: '会议名称', dataIndex: 'title', render: (t: string, m) => <Link to={`/admin/meetings/${m.id}`}>{t}</Link> },
            { title: '类型', dataIndex: 'kind', width: 100, render: (k: MeetingListItem['kind']) => MEETING_KINDS[k] },
            { title: '时间', dataIndex: 'startsAt', width: 160, render: (v: string) => formatDateTime(v) },
            { title: '地点', dataIndex: 'place', width: 160 },
            { title: '签到', key: 'present', width: 90, render: (_v, m) => `${m.presentCount} / ${m.attendeeCount}` },
            { title: '议定事项', dataIndex: 'resolutionCount', width: 90 },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: MeetingStatus) => <MeetingStatusTag status={s} /> },
          ]}
        />
      </Card>
      {creating && institute ? <MeetingFormModal instituteId={institute.unitId} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
