import { Alert, App, Button, Card, Flex, Grid, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ROLES } from '../../../shared/accounts';
import type { DistrictAccountView, DistrictSummaryView, StreetSummary, StreetView } from '../../../shared/district';
import { formatDateTime } from '../../lib/format';
import { useDistrictAccounts, useDistrictSummary, useSetDistrictAccountStatus, useSetStreetAdminStatus, useStreets } from '../../lib/queries/district';
import { SecretModal } from '../accounts/account-modals';
import type { Secret } from '../accounts/accounts-page';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { CreateDistrictAccountModal } from './district-account-modal';
import styles from './district.module.css';
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
        description={
          managed || !streets.data
            ? '本区各街道新时代文明实践所：新建街道及其实践所管理员，停用管理员账号，按街道汇总志愿者、服务时长、活动和点单；管理本区的区级账号。各街道的数据彼此不可见，区里只读。'
            : '本区各街道新时代文明实践所：按街道汇总志愿者、服务时长、活动和点单，可查看各街道的工作报表和数据大屏。您的账号只能查看，新建街道、停用账号由区级管理员办理。'
        }
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

/** A street's (or the district's) figures on a phone: each label beside its number, two pairs a line where they fit. */
function Figures({ of: f }: { of: DistrictSummaryView['totals'] }) {
  const pairs: [string, string][] = [
    ['实践站', `${f.stations}`],
    ['志愿者', `${f.volunteers}`],
    ['服务时长', `${f.approvedHours} 小时`],
    ['活动', `${f.activities}`],
    ['点单（已完成）', `${f.ordersPlaced}（${f.ordersDone}）`],
  ];
  return (
    <dl className={styles.figures}>
      {pairs.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The stations' monthly rule in the last finished month; a street without stations yet says so instead of "0/0". */
function MonthlyRuleCell({ rule }: { rule: StreetSummary['monthlyRule'] }) {
  const ok = rule.stations > 0 && rule.stationsMeeting === rule.stations;
  return (
    <Space orientation="vertical" size={0}>
      {rule.stations === 0 ? (
        <ToneTag tone="grey">尚无实践站</ToneTag>
      ) : (
        <ToneTag tone={ok ? 'green' : 'gold'}>
          {rule.stationsMeeting}/{rule.stations} 站达标
        </ToneTag>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rule.month}，每站至少 {rule.minimum} 次
      </Typography.Text>
    </Space>
  );
}

/** Drill-down to one street: its report here, its big screen in a tab of its own. */
function DrillLinks({ street }: { street: StreetSummary }) {
  return (
    <Space wrap size={12}>
      <Link to={`/admin/reports?institute=${street.id}`}>工作报表</Link>
      <a href={`/admin/screen?unit=${street.id}`} target="_blank" rel="noreferrer">
        数据大屏
      </a>
    </Space>
  );
}

function SummaryCard() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const summary = useDistrictSummary(year);
  const wide = Grid.useBreakpoint().md !== false;
  const rows = summary.data?.streets ?? [];
  const columns: ColumnsType<StreetSummary> = [
    {
      title: '街道',
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, s) => (
        <Space orientation="vertical" size={0}>
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
    { title: '上月每站活动达标', key: 'rule', render: (_, s) => <MonthlyRuleCell rule={s.monthlyRule} /> },
    { title: '查看', key: 'drill', render: (_, s) => <DrillLinks street={s} /> },
  ];
  // On a phone: one column, each street's figures under its name, no sideways scrolling.
  const compact: ColumnsType<StreetSummary> = [
    {
      title: `街道（${year} 年）`,
      key: 'street',
      render: (_, s) => (
        <Flex vertical gap={6}>
          <Typography.Text strong>{s.name}</Typography.Text>
          <Figures of={s} />
          <MonthlyRuleCell rule={s.monthlyRule} />
          <DrillLinks street={s} />
        </Flex>
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
        columns={wide ? columns : compact}
        dataSource={rows}
        loading={summary.isFetching}
        pagination={false}
        scroll={wide ? { x: 980 } : undefined}
        locale={{ emptyText: '本区还没有街道' }}
        summary={() =>
          t && rows.length > 1 && !wide ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Flex vertical gap={6}>
                  <Typography.Text strong>全区合计</Typography.Text>
                  <Figures of={t} />
                </Flex>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : t && rows.length > 1 ? (
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
    // The confirmation closes when this settles: the callbacks must not return the toast (a thenable that settles
    // only when the toast fades, 3 s later, the confirm button spinning all the while).
    setStatus.mutateAsync({ accountId, disabled }).then(
      () => {
        message.success(`${disabled ? '已停用' : '已启用'}：${name}`);
      },
      (err: Error) => {
        message.error(err.message);
      },
    );
  const wide = Grid.useBreakpoint().md !== false;
  const nameOf = (s: StreetView) => (s.archived ? `${s.name}（已停用）` : s.name);
  const columns: ColumnsType<StreetView> = [
    ...(wide
      ? ([
          { title: '街道实践所', dataIndex: 'name', render: (_: string, s: StreetView) => nameOf(s) },
          { title: '代码', dataIndex: 'code', render: (c: string | null) => c ?? '—' },
          { title: '地址', dataIndex: 'address', render: (a: string | null) => a ?? '—' },
          { title: '实践站', dataIndex: 'stations', align: 'right' },
        ] satisfies ColumnsType<StreetView>)
      : ([
          // On a phone: the street and its details in one column, the admins (and their buttons) beside it.
          {
            title: '街道实践所',
            key: 'street',
            render: (_: unknown, s: StreetView) => (
              <Space orientation="vertical" size={0}>
                <span>{nameOf(s)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[s.code ? `代码 ${s.code}` : null, `${s.stations} 个实践站`, s.address].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Space>
            ),
          },
        ] satisfies ColumnsType<StreetView>)),
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
        scroll={wide ? { x: 860 } : undefined}
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
      () => {
        message.success(`${disabled ? '已停用' : '已启用'}：${a.displayName}`);
      },
      (err: Error) => {
        message.error(err.message);
      },
    );
  const status = (a: DistrictAccountView) =>
    a.disabled ? (
      <ToneTag tone="grey">已停用</ToneTag>
    ) : a.mustChangePassword ? (
      <ToneTag tone="gold">待首次登录改密</ToneTag>
    ) : (
      <ToneTag tone="green">正常</ToneTag>
    );
  const lastLogin = (v: string | null) => (v ? formatDateTime(v) : '从未登录');
  const action = (a: DistrictAccountView) =>
    !managed || a.self || a.districtId !== managed.id ? null : (
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
    );
  const wide = Grid.useBreakpoint().md !== false;
  const columns: ColumnsType<DistrictAccountView> = wide
    ? [
        { title: '账号', dataIndex: 'username' },
        { title: '姓名', dataIndex: 'displayName', render: (n: string, a) => (a.self ? `${n}（本人）` : n) },
        { title: '角色', dataIndex: 'role', render: (r: DistrictAccountView['role']) => ROLES[r].label },
        { title: '状态', key: 'status', render: (_, a) => status(a) },
        { title: '最近登录', dataIndex: 'lastLoginAt', render: lastLogin },
        ...(managed ? [{ title: '操作', key: 'actions', render: (_: unknown, a: DistrictAccountView) => action(a) }] : []),
      ]
    : [
        // On a phone: who (with account, role and last login under the name), and the status with its button.
        {
          title: '账号',
          key: 'who',
          render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <span>{a.self ? `${a.displayName}（本人）` : a.displayName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.username} · {ROLES[a.role].label} · 最近登录 {lastLogin(a.lastLoginAt)}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: '状态',
          key: 'status',
          render: (_, a) => (
            <Flex gap={6} align="center" wrap>
              {status(a)}
              {action(a)}
            </Flex>
          ),
        },
      ];
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
        scroll={wide ? { x: 720 } : undefined}
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
