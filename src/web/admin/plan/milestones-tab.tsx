import { CheckCircleOutlined, ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Flex, Form, Input, Popconfirm, Select, Skeleton, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { MilestoneInput } from '../../../shared/plan';
import { errorMessage } from '../../lib/api';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type MilestoneView, useCreateMilestone, useMilestones, useSetMilestoneDone } from '../../lib/queries/plan';
import { useUnitOptions } from '../components/use-unit-options';

const F = MilestoneInput.shape;

/** 实施步骤 (工作方案 四、(二)) as a timeline: done in green, late in red, upcoming in blue. */
export function MilestonesTab({ canManage }: { canManage: boolean }) {
  const { message } = App.useApp();
  const list = useMilestones();
  const setDone = useSetMilestoneDone();
  const [adding, setAdding] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  const mark = (m: MilestoneView, doneOn: string | null) =>
    setDone.mutateAsync({ id: m.id, doneOn }).then(
      () => void message.success(doneOn ? '已标记完成' : '已撤销完成'),
      (e: unknown) => void message.error(errorMessage(e)),
    );
  const color = (m: MilestoneView) => (m.doneOn ? 'green' : m.dueOn < today ? 'red' : 'blue');

  return (
    <>
      {canManage ? (
        <Flex justify="end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增实施步骤
          </Button>
        </Flex>
      ) : null}
      {list.isPending ? <Skeleton active /> : null}
      {list.error ? <Alert type="error" showIcon title="实施步骤加载失败" description={list.error.message} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty description="还没有实施步骤" /> : null}
      {list.data && list.data.items.length > 0 ? (
        <Timeline
          mode="start"
          items={list.data.items.map((m) => ({
            key: m.id,
            color: color(m),
            icon: m.doneOn ? <CheckCircleOutlined /> : <ClockCircleOutlined />,
            title: `${m.dueOn} 前`,
            content: (
              <>
                <div style={{ fontWeight: 600 }}>{m.title}</div>
                <Typography.Text type={m.doneOn ? 'success' : m.dueOn < today ? 'danger' : 'secondary'}>
                  {m.doneOn ? `${m.doneOn} 完成` : m.dueOn < today ? '已逾期，尚未完成' : '未完成'}
                </Typography.Text>
                {canManage ? (
                  m.doneOn ? (
                    <Popconfirm title="撤销完成？" onConfirm={() => mark(m, null)}>
                      <Button type="link" size="small">
                        撤销完成
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button type="link" size="small" onClick={() => void mark(m, today)}>
                      标记今天完成
                    </Button>
                  )
                ) : null}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {m.unitName}
                </Typography.Text>
              </>
            ),
          }))}
        />
      ) : null}
      {adding ? <AddMilestoneModal onClose={() => setAdding(false)} /> : null}
    </>
  );
}

interface Values {
  unitId: string;
  title: string;
  dueOn: Dayjs;
}

function AddMilestoneModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMilestone();
  const institutes = useUnitOptions({ kinds: ['institute'] });
  const submit = useSubmit(form, create, {
    input: (v) => ({ unitId: v.unitId, title: v.title.trim(), dueOn: v.dueOn.format('YYYY-MM-DD') }),
    onDone: () => {
      message.success('已新增实施步骤');
      onClose();
    },
    byCode: { 'plan.not_institute': 'unitId' },
  });
  return (
    <FormModal
      name="plan-milestone"
      form={form}
      submit={submit}
      title="新增实施步骤"
      onClose={onClose}
      requiredMark="optional"
      initialValues={{ unitId: institutes.options[0]?.value }}
    >
      <Form.Item name="unitId" label="实践所" rules={[{ required: true, message: '请选择实践所' }]}>
        <Select options={institutes.options} />
      </Form.Item>
      <Form.Item name="title" label="步骤" rules={rulesFrom(F.title, { required: '请填写步骤' })}>
        <Input.TextArea rows={2} maxLength={limitsOf(F.title).maxLength} placeholder="如：制订工作实施方案，初步建立工作机制" />
      </Form.Item>
      <Form.Item name="dueOn" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
