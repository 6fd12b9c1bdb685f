import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { MeetingInput } from '../../../shared/meetings';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCandidates, useCreateMeeting } from '../../lib/queries/meetings';
import { chinaIso } from '../orders/place-order-modal';
import { KIND_OPTIONS } from './labels';

const M = MeetingInput.shape;

interface Values {
  title: string;
  kind: 'joint' | 'regular' | 'special';
  startsAt: Dayjs;
  place: string;
  agenda: string[];
  attendees: string[];
}

/** 计划会议: what, when, where, the agenda in order and who is asked (leading group and staff). */
export function MeetingFormModal({ instituteId, onClose }: { instituteId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const candidates = useCandidates(instituteId);
  const create = useCreateMeeting();
  const options = [
    { label: '领导小组', options: (candidates.data ?? []).filter((c) => c.source === 'leading_group') },
    { label: '工作人员', options: (candidates.data ?? []).filter((c) => c.source === 'staff') },
  ].map((g) => ({ label: g.label, options: g.options.map((c) => ({ value: `${c.source}:${c.refId}`, label: c.title ? `${c.name}（${c.title}）` : c.name })) }));

  const submit = useSubmit(form, create, {
    input: (v) => ({
      unitId: instituteId,
      title: v.title.trim(),
      kind: v.kind,
      startsAt: chinaIso(v.startsAt),
      place: v.place.trim(),
      agenda: v.agenda.map((x) => x.trim()).filter(Boolean),
      attendees: v.attendees.map((key) => {
        const [source, refId] = key.split(':') as ['leading_group' | 'staff', string];
        return { source, refId };
      }),
      attachmentFileIds: [],
    }),
    onDone: (m) => {
      message.success(`已计划会议「${m.title}」`);
      onClose();
      navigate(`/admin/meetings/${m.id}`);
    },
    byCode: { 'meetings.bad_attendee': 'attendees' },
  });

  return (
    <FormModal
      name="meeting"
      form={form}
      submit={submit}
      title="计划会议"
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      width={720}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ kind: 'joint', agenda: [''], attendees: [], startsAt: dayjs().add(1, 'day').hour(9).minute(0).second(0) }}
    >
      <Form.Item name="title" label="会议名称" rules={rulesFrom(M.title, { required: '请输入会议名称', message: '名称为 2–60 个字' })}>
        <Input maxLength={limitsOf(M.title).maxLength} placeholder="如：2026 年第四季度新时代文明实践联席会议" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="place" label="地点" rules={rulesFrom(M.place, { required: '请输入地点' })}>
            <Input maxLength={limitsOf(M.place).maxLength} placeholder="如：街道三楼会议室" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>议程</Typography.Text>
      <Form.List
        name="agenda"
        rules={[
          {
            validator: async (_r, value: string[] | undefined) => {
              if (!value?.some((x) => x?.trim())) throw new Error('至少一项议程');
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} wrap={false} align="top">
                <Col flex="28px" style={{ paddingTop: 5 }}>
                  {i + 1}.
                </Col>
                <Col flex="auto">
                  <Form.Item name={field.name} rules={rulesFrom(M.agenda.element, { required: '请填写议程或删除这一项' })} style={{ marginBottom: 8 }}>
                    <Input maxLength={200} aria-label={`议程第 ${i + 1} 项`} placeholder="如：研究组建志愿服务队伍" />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  {fields.length > 1 ? (
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除议程第 ${i + 1} 项`} onClick={() => remove(field.name)} />
                  ) : null}
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 30} style={{ marginBottom: 16 }}>
              添加议程
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item
        name="attendees"
        label="参会人员"
        extra="领导小组成员由会务人员代为签到；有账号的工作人员可扫码自行签到。"
        rules={[{ required: true, type: 'array', min: 1, message: '请选择参会人员' }]}
      >
        <Select
          mode="multiple"
          options={options}
          loading={candidates.isPending}
          optionFilterProp="label"
          placeholder="选择领导小组成员和所、站工作人员"
          allowClear
        />
      </Form.Item>
    </FormModal>
  );
}
