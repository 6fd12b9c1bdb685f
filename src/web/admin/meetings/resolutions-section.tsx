import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ResolutionInput } from '../../../shared/meetings';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type MeetingDetail, type ResolutionView, useAddResolution } from '../../lib/queries/meetings';
import { useUnitOptions } from '../components/use-unit-options';
import { FollowUpDrawer } from './follow-up-drawer';
import { ResolutionStatusTag } from './labels';

const R = ResolutionInput.shape;

/** 议定事项 of one meeting: added once it is held; each opens its follow-ups. */
export function ResolutionsSection({ meeting }: { meeting: MeetingDetail }) {
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card
      variant="borderless"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>议定事项（{meeting.resolutions.length}）</h2>}
      extra={
        meeting.canWrite && meeting.status === 'held' ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加议定事项
          </Button>
        ) : null
      }
    >
      {meeting.status === 'planned' ? (
        <Typography.Paragraph type="secondary">会议召开后在这里登记议定事项，明确承办单位和完成期限。</Typography.Paragraph>
      ) : null}
      <Table<ResolutionView>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={meeting.resolutions}
        scroll={{ x: 640 }}
        locale={{ emptyText: '没有议定事项' }}
        columns={[
          {
            title: '事项',
            dataIndex: 'content',
            render: (c: string, r) => (
              <Button
                type="link"
                style={{
                  padding: 0,
                  height: 'auto',
                  whiteSpace: 'normal',
                  textAlign: 'left',
                  color: r.overdue ? '#a8071a' : '#1f2329',
                  fontWeight: r.overdue ? 600 : undefined,
                }}
                onClick={() => setOpen(r.id)}
              >
                {c}
              </Button>
            ),
          },
          { title: '状态', key: 'status', width: 120, render: (_v, r) => <ResolutionStatusTag status={r.status} overdue={r.overdue} /> },
          { title: '承办单位', dataIndex: 'ownerUnitName', width: 160 },
          {
            title: '完成期限',
            dataIndex: 'deadline',
            width: 120,
            render: (d: string, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{d}</Typography.Text>,
          },
          { title: '跟进', dataIndex: 'noteCount', width: 70 },
        ]}
      />
      {adding ? <AddResolutionModal meeting={meeting} onClose={() => setAdding(false)} /> : null}
      {open ? <FollowUpDrawer id={open} canFollowUp={meeting.canWrite} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

function AddResolutionModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ content: string; ownerUnitId: string; deadline: Dayjs }>();
  const add = useAddResolution();
  const units = useUnitOptions({ kinds: ['institute', 'station'] });
  const submit = useSubmit(form, add, {
    input: (v) => ({ id: meeting.id, input: { content: v.content.trim(), ownerUnitId: v.ownerUnitId, deadline: v.deadline.format('YYYY-MM-DD') } }),
    onDone: () => {
      message.success('已添加议定事项');
      onClose();
    },
    byCode: { 'meetings.bad_owner': 'ownerUnitId' },
  });
  return (
    <FormModal name="resolution" form={form} submit={submit} title="添加议定事项" okText="添加" cancelText="取消" onClose={onClose} requiredMark="optional">
      <Form.Item name="content" label="事项内容" rules={rulesFrom(R.content, { required: '请填写事项内容' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(R.content).maxLength} showCount placeholder="如：各实践站于月底前组建社区志愿服务小队" />
      </Form.Item>
      <Form.Item name="ownerUnitId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
        <Select options={units.options} loading={units.isPending} showSearch optionFilterProp="label" placeholder="本所或下属实践站" />
      </Form.Item>
      <Form.Item
        name="deadline"
        label="完成期限"
        rules={[{ required: true, message: '请选择完成期限' }]}
        extra="期限当天结束（北京时间 24 时）仍未完成即为逾期，承办单位管理员会收到提醒。"
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
