import { Alert, Checkbox, Col, DatePicker, Descriptions, Divider, Form, type FormInstance, Input, Radio, Row, Select, Typography } from 'antd';
import { CONSENT_METHODS, DAY_PART_LABELS, DAY_PARTS, ID_TYPES, RegisterVolunteerInput, WEEKDAY_LABELS, WEEKDAYS } from '../../../shared/volunteers';
import { idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import { limitsOf, rulesFrom } from '../../lib/form';
import { GUARDIAN_CONSENT_METHODS } from '../../lib/volunteer-labels';
import { FileUpload } from '../components/file-upload';
import type { GuardianMethod, IdType, Values } from './volunteer-new-page';

/** The sections of 登记志愿者, top to bottom. Limits come from the registration schema. */
const f = RegisterVolunteerInput.shape;
const guardian = RegisterVolunteerInput.shape.guardian.unwrap().shape;
const consent = RegisterVolunteerInput.shape.consent.unwrap().shape;

export function IdentitySection({
  form,
  stations,
  loading,
  identity,
  idType,
  tooYoung,
}: {
  form: FormInstance<Values>;
  stations: { id: string; name: string }[];
  loading: boolean;
  identity: { birthDate: string; gender: 'male' | 'female'; age: number } | null;
  idType: IdType | undefined;
  tooYoung: boolean;
}) {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        身份信息
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="stationId" label="所属实践站" rules={[{ required: true, message: '请选择所属实践站' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择实践站"
              loading={loading}
              options={stations.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label="姓名" rules={rulesFrom(f.name, { required: '请输入姓名' })}>
            <Input maxLength={limitsOf(f.name).maxLength} autoComplete="off" />
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
            <Input maxLength={limitsOf(f.idNumber).maxLength} autoComplete="off" style={{ fontFamily: 'monospace' }} />
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
              <Radio.Group
                options={[
                  { value: 'male', label: '男' },
                  { value: 'female', label: '女' },
                ]}
              />
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
          <Form.Item name="phone" label="手机号" rules={rulesFrom(f.phone, { required: '请输入手机号' })}>
            <Input inputMode="tel" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function GuardianSection() {
  return (
    <>
      <Divider />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        监护人同意（未满 18 周岁）
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="guardianName" label="监护人姓名" rules={rulesFrom(guardian.name, { required: '请输入监护人姓名' })}>
            <Input maxLength={limitsOf(guardian.name).maxLength} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="guardianRelation" label="关系" rules={rulesFrom(guardian.relation, { required: '请输入与监护人的关系' })}>
            <Input maxLength={limitsOf(guardian.relation).maxLength} placeholder="如：父亲、母亲" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="guardianPhone" label="监护人手机号" rules={rulesFrom(guardian.phone, { required: '请输入监护人手机号' })}>
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="guardianConsentMethod" label="监护人同意方式" rules={[{ required: true }]}>
        <Radio.Group options={(Object.keys(GUARDIAN_CONSENT_METHODS) as GuardianMethod[]).map((m) => ({ value: m, label: GUARDIAN_CONSENT_METHODS[m] }))} />
      </Form.Item>
    </>
  );
}

export function AvailabilityGrid() {
  return (
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
  );
}

export function ConsentSection({ form, consentMethod }: { form: FormInstance<Values>; consentMethod: Values['consentMethod'] | undefined }) {
  return (
    <>
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
          onChange={() =>
            form.setFields([
              { name: 'consentFiles', errors: [] },
              { name: 'consentNote', errors: [] },
            ])
          }
        />
      </Form.Item>
      {consentMethod === 'phone_confirmation' ? (
        <Form.Item name="consentNote" label="电话确认记录" rules={rulesFrom(consent.note, { required: '请记录通话时间和对方的答复' })}>
          <Input.TextArea
            rows={3}
            maxLength={limitsOf(consent.note).maxLength}
            showCount
            placeholder="如：3 月 2 日 10:20 电话联系本人，本人同意登记为志愿者，同意平台记录其服务信息"
          />
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
    </>
  );
}
