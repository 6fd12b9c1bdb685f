import { Form, Input, Radio } from 'antd';
import { ROLES } from '../../../shared/accounts';
import { CreateDistrictAccountInput, DISTRICT_ROLES, type DistrictRole } from '../../../shared/district';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCreateDistrictAccount } from '../../lib/queries/district';
import type { Secret } from '../accounts/accounts-page';

const S = CreateDistrictAccountInput.shape;

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  role: DistrictRole;
}

/** 新增区级账号: another district admin or a district viewer (read-only), whose one-time password is shown once. */
export function CreateDistrictAccountModal({ districtId, onClose, onCreated }: { districtId: string; onClose: () => void; onCreated: (s: Secret) => void }) {
  const [form] = Form.useForm<Values>();
  const submit = useSubmit(form, useCreateDistrictAccount(), {
    input: (v): CreateDistrictAccountInput => ({
      districtId,
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      role: v.role,
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
    }),
    onDone: (created) =>
      onCreated({
        title: `已新增${ROLES[created.account.role].label}账号`,
        username: created.account.username,
        displayName: created.account.displayName,
        password: created.oneTimePassword,
      }),
    byCode: { 'account.duplicate_username': 'username', 'account.duplicate_phone': 'phone' },
  });
  return (
    <FormModal
      name="district-account-create"
      form={form}
      submit={submit}
      title="新增区级账号"
      okText="创建"
      cancelText="取消"
      onClose={onClose}
      requiredMark="optional"
      initialValues={{ role: 'district_viewer' }}
    >
      <Form.Item name="username" label="账号" extra="用于登录，创建后不能修改" rules={rulesFrom(S.username, { required: '请输入账号名' })}>
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={rulesFrom(S.displayName, { required: '请输入姓名' })}>
        <Input autoComplete="off" maxLength={limitsOf(S.displayName).maxLength} />
      </Form.Item>
      <Form.Item name="phone" label="手机号" rules={rulesFrom(S.phone)}>
        <Input inputMode="tel" autoComplete="off" maxLength={11} />
      </Form.Item>
      <Form.Item
        name="role"
        label="角色"
        extra="区级管理员可新建街道、管理账号；区中心查看只能查看，不能修改任何数据"
        rules={[{ required: true, message: '请选择角色' }]}
      >
        <Radio.Group options={DISTRICT_ROLES.map((r) => ({ value: r, label: ROLES[r].label }))} />
      </Form.Item>
    </FormModal>
  );
}
