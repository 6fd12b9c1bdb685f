import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ROLES } from '../../../shared/accounts';
import type { DistrictAccountView, StreetSummary, StreetView } from '../../../shared/district';
import { formatDateTime } from '../../lib/format';
import { useDistrictAccounts, useDistrictSummary, useSetDistrictAccountStatus, useSetStreetAdminStatus, useStreets } from '../../lib/queries/district';
import { SecretModal } from '../accounts/account-modals';
import type { Secret } from '../accounts/accounts-page';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { CreateDistrictAccountModal } from './district-account-modal';
import { CreateStreetModal } from './street-modal';

/** 区级管理: the district's streets (create one with its admin, disable an admin), their figures side by side, and the district's own accounts. */
export default function DistrictPage() {
  const streets = useStreets();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<Secret | null>(null);
  const managed = streets.data?.districts.find((d) => d.canManage);
  return (
    <>
      <PageHeader
        title="区级管理"
        description="本区各街道新时代文明实践所：新建街道及其实践所管理员，停用管理员账号，按街道汇总志愿者、服务时长、活动和点单；管理本区的区级账号。各街道的数据彼此不可见，区里只读。"
        extra={
          managed ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建街道
            </Button>
          ) : null
        }
      />
      {streets.error ? <Alert type="error" showIcon title="街道加载失败" description={streets.error.message} style={{ marginBottom: 16 }} /> : null}
      <SummaryCard />
      <StreetsCard streets={streets.data?.items ?? []} loading={streets.isFetching} canManage={!!managed} />
      <DistrictAccountsCard onCreated={setSecret} />
      {creating && managed ? (
        <CreateStreetModal
          districtId={managed.id}
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
          }}
        />
      ) : null}
      {secret ? <SecretModal secret={secret} onClose={() => setSecret(null)} /> : null}
    </>
  );
}

function SummaryCard() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const summary = useDistrictSummary(year);
  const rows = summary.data?.streets ?? [];
  const columns: ColumnsType<StreetSummary> = [
    {
      title: '街道',
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {s.code ? <Typography.Text type="secondary">代码 {s.code}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: '实践站', dataIndex: 'stations', align: 'right' },
    { title: '志愿者', dataIndex: 'volunteers', align: 'right' },
    { title: `${year} 年服务时长`, dataIndex: 'approvedHours', align: 'right', render: (h: number) => `${h} 小时` },
    { title: '活动', dataIndex: 'activities', align: 'right' },
    { title: '点单（已完成）', key: 'orders', align: 'right', render: (_, s) => `${s.ordersPlaced}（${s.ordersDone}）` },
    {
      title: '上月每站活动达标',
      key: 'rule',
      render: (_, s) => {
        const r = s.monthlyRule;
        const ok = r.stations > 0 && r.stationsMeeting === r.stations;
        return (
          <Space direction="vertical" size={0}>
            <ToneTag tone={r.stations === 0 ? 'grey' : ok ? 'green' : 'gold'}>
              {r.stationsMeeting}/{r.stations} 站
            </ToneTag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.month}，每站至少 {r.minimum} 次
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: '查看',
      key: 'drill',
      render: (_, s) => (
        <Space wrap size={4}>
          <Link to={`/admin/reports?institute=${s.id}`}>工作报表</Link>
          <a href={`/admin/screen?unit=${s.id}`} target="_blank" rel="noreferrer">
            数据大屏
          </a>
        </Space>
      ),
    },
  ];
  const t = summary.data?.totals;
  return (
    <Card
      variant="borderless"
      title="按街道汇总"
      extra={
        <Select
          aria-label="选择年份"
          value={year}
          onChange={setYear}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
          style={{ width: 110 }}
        />
      }
      style={{ marginBottom: 16 }}
    >
      {summary.error ? <Alert type="error" showIcon title="汇总加载失败" description={summary.error.message} /> : null}
      <Table<StreetSummary>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={summary.isFetching}
        pagination={false}
        scroll={{ x: 980 }}
        locale={{ emptyText: '本区还没有街道' }}
        summary={() =>
          t && rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>全区合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {t.stations}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {t.volunteers}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {t.approvedHours} 小时
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {t.activities}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {t.ordersPlaced}（{t.ordersDone}）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

function StreetsCard({ streets, loading, canManage }: { streets: StreetView[]; loading: boolean; canManage: boolean }) {
  const { message } = App.useApp();
  const setStatus = useSetStreetAdminStatus();
  const toggle = (accountId: string, name: string, disabled: boolean) =>
    setStatus.mutateAsync({ accountId, disabled }).then(
      () => message.success(`${disabled ? '已停用' : '已启用'}：${name}`),
      (err: Error) => message.error(err.message),
    );
  const columns: ColumnsType<StreetView> = [
    { title: '街道实践所', dataIndex: 'name', render: (n: string, s) => (s.archived ? `${n}（已停用）` : n) },
    { title: '代码', dataIndex: 'code', render: (c: string | null) => c ?? '—' },
    { title: '地址', dataIndex: 'address', render: (a: string | null) => a ?? '—' },
    { title: '实践站', dataIndex: 'stations', align: 'right' },
    {
      title: '实践所管理员',
      key: 'admins',
      render: (_, s) =>
        s.admins.length === 0 ? (
          '—'
        ) : (
          <Flex vertical gap={6}>
            {s.admins.map((a) => (
              <Flex key={a.accountId} gap={8} align="center" wrap>
                <span>
                  {a.displayName}（{a.username}）
                </span>
                {a.disabled ? <ToneTag tone="grey">已停用</ToneTag> : <ToneTag tone="green">正常</ToneTag>}
                {canManage ? (
                  <Popconfirm
                    title={a.disabled ? `启用 ${a.displayName} 的账号？` : `停用 ${a.displayName} 的账号？`}
                    description={a.disabled ? undefined : '停用后其登录会话立即失效。'}
                    okText={a.disabled ? '启用' : '停用'}
                    onConfirm={() => toggle(a.accountId, a.displayName, !a.disabled)}
                  >
                    <Button size="small" danger={!a.disabled}>
                      {a.disabled ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ))}
          </Flex>
        ),
    },
  ];
  return (
    <Card variant="borderless" title="街道与管理员">
      <Table<StreetView>
        rowKey="id"
        columns={columns}
        dataSource={streets}
        loading={loading}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: '本区还没有街道' }}
      />
    </Card>
  );
}

/** 区级账号: the district's own admins and viewers; a district admin adds one and disables or enables the others. */
function DistrictAccountsCard({ onCreated }: { onCreated: (s: Secret) => void }) {
  const { message } = App.useApp();
  const accounts = useDistrictAccounts();
  const setStatus = useSetDistrictAccountStatus();
  const [creating, setCreating] = useState(false);
  const managed = accounts.data?.districts.find((d) => d.canManage);
  const toggle = (a: DistrictAccountView, disabled: boolean) =>
    setStatus.mutateAsync({ accountId: a.accountId, disabled }).then(
      () => message.success(`${disabled ? '已停用' : '已启用'}：${a.displayName}`),
      (err: Error) => message.error(err.message),
    );
  const columns: ColumnsType<DistrictAccountView> = [
    { title: '账号', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName', render: (n: string, a) => (a.self ? `${n}（本人）` : n) },
    { title: '角色', dataIndex: 'role', render: (r: DistrictAccountView['role']) => ROLES[r].label },
    {
      title: '状态',
      key: 'status',
      render: (_, a) =>
        a.disabled ? (
          <ToneTag tone="grey">已停用</ToneTag>
        ) : a.mustChangePassword ? (
          <ToneTag tone="gold">待首次登录改密</ToneTag>
        ) : (
          <ToneTag tone="green">正常</ToneTag>
        ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? formatDateTime(v) : '从未登录') },
  ];
  if (managed)
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, a) =>
        a.self || a.districtId !== managed.id ? null : (
          <Popconfirm
            title={a.disabled ? `启用 ${a.displayName} 的账号？` : `停用 ${a.displayName} 的账号？`}
            description={a.disabled ? undefined : '停用后其登录会话立即失效。'}
            okText={a.disabled ? '启用' : '停用'}
            cancelText="取消"
            onConfirm={() => toggle(a, !a.disabled)}
          >
            <Button size="small" danger={!a.disabled}>
              {a.disabled ? '启用' : '停用'}
            </Button>
          </Popconfirm>
        ),
    });
  return (
    <Card
      variant="borderless"
      title="区级账号"
      extra={managed ? <Button onClick={() => setCreating(true)}>新增区级账号</Button> : <Typography.Text type="secondary">只读</Typography.Text>}
      style={{ marginTop: 16 }}
    >
      {accounts.error ? <Alert type="error" showIcon title="区级账号加载失败" description={accounts.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<DistrictAccountView>
        rowKey={(a) => `${a.districtId}:${a.accountId}`}
        columns={columns}
        dataSource={accounts.data?.items ?? []}
        loading={accounts.isFetching}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: '本区还没有区级账号' }}
      />
      {creating && managed ? (
        <CreateDistrictAccountModal
          districtId={managed.id}
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            onCreated(s);
          }}
        />
      ) : null}
    </Card>
  );
}
