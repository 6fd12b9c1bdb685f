import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { passwordChecks, passwordProblemText } from '../../lib/password-checks';
import { useChangePassword } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { applyServerErrors } from '../../lib/form';
import { useAdminSession } from '../session-context';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function PasswordPage() {
  const session = useAdminSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [error, setError] = useState<string | null>(null);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const forced = session.account.mustChangePassword;
  const username = session.account.username;

  const submit = async (values: Values) => {
    setError(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      message.success('密码已修改，其他设备上的登录已失效');
      if (forced) navigate('/admin', { replace: true });
    } catch (err) {
      setError(applyServerErrors(form, err, { 'auth.wrong_password': 'currentPassword', 'password.*': 'newPassword' }));
    }
  };

  return (
    <>
      <PageHeader title="修改密码" description="为了账号安全，请使用不易被猜到的密码，并且不要与其他网站共用。" />
      {forced ? (
        <Alert
          type="warning"
          showIcon
          title="请先修改密码"
          description="您正在使用管理员发放的一次性密码，或密码已到期。修改密码后才能继续使用工作台。"
          style={{ marginBottom: 16, maxWidth: 560 }}
        />
      ) : null}
      <Card variant="borderless" style={{ maxWidth: 560 }}>
        <Form name="password" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label="当前密码"
            extra={forced ? '即管理员告知您的一次性密码' : undefined}
            rules={[{ required: true, message: '请输入当前密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            rules={[
              { required: true, message: '请输入新密码' },
              {
                validator: (_, v: string | undefined) => {
                  const problem = v ? passwordProblemText(v, username) : null;
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" aria-describedby="password-rules" />
          </Form.Item>
          <ul id="password-rules" aria-label="新密码要求" style={{ listStyle: 'none', padding: 0, margin: '-8px 0 20px' }}>
            {passwordChecks(newPassword, username).map((c) => (
              <li key={c.label} style={{ color: c.ok ? '#135200' : '#4e5560', display: 'flex', gap: 6, alignItems: 'center' }}>
                {c.ok ? <CheckCircleFilled aria-hidden="true" /> : <MinusCircleOutlined aria-hidden="true" />}
                <span>
                  {c.label}
                  <span className="sr-only">{c.ok ? '（已满足）' : '（未满足）'}</span>
                </span>
              </li>
            ))}
          </ul>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            确认修改
          </Button>
        </Form>
      </Card>
    </>
  );
}
