import { Alert, App, Button, Card, Descriptions, Form, Input, Skeleton, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { TotpSetupView } from '../../../shared/accounts';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useDisableTotp, useEnableTotp, useStartTotpSetup, useTotpStatus } from '../../lib/queries/account-security';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';

/** 账号安全: two-factor login (password + the code of an authenticator app) for the signed-in person. */
export default function SecurityPage() {
  const session = useAdminSession();
  const status = useTotpStatus();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  return (
    <>
      <PageHeader title="账号安全" description="双因素登录：登录时除密码外，还须输入手机身份验证器 App 显示的 6 位验证码（等保 2.0 身份鉴别要求）。" />
      {session.account.totpEnrolmentRequired ? (
        <Alert
          type="warning"
          showIcon
          title="请先启用双因素登录"
          description="按本单位的安全规则，您的角色须使用双因素登录。启用后才能继续使用工作台。"
          style={{ marginBottom: 16, maxWidth: 640 }}
        />
      ) : null}
      {status.isPending ? <Skeleton active /> : null}
      {status.error ? <Alert type="error" showIcon title="加载失败" description={status.error.message} /> : null}
      {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} /> : null}
      {status.data && !recoveryCodes ? (
        status.data.enabled ? (
          <EnabledCard enabledAt={status.data.enabledAt} left={status.data.recoveryCodesLeft} required={status.data.required} />
        ) : (
          <Enrolment onEnabled={setRecoveryCodes} />
        )
      ) : null}
    </>
  );
}

function Enrolment({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const start = useStartTotpSetup();
  const enable = useEnableTotp();
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const begin = () => start.mutate(undefined, { onSuccess: setSetup, onError: (e) => setError(errorMessage(e)) });
  const confirm = ({ code }: { code: string }) => {
    setError(null);
    enable.mutate(code.trim(), { onSuccess: (r) => onEnabled(r.recoveryCodes), onError: (e) => setError(errorMessage(e)) });
  };

  return (
    <Card variant="borderless" style={{ maxWidth: 640 }}>
      <Steps
        direction="vertical"
        size="small"
        current={setup ? 1 : 0}
        items={[
          {
            title: '安装身份验证器',
            description: '在手机上安装任一身份验证器 App（如 Microsoft Authenticator、Google Authenticator、FreeOTP），或使用微信/支付宝中的身份验证器小程序。',
          },
          { title: '扫描二维码', description: '用身份验证器扫描下方二维码；无法扫码时，手动输入密钥。' },
          { title: '输入验证码', description: '输入身份验证器显示的 6 位验证码，确认后即启用。' },
        ]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} /> : null}
      {setup ? (
        <Space direction="vertical" size={12} style={{ width: '100%', marginTop: 12 }}>
          <img src={setup.qrDataUrl} alt="身份验证器二维码" width={200} height={200} style={{ display: 'block' }} />
          <div>
            <Typography.Text type="secondary">密钥（手动输入时使用）</Typography.Text>
            <Typography.Paragraph copyable={{ text: setup.secret }} style={{ fontFamily: 'monospace', fontSize: 16, wordBreak: 'break-all', margin: 0 }}>
              {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Typography.Paragraph>
          </div>
          <Form name="totp-enable" layout="vertical" onFinish={confirm} requiredMark={false}>
            <Form.Item name="code" label="验证码" rules={[{ required: true, message: '请输入 6 位验证码' }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={enable.isPending}>
                确认启用
              </Button>
              <Button onClick={begin} loading={start.isPending}>
                换一个密钥
              </Button>
            </Space>
          </Form>
        </Space>
      ) : (
        <Button type="primary" onClick={begin} loading={start.isPending} style={{ marginTop: 12 }}>
          开始设置
        </Button>
      )}
    </Card>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Card variant="borderless" style={{ maxWidth: 640 }} title="双因素登录已启用 · 请保存恢复码">
      <Alert
        type="warning"
        showIcon
        title="恢复码只显示这一次"
        description="手机丢失或无法使用身份验证器时，可用恢复码代替验证码登录，每个只能使用一次。请抄写或打印后妥善保管，不要拍照发给他人。"
        style={{ marginBottom: 16 }}
      />
      <ol aria-label="恢复码" style={{ columns: 2, fontFamily: 'monospace', fontSize: 16, margin: '0 0 16px', paddingInlineStart: 28 }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Space wrap>
        <Typography.Text copyable={{ text: codes.join('\n') }}>复制全部</Typography.Text>
        <Button type="primary" onClick={onDone}>
          我已保存
        </Button>
      </Space>
    </Card>
  );
}

function EnabledCard({ enabledAt, left, required }: { enabledAt: string | null; left: number; required: boolean }) {
  const disable = useDisableTotp();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; code: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = (values: { password: string; code: string }) => {
    setError(null);
    disable.mutate(values, {
      onSuccess: () => {
        form.resetFields();
        message.success('已关闭双因素登录');
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };
  return (
    <Card variant="borderless" style={{ maxWidth: 640 }}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="双因素登录">已启用</Descriptions.Item>
        <Descriptions.Item label="启用时间">{enabledAt ? formatDateTime(enabledAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="剩余恢复码">{left} 个</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>关闭双因素登录</Typography.Title>
      {required ? (
        <Typography.Paragraph type="secondary">本单位规则要求您的角色使用双因素登录；关闭后须重新设置才能继续使用工作台。</Typography.Paragraph>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form name="totp-disable" form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 360 }}>
        <Form.Item name="password" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="code" label="验证码或恢复码" rules={[{ required: true, message: '请输入验证码或恢复码' }]}>
          <Input autoComplete="one-time-code" maxLength={32} />
        </Form.Item>
        <Button danger htmlType="submit" loading={disable.isPending}>
          关闭双因素登录
        </Button>
      </Form>
    </Card>
  );
}
