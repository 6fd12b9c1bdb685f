import { Form, Input } from 'antd';
import { CreateStreetInput } from '../../../shared/district';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCreateStreet } from '../../lib/queries/district';
import type { Secret } from '../accounts/accounts-page';

const S = CreateStreetInput.shape;
const ADMIN = S.admin.shape;

interface Values {
  name: string;
  code: string;
  address?: string;
  username: string;
  displayName: string;
  phone?: string;
}

/** 新建街道: the institute and its first institute admin, whose one-time password is shown once. */
export function CreateStreetModal({ districtId, onClose, onCreated }: { districtId: string; onClose: () => void; onCreated: (s: Secret) => void }) {
  const [form] = Form.useForm<Values>();
  const submit = useSubmit(form, useCreateStreet(), {
    input: (v): CreateStreetInput => ({
      districtId,
      name: v.name.trim(),
      code: v.code.trim(),
      address: v.address?.trim() ? v.address.trim() : null,
      admin: { username: v.username.trim(), displayName: v.displayName.trim(), ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}) },
    }),
    onDone: (created) =>
      onCreated({
        title: `已新建${created.street.name}`,
        username: created.admin.username,
        displayName: created.admin.displayName,
        password: created.oneTimePassword,
      }),
    byCode: {
      'org.duplicate_name': 'name',
      'org.duplicate_code': 'code',
      'account.duplicate_username': 'username',
      'account.duplicate_phone': 'phone',
    },
    aliases: { 'admin.username': 'username', 'admin.displayName': 'displayName', 'admin.phone': 'phone' },
  });
  return (
    <FormModal name="street-create" form={form} submit={submit} title="新建街道（实践所）" okText="创建" onClose={onClose} requiredMark="optional">
      <Form.Item name="name" label="实践所名称" extra="如：江东街道新时代文明实践所" rules={rulesFrom(S.name, { required: '请输入名称' })}>
        <Input autoComplete="off" maxLength={limitsOf(S.name).maxLength} />
      </Form.Item>
      <Form.Item
        name="code"
        label="街道代码"
        extra="行政区划代码或区里的编号，2–20 位数字、字母或 -，全区唯一"
        rules={rulesFrom(S.code, { required: '请输入街道代码' })}
      >
        <Input autoComplete="off" maxLength={20} />
      </Form.Item>
      <Form.Item name="address" label="地址" rules={rulesFrom(S.address)}>
        <Input autoComplete="off" maxLength={120} />
      </Form.Item>
      <Form.Item
        name="username"
        label="管理员账号名"
        extra="实践所管理员用于登录，创建后不能修改"
        rules={rulesFrom(ADMIN.username, { required: '请输入账号名' })}
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label="管理员姓名" rules={rulesFrom(ADMIN.displayName, { required: '请输入姓名' })}>
        <Input autoComplete="off" maxLength={limitsOf(ADMIN.displayName).maxLength} />
      </Form.Item>
      <Form.Item name="phone" label="管理员手机号" rules={rulesFrom(ADMIN.phone)}>
        <Input inputMode="tel" autoComplete="off" maxLength={11} />
      </Form.Item>
    </FormModal>
  );
}
