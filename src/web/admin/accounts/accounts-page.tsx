import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { type AccountView, ROLES, type Role } from '../../../shared/accounts';
import type { UnitKind } from '../../../shared/org';
import { formatClock, formatDateTime } from '../../lib/format';
import { type AccountListParams, useAccountAction, useAccounts, useResetPassword } from '../../lib/queries/accounts';
import { useUnits } from '../../lib/queries/org';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { CreateAccountModal, SecretModal } from './account-modals';
import { sortUnits } from '../org/helpers';
import { useAdminSession } from '../session-context';

/** Which unit kinds a role can be granted on. */
export const ROLE_UNIT_KINDS: Record<Role, UnitKind[]> = {
  district_viewer: ['district'],
  district_admin: ['district'],
  institute_admin: ['institute'],
  station_admin: ['station'],
  team_leader: ['institute', 'station'],
  volunteer: ['institute', 'station'],
  resident: ['institute', 'station'],
};

function status(account: AccountView): { label: string; tone: 'green' | 'red' | 'gold' | 'grey' } {
  if (account.disabled) return { label: '已停用', tone: 'grey' };
  if (account.lockedUntil && new Date(account.lockedUntil).getTime() > Date.now()) {
    return { label: `锁定至 ${formatClock(account.lockedUntil)}`, tone: 'red' };
  }
  if (account.mustChangePassword) return { label: '待修改密码', tone: 'gold' };
  return { label: '正常', tone: 'green' };
}

export type Secret = { title: string; username: string; displayName: string; password: string };

export default function AccountsPage() {
  const session = useAdminSession();
  const { message } = App.useApp();
  const [params, setParams] = useState<AccountListParams>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<Secret | null>(null);
  const accounts = useAccounts(params);
  const units = useUnits();
  const action = useAccountAction();
  const reset = useResetPassword();
  const unitOptions = useMemo(() => sortUnits(units.data ?? []).map((u) => ({ value: u.id, label: u.name })), [units.data]);

  const run = (account: AccountView, kind: 'disable' | 'enable' | 'revoke-sessions') => {
    const done = { disable: '已停用', enable: '已启用', 'revoke-sessions': '已强制下线' }[kind];
    return action.mutateAsync({ id: account.id, action: kind }).then(
      () => void message.success(`${done}：${account.displayName}`),
      (err: Error) => void message.error(err.message),
    );
  };

  const resetPassword = (account: AccountView) =>
    reset.mutateAsync(account.id).then(
      (r) => setSecret({ title: '密码已重置', username: account.username, displayName: account.displayName, password: r.oneTimePassword }),
      (err: Error) => void message.error(err.message),
    );

  const columns: ColumnsType<AccountView> = [
    {
      title: '姓名',
      dataIndex: 'displayName',
      width: 120,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <strong>{a.displayName}</strong>
          <Typography.Text type="secondary">{a.username}</Typography.Text>
        </Space>
      ),
    },
    { title: '手机号', dataIndex: 'phoneMasked', width: 116, render: (v: string | null) => v ?? '—' },
    {
      title: '角色与单位',
      key: 'roles',
      render: (_, a) =>
        a.roles.length ? (
          <Flex vertical gap={4} align="flex-start">
            {a.roles.map((g) => (
              <span key={`${g.role}-${g.unitId}`}>
                <ToneTag tone={ROLES[g.role].staff ? 'red' : 'grey'}>{ROLES[g.role].label}</ToneTag>
                {g.unitName}
              </span>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">未分配</Typography.Text>
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, a) => {
        const s = status(a);
        return <ToneTag tone={s.tone}>{s.label}</ToneTag>;
      },
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 172, render: (v: string | null) => (v ? formatDateTime(v) : '从未登录') },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, a) => {
        const self = a.id === session.account.id;
        return (
          <Space size={0}>
            <Popconfirm
              title={`重置「${a.displayName}」的密码？`}
              description="将生成一次性密码，原密码和双因素登录（如已启用）立即失效，对方需用新密码登录后自行修改，并按规则重新设置身份验证器。"
              okText="重置"
              onConfirm={() => resetPassword(a)}
            >
              <Button type="link" size="small" aria-label={`重置 ${a.displayName} 的密码`}>
                重置密码
              </Button>
            </Popconfirm>
            <Popconfirm
              title={`强制「${a.displayName}」下线？`}
              description="该账号在所有设备上的登录都将立即失效。"
              okText="强制下线"
              okButtonProps={{ danger: true }}
              onConfirm={() => run(a, 'revoke-sessions')}
            >
              <Button type="link" size="small" aria-label={`强制 ${a.displayName} 下线`}>
                强制下线
              </Button>
            </Popconfirm>
            {self ? null : a.disabled ? (
              <Button type="link" size="small" onClick={() => void run(a, 'enable')} aria-label={`启用 ${a.displayName}`}>
                启用
              </Button>
            ) : (
              <Popconfirm
                title={`停用「${a.displayName}」？`}
                description="停用后该账号不能登录，已登录的设备立即下线。可随时重新启用。"
                okText="停用"
                okButtonProps={{ danger: true }}
                onConfirm={() => run(a, 'disable')}
              >
                <Button type="link" size="small" danger aria-label={`停用 ${a.displayName}`}>
                  停用
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="账号管理"
        description="为工作人员、队长、志愿者和居民开通账号。新账号和重置后的密码只显示一次，对方首次登录后须自行修改。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        }
      />
      {accounts.error ? <Alert type="error" showIcon title="账号列表加载失败" description={accounts.error.message} style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="账号、姓名或手机号"
            aria-label="按账号、姓名或手机号查找"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setParams((p) => ({ ...p, q: q.trim() || undefined, page: 1 }))}
            enterButton="查找"
            style={{ width: 320, maxWidth: '100%' }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部单位"
            aria-label="按单位筛选"
            style={{ width: 280, maxWidth: '100%' }}
            options={unitOptions}
            value={params.unitId}
            onChange={(unitId?: string) => setParams((p) => ({ ...p, unitId, page: 1 }))}
          />
        </Flex>
        <Table<AccountView>
          rowKey="id"
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          loading={accounts.isFetching}
          scroll={{ x: 940 }}
          locale={{ emptyText: params.q || params.unitId ? '没有符合条件的账号' : '暂无账号' }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: accounts.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 个账号`,
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
        />
      </Card>
      {creating ? (
        <CreateAccountModal
          units={units.data ?? []}
          creatorIsInstituteAdmin={hasRole(session, 'institute_admin')}
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
