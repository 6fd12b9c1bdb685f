import { Alert, App, Breadcrumb, Button, Card, Divider, Form, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { chinaDay } from '../../../shared/china-time';
import { ageOn, birthDateFromId, genderFromId, idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import { ADULT_AGE, type ID_TYPES, MIN_VOLUNTEER_AGE, type RegisterVolunteerInput } from '../../../shared/volunteers';
import { ApiError } from '../../lib/api';
import { useSubmit } from '../../lib/form';
import { useUnits } from '../../lib/queries/org';
import { type UploadedFile, useCreateVolunteer } from '../../lib/queries/volunteers';
import { PageHeader } from '../components/page-header';
import { sortUnits } from '../org/helpers';
import { ProfileFields, ServiceFields } from './volunteer-fields';
import { AvailabilityGrid, ConsentSection, GuardianSection, IdentitySection } from './volunteer-new-sections';

export type IdType = keyof typeof ID_TYPES;
export type GuardianMethod = NonNullable<RegisterVolunteerInput['guardian']>['consentMethod'];

export interface Values {
  stationId: string;
  name: string;
  idType: IdType;
  idNumber: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs;
  phone: string;
  category: RegisterVolunteerInput['category'];
  serviceCategories: RegisterVolunteerInput['serviceCategories'];
  skills?: string[];
  availability?: string[];
  politicalStatus?: RegisterVolunteerInput['politicalStatus'];
  education?: RegisterVolunteerInput['education'];
  ethnicity?: string;
  email?: string;
  employment?: string;
  residenceArea?: string;
  emergencyName?: string;
  emergencyPhone?: string;
  guardianName?: string;
  guardianPhone?: string;
  guardianRelation?: string;
  guardianConsentMethod?: GuardianMethod;
  consentMethod: 'signed_form' | 'phone_confirmation';
  consentFiles?: UploadedFile[];
  consentNote?: string;
}

/** Nested paths in the API's field errors → this form's flat field names. */
const ALIASES: Record<string, string> = {
  'guardian.name': 'guardianName',
  'guardian.phone': 'guardianPhone',
  'guardian.relation': 'guardianRelation',
  'guardian.consentMethod': 'guardianConsentMethod',
  'consent.note': 'consentNote',
  'consent.evidenceFileId': 'consentFiles',
  'consent.method': 'consentMethod',
  'emergencyContact.name': 'emergencyName',
  'emergencyContact.phone': 'emergencyPhone',
};

function identityOf(idType: IdType | undefined, raw: string | undefined) {
  if (idType !== '01' || !raw) return null;
  const id = normaliseIdNumber(raw);
  if (idNumberProblem(id)) return null;
  const birthDate = birthDateFromId(id);
  if (!birthDate) return null;
  return { birthDate, gender: genderFromId(id), age: ageOn(birthDate, chinaDay(new Date())) };
}

/** Staff enter a person with the person's consent on record (办法 第五、六条). */
export default function VolunteerNewPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const units = useUnits();
  const create = useCreateVolunteer();
  const [form] = Form.useForm<Values>();
  const [existingId, setExistingId] = useState<string | null>(null);
  const stations = useMemo(() => sortUnits((units.data ?? []).filter((u) => u.kind === 'station' && !u.archived)), [units.data]);

  const idType = Form.useWatch('idType', form);
  const idNumber = Form.useWatch('idNumber', form);
  const birthDate = Form.useWatch('birthDate', form);
  const consentMethod = Form.useWatch('consentMethod', form);
  const identity = identityOf(idType, idNumber);
  const age = identity?.age ?? (birthDate ? ageOn(birthDate.format('YYYY-MM-DD'), chinaDay(new Date())) : null);
  const minor = age !== null && age >= MIN_VOLUNTEER_AGE && age < ADULT_AGE;
  const tooYoung = age !== null && age < MIN_VOLUNTEER_AGE;

  useEffect(() => {
    if (stations.length === 1 && !form.getFieldValue('stationId')) form.setFieldValue('stationId', stations[0].id);
  }, [stations, form]);

  const submit = useSubmit(form, create, {
    input: (values) => {
      setExistingId(null);
      const input: RegisterVolunteerInput = {
        stationId: values.stationId,
        name: values.name.trim(),
        idType: values.idType,
        idNumber: values.idType === '01' ? normaliseIdNumber(values.idNumber) : values.idNumber.trim(),
        ...(values.idType !== '01' ? { gender: values.gender, birthDate: values.birthDate?.format('YYYY-MM-DD') } : {}),
        phone: values.phone.trim(),
        category: values.category,
        serviceCategories: values.serviceCategories,
        skills: (values.skills ?? []).map((s) => s.trim()).filter(Boolean),
        availability: values.availability ?? [],
        ...(values.politicalStatus ? { politicalStatus: values.politicalStatus } : {}),
        ...(values.education ? { education: values.education } : {}),
        ...(values.ethnicity?.trim() ? { ethnicity: values.ethnicity.trim() } : {}),
        ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        ...(values.employment?.trim() ? { employment: values.employment.trim() } : {}),
        ...(values.residenceArea?.trim() ? { residenceArea: values.residenceArea.trim() } : {}),
        ...(values.emergencyName?.trim() && values.emergencyPhone?.trim()
          ? { emergencyContact: { name: values.emergencyName.trim(), phone: values.emergencyPhone.trim() } }
          : {}),
        ...(minor && values.guardianName
          ? {
              guardian: {
                name: values.guardianName.trim(),
                phone: (values.guardianPhone ?? '').trim(),
                relation: (values.guardianRelation ?? '').trim(),
                consentMethod: values.guardianConsentMethod ?? 'signed_form',
              },
            }
          : {}),
        consent: {
          method: values.consentMethod,
          ...(values.consentMethod === 'signed_form' && values.consentFiles?.[0] ? { evidenceFileId: values.consentFiles[0].id } : {}),
          ...(values.consentMethod === 'phone_confirmation' && values.consentNote?.trim() ? { note: values.consentNote.trim() } : {}),
        },
      };
      return input;
    },
    onDone: (created) => {
      message.success(`已登记 ${created.name}，状态为待审核`);
      navigate(`/admin/volunteers/${created.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'volunteer.duplicate' && typeof err.details.existingId === 'string') setExistingId(err.details.existingId);
    },
    byCode: {
      'volunteer.bad_id_number': 'idNumber',
      'volunteer.too_young': 'idNumber',
      'volunteer.birth_gender_required': 'birthDate',
      'volunteer.guardian_required': 'guardianName',
      'volunteer.consent_evidence_required': 'consentFiles',
      'volunteer.not_station': 'stationId',
    },
    aliases: ALIASES,
  });

  return (
    <>
      <Breadcrumb aria-label="当前位置" style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/volunteers">志愿者</Link> }, { title: '登记志愿者' }]} />
      <PageHeader title="登记志愿者" description="代没有手机或不便操作的居民登记。必须有本人同意的记录：本人签字的登记表照片，或电话确认的记录。" />
      <Card variant="borderless">
        <Form<Values>
          name="volunteer-new"
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ idType: '01', consentMethod: 'signed_form', guardianConsentMethod: 'signed_form', availability: [], skills: [] }}
          onFinish={submit.submit}
          scrollToFirstError
          style={{ maxWidth: 960 }}
        >
          {submit.error ? (
            <Alert
              type="error"
              showIcon
              title={submit.error}
              description={existingId ? <Link to={`/admin/volunteers/${existingId}`}>查看已登记的这位志愿者</Link> : undefined}
              style={{ marginBottom: 16 }}
            />
          ) : null}

          <IdentitySection form={form} stations={stations} loading={units.isPending} identity={identity} idType={idType} tooYoung={tooYoung} />

          {minor ? <GuardianSection /> : null}

          <Divider />
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            服务意向
          </Typography.Title>
          <Row gutter={16}>
            <ServiceFields categoryMd={8} servicesMd={16} skillsLabel="专业技能 / 特长" skillsExtra="输入后按回车添加，最多 10 项" />
          </Row>
          <AvailabilityGrid />
          <Row gutter={16}>
            <ProfileFields hints />
          </Row>

          <ConsentSection form={form} consentMethod={consentMethod} />

          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending} disabled={tooYoung}>
              登记
            </Button>
            <Button onClick={() => navigate('/admin/volunteers')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
