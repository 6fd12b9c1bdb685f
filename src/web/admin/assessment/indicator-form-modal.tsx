import { App, Form, Input, InputNumber, Select } from 'antd';
import { IndicatorInput } from '../../../shared/assessment';
import { AUTO_KIND_LABELS, AUTO_KINDS, type AutoKind } from '../../../shared/rules/assessment';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type Indicator, useCreateIndicator, useUpdateIndicator } from '../../lib/queries/assessment';

const F = IndicatorInput.shape;
interface Values {
  title: string;
  content?: string;
  standard?: string;
  maxPoints?: number;
  autoKind?: AutoKind | 'manual';
  sort?: number;
}

/** A category (no parent) or an item under one: title, content, standard, points and how it is scored. */
export function IndicatorFormModal({
  instituteId,
  parent,
  editing,
  onClose,
}: {
  instituteId: string;
  parent: Indicator | null;
  editing: Indicator | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const isItem = editing ? editing.level === 2 : parent !== null;
  const mutation = {
    mutateAsync: (v: Values) => {
      const kind = v.autoKind && v.autoKind !== 'manual' ? v.autoKind : null;
      const body = {
        title: v.title.trim(),
        content: (v.content ?? '').trim(),
        standard: (v.standard ?? '').trim(),
        sort: v.sort ?? 0,
        ...(isItem ? { maxPoints: v.maxPoints ?? 0, mode: kind ? ('auto' as const) : ('manual' as const), autoKind: kind } : {}),
      };
      return editing ? update.mutateAsync({ id: editing.id, body }) : create.mutateAsync({ instituteId, parentId: parent?.id ?? null, params: {}, ...body });
    },
    isPending: create.isPending || update.isPending,
  };
  const submit = useSubmit(form, mutation, {
    input: (v) => v,
    onDone: () => {
      message.success(editing ? '指标已修改' : '指标已添加');
      onClose();
    },
    byCode: { 'assessment.auto_kind_required': 'autoKind' },
  });
  return (
    <FormModal
      name="assessment-indicator"
      form={form}
      submit={submit}
      title={editing ? '修改指标' : isItem ? `在「${parent?.title}」下添加考核项目` : '添加一级指标'}
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={
        editing
          ? {
              title: editing.title,
              content: editing.content,
              standard: editing.standard,
              maxPoints: editing.maxPoints,
              autoKind: editing.autoKind ?? 'manual',
              sort: editing.sort,
            }
          : { maxPoints: 5, autoKind: 'manual', sort: 0 }
      }
    >
      <Form.Item name="title" label={isItem ? '考核项目' : '一级指标'} rules={rulesFrom(F.title, { required: '请输入名称' })}>
        <Input maxLength={limitsOf(F.title).maxLength} />
      </Form.Item>
      {isItem ? (
        <>
          <Form.Item name="content" label="考核内容">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="standard" label="评分标准">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="maxPoints" label="满分" rules={[{ required: true, message: '请填写满分' }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="autoKind" label="计分方式" extra="自动计分的指标由系统根据台账计算，不需要填报。">
            <Select
              options={[{ value: 'manual', label: '人工评分（自评 + 审核）' }, ...AUTO_KINDS.map((k) => ({ value: k, label: `自动：${AUTO_KIND_LABELS[k]}` }))]}
            />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="sort" label="排序">
        <InputNumber min={0} max={10000} precision={0} style={{ width: 120 }} />
      </Form.Item>
    </FormModal>
  );
}
