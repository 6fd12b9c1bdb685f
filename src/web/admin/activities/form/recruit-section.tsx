import { Card, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { limitsOf, rulesFrom } from '../../../lib/form';
import { PositionsField } from './positions-field';
import { FIELDS, PICKER_FORMAT } from './values';

const age = limitsOf(FIELDS.minAge);
const ageText = `${age.min}–${age.max}`;

/** Positions, who may sign up and when, and the contact person. */
export function RecruitSection({ editing, seats }: { editing: boolean; seats: number }) {
  return (
    <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>招募</h2>} style={{ marginBottom: 16 }}>
      <PositionsField seats={seats} />
      <Divider style={{ margin: '8px 0 16px' }} />
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name="minAge" label="最小年龄" rules={rulesFrom(FIELDS.minAge, { message: ageText })}>
            <InputNumber min={age.min} max={age.max} addonAfter="岁" style={{ width: '100%' }} disabled={editing} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="maxAge"
            label="最大年龄"
            dependencies={['minAge']}
            rules={[
              ...rulesFrom(FIELDS.maxAge, { message: ageText }),
              ({ getFieldValue }) => ({
                validator: (_, v?: number) => {
                  const min = getFieldValue('minAge') as number | undefined;
                  return v == null || min == null || v >= min ? Promise.resolve() : Promise.reject(new Error('不能小于最小年龄'));
                },
              }),
            ]}
          >
            <InputNumber min={age.min} max={age.max} addonAfter="岁" style={{ width: '100%' }} disabled={editing} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="requiredSkills"
            label="需要的技能"
            extra="输入后按回车添加；报名者须具备全部技能"
            rules={[{ type: 'array', max: limitsOf(FIELDS.requiredSkills).maxLength, message: `最多 ${limitsOf(FIELDS.requiredSkills).maxLength} 项` }]}
          >
            <Select mode="tags" placeholder="如：急救、驾驶、摄影" disabled={editing} tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="insuranceRequired" label="需要志愿者保险" valuePropName="checked" extra="有风险的服务应为志愿者投保（条例第十七条）">
            <Switch disabled={editing} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="needsApproval" label="报名需要审核" valuePropName="checked">
            <Switch disabled={editing} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="waitlist" label="满员后可候补" valuePropName="checked">
            <Switch disabled={editing} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="signupOpensAt" label="报名开始" extra="不填则发布后即可报名">
            <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} disabled={editing} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signupClosesAt" label="报名截止" extra="不填则到活动开始">
            <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} disabled={editing} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="cancelCutoffAt" label="取消报名截止" extra="不填则到活动开始">
            <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} disabled={editing} />
          </Form.Item>
        </Col>
      </Row>
      <ContactFields />
    </Card>
  );
}

/** Who volunteers call about the activity. */
function ContactFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="contactName" label="联系人" rules={rulesFrom(FIELDS.contactName)}>
          <Input maxLength={limitsOf(FIELDS.contactName).maxLength} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="contactPhone" label="联系人手机" rules={rulesFrom(FIELDS.contactPhone)}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
      </Col>
    </Row>
  );
}
