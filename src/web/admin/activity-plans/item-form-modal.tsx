import { App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PlanItemInput } from '../../../shared/activity-plans';
import { NEEDS_CATEGORIES } from '../../../shared/needs';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type ActivityPlan, useAddPlanItem } from '../../lib/queries/activity-plans';
import { useProgrammes } from '../../lib/queries/programmes';
import { useUnitOptions } from '../components/use-unit-options';

const F = PlanItemInput.shape;

interface Values {
  title: string;
  programmeId?: string;
  category?: (typeof NEEDS_CATEGORIES)[number];
  suggested?: Dayjs;
  description?: string;
  target: 'all' | 'some';
  stationIds?: string[];
}

/** 添加计划条目: one activity the stations are to carry out, to every station or some. */
export function ItemFormModal({ plan, onClose }: { plan: ActivityPlan; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'all';
  const programmes = useProgrammes();
  const { options: stations } = useUnitOptions({ kinds: ['station'] });
  const t = (s?: string) => (s?.trim() ? s.trim() : undefined);
  const submit = useSubmit(form, useAddPlanItem(plan.id), {
    input: (v) => ({
      title: v.title.trim(),
      programmeId: v.programmeId,
      category: v.category,
      suggestedDate: v.suggested?.format('YYYY-MM-DD'),
      description: t(v.description),
      stationIds: v.target === 'some' ? (v.stationIds ?? []) : [],
    }),
    onDone: () => {
      message.success('已添加条目');
      onClose();
    },
    byCode: { 'activity_plans.bad_date': 'suggested', 'activity_plans.bad_station': 'stationIds', 'activity_plans.bad_programme': 'programmeId' },
    aliases: { suggestedDate: 'suggested' },
  });
  const inPeriod = (d: Dayjs) => d.isBefore(dayjs(plan.periodStart), 'day') || d.isAfter(dayjs(plan.periodEnd), 'day');
  return (
    <FormModal
      name="plan-item"
      form={form}
      submit={submit}
      title={`添加条目：${plan.title}`}
      okText="添加"
      cancelText="取消"
      onClose={onClose}
      width={640}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ target: 'all' }}
    >
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item name="title" label="活动名称" rules={rulesFrom(F.title, { required: '请输入活动名称' })}>
            <Input maxLength={limitsOf(F.title).maxLength} placeholder="如：冬季送温暖上门服务" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="programmeId" label="实践项目">
            <Select allowClear loading={programmes.isLoading} options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="category" label="服务类别" extra="参考需求采集的分类统计">
            <Select allowClear options={NEEDS_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="suggested" label="建议日期" extra={`计划周期：${plan.periodStart} 至 ${plan.periodEnd}`}>
            <DatePicker style={{ width: '100%' }} disabledDate={inPeriod} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="target" label="下发给">
            <Radio.Group
              options={[
                { value: 'all', label: '全部实践站' },
                { value: 'some', label: '指定实践站' },
              ]}
            />
          </Form.Item>
        </Col>
        {target === 'some' ? (
          <Col xs={24}>
            <Form.Item name="stationIds" label="实践站" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个实践站' }]}>
              <Select mode="multiple" options={stations} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24}>
          <Form.Item name="description" label="活动说明" rules={rulesFrom(F.description)}>
            <Input.TextArea rows={3} maxLength={limitsOf(F.description).maxLength} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
