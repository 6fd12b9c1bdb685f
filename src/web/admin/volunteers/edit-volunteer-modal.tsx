import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import {
  DAY_PART_LABELS,
  DAY_PARTS,
  EDUCATION_LEVELS,
  POLITICAL_STATUSES,
  SERVICE_CATEGORIES,
  type UpdateVolunteerInput,
  VOLUNTEER_CATEGORIES,
  type VolunteerView,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '../../../shared/volunteers';
import { useUpdateVolunteer } from '../../lib/queries/volunteers';
import { applyServerErrors } from '../form-errors';

interface Values {
  phone?: string;
  category: UpdateVolunteerInput['category'];
  serviceCategories: NonNullable<UpdateVolunteerInput['serviceCategories']>;
  skills: string[];
  availability: string[];
  politicalStatus?: string | null;
  education?: string | null;
  ethnicity?: string | null;
  email?: string | null;
  employment?: string | null;
  residenceArea?: string | null;
  emergencyName?: string;
  emergencyPhone?: string;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const SLOTS = WEEKDAYS.flatMap((d) => DAY_PARTS.map((p) => ({ value: `${d}-${p}`, label: `${WEEKDAY_LABELS[d]}${DAY_PART_LABELS[p]}` })));

/** Edit what may change; name and ID number are identity and are not edited here. */
export function EditVolunteerModal({ volunteer: v, onClose }: { volunteer: VolunteerView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateVolunteer();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    const emergency = blank(values.emergencyName) && blank(values.emergencyPhone) ? { name: values.emergencyName?.trim() ?? '', phone: values.emergencyPhone?.trim() ?? '' } : null;
    const input: UpdateVolunteerInput = {
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      category: values.category,
      serviceCategories: values.serviceCategories,
      skills: values.skills.map((s) => s.trim()).filter(Boolean),
      availability: values.availability,
      politicalStatus: (values.politicalStatus ?? null) as UpdateVolunteerInput['politicalStatus'],
      education: (values.education ?? null) as UpdateVolunteerInput['education'],
      ethnicity: blank(values.ethnicity),
      email: blank(values.email),
      employment: blank(values.employment),
      residenceArea: blank(values.residenceArea),
      emergencyContact: emergency,
    };
    try {
      await update.mutateAsync({ id: v.id, input });
      message.success('资料已保存');
      onClose();
    } catch (err) {
      setError(applyServerErrors(form, err, { 'volunteer.duplicate': 'phone' }));
    }
  };

  return (
    <Modal open title={`编辑资料：${v.name}`} okText="保存" onOk={submit} onCancel={onClose} confirmLoading={update.isPending} width={760} destroyOnHidden>
      <Form<Values>
        name="volunteer-edit"
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          category: v.category as Values['category'],
          serviceCategories: v.serviceCategories as Values['serviceCategories'],
          skills: v.skills,
          availability: v.availability,
          politicalStatus: v.politicalStatus,
          education: v.education,
          ethnicity: v.ethnicity,
          email: v.email,
          employment: v.employment,
          residenceArea: v.residenceArea,
          emergencyName: v.emergencyContact?.name,
          emergencyPhone: v.emergencyContact?.phone,
        }}
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label="手机号" extra={`当前：${v.phone ?? '—'}，留空则不修改`} rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}>
              <Input inputMode="tel" maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label="志愿者类别" rules={[{ required: true, message: '请选择志愿者类别' }]}>
              <Select options={VOLUNTEER_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="serviceCategories" label="服务类别（最多 4 个）" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个服务类别' }]}>
              <Select mode="multiple" maxCount={4} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="skills" label="特长" rules={[{ type: 'array', max: 10, message: '最多 10 项' }]}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="availability" label="空闲时间">
              <Select mode="multiple" options={SLOTS} placeholder="选择空闲的时段" />
            </Form.Item>
          </Col>
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
            <Form.Item name="ethnicity" label="民族">
              <Input maxLength={16} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="employment" label="从业状况">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="residenceArea" label="居住区域">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="emergencyName" label="紧急联系人">
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="emergencyPhone" label="紧急联系人电话" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}>
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
