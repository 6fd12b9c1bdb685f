import { App, Form, Input, InputNumber } from 'antd';
import { ReviewScoreInput, SelfScoreInput } from '../../../shared/assessment';
import type { FileView } from '../../../shared/files';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type SheetRow, useScoreReview, useScoreSelf } from '../../lib/queries/assessment';
import { FileUpload } from '../components/file-upload';

const S = SelfScoreInput.shape;
const R = ReviewScoreInput.shape;
const pointRules = (max: number) => [
  { required: true, message: '请填写分数' },
  {
    validator: (_: unknown, v: number | null) =>
      v === null || v === undefined || (v >= 0 && v <= max && Number.isInteger(v * 2))
        ? Promise.resolve()
        : Promise.reject(new Error(`分值须在 0 到 ${max} 分之间，按 0.5 分递进`)),
  },
];

/** 自评: the station's score on a manual indicator, a note and its evidence. */
export function SelfScoreModal({ periodId, stationId, row, onClose }: { periodId: string; stationId: string; row: SheetRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ points: number; note?: string; evidence?: FileView[] }>();
  const score = useScoreSelf(periodId, stationId);
  const submit = useSubmit(form, score, {
    input: (v) => ({ indicatorId: row.indicator.id, points: v.points, note: (v.note ?? '').trim(), evidenceFileIds: (v.evidence ?? []).map((f) => f.id) }),
    onDone: () => {
      message.success('自评已保存');
      onClose();
    },
    byCode: { 'assessment.bad_points': 'points', 'assessment.bad_file': 'evidence' },
    aliases: { evidenceFileIds: 'evidence' },
  });
  return (
    <FormModal
      name="assessment-self"
      form={form}
      submit={submit}
      title={`自评：${row.indicator.title}`}
      okText="保存自评"
      cancelText="取消"
      onClose={onClose}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ points: row.self?.points ?? row.indicator.maxPoints, note: row.self?.note ?? '' }}
    >
      <Form.Item label="考核标准">{row.indicator.standard || '—'}</Form.Item>
      <Form.Item name="points" label={`自评分（满分 ${row.indicator.maxPoints}）`} rules={pointRules(row.indicator.maxPoints)}>
        <InputNumber min={0} max={row.indicator.maxPoints} step={0.5} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="note" label="说明" rules={rulesFrom(S.note)}>
        <Input.TextArea rows={3} maxLength={limitsOf(S.note).maxLength} showCount placeholder="做了什么，证明材料是什么" />
      </Form.Item>
      <Form.Item name="evidence" label="证明材料">
        <FileUpload purpose="evidence" max={10} buttonText="上传照片或文件" />
      </Form.Item>
    </FormModal>
  );
}

/** 审核调整: the institute's score with the reason, kept beside the earlier one. */
export function ReviewScoreModal({ periodId, stationId, row, onClose }: { periodId: string; stationId: string; row: SheetRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ points: number; reason: string }>();
  const score = useScoreReview(periodId, stationId);
  const submit = useSubmit(form, score, {
    input: (v) => ({ indicatorId: row.indicator.id, points: v.points, reason: v.reason.trim() }),
    onDone: () => {
      message.success('已调整分数');
      onClose();
    },
    byCode: { 'assessment.bad_points': 'points' },
  });
  return (
    <FormModal
      name="assessment-review"
      form={form}
      submit={submit}
      title={`审核调整：${row.indicator.title}`}
      okText="保存调整"
      cancelText="取消"
      onClose={onClose}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ points: row.review?.points ?? Math.floor(row.final * 2) / 2 }}
    >
      <Form.Item label="当前得分">{row.final}</Form.Item>
      <Form.Item name="points" label={`调整为（满分 ${row.indicator.maxPoints}）`} rules={pointRules(row.indicator.maxPoints)}>
        <InputNumber min={0} max={row.indicator.maxPoints} step={0.5} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="reason" label="调整理由" rules={rulesFrom(R.reason, { required: '请填写调整理由' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(R.reason).maxLength} showCount placeholder="如：实地查看，功能区标识不全" />
      </Form.Item>
    </FormModal>
  );
}
