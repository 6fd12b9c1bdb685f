import { App, Col, Form, Input, Row, Select } from 'antd';
import { DAY_PART_LABELS, DAY_PARTS, UpdateVolunteerInput, type VolunteerView, WEEKDAY_LABELS, WEEKDAYS } from '../../../shared/volunteers';
import { useUpdateVolunteer } from '../../lib/queries/volunteers';
import { FormModal, rulesFrom, useSubmit } from '../../lib/form';
import { ProfileFields, ServiceFields } from './volunteer-fields';

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
  const submit = useSubmit(form, useUpdateVolunteer(), {
    input: (values) => {
      const emergency =
        blank(values.emergencyName) && blank(values.emergencyPhone)
          ? { name: values.emergencyName?.trim() ?? '', phone: values.emergencyPhone?.trim() ?? '' }
          : null;
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
      return { id: v.id, input };
    },
    onDone: () => {
      message.success('资料已保存');
      onClose();
    },
    byCode: { 'volunteer.duplicate': 'phone' },
    aliases: { 'emergencyContact.name': 'emergencyName', 'emergencyContact.phone': 'emergencyPhone' },
  });

  return (
    <FormModal
      name="volunteer-edit"
      form={form}
      submit={submit}
      title={`编辑资料：${v.name}`}
      onClose={onClose}
      width={760}
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
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label="手机号" extra={`当前：${v.phone ?? '—'}，留空则不修改`} rules={rulesFrom(UpdateVolunteerInput.shape.phone)}>
            <Input inputMode="tel" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <ServiceFields categoryMd={12} servicesMd={24} skillsLabel="特长" />
        <Col xs={24}>
          <Form.Item name="availability" label="空闲时间">
            <Select mode="multiple" options={SLOTS} placeholder="选择空闲的时段" />
          </Form.Item>
        </Col>
        <ProfileFields emergencyMd={12} />
      </Row>
    </FormModal>
  );
}
