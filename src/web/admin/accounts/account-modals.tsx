import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { CreateAccountInput, ROLES, type Role } from '../../../shared/accounts';
import type { UnitView } from '../../../shared/org';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCreateAccount } from '../../lib/queries/accounts';
import { sortUnits } from '../org/helpers';
import { ROLE_UNIT_KINDS, type Secret } from './accounts-page';

const A = CreateAccountInput.shape;

interface CreateValues {
  username: string;
  displayName: string;
  phone?: string;
  role: Role;
  unitId: string;
}

export function CreateAccountModal({
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
  const role = Form.useWatch('role', form);
  // Station admins open accounts for their own community; the server enforces the same rule.
  const roles: Role[] = creatorIsInstituteAdmin
    ? ['institute_admin', 'station_admin', 'team_leader', 'volunteer', 'resident']
    : ['team_leader', 'volunteer', 'resident'];
  const kinds = role ? ROLE_UNIT_KINDS[role] : [];
  const unitOptions = sortUnits(units.filter((u) => !u.archived && kinds.includes(u.kind))).map((u) => ({ value: u.id, label: u.name }));

  const submit = useSubmit(form, useCreateAccount(), {
    input: (values): CreateAccountInput => ({
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      role: values.role,
      unitId: values.unitId,
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
    }),
    onDone: (created) =>
      onCreated({ title: '账号已创建', username: created.account.username, displayName: created.account.displayName, password: created.oneTimePassword }),
    byCode: { 'account.duplicate_username': 'username', 'account.duplicate_phone': 'phone' },
  });

  return (
    <FormModal
      name="account-create"
      form={form}
      submit={submit}
      title="新建账号"
      okText="创建"
      onClose={onClose}
      requiredMark="optional"
      initialValues={{ role: 'volunteer' }}
    >
      <Form.Item
        name="username"
        label="账号名"
        extra="3–32 位字母、数字或 _ . -，以字母开头；用于登录，创建后不能修改"
        rules={rulesFrom(A.username, { required: '请输入账号名' })}
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={rulesFrom(A.displayName, { required: '请输入姓名' })}>
        <Input autoComplete="off" maxLength={limitsOf(A.displayName).maxLength} />
      </Form.Item>
      <Form.Item name="phone" label="手机号" extra="可用手机号登录；仅工作人员可见部分号码" rules={rulesFrom(A.phone)}>
        <Input inputMode="tel" autoComplete="off" maxLength={11} />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={roles.map((r) => ({ value: r, label: ROLES[r].label }))} onChange={() => form.setFieldValue('unitId', undefined)} />
      </Form.Item>
      <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="选择实践所或实践站" notFoundContent="没有可选的单位" />
      </Form.Item>
    </FormModal>
  );
}

export function SecretModal({ secret, onClose }: { secret: Secret; onClose: () => void }) {
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
