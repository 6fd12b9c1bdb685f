import { Col, DatePicker, Form, InputNumber, Radio, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { hoursText } from '../../../../shared/china-time';
import { limitsOf, rulesFrom } from '../../../lib/form';
import { FIELDS, PICKER_FORMAT, REPEAT_COUNT } from './values';

/** Start, end and the hours credited. */
export function TimeFields({ editing, credits, duration }: { editing: boolean; credits: boolean; duration: number | null }) {
  const creditLimits = limitsOf(FIELDS.creditHours);
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={PICKER_FORMAT} style={{ width: '100%' }} placeholder="选择开始时间" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="endsAt"
          label="结束时间"
          dependencies={['startsAt']}
          rules={[
            { required: true, message: '请选择结束时间' },
            ({ getFieldValue }) => ({
              validator: (_, v?: Dayjs) => {
                const s = getFieldValue('startsAt') as Dayjs | undefined;
                return !v || !s || v.isAfter(s) ? Promise.resolve() : Promise.reject(new Error('结束时间必须晚于开始时间'));
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={PICKER_FORMAT} style={{ width: '100%' }} placeholder="选择结束时间" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        {credits ? (
          <Form.Item
            name="creditHours"
            label="计入服务时长（小时）"
            extra={duration !== null ? `活动时长 ${hoursText(duration)}；按实际签到时长记录，不超过此数` : '默认等于活动时长'}
            rules={rulesFrom(FIELDS.creditHours, { message: `${creditLimits.min}–${creditLimits.max} 小时` })}
          >
            <InputNumber min={creditLimits.min} max={creditLimits.max} step={0.5} precision={2} style={{ width: '100%' }} disabled={editing} />
          </Form.Item>
        ) : (
          <Form.Item label="计入服务时长">
            <Typography.Text type="secondary">不计志愿服务时长</Typography.Text>
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

/** A new activity may repeat weekly or monthly; an edit to one of a series says how far it reaches. */
export function RepeatFields({ editing, inSeries, repeatRule }: { editing: boolean; inSeries: boolean; repeatRule?: string }) {
  const count = limitsOf(REPEAT_COUNT);
  const countText = `${count.min}–${count.max} 场`;
  if (!editing) {
    return (
      <Space align="start" wrap>
        <Form.Item name="repeatRule" label="重复">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'none', label: '不重复' },
              { value: 'weekly', label: '每周' },
              { value: 'monthly', label: '每月' },
            ]}
          />
        </Form.Item>
        {repeatRule && repeatRule !== 'none' ? (
          <Form.Item name="repeatCount" label="共几场" rules={rulesFrom(REPEAT_COUNT, { required: countText, message: countText })}>
            <InputNumber min={count.min} max={count.max} addonAfter="场" style={{ width: 140 }} />
          </Form.Item>
        ) : null}
      </Space>
    );
  }
  return inSeries ? (
    <Form.Item name="scope" label="这是系列活动中的一场，修改应用于">
      <Radio.Group
        options={[
          { value: 'one', label: '仅本场' },
          { value: 'following', label: '本场及以后各场' },
        ]}
      />
    </Form.Item>
  ) : null;
}
