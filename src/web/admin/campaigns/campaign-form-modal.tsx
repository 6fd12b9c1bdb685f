import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { CAMPAIGN_KINDS, type CampaignKind } from '../../../shared/campaigns';
import { FormModal, useSubmit } from '../../lib/form';
import { useCreateCampaign } from '../../lib/queries/campaigns';

interface Values {
  year: number;
  kind: CampaignKind;
  title: string;
  criteria: string;
  criteriaItems?: string;
  window: [Dayjs, Dayjs];
  quotaPerStation?: number | null;
}

export const KIND_OPTIONS = Object.entries(CAMPAIGN_KINDS).map(([value, k]) => ({
  value,
  label: `${k.label}（${k.subject === 'household' ? '户' : '个人'}）`,
}));

/** 发起评选: kind from the plan's list, a title of its own, criteria and the nomination window. */
export function CampaignFormModal({ instituteId, onClose, onCreated }: { instituteId: string; onClose: () => void; onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit(form, useCreateCampaign(), {
    input: (v) => ({
      instituteId,
      year: v.year,
      kind: v.kind,
      title: v.title.trim(),
      criteria: v.criteria.trim(),
      criteriaItems: (v.criteriaItems ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      nominateFrom: v.window[0].format('YYYY-MM-DD'),
      nominateUntil: v.window[1].format('YYYY-MM-DD'),
      quotaPerStation: v.quotaPerStation ?? null,
    }),
    onDone: (c) => {
      message.success(`已发起：${c.title}`);
      onCreated(c.id);
    },
    aliases: { nominateFrom: 'window', nominateUntil: 'window' },
  });
  return (
    <FormModal
      name="campaign"
      form={form}
      submit={submit}
      title="发起评选"
      okText="发起"
      cancelText="取消"
      onClose={onClose}
      width={640}
      mask={{ closable: false }}
      initialValues={{ year: dayjs().year(), window: [dayjs(), dayjs().add(14, 'day')] }}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="kind" label="评选类别" rules={[{ required: true, message: '请选择评选类别' }]}>
            <Select
              options={KIND_OPTIONS}
              onChange={(k: CampaignKind) => {
                if (!form.getFieldValue('title')) form.setFieldsValue({ title: `${form.getFieldValue('year')} 年度${CAMPAIGN_KINDS[k].label}评选` });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="title"
            label="评选名称"
            rules={[
              { required: true, whitespace: true, message: '请填写评选名称' },
              { max: 60, message: '最多 60 个字' },
            ]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="criteria" label="评选条件" rules={[{ required: true, whitespace: true, message: '请填写评选条件' }]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder="如：爱党爱国、遵纪守法、孝老爱亲、邻里和睦、勤劳致富……" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="criteriaItems" label="评选细则（每行一条，可不填）">
            <Input.TextArea rows={3} placeholder={'爱国星\n守法星\n孝亲星'} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="window" label="推荐时间" rules={[{ required: true, message: '请选择推荐时间' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="quotaPerStation" label="每站名额" extra="不填为不限">
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
