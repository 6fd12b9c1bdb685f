import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { NEEDS_CATEGORIES, NEEDS_METHODS, NeedsRecordInput, type NeedsMethod } from '../../../shared/needs';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCareRecipients } from '../../lib/queries/care';
import { useRecordNeeds } from '../../lib/queries/needs';

const F = NeedsRecordInput.shape;

interface Values {
  stationId: string;
  collectedOn: Dayjs;
  method: NeedsMethod;
  place: string;
  respondentName: string;
  respondentPhone?: string;
  careRecipientId?: string;
  category: (typeof NEEDS_CATEGORIES)[number];
  description: string;
  people: number;
}

/** 登记群众需求: short enough to fill in on a phone during a visit. The collector is the signed-in account. */
export function NeedsFormModal({ stations, onClose }: { stations: { value: string; label: string }[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stationId = Form.useWatch('stationId', form);
  const recipients = useCareRecipients({ stationId }, !!stationId);
  const t = (s?: string) => (s?.trim() ? s.trim() : undefined);
  const submit = useSubmit(form, useRecordNeeds(), {
    input: (v) => ({
      stationId: v.stationId,
      collectedOn: v.collectedOn.format('YYYY-MM-DD'),
      method: v.method,
      place: v.place.trim(),
      respondentName: v.respondentName.trim(),
      respondentPhone: t(v.respondentPhone),
      careRecipientId: v.careRecipientId,
      category: v.category,
      description: v.description.trim(),
      people: v.people,
    }),
    onDone: (r) => {
      message.success(`已登记：${r.category}（${r.people} 人）`);
      onClose();
    },
    byCode: { 'needs.future_date': 'collectedOn', 'needs.recipient_not_found': 'careRecipientId', 'needs.bad_station': 'stationId' },
  });

  return (
    <FormModal
      name="needs"
      form={form}
      submit={submit}
      title="登记群众需求"
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      width={640}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ stationId: stations.length === 1 ? stations[0].value : undefined, collectedOn: dayjs(), method: 'visit', people: 1 }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="stationId" label="实践站" rules={[{ required: true, message: '请选择实践站' }]}>
            <Select options={stations} showSearch={{ optionFilterProp: 'label' }} onChange={() => form.setFieldsValue({ careRecipientId: undefined })} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="collectedOn" label="采集日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="method" label="采集方式" rules={[{ required: true, message: '请选择方式' }]}>
            <Select options={Object.entries(NEEDS_METHODS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="category" label="需求类别" rules={[{ required: true, message: '请选择需求类别' }]}>
            <Select
              options={NEEDS_CATEGORIES.map((c) => ({ value: c, label: c }))}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="与需求清单的服务类别一致"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="people" label="涉及人数" rules={rulesFrom(F.people, { required: '请输入人数' })}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label="需求内容" rules={rulesFrom(F.description, { required: '请填写需求内容' })}>
            <Input.TextArea rows={3} maxLength={limitsOf(F.description).maxLength} placeholder="如：独居老人希望每周有人上门陪护、代购" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label="地点" rules={rulesFrom(F.place, { required: '请填写地点' })}>
            <Input maxLength={limitsOf(F.place).maxLength} placeholder="如：幸福小区 3 栋" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="respondentName" label="受访人" rules={rulesFrom(F.respondentName, { required: '请填写受访人' })}>
            <Input maxLength={limitsOf(F.respondentName).maxLength} placeholder="如：李大爷" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="respondentPhone" label="联系电话" rules={rulesFrom(F.respondentPhone)} extra="列表中只显示打码后的号码">
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="careRecipientId" label="关联关爱对象" extra="受访人是本站关爱对象时选择">
            <Select
              allowClear
              disabled={!stationId}
              loading={recipients.isFetching}
              placeholder={stationId ? '不关联' : '请先选择实践站'}
              showSearch={{ optionFilterProp: 'label' }}
              options={(recipients.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
