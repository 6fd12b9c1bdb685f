import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { limitsOf, rulesFrom } from '../../../lib/form';
import { FIELDS, POSITION } from './values';

const most = limitsOf(FIELDS.positions).maxLength ?? 20;
const headcount = limitsOf(POSITION.headcount);

/** Positions and their headcounts; one already taken by sign-ups cannot be removed. */
export function PositionsField({ seats }: { seats: number }) {
  const form = Form.useFormInstance();
  return (
    <Form.List name="positions" rules={[{ validator: async (_, v?: unknown[]) => (v?.length ? undefined : Promise.reject(new Error('至少设置一个岗位'))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>岗位和名额（共 {seats} 人）</legend>
          {fields.map((field, i) => {
            const existing = !!form.getFieldValue(['positions', field.name, 'id']);
            return (
              <Flex key={field.key} gap={8} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={rulesFrom(POSITION.name, { required: '请输入岗位名称' })}
                  style={{ flex: '1 1 240px', marginBottom: 12 }}
                >
                  <Input placeholder="岗位名称，如：引导员" aria-label={`第 ${i + 1} 个岗位名称`} maxLength={limitsOf(POSITION.name).maxLength} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'headcount']}
                  rules={rulesFrom(POSITION.headcount, {
                    required: `名额 ${headcount.min}–${headcount.max}`,
                    message: `名额 ${headcount.min}–${headcount.max}`,
                  })}
                  style={{ marginBottom: 12 }}
                >
                  <InputNumber min={headcount.min} max={headcount.max} addonAfter="人" aria-label={`第 ${i + 1} 个岗位名额`} style={{ width: 140 }} />
                </Form.Item>
                {fields.length > 1 && !existing ? (
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={`删除第 ${i + 1} 个岗位`} />
                ) : null}
              </Flex>
            );
          })}
          <Form.ErrorList errors={errors} />
          {fields.length < most ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', headcount: 5 })} style={{ marginBottom: 16 }}>
              添加岗位
            </Button>
          ) : null}
        </fieldset>
      )}
    </Form.List>
  );
}
