import { Alert, App, Form, Input, Radio, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ResolveCorrectionRequestInput } from '../../../shared/hours';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { type CorrectionRequestStatus, type CorrectionRequestView, useCorrectionRequests, useResolveCorrection } from '../../lib/queries/hours';
import { type Tone, ToneTag } from '../components/tags';

const STATUS: Record<CorrectionRequestStatus, { label: string; tone: Tone }> = {
  open: { label: '待处理', tone: 'gold' },
  resolved: { label: '已更正', tone: 'green' },
  declined: { label: '不予更正', tone: 'grey' },
};

/** 办法 第十三条: volunteers may ask for a correction; staff answer every request in writing. */
export function CorrectionRequests() {
  const [status, setStatus] = useState<CorrectionRequestStatus>('open');
  const requests = useCorrectionRequests(status);
  const [handling, setHandling] = useState<CorrectionRequestView | null>(null);

  const columns: ColumnsType<CorrectionRequestView> = [
    {
      title: '志愿者',
      dataIndex: 'volunteerName',
      width: 120,
      render: (n: string, r) => <Link to={`/admin/volunteers/${r.volunteerId}`}>{n}</Link>,
    },
    {
      title: '涉及记录',
      dataIndex: 'recordTitle',
      width: 220,
      render: (t: string | null) => t ?? <Typography.Text type="secondary">未指定记录</Typography.Text>,
    },
    { title: '申请内容', dataIndex: 'message' },
    { title: '提交时间', dataIndex: 'createdAt', width: 170, render: (t: string) => formatDateTime(t) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 220,
      render: (s: CorrectionRequestStatus, r) => (
        <Space orientation="vertical" size={0}>
          <ToneTag tone={STATUS[s].tone}>{STATUS[s].label}</ToneTag>
          {r.resolution ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {r.resolution}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, r) =>
        r.status === 'open' ? (
          <Typography.Link onClick={() => setHandling(r)} aria-label={`处理 ${r.volunteerName} 的更正申请`}>
            处理
          </Typography.Link>
        ) : (
          <Typography.Text type="secondary">{formatDateTime(r.resolvedAt).slice(0, 10)}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<CorrectionRequestStatus>
          value={status}
          onChange={setStatus}
          options={(Object.keys(STATUS) as CorrectionRequestStatus[]).map((s) => ({ value: s, label: STATUS[s].label }))}
          aria-label="按处理状态筛选"
        />
        <Typography.Text type="secondary">需要调整时长的，请先在「已认定」中对原记录点「更正」提交更正记录，再在这里答复。</Typography.Text>
      </Space>
      {requests.error ? <Alert type="error" showIcon title="更正申请加载失败" description={requests.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<CorrectionRequestView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={requests.data ?? []}
        loading={requests.isFetching}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: status === 'open' ? '没有待处理的更正申请' : '暂无记录' }}
      />
      {handling ? <ResolveModal request={handling} onClose={() => setHandling(null)} /> : null}
    </>
  );
}

function ResolveModal({ request, onClose }: { request: CorrectionRequestView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: 'resolved' | 'declined'; resolution: string }>();
  const submit = useSubmit(form, useResolveCorrection(), {
    input: (values) => ({ id: request.id, status: values.status, resolution: values.resolution.trim() }),
    onDone: () => {
      message.success('已答复，志愿者会收到通知');
      onClose();
    },
  });
  const f = ResolveCorrectionRequestInput.shape;

  return (
    <FormModal
      name="correction-resolve"
      form={form}
      submit={submit}
      title={`处理更正申请：${request.volunteerName}`}
      okText="提交答复"
      onClose={onClose}
      initialValues={{ status: 'resolved' }}
      before={
        <Typography.Paragraph>
          <Typography.Text type="secondary">涉及记录：</Typography.Text>
          {request.recordTitle ?? '未指定'}
          <br />
          <Typography.Text type="secondary">申请内容：</Typography.Text>
          {request.message}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="status" label="处理结果" rules={rulesFrom(f.status)}>
        <Radio.Group
          options={[
            { value: 'resolved', label: '已更正' },
            { value: 'declined', label: '不予更正' },
          ]}
        />
      </Form.Item>
      <Form.Item name="resolution" label="答复（志愿者能看到）" rules={rulesFrom(f.resolution, { required: '请填写答复' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(f.resolution).maxLength} showCount placeholder="如：已核对签到表，补记 0.5 小时，待审核后生效" />
      </Form.Item>
    </FormModal>
  );
}
