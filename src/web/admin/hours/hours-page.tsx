import { PlusOutlined } from '@ant-design/icons';
import { recordColumns } from './record-columns';
import { Alert, App, Button, Card, DatePicker, Flex, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ServiceRecordView } from '../../../shared/hours';
import * as hoursApi from '../../../shared/hours.endpoints';
import { ApiError, errorMessage, urlFor } from '../../lib/api';
import { ExportButton } from '../components/export-button';
import { type HoursListParams, useApproveMany, useDecideRecord, useHours } from '../../lib/queries/hours';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import { hoursText } from '../volunteers/volunteer-tags';
import { BackfillModal } from './backfill-modal';
import { HoursImportModal, HoursNationalExportDialog } from './hours-exchange';
import { CorrectionRequests } from './correction-requests';
import { CorrectionModal, RejectModal } from './decision-modals';

type TabKey = 'pending' | 'approved' | 'rejected' | 'requests';
const TABS: { key: TabKey; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已认定' },
  { key: 'rejected', label: '未通过' },
  { key: 'requests', label: '更正申请' },
];

export default function HoursPage() {
  const session = useAdminSession();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const tab = (TABS.find((t) => t.key === search.get('tab'))?.key ?? 'pending') as TabKey;
  const volunteerId = search.get('volunteerId') ?? undefined;
  const volunteerName = search.get('volunteerName') ?? undefined;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [failedId, setFailedId] = useState<string | null>(null);
  const [backfilling, setBackfilling] = useState(false);
  const [exchange, setExchange] = useState<'export' | 'import' | null>(null);
  const [rejecting, setRejecting] = useState<ServiceRecordView | null>(null);
  const [correcting, setCorrecting] = useState<ServiceRecordView | null>(null);
  const isInstitute = hasRole(session, 'institute_admin');

  const params: HoursListParams = {
    page,
    pageSize,
    status: tab === 'requests' ? undefined : tab,
    volunteerId,
    from: range?.[0].format('YYYY-MM-DD'),
    to: range?.[1].format('YYYY-MM-DD'),
  };
  const records = useHours(params, tab !== 'requests');
  const decide = useDecideRecord();
  const approveMany = useApproveMany();
  const rows = records.data?.items ?? [];
  const selectable = useMemo(() => new Set(rows.filter((r) => r.canDecide).map((r) => r.id)), [rows]);

  const switchTab = (key: string) => {
    const next = new URLSearchParams(search);
    next.set('tab', key);
    setSearch(next);
    setPage(1);
    setSelected([]);
    setFailedId(null);
  };

  const clearVolunteer = () => {
    const next = new URLSearchParams(search);
    next.delete('volunteerId');
    next.delete('volunteerName');
    setSearch(next);
    setPage(1);
  };

  const approve = (record: ServiceRecordView) =>
    decide.mutateAsync({ id: record.id, input: { decision: 'approve' } }).then(
      () => void message.success(`已认定：${record.volunteerName} ${hoursText(record.hours)}`),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const approveSelected = () =>
    approveMany.mutateAsync(selected).then(
      (r) => {
        message.success(`已认定 ${r.approved} 条记录`);
        setSelected([]);
        setFailedId(null);
      },
      (err: unknown) => {
        // All or nothing: the server names the record that stopped the batch.
        if (err instanceof ApiError && typeof err.details.recordId === 'string') setFailedId(err.details.recordId);
        message.error(`${errorMessage(err)}。本批记录均未认定，请取消勾选该条后重试。`);
      },
    );

  const columns = recordColumns({ tab, isInstitute, approve, setRejecting, setCorrecting });

  const recordsTable = (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          {volunteerId ? (
            <Space size={4}>
              <Tag>志愿者：{volunteerName ?? '已选'}</Tag>
              <Button size="small" onClick={clearVolunteer}>
                查看全部志愿者
              </Button>
            </Space>
          ) : null}
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v?.[0] && v[1] ? [v[0], v[1]] : null);
              setPage(1);
            }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            placeholder={['服务日期从', '到']}
            aria-label="按服务日期筛选"
          />
        </Space>
        {tab === 'pending' ? (
          <Popconfirm
            title={`批量认定选中的 ${selected.length} 条记录？`}
            description="全部成功或全部不变：任何一条不能认定，整批都不会认定。"
            okText="认定"
            onConfirm={approveSelected}
            disabled={selected.length === 0}
          >
            <Button type="primary" disabled={selected.length === 0} loading={approveMany.isPending}>
              批量认定{selected.length ? `（${selected.length}）` : ''}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {records.error ? <Alert type="error" showIcon title="服务记录加载失败" description={records.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<ServiceRecordView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={records.isFetching}
        scroll={{ x: 940 }}
        rowClassName={(r) => (r.id === failedId ? 'ant-table-row-selected' : '')}
        rowSelection={
          tab === 'pending'
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({ disabled: !selectable.has(r.id), 'aria-label': `选择 ${r.volunteerName} ${r.title}` }),
              }
            : undefined
        }
        locale={{
          emptyText: tab === 'pending' ? '没有待审核的服务记录' : tab === 'approved' ? '还没有已认定的服务记录' : '没有未通过的服务记录',
        }}
        pagination={{
          current: page,
          pageSize,
          total: records.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => (records.data?.totalCapped ? `超过 ${t} 条，请按日期或状态缩小范围` : `共 ${t} 条`),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title="服务记录"
        description="志愿服务时长台账。补录须附证明材料和原因，由录入人以外的工作人员审核；认定后不能修改，错误通过更正记录冲正。"
        extra={
          <>
            <ExportButton
              url={urlFor(hoursApi.exportHoursByVolunteer, { query: { status: params.status, volunteerId, from: params.from, to: params.to } })}
              fileName="服务时长按志愿者汇总.xlsx"
            />
            <Button onClick={() => setExchange('export')}>导出（全国系统格式）</Button>
            <Button onClick={() => setExchange('import')}>导入工时</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setBackfilling(true)}>
              补录
            </Button>
          </>
        }
      />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={switchTab}
          items={TABS.map((t) => ({
            key: t.key,
            label: t.label,
            children: t.key === 'requests' ? <CorrectionRequests /> : t.key === tab ? recordsTable : null,
          }))}
        />
      </Card>
      {backfilling ? <BackfillModal onClose={() => setBackfilling(false)} /> : null}
      {exchange === 'export' ? <HoursNationalExportDialog onClose={() => setExchange(null)} /> : null}
      {exchange === 'import' ? <HoursImportModal onClose={() => setExchange(null)} /> : null}
      {rejecting ? <RejectModal record={rejecting} onClose={() => setRejecting(null)} /> : null}
      {correcting ? <CorrectionModal record={correcting} onClose={() => setCorrecting(null)} /> : null}
    </>
  );
}
