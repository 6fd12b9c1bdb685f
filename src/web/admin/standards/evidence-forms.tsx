import { App, Form, Input, Radio, Select, Typography } from 'antd';
import type { FileView } from '../../../shared/files';
import { EVIDENCE_KINDS, type EvidenceKind, STANDARDS, type StandardKey } from '../../../shared/rules/standards';
import { ConfirmInput, EvidenceInput, WithdrawEvidenceInput } from '../../../shared/standards';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type Evidence, useAddEvidence, useConfirmStandard, useWithdrawEvidence } from '../../lib/queries/standards';
import { FileUpload } from '../components/file-upload';

const E = EvidenceInput.shape;

/** Which kinds fit which standard (the plan's 二、(二)1 and 8, and a venue's photos). */
const KINDS_FOR: Record<string, EvidenceKind[]> = {
  signage: ['signboard', 'logo', 'uniform', 'cap', 'other'],
  showcase: ['culture_wall', 'exhibition_hall', 'short_video', 'leaflet', 'media_report', 'other'],
  venue: ['venue_photo', 'signboard', 'other'],
};

interface EvidenceValues {
  kind: EvidenceKind;
  note: string;
  files?: FileView[];
  link?: string;
}

export function AddEvidenceModal({ unitId, standard, onClose }: { unitId: string; standard: StandardKey; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EvidenceValues>();
  const add = useAddEvidence();
  const submit = useSubmit(form, add, {
    input: (v) => ({
      unitId,
      standard,
      kind: v.kind,
      note: v.note.trim(),
      fileIds: (v.files ?? []).map((f) => f.id),
      link: v.link?.trim() ? v.link.trim() : null,
    }),
    onDone: () => {
      message.success('已提交证明材料');
      onClose();
    },
    byCode: { 'standards.evidence_empty': 'files', 'standards.bad_file': 'files' },
    aliases: { fileIds: 'files' },
  });
  const kinds = KINDS_FOR[standard] ?? ['other'];
  return (
    <FormModal
      name="standard-evidence"
      form={form}
      submit={submit}
      title={`提交证明材料：${STANDARDS[standard].label}`}
      okText="提交"
      onClose={onClose}
      requiredMark="optional"
      initialValues={{ kind: kinds[0] }}
    >
      <Form.Item name="kind" label="材料类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select options={kinds.map((k) => ({ value: k, label: EVIDENCE_KINDS[k] }))} />
      </Form.Item>
      <Form.Item name="note" label="说明" rules={rulesFrom(E.note, { required: '请填写说明' })}>
        <Input maxLength={limitsOf(E.note).maxLength} placeholder="如：实践站门口统一标牌" />
      </Form.Item>
      <Form.Item name="files" label="照片或文件" extra="JPG、PNG 或 PDF，每个不超过 10MB；没有文件时可只填链接">
        <FileUpload purpose="evidence" max={10} buttonText="上传照片或文件" />
      </Form.Item>
      <Form.Item name="link" label="链接" rules={[{ type: 'url', message: '请输入以 http:// 或 https:// 开头的网址' }]}>
        <Input placeholder="短视频、媒体报道的网址（可选）" maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function WithdrawModal({ evidence, onClose }: { evidence: Evidence; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawEvidence();
  const submit = useSubmit(form, withdraw, {
    input: (v) => ({ id: evidence.id, reason: v.reason.trim() }),
    onDone: () => {
      message.success('已撤回');
      onClose();
    },
  });
  return (
    <FormModal
      name="standard-withdraw"
      form={form}
      submit={submit}
      title="撤回证明材料"
      okText="撤回"
      okButtonProps={{ danger: true }}
      onClose={onClose}
      before={<Typography.Paragraph>撤回后记录仍保留，但不再作为达标依据。</Typography.Paragraph>}
    >
      <Form.Item name="reason" label="撤回原因" rules={rulesFrom(WithdrawEvidenceInput.shape.reason, { required: '请填写撤回原因' })}>
        <Input maxLength={limitsOf(WithdrawEvidenceInput.shape.reason).maxLength} placeholder="如：照片不清楚，重新拍摄" />
      </Form.Item>
    </FormModal>
  );
}

export function ConfirmModal({ unitId, unitName, standard, onClose }: { unitId: string; unitName: string; standard: StandardKey; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: 'met' | 'not_met'; reason: string }>();
  const confirm = useConfirmStandard();
  const submit = useSubmit(form, confirm, {
    input: (v) => ({ unitId, standard, decision: v.decision, reason: v.reason.trim() }),
    onDone: (r) => {
      message.success(r.decision === 'met' ? '已确认达标' : '已确认未达标');
      onClose();
    },
    byCode: { 'standards.no_evidence': 'decision' },
  });
  return (
    <FormModal
      name="standard-confirm"
      form={form}
      submit={submit}
      title={`确认：${unitName} · ${STANDARDS[standard].label}`}
      okText="确认"
      onClose={onClose}
      initialValues={{ decision: 'met' }}
      before={<Typography.Paragraph type="secondary">每次确认都会保留，最新的一次为准。</Typography.Paragraph>}
    >
      <Form.Item name="decision" label="结论" rules={[{ required: true, message: '请选择结论' }]}>
        <Radio.Group
          options={[
            { value: 'met', label: '达标' },
            { value: 'not_met', label: '未达标' },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label="理由" rules={rulesFrom(ConfirmInput.shape.reason, { required: '请填写理由' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(ConfirmInput.shape.reason).maxLength} showCount placeholder="如：标牌、徽标和服装符合统一样式" />
      </Form.Item>
    </FormModal>
  );
}
