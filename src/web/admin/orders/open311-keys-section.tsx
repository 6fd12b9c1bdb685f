import { KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type Open311Key, useIssueOpen311Key, useOpen311Keys, useRevokeOpen311Key } from '../../lib/queries/open311';
import { ToneTag } from '../components/tags';
import { IssueOpen311KeyInput } from '../../../shared/open311';
import { limitsOf, rulesFrom, useSubmit } from '../../lib/form';

const NAME = IssueOpen311KeyInput.shape.name;
import { useAdminSession } from '../session-context';

/**
 * Open311 (GeoReport v2) api_keys let a city hotline or another platform file orders into the
 * queue. Institute admins only; a key is shown once when issued and can be revoked at any time.
 */
export function Open311KeysSection() {
  const session = useAdminSession();
  const institutes = session.roles.filter((g) => g.role === 'institute_admin');
  if (!institutes.length) return null;
  return (
    <section aria-labelledby="open311-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="open311-title" style={{ fontSize: 18 }}>
        Open311 接口密钥
      </Typography.Title>
      {institutes.map((g) => (
        <UnitKeys key={g.unitId} unitId={g.unitId} unitName={g.unitName} showName={institutes.length > 1} />
      ))}
    </section>
  );
}

function UnitKeys({ unitId, unitName, showName }: { unitId: string; unitName: string; showName: boolean }) {
  const { message } = App.useApp();
  const keys = useOpen311Keys(unitId);
  const revoke = useRevokeOpen311Key();
  const [issuing, setIssuing] = useState(false);
  const discovery = `${window.location.origin}/open311/discovery.json`;

  return (
    <Card
      variant="borderless"
      title={showName ? <h3 style={{ fontSize: 16, margin: 0 }}>{unitName}</h3> : undefined}
      extra={
        <Button icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
          签发密钥
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        市民热线、政务服务平台等第三方系统可按 Open311 GeoReport v2 标准向本平台提交居民需求，进入“群众点单”待审队列。接口说明（discovery）：
        <Typography.Text copyable code>
          {discovery}
        </Typography.Text>
      </Typography.Paragraph>
      {keys.error ? <Alert type="error" showIcon title="密钥列表加载失败" description={keys.error.message} /> : null}
      <Table<Open311Key>
        rowKey="id"
        size="small"
        loading={keys.isPending}
        dataSource={keys.data ?? []}
        pagination={false}
        locale={{ emptyText: '尚未签发密钥' }}
        columns={[
          { title: '用途 / 对接方', dataIndex: 'name' },
          { title: '签发时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: '状态',
            dataIndex: 'revokedAt',
            width: 200,
            render: (v: string | null) => (v ? <ToneTag tone="grey">已作废 {formatDateTime(v).slice(0, 10)}</ToneTag> : <ToneTag tone="green">有效</ToneTag>),
          },
          {
            title: '操作',
            key: 'op',
            width: 100,
            render: (_, k) =>
              k.revokedAt ? null : (
                <Popconfirm
                  title={`作废「${k.name}」的密钥？`}
                  description="作废后对方系统将无法再提交需求，且不能恢复。"
                  okText="作废"
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    revoke.mutateAsync(k.id).then(
                      () => void message.success(`已作废：${k.name}`),
                      (err: unknown) => void message.error(errorMessage(err)),
                    )
                  }
                >
                  <Button size="small" danger aria-label={`作废 ${k.name}`}>
                    作废
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {issuing ? <IssueModal unitId={unitId} onClose={() => setIssuing(false)} /> : null}
    </Card>
  );
}

function IssueModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const issue = useSubmit(form, useIssueOpen311Key(), { input: (v) => ({ unitId, name: v.name.trim() }), onDone: setIssued });
  // Once issued, OK only closes: the key is shown this once.
  const submit = () => (issued ? onClose() : void issue.submit());

  return (
    <Modal
      open
      title={issued ? '密钥已签发' : '签发 Open311 密钥'}
      okText={issued ? '我已保存，关闭' : '签发'}
      onOk={submit}
      onCancel={onClose}
      cancelButtonProps={issued ? { style: { display: 'none' } } : undefined}
      confirmLoading={issue.pending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {issued ? (
        <>
          <Alert type="warning" showIcon title="密钥只显示这一次，关闭后无法再查看。请立即复制并通过安全方式交给对接方。" style={{ marginBottom: 16 }} />
          <Typography.Paragraph>对接方：{issued.name}</Typography.Paragraph>
          <Flex vertical gap={4}>
            <Typography.Text strong>api_key</Typography.Text>
            <Typography.Paragraph
              copyable={{ text: issued.apiKey, tooltips: ['复制', '已复制'] }}
              code
              style={{ wordBreak: 'break-all' }}
              data-testid="open311-api-key"
            >
              {issued.apiKey}
            </Typography.Paragraph>
          </Flex>
        </>
      ) : (
        <Form form={form} layout="vertical" name="open311-key">
          {issue.error ? <Alert type="error" showIcon title={issue.error} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="name" label="用途 / 对接方" rules={rulesFrom(NAME, { required: '请填写对接方名称' })}>
            <Input maxLength={limitsOf(NAME).maxLength} placeholder="如：涪陵区 12345 市民服务热线" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
