import { Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { DAY_PART_LABELS, DAY_PARTS, SERVICE_CATEGORIES, VOLUNTEER_CATEGORIES, WEEKDAY_LABELS, WEEKDAYS } from '../../../shared/volunteers';

/** The filters behind 更多筛选: skills, categories, free time, age, star level and hours. */
export function MoreFilters() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8} xl={6}>
        <Form.Item name="skill" label="特长">
          <Input allowClear placeholder="如：理发、急救" maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} xl={6}>
        <Form.Item name="category" label="志愿者类别">
          <Select allowClear placeholder="全部类别" options={VOLUNTEER_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} xl={6}>
        <Form.Item name="serviceCategory" label="服务类别">
          <Select allowClear placeholder="全部服务类别" options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Form.Item label="空闲时间">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="day" noStyle>
              <Select
                allowClear
                placeholder="星期"
                aria-label="空闲时间：星期"
                style={{ width: '50%' }}
                options={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))}
              />
            </Form.Item>
            <Form.Item name="part" noStyle>
              <Select
                allowClear
                placeholder="时段"
                aria-label="空闲时间：时段"
                style={{ width: '50%' }}
                options={DAY_PARTS.map((p) => ({ value: p, label: DAY_PART_LABELS[p] }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Form.Item label="年龄（岁）">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="minAge" noStyle>
              <InputNumber min={0} max={120} precision={0} placeholder="最小" aria-label="最小年龄" style={{ width: '50%' }} />
            </Form.Item>
            <Form.Item name="maxAge" noStyle>
              <InputNumber min={0} max={120} precision={0} placeholder="最大" aria-label="最大年龄" style={{ width: '50%' }} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Form.Item name="starLevel" label="星级">
          <Select
            allowClear
            placeholder="全部星级"
            options={STAR_NAMES.slice(0, 6).map((n, i) => ({ value: i, label: i === 0 ? '未定级' : `${'★'.repeat(i)} ${n}` }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Form.Item label="认定时长（小时）">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="minHours" noStyle>
              <InputNumber min={0} placeholder="最少" aria-label="最少认定时长" style={{ width: '50%' }} />
            </Form.Item>
            <Form.Item name="maxHours" noStyle>
              <InputNumber min={0} placeholder="最多" aria-label="最多认定时长" style={{ width: '50%' }} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
    </Row>
  );
}
