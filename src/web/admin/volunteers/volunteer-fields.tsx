import { Col, Form, Input, Select } from 'antd';
import { EDUCATION_LEVELS, POLITICAL_STATUSES, RegisterVolunteerInput, SERVICE_CATEGORIES, VOLUNTEER_CATEGORIES } from '../../../shared/volunteers';
import { limitsOf, rulesFrom } from '../../lib/form';

/**
 * The volunteer's profile fields, shared by 登记志愿者 and 编辑志愿者 so their limits come from one
 * schema. Both forms use the flat names below (`emergencyName`, not `emergencyContact.name`).
 * Render inside a `<Row gutter={16}>`.
 */
const f = RegisterVolunteerInput.shape;
const emergency = RegisterVolunteerInput.shape.emergencyContact.unwrap().shape;
const max = (schema: Parameters<typeof limitsOf>[0]) => limitsOf(schema).maxLength;

/** 志愿者类别, 服务类别 and 特长. */
export function ServiceFields({
  categoryMd,
  servicesMd,
  skillsLabel,
  skillsExtra,
}: {
  categoryMd: number;
  servicesMd: number;
  skillsLabel: string;
  skillsExtra?: string;
}) {
  return (
    <>
      <Col xs={24} md={categoryMd}>
        <Form.Item name="category" label="志愿者类别" rules={rulesFrom(f.category, { required: '请选择志愿者类别' })}>
          <Select options={VOLUNTEER_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={servicesMd}>
        <Form.Item
          name="serviceCategories"
          label="服务类别（最多 4 个）"
          rules={[
            { required: true, message: '至少选择一个服务类别' },
            { type: 'array', max: 4, message: '服务类别最多选 4 个' },
          ]}
        >
          <Select mode="multiple" maxCount={4} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="skills" label={skillsLabel} extra={skillsExtra} rules={[{ type: 'array', max: 10, message: '最多 10 项' }]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
    </>
  );
}

/** 政治面貌 … 紧急联系人电话; `hints` adds the placeholders shown when registering someone new. */
export function ProfileFields({ hints = false, emergencyMd = 8 }: { hints?: boolean; emergencyMd?: number }) {
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name="politicalStatus" label="政治面貌">
          <Select allowClear options={POLITICAL_STATUSES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="education" label="最高学历">
          <Select allowClear options={EDUCATION_LEVELS.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="ethnicity" label="民族" rules={rulesFrom(f.ethnicity)}>
          <Input maxLength={max(f.ethnicity)} placeholder={hints ? '如：汉族' : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="employment" label="从业状况" rules={rulesFrom(f.employment)}>
          <Input maxLength={max(f.employment)} placeholder={hints ? '如：退休' : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="residenceArea" label="居住区域" rules={rulesFrom(f.residenceArea)} extra={hints ? '区县，留空则按实践站所在区县' : undefined}>
          <Input maxLength={max(f.residenceArea)} placeholder={hints ? '如：重庆市涪陵区' : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="email" label="邮箱" rules={rulesFrom(f.email)}>
          <Input maxLength={80} />
        </Form.Item>
      </Col>
      <Col xs={24} md={emergencyMd}>
        <Form.Item name="emergencyName" label="紧急联系人" rules={rulesFrom(emergency.name, { required: false })}>
          <Input maxLength={max(emergency.name)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={emergencyMd}>
        <Form.Item
          name="emergencyPhone"
          label="紧急联系人电话"
          dependencies={['emergencyName']}
          rules={[
            ...rulesFrom(emergency.phone, { required: false }),
            ({ getFieldValue }) => ({
              validator: async (_, value?: string) => {
                if (getFieldValue('emergencyName')?.trim() && !value) throw new Error('请填写紧急联系人电话');
              },
            }),
          ]}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
      </Col>
    </>
  );
}
