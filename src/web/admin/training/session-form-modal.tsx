import { App, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TrainingSessionInput } from '../../../shared/training';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCreateTrainingSession } from '../../lib/queries/training';
import { chinaIso } from '../orders/place-order-modal';

const T = TrainingSessionInput.shape;

interface Values {
  topic: string;
  content: string;
  trainer: string;
  hours: number;
  place: string;
  startsAt: Dayjs;
}

/** 新建培训: what, who teaches, how long, where and when; held by the caller's institute. */
export function SessionFormModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTrainingSession();
  const submit = useSubmit(form, create, {
    input: (v) => ({
      unitId,
      topic: v.topic.trim(),
      content: v.content.trim(),
      trainer: v.trainer.trim(),
      hours: v.hours,
      place: v.place.trim(),
      startsAt: chinaIso(v.startsAt),
      materialFileIds: [],
    }),
    onDone: (s) => {
      message.success(`已新建培训「${s.topic}」`);
      onClose();
    },
  });

  return (
    <FormModal
      name="training"
      form={form}
      submit={submit}
      title="新建培训"
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      width={640}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ hours: 2, startsAt: dayjs().add(1, 'day').hour(9).minute(0).second(0) }}
    >
      <Form.Item name="topic" label="培训主题" rules={rulesFrom(T.topic, { required: '请输入培训主题', message: '主题为 2–60 个字' })}>
        <Input maxLength={limitsOf(T.topic).maxLength} placeholder="如：志愿服务记录与时长认定业务培训" />
      </Form.Item>
      <Form.Item name="content" label="培训内容" rules={rulesFrom(T.content, { required: '请输入培训内容' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(T.content).maxLength} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="trainer" label="授课人" rules={rulesFrom(T.trainer, { required: '请输入授课人' })}>
            <Input maxLength={limitsOf(T.trainer).maxLength} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="hours" label="学时（小时）" rules={[{ required: true, message: '请输入学时' }]}>
            <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label="地点" rules={rulesFrom(T.place, { required: '请输入地点' })}>
            <Input maxLength={limitsOf(T.place).maxLength} placeholder="如：实践所培训室" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
