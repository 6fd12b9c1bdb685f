import { App, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { PERIOD_KINDS, PlanInput } from '../../../shared/activity-plans';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type ActivityPlanDetail, useCreatePlan } from '../../lib/queries/activity-plans';

const F = PlanInput.shape;

interface Values {
  periodKind: 'month' | 'quarter';
  period: Dayjs;
  title: string;
}

/** The period's first and last day and its label, from the month or quarter picked. */
export function periodOf(kind: Values['periodKind'], d: Dayjs) {
  if (kind === 'month') {
    const start = d.startOf('month');
    return { periodStart: start.format('YYYY-MM-DD'), periodEnd: start.endOf('month').format('YYYY-MM-DD'), periodLabel: start.format('YYYY年M月') };
  }
  const q = Math.floor(d.month() / 3);
  const start = d.month(q * 3).startOf('month');
  return {
    periodStart: start.format('YYYY-MM-DD'),
    periodEnd: start.add(2, 'month').endOf('month').format('YYYY-MM-DD'),
    periodLabel: `${start.year()}年第${'一二三四'[q]}季度`,
  };
}

/** 新建活动计划: a month or a quarter of the institute; items are added next, then it is passed down. */
export function PlanFormModal({ instituteId, onClose, onCreated }: { instituteId: string; onClose: () => void; onCreated: (p: ActivityPlanDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('periodKind', form) ?? 'month';
  const submit = useSubmit(form, useCreatePlan(), {
    input: (v) => ({ instituteId, periodKind: v.periodKind, ...periodOf(v.periodKind, v.period), title: v.title.trim() }),
    onDone: (p) => {
      message.success(`已新建计划「${p.title}」，请添加活动条目`);
      onCreated(p);
      onClose();
    },
  });
  return (
    <FormModal
      name="activity-plan"
      form={form}
      submit={submit}
      title="新建活动计划"
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      requiredMark="optional"
      initialValues={{ periodKind: 'month' }}
    >
      <Form.Item name="periodKind" label="计划周期" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={Object.entries(PERIOD_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="period" label={kind === 'month' ? '月份' : '季度'} rules={[{ required: true, message: '请选择计划的月份或季度' }]}>
        <DatePicker picker={kind} style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="title" label="计划名称" rules={rulesFrom(F.title, { required: '请输入计划名称' })}>
        <Input maxLength={limitsOf(F.title).maxLength} placeholder="如：12 月新时代文明实践活动计划" />
      </Form.Item>
    </FormModal>
  );
}
