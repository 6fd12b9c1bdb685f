import { App, Checkbox, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { CARE_CATEGORIES, LEGAL_BASES } from '../../../shared/care';
import type { UnitView } from '../../../shared/org';
import { CONSENT_METHODS, type CareRecipientInput, useCreateCareRecipient } from '../../lib/queries/care';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { CareRecipientInput as CareRecipientSchema } from '../../../shared/care';

interface Values {
  stationId: string;
  name: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs | null;
  phone?: string;
  address?: string;
  categories: string[];
  guardianName?: string;
  guardianPhone?: string;
  guardianRelation?: string;
  needs?: string;
  legalBasis: 'statutory_duty' | 'consent';
  consentMethod?: keyof typeof CONSENT_METHODS;
  consentEvidence?: UploadedFile[];
  consentNote?: string;
}

const F = CareRecipientSchema.shape;
const GUARDIAN = F.guardian.unwrap().shape;
const CONSENT = F.consent.unwrap().shape;
const maxOf = (schema: Parameters<typeof limitsOf>[0]) => limitsOf(schema).maxLength;
const t = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** Categories: at least one, at most the schema's number (the edit dialog uses the same). */
export const categoryRules = [
  { required: true, type: 'array' as const, min: limitsOf(F.categories).minLength, message: '至少选择一类' },
  { type: 'array' as const, max: maxOf(F.categories), message: `最多 ${maxOf(F.categories)} 项` },
];

function inputOf(v: Values): CareRecipientInput {
  const guardian = t(v.guardianName)
    ? { name: (v.guardianName ?? '').trim(), phone: (v.guardianPhone ?? '').trim(), relation: (v.guardianRelation ?? '').trim() }
    : undefined;
  return {
    stationId: v.stationId,
    name: v.name.trim(),
    idNumber: t(v.idNumber),
    gender: v.gender,
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : undefined,
    phone: t(v.phone),
    address: t(v.address),
    categories: v.categories as CareRecipientInput['categories'],
    guardian,
    needs: t(v.needs),
    legalBasis: v.legalBasis,
    consent:
      v.legalBasis === 'consent' && v.consentMethod
        ? { method: v.consentMethod, evidenceFileId: v.consentEvidence?.[0]?.id, note: t(v.consentNote) }
        : undefined,
  };
}

/**
 * 登记关爱对象 with its legal basis (PIPL 第十三条): a public body's statutory duty, or the person's
 * (or guardian's) separate consent, recorded with how it was given and the proof.
 */
export function CareFormModal({ stations, defaultStationId, onClose }: { stations: UnitView[]; defaultStationId?: string; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const basis = Form.useWatch('legalBasis', form);
  const method = Form.useWatch('consentMethod', form);
  const categories = Form.useWatch('categories', form) ?? [];
  const child = categories.some((c: string) => c.includes('儿童'));

  const submit = useSubmit(form, useCreateCareRecipient(), {
    input: inputOf,
    onDone: (detail) => {
      message.success(`已登记关爱对象：${detail.recipient.name}`);
      onClose();
      navigate(`/admin/care/${detail.recipient.id}`);
    },
    byCode: { 'care.duplicate': 'idNumber', 'care.consent_required': 'consentMethod' },
    aliases: {
      'guardian.name': 'guardianName',
      'guardian.phone': 'guardianPhone',
      'guardian.relation': 'guardianRelation',
      'consent.method': 'consentMethod',
      'consent.note': 'consentNote',
      'consent.evidenceFileId': 'consentEvidence',
    },
  });

  return (
    <FormModal
      name="care-recipient"
      form={form}
      submit={submit}
      title="登记关爱对象"
      okText="登记"
      onClose={onClose}
      width={780}
      mask={{ closable: false }}
      requiredMark="optional"
      initialValues={{
        stationId: defaultStationId ?? (stations.length === 1 ? stations[0].id : undefined),
        categories: [],
        legalBasis: 'statutory_duty',
        consentEvidence: [],
      }}
      before={<Typography.Paragraph type="secondary">只登记开展关爱帮扶确实需要的信息（最小必要）。登记、查看和修改都会记入审计日志。</Typography.Paragraph>}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="stationId" label="服务实践站" rules={[{ required: true, message: '请选择实践站' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label="姓名" rules={rulesFrom(F.name, { required: '请输入姓名' })}>
            <Input autoComplete="off" maxLength={maxOf(F.name)} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="categories" label={`类别（可多选，最多 ${maxOf(F.categories)} 项）`} rules={categoryRules}>
            <Checkbox.Group options={CARE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="idNumber" label="身份证号" extra="填写后自动得出性别和出生日期；只保存加密值，页面上只显示部分号码" rules={rulesFrom(F.idNumber)}>
            <Input autoComplete="off" maxLength={maxOf(F.idNumber)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="gender" label="性别">
            <Radio.Group
              options={[
                { value: 'male', label: '男' },
                { value: 'female', label: '女' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="birthDate" label="出生日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label="联系电话" rules={rulesFrom(F.phone)}>
            <Input inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label="住址" rules={rulesFrom(F.address)}>
            <Input autoComplete="off" maxLength={maxOf(F.address)} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="needs" label="主要需求" rules={rulesFrom(F.needs)}>
            <Input.TextArea rows={2} maxLength={maxOf(F.needs)} placeholder="如：独居，行动不便，需要定期探访和代购" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        监护人 / 紧急联系人{child ? '（儿童须填写）' : '（可不填）'}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="guardianName" label="姓名" rules={rulesFrom(GUARDIAN.name.optional(), { required: child ? '请填写监护人姓名' : undefined })}>
            <Input autoComplete="off" maxLength={maxOf(GUARDIAN.name)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="guardianPhone"
            label="电话"
            dependencies={['guardianName']}
            rules={[
              ...rulesFrom(GUARDIAN.phone, { required: false }),
              ({ getFieldValue }) => ({
                validator: (_, v) => (!getFieldValue('guardianName')?.trim() || v ? Promise.resolve() : Promise.reject(new Error('请填写监护人电话'))),
              }),
            ]}
          >
            <Input inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="guardianRelation"
            label="关系"
            dependencies={['guardianName']}
            rules={[
              ...rulesFrom(GUARDIAN.relation, { required: false }),
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !getFieldValue('guardianName')?.trim() || v?.trim() ? Promise.resolve() : Promise.reject(new Error('请填写与本人的关系')),
              }),
            ]}
          >
            <Input placeholder="如：祖母、女儿" maxLength={maxOf(GUARDIAN.relation)} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        个人信息处理依据
      </Divider>
      <Form.Item name="legalBasis" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'statutory_duty', label: LEGAL_BASES.statutory_duty },
            { value: 'consent', label: LEGAL_BASES.consent },
          ]}
        />
      </Form.Item>
      {basis === 'consent' ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="consentMethod" label="同意方式" rules={[{ required: true, message: '请选择同意方式' }]}>
              <Select options={Object.entries(CONSENT_METHODS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {method === 'signed_form' ? (
              <Form.Item name="consentEvidence" label="签字同意书" rules={[{ required: true, type: 'array', min: 1, message: '请上传签字的同意书' }]}>
                <FileUpload purpose="consent" max={1} buttonText="上传同意书" />
              </Form.Item>
            ) : null}
          </Col>
          <Col xs={24}>
            <Form.Item
              name="consentNote"
              label={method === 'phone_confirmation' ? '电话确认记录' : '说明'}
              rules={rulesFrom(CONSENT.note, { required: method === 'phone_confirmation' ? '请记录确认的时间、通话人和内容' : undefined })}
            >
              <Input.TextArea rows={2} maxLength={maxOf(CONSENT.note)} placeholder="如：2026-11-28 10:20 电话联系本人，同意登记并接受上门探访" />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          民政、残联等部门名单内的对象，可依工作职责登记，无需另取同意；仍应告知本人登记的目的和用途。
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
