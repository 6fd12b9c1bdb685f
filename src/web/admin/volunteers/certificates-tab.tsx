import { Alert, App, Button, DatePicker, Flex, Form, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type CertificateView, RevokeCertificateInput } from '../../../shared/certificates';
import type { VolunteerView } from '../../../shared/volunteers';
import { errorMessage } from '../../lib/api';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { useCertificates, useIssueCertificate, useRevokeCertificate } from '../../lib/queries/certificates';
import { ToneTag } from '../components/tags';
import { hoursText } from './volunteer-tags';

/** 办法 第十四–十七条: free certificates for a date range; checkable by anyone; revocable with a reason. */
export function CertificatesTab({ volunteer }: { volunteer: VolunteerView }) {
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useCertificates(volunteer.id, paging);
  const issue = useIssueCertificate();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [revoking, setRevoking] = useState<CertificateView | null>(null);

  const issueNow = () =>
    issue.mutate(
      { volunteerId: volunteer.id, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') },
      {
        onSuccess: (c) => void message.success(`已开具证明 ${c.number}（${hoursText(c.hours)}）`),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const columns: ColumnsType<CertificateView> = [
    { title: '证明编号', dataIndex: 'number', width: 170, render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
    { title: '服务期间', key: 'range', width: 200, render: (_, c) => `${c.from} 至 ${c.to}` },
    { title: '认定时长', dataIndex: 'hours', width: 100, align: 'right', render: (h: number) => hoursText(h) },
    { title: '服务次数', dataIndex: 'serviceCount', width: 80, align: 'right' },
    { title: '开具', key: 'issued', width: 180, render: (_, c) => `${formatDateTime(c.issuedAt)}${c.issuedByName ? ` · ${c.issuedByName}` : ''}` },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, c) =>
        c.revoked ? (
          <Space orientation="vertical" size={0}>
            <ToneTag tone="red">已作废</ToneTag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {c.revokeReason}
            </Typography.Text>
          </Space>
        ) : (
          <ToneTag tone="green">有效</ToneTag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_, c) => (
        <Space size={0}>
          {!c.revoked ? (
            <Typography.Link href={c.pdfUrl} target="_blank" rel="noopener" style={{ padding: '0 7px' }}>
              下载 PDF
            </Typography.Link>
          ) : null}
          <Link to={c.verifyPath} target="_blank" style={{ padding: '0 7px' }}>
            核验
          </Link>
          {!c.revoked ? (
            <Button type="link" size="small" danger onClick={() => setRevoking(c)} aria-label={`作废证明 ${c.number}`}>
              作废
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <span>服务期间</span>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          aria-label="证明的服务期间"
        />
        <Button type="primary" onClick={issueNow} loading={issue.isPending}>
          开具证明
        </Button>
        <Typography.Text type="secondary">免费开具；只计入这段时间内经认定的服务记录。证明上的二维码可供任何人核验。</Typography.Text>
      </Flex>
      {list.error ? <Alert type="error" showIcon title="证明列表加载失败" description={list.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<CertificateView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (n) => `共 ${n} 份`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        scroll={{ x: 1040 }}
        locale={{ emptyText: '还没有开具过证明' }}
      />
      {revoking ? <RevokeModal certificate={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

function RevokeModal({ certificate, onClose }: { certificate: CertificateView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, useRevokeCertificate(), {
    input: (values) => ({ id: certificate.id, reason: values.reason.trim() }),
    onDone: () => {
      message.success(`证明 ${certificate.number} 已作废`);
      onClose();
    },
  });
  const reason = RevokeCertificateInput.shape.reason;

  return (
    <FormModal
      name="certificate-revoke"
      form={form}
      submit={submit}
      title={`作废证明 ${certificate.number}`}
      okText="作废"
      okButtonProps={{ danger: true }}
      onClose={onClose}
      before={<p>作废后不能恢复，扫码核验将显示「已作废」。如需更正，请作废后重新开具。</p>}
    >
      <Form.Item name="reason" label="作废原因" rules={rulesFrom(reason, { required: '请填写作废原因' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(reason).maxLength} showCount placeholder="如：服务期间填写有误，已重新开具" />
      </Form.Item>
    </FormModal>
  );
}
