import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { type AccountView, type CreateAccountInput, ROLES, type Role } from '../../../shared/accounts';
import type { UnitKind, UnitView } from '../../../shared/org';
import { formatClock, formatDateTime } from '../../lib/format';
import { type AccountListParams, useAccountAction, useAccounts, useCreateAccount, useResetPassword } from '../../lib/queries/accounts';
import { useUnits } from '../../lib/queries/org';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { applyServerErrors } from '../form-errors';
import { sortUnits } from '../org/helpers';
import { useAdminSession } from '../session-context';

/** Which unit kinds a role can be granted on. */
const ROLE_UNIT_KINDS: Record<Role, UnitKind[]> = {
  district_viewer: ['district'],
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

type Secret = { title: string; username: string; displayName: string; password: string };

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
      () => message.success(`${done}：${account.displayName}`),
      (err: Error) => message.error(err.message),
    );
  };

  const resetPassword = (account: AccountView) =>
    reset.mutateAsync(account.id).then(
      (r) => setSecret({ title: '密码已重置', username: account.username, displayName: account.displayName, password: r.oneTimePassword }),
      (err: Error) => message.error(err.message),
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
              description="将生成一次性密码，原密码立即失效，对方需用新密码登录后自行修改。"
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

interface CreateValues {
  username: string;
  displayName: string;
  phone?: string;
  role: Role;
  unitId: string;
}

function CreateAccountModal({
  units,
  creatorIsInstituteAdmin,
  onClose,
  onCreated,
}: {
  units: UnitView[];
  creatorIsInstituteAdmin: boolean;
  onClose: () => void;
  onCreated: (s: Secret) => void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateAccount();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  // Station admins open accounts for their own community; the server enforces the same rule.
  const roles: Role[] = creatorIsInstituteAdmin
    ? ['institute_admin', 'station_admin', 'team_leader', 'volunteer', 'resident']
    : ['team_leader', 'volunteer', 'resident'];
  const kinds = role ? ROLE_UNIT_KINDS[role] : [];
  const unitOptions = sortUnits(units.filter((u) => !u.archived && kinds.includes(u.kind))).map((u) => ({ value: u.id, label: u.name }));

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    const input: CreateAccountInput = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      role: values.role,
      unitId: values.unitId,
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
    };
    try {
      const created = await create.mutateAsync(input);
      onCreated({ title: '账号已创建', username: created.account.username, displayName: created.account.displayName, password: created.oneTimePassword });
    } catch (err) {
      setError(applyServerErrors(form, err, { 'account.duplicate_username': 'username', 'account.duplicate_phone': 'phone' }));
    }
  };

  return (
    <Modal open title="新建账号" okText="创建" onOk={submit} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden>
      <Form name="account-create" form={form} layout="vertical" requiredMark="optional" initialValues={{ role: 'volunteer' }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="username"
          label="账号名"
          extra="3–32 位字母、数字或 _ . -，以字母开头；用于登录，创建后不能修改"
          rules={[
            { required: true, message: '请输入账号名' },
            { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: '账号名为 3–32 位字母、数字或 _ . -，以字母开头' },
          ]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32, message: '最多 32 个字' }]}>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="phone" label="手机号" extra="可用手机号登录；仅工作人员可见部分号码" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}>
          <Input inputMode="tel" autoComplete="off" maxLength={11} />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={roles.map((r) => ({ value: r, label: ROLES[r].label }))}
            onChange={() => form.setFieldValue('unitId', undefined)}
          />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="选择实践所或实践站" notFoundContent="没有可选的单位" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SecretModal({ secret, onClose }: { secret: Secret; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.password);
      message.success('已复制到剪贴板');
    } catch {
      message.warning('无法自动复制，请手动抄写');
    }
  };

  return (
    <Modal
      open
      title={secret.title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      <Alert type="warning" showIcon title="一次性密码只显示这一次" description="关闭后无法再次查看。请当面或电话告知本人，对方首次登录后须立即修改密码。" />
      <dl style={{ margin: '16px 0 0', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '8px 16px', alignItems: 'center' }}>
        <dt>姓名</dt>
        <dd style={{ margin: 0 }}>{secret.displayName}</dd>
        <dt>账号</dt>
        <dd style={{ margin: 0 }}>{secret.username}</dd>
        <dt>一次性密码</dt>
        <dd style={{ margin: 0 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text code style={{ fontSize: 18, letterSpacing: 1 }} data-testid="one-time-password">
              {secret.password}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              复制
            </Button>
          </Flex>
        </dd>
      </dl>
    </Modal>
  );
}
