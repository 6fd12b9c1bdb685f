import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PERIOD_KINDS, PeriodInput } from '../../../shared/assessment';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useOpenPeriod } from '../../lib/queries/assessment';

const F = PeriodInput.shape;
interface Values {
  kind: 'month' | 'quarter' | 'year';
  label: string;
  span: [Dayjs, Dayjs];
  selfDeadline: Dayjs;
}

/** The quarter before today: what an institute usually assesses. */
function lastQuarter() {
  const start = dayjs()
    .startOf('month')
    .subtract((dayjs().month() % 3) + 3, 'month');
  return { start, end: start.add(3, 'month').subtract(1, 'day'), label: `${start.year()}年第${'一二三四'[Math.floor(start.month() / 3)]}季度` };
}

/** 开始考核期: the kind, a label, the dates and the self-assessment deadline; the tree is kept as it is now. */
export function PeriodFormModal({ instituteId, onClose, onOpened }: { instituteId: string; onClose: () => void; onOpened: (id: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const open = useOpenPeriod();
  const submit = useSubmit(form, open, {
    input: (v) => ({
      instituteId,
      kind: v.kind,
      label: v.label.trim(),
      startsOn: v.span[0].format('YYYY-MM-DD'),
      endsOn: v.span[1].format('YYYY-MM-DD'),
      selfDeadline: v.selfDeadline.format('YYYY-MM-DD'),
    }),
    onDone: (p) => {
      message.success(`已开始「${p.label}」考核`);
      onOpened(p.id);
    },
    byCode: { 'assessment.bad_dates': 'span', 'assessment.duplicate_period': 'span', 'assessment.empty_tree': 'label' },
    aliases: { startsOn: 'span', endsOn: 'span' },
  });
  const q = lastQuarter();
  return (
    <FormModal
      name="assessment-period"
      form={form}
      submit={submit}
      title="开始考核期"
      okText="开始考核"
      cancelText="取消"
      onClose={onClose}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ kind: 'quarter', label: q.label, span: [q.start, q.end], selfDeadline: q.end.add(15, 'day') }}
    >
      <Form.Item name="kind" label="考核周期" rules={[{ required: true, message: '请选择考核周期' }]}>
        <Select options={Object.entries(PERIOD_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="label" label="名称" rules={rulesFrom(F.label, { required: '请输入名称' })}>
        <Input maxLength={limitsOf(F.label).maxLength} placeholder="如：2026年第三季度" />
      </Form.Item>
      <Form.Item name="span" label="考核时段" rules={[{ required: true, message: '请选择开始和结束日期' }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="selfDeadline" label="自评截止日期" rules={[{ required: true, message: '请选择自评截止日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
