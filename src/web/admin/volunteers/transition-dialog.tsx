import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { VOLUNTEER_STATUSES, VOLUNTEER_TRANSITIONS, type VolunteerAction, type VolunteerView } from '../../../shared/volunteers';
import { useVolunteerTransition } from '../../lib/queries/volunteers';
import { applyServerErrors } from '../form-errors';

const REASON_HINT: Partial<Record<VolunteerAction, string>> = {
  reject: '如：身份证号与本人不符；请写明原因，志愿者在手机上能看到',
  suspend: '如：本人申请暂停三个月',
  exit: '如：本人申请退出；搬离本社区',
};

const CONFIRM_TEXT: Record<VolunteerAction, string> = {
  certify: '审核通过后将生成志愿者编号，志愿者可以报名活动、记录服务时长。',
  reject: '不予通过后，志愿者会收到通知和原因。',
  suspend: '暂停期间不能报名活动和录入服务时长，已认定的时长保留。',
  exit: '退出后不能报名活动和录入服务时长，已认定的时长和证明保留，可随时恢复。',
  reinstate: '恢复后志愿者可以继续报名活动、记录服务时长。',
};

/** Confirm a status change; actions that need a reason (VOLUNTEER_TRANSITIONS.needsReason) ask for one. */
export function TransitionDialog({ volunteer, action, onClose }: { volunteer: VolunteerView; action: VolunteerAction; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const transition = useVolunteerTransition();
  const [error, setError] = useState<string | null>(null);
  const t = VOLUNTEER_TRANSITIONS[action];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    try {
      await transition.mutateAsync({ id: volunteer.id, action, reason: values.reason?.trim() || undefined });
      message.success(`${volunteer.name}：${t.label}`);
      onClose();
    } catch (err) {
      setError(applyServerErrors(form, err, { 'volunteer.reason_required': 'reason' }));
    }
  };

  return (
    <Modal
      open
      title={`${t.label}：${volunteer.name}`}
      okText={t.label}
      okButtonProps={{ danger: action === 'reject' || action === 'suspend' || action === 'exit' }}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      destroyOnHidden
    >
      <p>
        当前状态：{VOLUNTEER_STATUSES[volunteer.status]} → {VOLUNTEER_STATUSES[t.to]}。{CONFIRM_TEXT[action]}
      </p>
      <Form name={`volunteer-${action}`} form={form} layout="vertical" onFinish={submit}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        {t.needsReason ? (
          <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 200, message: '最多 200 个字' }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={REASON_HINT[action]} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
