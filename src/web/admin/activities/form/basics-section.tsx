import { Alert, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/activities';
import { limitsOf, rulesFrom } from '../../../lib/form';
import { FIELDS } from './values';

type Options = { value: string; label: string }[];
type Grouped = { label: string; options: Options }[];

/** Unit, programme, type, title and content. */
export function BasicsSection({
  editing,
  credits,
  unitOptions,
  unitsLoading,
  programmeOptions,
  programmesLoading,
}: {
  editing: boolean;
  credits: boolean;
  unitOptions: Options;
  unitsLoading: boolean;
  programmeOptions: Grouped;
  programmesLoading: boolean;
}) {
  const fixedAfterCreate = editing ? '创建后不能修改' : undefined;
  return (
    <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>基本信息</h2>} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label="举办单位" rules={[{ required: true, message: '请选择举办单位' }]} extra={fixedAfterCreate}>
            <Select options={unitOptions} loading={unitsLoading} disabled={editing} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="programmeId" label="实践项目">
            <Select allowClear placeholder="选择所属实践项目（可不选）" options={programmeOptions} loading={programmesLoading} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="type" label="活动类型" rules={[{ required: true }]} extra={fixedAfterCreate}>
        <Radio.Group
          disabled={editing}
          optionType="button"
          options={(Object.keys(ACTIVITY_TYPES) as ActivityType[]).map((t) => ({ value: t, label: ACTIVITY_TYPES[t].label }))}
        />
      </Form.Item>
      {!credits ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="不计志愿服务时长"
          description="会议、值班、排练和团队建设不属于志愿服务，不记录志愿服务时长（《志愿服务记录与证明出具办法》第十九条）。"
        />
      ) : null}
      <Form.Item name="title" label="活动名称" rules={rulesFrom(FIELDS.title, { required: '请输入活动名称', message: '名称为 2–60 个字' })}>
        <Input maxLength={limitsOf(FIELDS.title).maxLength} placeholder="如：敬老助老·空巢老人上门探访" />
      </Form.Item>
      <Form.Item name="content" label="活动内容" rules={rulesFrom(FIELDS.content)}>
        <Input.TextArea rows={4} maxLength={limitsOf(FIELDS.content).maxLength} showCount placeholder="服务对象、服务内容、注意事项等" />
      </Form.Item>
    </Card>
  );
}
