import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TaskInput } from '../../../shared/plan';
import * as endpoints from '../../../shared/plan.endpoints';
import type { TaskStatus } from '../../../shared/rules/plan-flow';
import { urlFor } from '../../lib/api';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type TaskView, useCreateTask, usePlanTasks } from '../../lib/queries/plan';
import { ExportButton } from '../components/export-button';
import { useUnitOptions } from '../components/use-unit-options';
import { TASK_STATUS_OPTIONS, TaskStatusTag } from './labels';
import { TaskDrawer } from './task-drawer';

const F = TaskInput.shape;
const STATE_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '已逾期' },
];

/** 任务分解: every task in the caller's scope, open ones first by deadline, overdue in red. */
export function TasksTab({ canManage, canWrite }: { canManage: boolean; canWrite: boolean }) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const unitId = params.get('unit') ?? undefined;
  const status = (params.get('status') as TaskStatus | null) ?? undefined;
  const state = params.get('state') ?? 'all';
  const focus = params.get('focus');
  const [adding, setAdding] = useState(false);
  const units = useUnitOptions({ kinds: ['institute', 'station'] });
  const filters = { unitId, status, ...(state === 'overdue' ? { overdue: 'true' as const } : {}) };
  const list = usePlanTasks({ page, pageSize: 20, ...filters });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page' && key !== 'focus') next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="责任单位"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部责任单位"
          options={units.options}
          value={unitId}
          onChange={(v) => set('unit', v)}
          style={{ minWidth: 200 }}
        />
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          options={TASK_STATUS_OPTIONS}
          value={status}
          onChange={(v) => set('status', v)}
          style={{ minWidth: 120 }}
        />
        <Select aria-label="范围" options={STATE_OPTIONS} value={state} onChange={(v) => set('state', v)} style={{ minWidth: 120 }} />
        <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
          <ExportButton url={urlFor(endpoints.exportTasks, { query: filters })} fileName="任务分解表.xlsx" />
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增任务
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {list.error ? <Alert type="error" showIcon title="任务加载失败" description={list.error.message} /> : null}
      <Table<TaskView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: state === 'overdue' ? '没有逾期的任务' : '还没有任务' }}
        onRow={(r) => ({ style: r.overdue ? { background: '#fff1f0' } : undefined })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: (p) => set('page', String(p)) }}
        columns={[
          {
            title: '任务',
            dataIndex: 'title',
            render: (title: string, r) => (
              <Typography.Link onClick={() => set('focus', r.id)} style={{ color: r.overdue ? '#a8071a' : '#1f2329', fontWeight: r.overdue ? 600 : undefined }}>
                {title}
              </Typography.Link>
            ),
          },
          { title: '方案条目', dataIndex: 'section', width: 110 },
          { title: '状态', key: 'status', width: 150, render: (_v, r) => <TaskStatusTag status={r.status} overdue={r.overdue} /> },
          { title: '责任单位', dataIndex: 'unitName', width: 170 },
          { title: '责任人', dataIndex: 'leadName', width: 100 },
          {
            title: '完成时限',
            dataIndex: 'deadline',
            width: 110,
            render: (d: string, r) => (
              <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
                {d}
              </Typography.Text>
            ),
          },
          { title: '进展', dataIndex: 'noteCount', width: 70, render: (n: number) => `${n} 条` },
        ]}
      />
      {focus ? <TaskDrawer id={focus} canWrite={canWrite} onClose={() => set('focus', undefined)} /> : null}
      {adding ? <AddTaskModal onClose={() => setAdding(false)} /> : null}
    </>
  );
}

interface TaskValues {
  unitId: string;
  title: string;
  section: string;
  leadName: string;
  deadline: Dayjs;
  detail?: string;
}

function AddTaskModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskValues>();
  const create = useCreateTask();
  const units = useUnitOptions({ kinds: ['institute', 'station'] });
  const submit = useSubmit(form, create, {
    input: (v) => ({
      unitId: v.unitId,
      title: v.title.trim(),
      section: v.section.trim(),
      leadName: v.leadName.trim(),
      deadline: v.deadline.format('YYYY-MM-DD'),
      ...(v.detail?.trim() ? { detail: v.detail.trim() } : {}),
    }),
    onDone: () => {
      message.success('已新增任务');
      onClose();
    },
    byCode: { 'plan.bad_unit': 'unitId' },
  });
  return (
    <FormModal name="plan-task" form={form} submit={submit} title="新增任务" onClose={onClose} requiredMark="optional">
      <Form.Item name="title" label="任务" rules={rulesFrom(F.title, { required: '请填写任务' })}>
        <Input maxLength={limitsOf(F.title).maxLength} placeholder="如：制作统一的场地标牌标识" />
      </Form.Item>
      <Form.Item name="section" label="对应方案条目" rules={rulesFrom(F.section, { required: '请填写方案条目' })}>
        <Input maxLength={limitsOf(F.section).maxLength} placeholder="如：二、(二)" />
      </Form.Item>
      <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
        <Select showSearch optionFilterProp="label" options={units.options} placeholder="实践所或实践站" />
      </Form.Item>
      <Form.Item name="leadName" label="责任人" rules={rulesFrom(F.leadName, { required: '请填写责任人' })}>
        <Input maxLength={limitsOf(F.leadName).maxLength} />
      </Form.Item>
      <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="detail" label="具体内容">
        <Input.TextArea rows={3} maxLength={limitsOf(F.detail).maxLength} showCount />
      </Form.Item>
    </FormModal>
  );
}
