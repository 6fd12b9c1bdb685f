import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Descriptions, Divider, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { shanghaiDay } from '../../../shared/rules/hours';
import { ageOn, birthDateFromId, genderFromId, idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import {
  ADULT_AGE,
  CONSENT_METHODS,
  DAY_PART_LABELS,
  DAY_PARTS,
  EDUCATION_LEVELS,
  ID_TYPES,
  MIN_VOLUNTEER_AGE,
  POLITICAL_STATUSES,
  type RegisterVolunteerInput,
  SERVICE_CATEGORIES,
  VOLUNTEER_CATEGORIES,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '../../../shared/volunteers';
import { ApiError } from '../../lib/api';
import { useUnits } from '../../lib/queries/org';
import { type UploadedFile, useCreateVolunteer } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { PageHeader } from '../components/page-header';
import { applyServerErrors } from '../form-errors';
import { GUARDIAN_CONSENT_METHODS } from '../../lib/volunteer-labels';
import { sortUnits } from '../org/helpers';

type IdType = keyof typeof ID_TYPES;
type GuardianMethod = NonNullable<RegisterVolunteerInput['guardian']>['consentMethod'];

interface Values {
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

const PHONE_RULE = { pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' };

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
  return { birthDate, gender: genderFromId(id), age: ageOn(birthDate, shanghaiDay(new Date())) };
}

/** Staff enter a person with the person's consent on record (办法 第五、六条). */
export default function VolunteerNewPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const units = useUnits();
  const create = useCreateVolunteer();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const stations = useMemo(() => sortUnits((units.data ?? []).filter((u) => u.kind === 'station' && !u.archived)), [units.data]);

  const idType = Form.useWatch('idType', form);
  const idNumber = Form.useWatch('idNumber', form);
  const birthDate = Form.useWatch('birthDate', form);
  const consentMethod = Form.useWatch('consentMethod', form);
  const identity = identityOf(idType, idNumber);
  const age = identity?.age ?? (birthDate ? ageOn(birthDate.format('YYYY-MM-DD'), shanghaiDay(new Date())) : null);
  const minor = age !== null && age >= MIN_VOLUNTEER_AGE && age < ADULT_AGE;
  const tooYoung = age !== null && age < MIN_VOLUNTEER_AGE;

  useEffect(() => {
    if (stations.length === 1 && !form.getFieldValue('stationId')) form.setFieldValue('stationId', stations[0].id);
  }, [stations, form]);

  const submit = async (values: Values) => {
    setError(null);
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
    try {
      const created = await create.mutateAsync(input);
      message.success(`已登记 ${created.name}，状态为待审核`);
      navigate(`/admin/volunteers/${created.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'volunteer.duplicate' && typeof err.details.existingId === 'string') {
        setExistingId(err.details.existingId);
      }
      setError(
        applyServerErrors(
          form,
          err,
          {
          'volunteer.bad_id_number': 'idNumber',
          'volunteer.too_young': 'idNumber',
          'volunteer.birth_gender_required': 'birthDate',
          'volunteer.guardian_required': 'guardianName',
          'volunteer.consent_evidence_required': 'consentFiles',
          'volunteer.not_station': 'stationId',
          },
          ALIASES,
        ),
      );
    }
  };

  return (
    <>
      <Breadcrumb aria-label="当前位置" style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/volunteers">志愿者</Link> }, { title: '登记志愿者' }]} />
      <PageHeader
        title="登记志愿者"
        description="代没有手机或不便操作的居民登记。必须有本人同意的记录：本人签字的登记表照片，或电话确认的记录。"
      />
      <Card variant="borderless">
        <Form<Values>
          name="volunteer-new"
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ idType: '01', consentMethod: 'signed_form', guardianConsentMethod: 'signed_form', availability: [], skills: [] }}
          onFinish={submit}
          scrollToFirstError
          style={{ maxWidth: 960 }}
        >
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error}
              description={existingId ? <Link to={`/admin/volunteers/${existingId}`}>查看已登记的这位志愿者</Link> : undefined}
              style={{ marginBottom: 16 }}
            />
          ) : null}

          <Typography.Title level={2} style={{ fontSize: 16 }}>
            身份信息
          </Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="stationId" label="所属实践站" rules={[{ required: true, message: '请选择所属实践站' }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} placeholder="选择实践站" loading={units.isPending} options={stations.map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32, message: '最多 32 个字' }]}>
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="idType" label="证件类型" rules={[{ required: true }]}>
                <Select options={(Object.keys(ID_TYPES) as IdType[]).map((t) => ({ value: t, label: `${t} ${ID_TYPES[t]}` }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="idNumber"
                label="证件号码"
                validateFirst
                rules={[
                  { required: true, whitespace: true, message: '请输入证件号码' },
                  {
                    validator: async (_, value: string) => {
                      if (form.getFieldValue('idType') !== '01' || !value) return;
                      const problem = idNumberProblem(normaliseIdNumber(value));
                      if (problem === 'format') throw new Error('身份证号应为 18 位，最后一位是数字或 X');
                      if (problem === 'birth_date') throw new Error('身份证号中的出生日期不正确');
                      if (problem === 'checksum') throw new Error('身份证号校验位不正确，请核对');
                    },
                  },
                ]}
                extra="证件号码加密保存，列表中只显示部分号码。"
              >
                <Input maxLength={32} autoComplete="off" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          </Row>
          {identity ? (
            <Descriptions
              size="small"
              bordered
              column={3}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'birth', label: '出生日期', children: identity.birthDate },
                { key: 'age', label: '年龄', children: `${identity.age} 岁` },
                { key: 'gender', label: '性别', children: identity.gender === 'male' ? '男' : '女' },
              ]}
            />
          ) : null}
          {idType && idType !== '01' ? (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
                  <Radio.Group options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="birthDate" label="出生日期" rules={[{ required: true, message: '请选择出生日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          {tooYoung ? <Alert type="error" showIcon title="未满 14 周岁不能登记为志愿者，可以在家长陪同下参加活动。" style={{ marginBottom: 16 }} /> : null}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label="手机号" rules={[{ required: true, message: '请输入手机号' }, PHONE_RULE]}>
                <Input inputMode="tel" maxLength={11} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>

          {minor ? (
            <>
              <Divider />
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                监护人同意（未满 18 周岁）
              </Typography.Title>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="guardianName" label="监护人姓名" rules={[{ required: true, whitespace: true, message: '请输入监护人姓名' }]}>
                    <Input maxLength={32} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="guardianRelation" label="关系" rules={[{ required: true, whitespace: true, message: '请输入与监护人的关系' }]}>
                    <Input maxLength={16} placeholder="如：父亲、母亲" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="guardianPhone" label="监护人手机号" rules={[{ required: true, message: '请输入监护人手机号' }, PHONE_RULE]}>
                    <Input inputMode="tel" maxLength={11} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="guardianConsentMethod" label="监护人同意方式" rules={[{ required: true }]}>
                <Radio.Group options={(Object.keys(GUARDIAN_CONSENT_METHODS) as GuardianMethod[]).map((m) => ({ value: m, label: GUARDIAN_CONSENT_METHODS[m] }))} />
              </Form.Item>
            </>
          ) : null}

          <Divider />
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            服务意向
          </Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="category" label="志愿者类别" rules={[{ required: true, message: '请选择志愿者类别' }]}>
                <Select options={VOLUNTEER_CATEGORIES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
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
              <Form.Item name="skills" label="专业技能 / 特长" extra="输入后按回车添加，最多 10 项" rules={[{ type: 'array', max: 10, message: '最多 10 项' }]}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="availability" label="空闲时间">
            <Checkbox.Group style={{ display: 'block' }}>
              <table style={{ borderCollapse: 'collapse' }}>
                <thead>
                  <tr>
                    <td />
                    {WEEKDAYS.map((d) => (
                      <th key={d} scope="col" style={{ padding: '2px 10px', fontWeight: 500 }}>
                        {WEEKDAY_LABELS[d]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {DAY_PARTS.map((p) => (
                    <tr key={p}>
                      <th scope="row" style={{ padding: '2px 10px 2px 0', fontWeight: 500, textAlign: 'start' }}>
                        {DAY_PART_LABELS[p]}
                      </th>
                      {WEEKDAYS.map((d) => (
                        <td key={d} style={{ textAlign: 'center', padding: 2 }}>
                          <Checkbox value={`${d}-${p}`} aria-label={`${WEEKDAY_LABELS[d]}${DAY_PART_LABELS[p]}`} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Checkbox.Group>
          </Form.Item>
          <Row gutter={16}>
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
                <Input maxLength={16} placeholder="如：汉族" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="employment" label="从业状况">
                <Input maxLength={20} placeholder="如：退休" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="residenceArea" label="居住区域" extra="区县，留空则按实践站所在区县">
                <Input maxLength={40} placeholder="如：重庆市涪陵区" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="emergencyName" label="紧急联系人">
                <Input maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="emergencyPhone"
                label="紧急联系人电话"
                dependencies={['emergencyName']}
                rules={[
                  PHONE_RULE,
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
          </Row>

          <Divider />
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            本人同意
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            《志愿服务记录与证明出具办法（试行）》第六条：代为登记须经本人同意。不得在本人不知情的情况下登记（防止“被志愿”）。
          </Typography.Paragraph>
          <Form.Item name="consentMethod" label="同意方式" rules={[{ required: true }]}>
            <Radio.Group
              options={(['signed_form', 'phone_confirmation'] as const).map((m) => ({ value: m, label: CONSENT_METHODS[m] }))}
              onChange={() => form.setFields([{ name: 'consentFiles', errors: [] }, { name: 'consentNote', errors: [] }])}
            />
          </Form.Item>
          {consentMethod === 'phone_confirmation' ? (
            <Form.Item
              name="consentNote"
              label="电话确认记录"
              rules={[{ required: true, whitespace: true, message: '请记录通话时间和对方的答复' }, { max: 200, message: '最多 200 个字' }]}
            >
              <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：3 月 2 日 10:20 电话联系本人，本人同意登记为志愿者，同意平台记录其服务信息" />
            </Form.Item>
          ) : (
            <Form.Item
              name="consentFiles"
              label="签字登记表照片"
              rules={[{ required: true, type: 'array', min: 1, message: '请上传本人签字的登记表照片' }]}
              extra="JPG、PNG 或 PDF，不超过 10 MB"
            >
              <FileUpload purpose="consent" max={1} buttonText="上传登记表照片" />
            </Form.Item>
          )}

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
