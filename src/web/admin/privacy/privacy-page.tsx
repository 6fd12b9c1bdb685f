import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DELETION_EXPLANATION, PRIVACY_STATUS_LABELS } from '../../../shared/privacy-labels';
import { errorMessage } from '../../lib/api';
import { type PrivacyListStatus, type PrivacyRequest, useDecidePrivacyRequest, usePrivacyRequests } from '../../lib/queries/privacy';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';

const TONE = { open: 'blue', approved: 'green', rejected: 'red' } as const;
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/** Refusal needs its ground (PIPL 47): e.g. 法定保存期限未满. */
function RejectModal({ request, onClose }: { request: PrivacyRequest; onClose: () => void }) {
  const { message } = App.useApp();
  const decide = useDecidePrivacyRequest();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const { reason } = await form.validateFields();
    decide.mutate(
      { id: request.id, input: { decision: 'reject', reason: reason.trim() } },
      {
        onSuccess: () => {
          message.success('已拒绝，申请人会看到理由');
          onClose();
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={`拒绝 ${request.personName ?? ''} 的删除申请`}
      okText="拒绝"
      okButtonProps={{ danger: true, loading: decide.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="拒绝理由" rules={[{ required: true, whitespace: true, message: '请写明不予删除的理由' }, { max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} placeholder="如：法定保存期限未满（志愿服务记录须保存）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 个人信息请求: staff see the deletion requests of their units and decide each once. */
export default function PrivacyPage() {
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<PrivacyListStatus>('open');
  const [rejecting, setRejecting] = useState<PrivacyRequest | null>(null);
  const list = usePrivacyRequests(status);
  const decide = useDecidePrivacyRequest();

  const approve = (r: PrivacyRequest) =>
    modal.confirm({
      title: `同意并删除 ${r.personName ?? ''} 的个人信息？`,
      content: (
        <Typography.Paragraph>
          此操作不可撤销：姓名改为“已注销用户”，手机号、证件号码、邮箱、紧急联系人、监护人、居住区域清除，账号停用并退出所有设备。服务时长、积分、物资和审计台账保留记录，不再能识别到本人。
        </Typography.Paragraph>
      ),
      okText: '同意并删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        decide
          .mutateAsync({ id: r.id, input: { decision: 'approve' } })
          .then(() => void message.success('已删除该申请人的个人信息'))
          .catch((e) => void message.error(errorMessage(e))),
    });

  const columns: ColumnsType<PrivacyRequest> = [
    { title: '申请人', dataIndex: 'personName', width: 120 },
    { title: '所属单位', dataIndex: 'unitName', width: 180 },
    { title: '申请时间', dataIndex: 'requestedAt', width: 150, render: when },
    { title: '理由', dataIndex: 'reason', width: 200, render: (v: string | null) => v ?? <Typography.Text type="secondary">未填写</Typography.Text> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 220,
      render: (_: unknown, r) => (
        <Space direction="vertical" size={0}>
          <ToneTag tone={TONE[r.status]}>{PRIVACY_STATUS_LABELS[r.status]}</ToneTag>
          {r.decidedAt ? <Typography.Text type="secondary">{`${when(r.decidedAt)} ${r.decidedBy ?? ''}`}</Typography.Text> : null}
          {r.decisionReason ? <Typography.Text type="secondary">{r.decisionReason}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: '处理',
      key: 'actions',
      width: 190,
      render: (_: unknown, r) =>
        r.status === 'open' ? (
          <Space wrap>
            <Button danger size="small" onClick={() => approve(r)}>
              同意并删除
            </Button>
            <Button size="small" onClick={() => setRejecting(r)}>
              拒绝
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title="个人信息请求" description="志愿者和居民依照《个人信息保护法》第四十七条申请删除本人信息；请及时处理，同意或写明理由拒绝。" />
      <Card size="small" style={{ marginBottom: 16 }}>
        {DELETION_EXPLANATION.map((p) => (
          <Typography.Paragraph key={p} type="secondary" style={{ marginBottom: 4 }}>
            {p}
          </Typography.Paragraph>
        ))}
      </Card>
      <Segmented<PrivacyListStatus>
        value={status}
        onChange={setStatus}
        options={[
          { value: 'open', label: '待处理' },
          { value: 'closed', label: '已处理' },
          { value: 'all', label: '全部' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<PrivacyRequest>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: status === 'open' ? '没有待处理的申请' : '没有申请' }}
      />
      {rejecting ? <RejectModal request={rejecting} onClose={() => setRejecting(null)} /> : null}
    </>
  );
}
