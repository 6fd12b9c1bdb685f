import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Select, Skeleton, Timeline, Typography } from 'antd';
import { FollowUpInput } from '../../../shared/meetings';
import { RESOLUTION_STATUSES, type ResolutionStatus, resolutionMoves } from '../../../shared/rules/meeting-flow';
import { errorMessage } from '../../lib/api';
import { limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { useFollowUp, useResolution } from '../../lib/queries/meetings';
import { ResolutionStatusTag } from './labels';

const F = FollowUpInput.shape;

interface Values {
  note: string;
  status?: ResolutionStatus;
  cancelReason?: string;
}

/** One resolution: what was decided, every follow-up so far (append-only) and, for its owner, a new one. */
export function FollowUpDrawer({ id, canFollowUp, onClose }: { id: string; canFollowUp: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const r = useResolution(id);
  const follow = useFollowUp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const submit = useSubmit(form, follow, {
    input: (v) => ({
      id,
      input: { note: v.note.trim(), ...(v.status ? { status: v.status } : {}), ...(v.cancelReason?.trim() ? { cancelReason: v.cancelReason.trim() } : {}) },
    }),
    onDone: () => {
      message.success('已追加跟进记录');
      form.resetFields();
    },
    byCode: { 'meetings.reason_required': 'cancelReason', 'meetings.bad_transition': 'status' },
  });
  const data = r.data;
  const closed = data ? data.status === 'done' || data.status === 'cancelled' : true;

  return (
    <Drawer open title="议定事项" onClose={onClose} size="large" destroyOnHidden>
      {r.isPending ? <Skeleton active /> : null}
      {r.error ? <Alert type="error" showIcon title={errorMessage(r.error)} /> : null}
      {data ? (
        <>
          <Typography.Paragraph style={{ fontSize: 15 }}>{data.content}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 20 }}>
            <Descriptions.Item label="状态">
              <ResolutionStatusTag status={data.status} overdue={data.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label="承办单位">{data.ownerUnitName}</Descriptions.Item>
            <Descriptions.Item label="完成期限">
              <Typography.Text type={data.overdue ? 'danger' : undefined}>{data.deadline}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="会议">
              {data.meetingTitle}（{formatDateTime(data.meetingStartsAt)}）
            </Descriptions.Item>
            {data.cancelReason ? <Descriptions.Item label="取消原因">{data.cancelReason}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            跟进记录
          </Typography.Title>
          {data.notes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有跟进记录" />
          ) : (
            <Timeline
              items={data.notes.map((n) => ({
                key: n.id,
                content: (
                  <>
                    <Typography.Text type="secondary">
                      {formatDateTime(n.at)} · {n.byName}
                      {n.statusTo ? ` · ${RESOLUTION_STATUSES[n.statusFrom ?? 'open']} → ${RESOLUTION_STATUSES[n.statusTo]}` : ''}
                    </Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{n.note}</div>
                  </>
                ),
              }))}
            />
          )}
          {canFollowUp && !closed ? (
            <Form form={form} name="follow-up" layout="vertical" requiredMark="optional" style={{ marginTop: 16 }}>
              {submit.error ? <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 16 }} /> : null}
              <Form.Item name="note" label="跟进情况" rules={rulesFrom(F.note, { required: '请填写跟进情况' })}>
                <Input.TextArea rows={3} maxLength={limitsOf(F.note).maxLength} showCount placeholder="做了什么、进展到哪一步、下一步安排" />
              </Form.Item>
              <Form.Item name="status" label="同时改变状态">
                <Select allowClear placeholder="不改变" options={resolutionMoves(data.status).map((s) => ({ value: s, label: RESOLUTION_STATUSES[s] }))} />
              </Form.Item>
              {status === 'cancelled' ? (
                <Form.Item name="cancelReason" label="取消原因" rules={rulesFrom(F.cancelReason, { required: '取消须说明原因' })}>
                  <Input maxLength={200} />
                </Form.Item>
              ) : null}
              <Button type="primary" loading={submit.pending} onClick={() => void submit.submit()}>
                追加跟进记录
              </Button>
            </Form>
          ) : closed ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              该事项已{RESOLUTION_STATUSES[data.status]}，不再追加跟进。
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
