import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { POINT_KINDS, type PointKind } from '../../../shared/points';
import { errorMessage } from '../../lib/api';
import { useUnits } from '../../lib/queries/org';
import { downloadPointLedger, type PointEntry, type PointHolder, usePointHolders, usePointLedger, useVerifyPoints } from '../../lib/queries/points';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { sortUnits } from '../org/helpers';
import { pointsText, SourceCell } from './point-cells';
import { StatementDrawer } from './statement-drawer';
import { useAdminSession } from '../session-context';

const KIND_OPTIONS = (Object.keys(POINT_KINDS) as PointKind[]).map((k) => ({ value: k, label: POINT_KINDS[k] }));

function HoldersTab({ stations }: { stations: { value: string; label: string }[] }) {
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const holders = usePointHolders({ q: q || undefined, unitId, ...paging });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索志愿者"
          placeholder="姓名或志愿者编号"
          allowClear
          style={{ width: 260, maxWidth: '100%' }}
          onSearch={(v) => {
            setQ(v.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        {stations.length > 1 ? (
          <Select
            aria-label="实践站"
            allowClear
            placeholder="全部实践站"
            style={{ width: 260, maxWidth: '100%' }}
            options={stations}
            value={unitId}
            onChange={(u) => {
              setUnitId(u);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
        ) : null}
      </Flex>
      {holders.error ? <Alert type="error" showIcon title="志愿者积分加载失败" description={errorMessage(holders.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<PointHolder>
        rowKey="volunteerId"
        size="middle"
        loading={holders.isFetching}
        dataSource={holders.data?.items ?? []}
        scroll={{ x: 720 }}
        locale={{ emptyText: q ? '没有找到符合条件的志愿者' : '暂无志愿者' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: holders.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: '志愿者',
            dataIndex: 'name',
            render: (name: string, h) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(h.volunteerId)}>
                {name}
              </Button>
            ),
          },
          { title: '余额', dataIndex: 'balance', align: 'right', render: (n: number) => <strong>{n}</strong> },
          { title: '编号', dataIndex: 'volunteerNo', render: (v: string | null) => v ?? '—' },
          { title: '实践站', dataIndex: 'stationName' },
          { title: '累计获得', dataIndex: 'issued', align: 'right' },
          { title: '已兑换', dataIndex: 'spent', align: 'right' },
          { title: '已过期', dataIndex: 'expired', align: 'right' },
          {
            title: '操作',
            key: 'op',
            render: (_, h) => (
              <Button size="small" onClick={() => setOpen(h.volunteerId)} aria-label={`查看${h.name}的积分明细`}>
                明细
              </Button>
            ),
          },
        ]}
      />
      {open ? <StatementDrawer volunteerId={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function LedgerTab({ units }: { units: { value: string; label: string }[] }) {
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<PointKind | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [exporting, setExporting] = useState(false);
  const filter = { unitId, kind, month: month ? month.format('YYYY-MM') : undefined };
  const ledger = usePointLedger({ ...filter, ...paging });
  const reset = () => setPaging((p) => ({ ...p, page: 1 }));
  const exportXlsx = async () => {
    setExporting(true);
    try {
      message.success(`已导出 ${await downloadPointLedger(filter)}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          aria-label="月份"
          placeholder="全部月份"
          value={month}
          onChange={(m) => {
            setMonth(m);
            reset();
          }}
        />
        <Select
          aria-label="类型"
          allowClear
          placeholder="全部类型"
          style={{ width: 160 }}
          options={KIND_OPTIONS}
          value={kind}
          onChange={(k) => {
            setKind(k);
            reset();
          }}
        />
        {units.length > 1 ? (
          <Select
            aria-label="单位"
            allowClear
            placeholder="全部单位"
            style={{ width: 260, maxWidth: '100%' }}
            options={units}
            value={unitId}
            onChange={(u) => {
              setUnitId(u);
              reset();
            }}
          />
        ) : null}
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </Flex>
      {ledger.error ? <Alert type="error" showIcon title="积分台账加载失败" description={errorMessage(ledger.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<PointEntry>
        rowKey="id"
        size="middle"
        loading={ledger.isFetching}
        dataSource={ledger.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: '该条件下没有积分记录' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: ledger.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 150, render: (t: string) => new Date(t).toLocaleString('zh-CN', { hour12: false }) },
          { title: '志愿者', dataIndex: 'volunteerName', width: 100 },
          { title: '类型', dataIndex: 'kind', width: 110, render: (k: PointKind) => <Tag>{POINT_KINDS[k]}</Tag> },
          { title: '积分', dataIndex: 'points', width: 80, align: 'right', render: pointsText },
          { title: '来源', key: 'source', width: 130, render: (_, e) => <SourceCell entry={e} /> },
          { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
          { title: '经办人', dataIndex: 'createdByName', width: 100, render: (n: string | null) => n ?? '系统' },
        ]}
      />
    </>
  );
}

/** 核对积分账: every balance equals its entries, and issued − spent − expired = the balances (the institute's admin). */
function VerifyButton() {
  const verify = useVerifyPoints();
  const [open, setOpen] = useState(false);
  const r = verify.data;
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
          verify.mutate();
        }}
      >
        核对积分账
      </Button>
      <Modal title="核对积分账" open={open} onCancel={() => setOpen(false)} footer={<Button onClick={() => setOpen(false)}>关闭</Button>} width={640}>
        {verify.isPending ? (
          <Alert type="info" showIcon title="正在核对每位志愿者的余额与积分流水…" />
        ) : verify.error ? (
          <Alert type="error" showIcon title="核对失败" description={errorMessage(verify.error)} />
        ) : r ? (
          <>
            <Alert
              type={r.ok ? 'success' : 'error'}
              showIcon
              title={r.ok ? '账实相符' : `有 ${r.mismatches.length} 位志愿者的余额与流水不符`}
              description={`累计获得 ${r.issued} − 已兑换 ${r.spent} − 已过期 ${r.expired} = ${r.issued - r.spent - r.expired}；余额合计 ${r.balance}；流水合计 ${r.entriesSum}。`}
              style={{ marginBottom: 12 }}
            />
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="志愿者">{r.volunteers} 人</Descriptions.Item>
              <Descriptions.Item label="余额合计">{r.balance}</Descriptions.Item>
              <Descriptions.Item label="累计获得">{r.issued}</Descriptions.Item>
              <Descriptions.Item label="已兑换">{r.spent}</Descriptions.Item>
              <Descriptions.Item label="已过期">{r.expired}</Descriptions.Item>
              <Descriptions.Item label="流水合计">{r.entriesSum}</Descriptions.Item>
            </Descriptions>
            {r.mismatches.length > 0 ? (
              <Table
                rowKey="volunteerId"
                size="small"
                style={{ marginTop: 12 }}
                pagination={false}
                dataSource={r.mismatches}
                columns={[
                  { title: '志愿者', dataIndex: 'name' },
                  { title: '余额', dataIndex: 'balance' },
                  { title: '流水合计', dataIndex: 'entriesSum' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Modal>
    </>
  );
}

export default function PointsPage() {
  const session = useAdminSession();
  const units = useUnits();
  const all = useMemo(() => sortUnits((units.data ?? []).filter((u) => !u.archived && (u.kind === 'institute' || u.kind === 'station'))), [units.data]);
  const unitOptions = all.map((u) => ({ value: u.id, label: u.name }));
  const stationOptions = all.filter((u) => u.kind === 'station').map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <PageHeader
        title="积分"
        description="工作方案五、（二）激励回馈：志愿者的服务时长经认定后按规则计入积分，点单好评、活动奖励另行计分；工作人员可写明原因发放或扣减。积分账只增不改，更正和撤销都以反向记录留痕。"
        extra={hasRole(session, 'institute_admin') ? <VerifyButton /> : null}
      />
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'holders', label: '志愿者积分', children: <HoldersTab stations={stationOptions} /> },
            { key: 'ledger', label: '积分台账', children: <LedgerTab units={unitOptions} /> },
          ]}
        />
      </Card>
    </>
  );
}
