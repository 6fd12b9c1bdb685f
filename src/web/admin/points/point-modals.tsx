import { App, Descriptions, Form, Input, InputNumber } from 'antd';
import { MAX_MANUAL_POINTS, POINT_KINDS, PointsManualInput, PointsRevokeInput } from '../../../shared/points';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type PointEntry, type PointStatement, useGrantPoints, useRevokePointEntry } from '../../lib/queries/points';

interface ManualValues {
  points: number;
  reason: string;
}

const pointRules = (required: string, max: number) => [
  { required: true, message: required },
  { type: 'integer' as const, min: 1, max, message: `请输入 1–${max} 之间的整数` },
];

/** 发放 or 扣减: points and a required reason; a deduction never takes the balance below zero (the server says so). */
export function ManualModal({ kind, statement, onClose }: { kind: 'grant' | 'deduct'; statement: PointStatement; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualValues>();
  const mutation = useGrantPoints(kind);
  const verb = kind === 'grant' ? '发放' : '扣减';
  const max = kind === 'grant' ? MAX_MANUAL_POINTS : Math.min(MAX_MANUAL_POINTS, Math.max(1, statement.totals.balance));
  const submit = useSubmit(form, mutation, {
    input: (v) => ({ id: statement.volunteerId, input: { points: v.points, reason: v.reason.trim() } }),
    onDone: (s) => {
      message.success(`已${verb} ${form.getFieldValue('points')} 分，当前余额 ${s.totals.balance} 分`);
      onClose();
    },
    aliases: { 'input.points': 'points', 'input.reason': 'reason' },
  });
  return (
    <FormModal
      name={`points_${kind}`}
      form={form}
      submit={submit}
      title={`${verb}积分`}
      okText={verb}
      cancelText="取消"
      onClose={onClose}
      width={480}
      okButtonProps={kind === 'deduct' ? { danger: true } : undefined}
      before={
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="志愿者">
            {statement.volunteerName}（{statement.stationName}）
          </Descriptions.Item>
          <Descriptions.Item label="当前余额">{statement.totals.balance} 分</Descriptions.Item>
        </Descriptions>
      }
    >
      <Form.Item name="points" label={`${verb}积分`} rules={pointRules(`请输入${verb}的积分`, max)}>
        <InputNumber min={1} max={max} precision={0} style={{ width: 160 }} addonAfter="分" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={`${verb}原因`}
        rules={rulesFrom(PointsManualInput.shape.reason, { required: `请填写${verb}原因`, message: '原因为 2–200 个字' })}
      >
        <Input.TextArea
          rows={3}
          maxLength={limitsOf(PointsManualInput.shape.reason).maxLength}
          showCount
          placeholder={kind === 'grant' ? '如：疫情防控志愿服务表现突出' : '如：报名后无故缺席活动'}
        />
      </Form.Item>
    </FormModal>
  );
}

interface RevokeValues {
  points: number;
  reason: string;
}

/** 撤销: a counter-entry of a manual entry, at most what remains of it. */
export function RevokeModal({ entry, onClose }: { entry: PointEntry; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RevokeValues>();
  const revoke = useRevokePointEntry();
  const left = Math.abs(entry.net);
  const submit = useSubmit(form, revoke, {
    input: (v) => ({ id: entry.id, input: { points: v.points, reason: v.reason.trim() } }),
    onDone: () => {
      message.success(`已撤销 ${form.getFieldValue('points')} 分`);
      onClose();
    },
    aliases: { 'input.points': 'points', 'input.reason': 'reason' },
  });
  return (
    <FormModal
      name="points_revoke"
      form={form}
      submit={submit}
      title="撤销积分"
      okText="撤销"
      cancelText="取消"
      onClose={onClose}
      width={480}
      okButtonProps={{ danger: true }}
      initialValues={{ points: left }}
      before={
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="原记录">
            {POINT_KINDS[entry.kind]} {entry.points > 0 ? '+' : ''}
            {entry.points} 分 · {entry.reason}
          </Descriptions.Item>
          <Descriptions.Item label="尚可撤销">{left} 分</Descriptions.Item>
        </Descriptions>
      }
    >
      <Form.Item name="points" label="撤销积分" rules={pointRules('请输入撤销的积分', left)} extra="以一条反向记录撤销，原记录保留">
        <InputNumber min={1} max={left} precision={0} style={{ width: 160 }} addonAfter="分" />
      </Form.Item>
      <Form.Item name="reason" label="撤销原因" rules={rulesFrom(PointsRevokeInput.shape.reason, { required: '请填写撤销原因', message: '原因为 2–200 个字' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(PointsRevokeInput.shape.reason).maxLength} showCount placeholder="如：发放对象录错" />
      </Form.Item>
    </FormModal>
  );
}
