import { App, Form, Input } from 'antd';
import { VOLUNTEER_STATUSES, VOLUNTEER_TRANSITIONS, type VolunteerAction, VolunteerTransitionInput, type VolunteerView } from '../../../shared/volunteers';
import { useVolunteerTransition } from '../../lib/queries/volunteers';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';

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
  const t = VOLUNTEER_TRANSITIONS[action];
  const submit = useSubmit(form, useVolunteerTransition(), {
    input: (values) => ({ id: volunteer.id, action, reason: values.reason?.trim() || undefined }),
    onDone: () => {
      message.success(`${volunteer.name}：${t.label}`);
      onClose();
    },
    byCode: { 'volunteer.reason_required': 'reason' },
  });
  const reason = VolunteerTransitionInput.shape.reason;

  return (
    <FormModal
      name={`volunteer-${action}`}
      form={form}
      submit={submit}
      title={`${t.label}：${volunteer.name}`}
      okText={t.label}
      okButtonProps={{ danger: action === 'reject' || action === 'suspend' || action === 'exit' }}
      onClose={onClose}
      before={
        <p>
          当前状态：{VOLUNTEER_STATUSES[volunteer.status]} → {VOLUNTEER_STATUSES[t.to]}。{CONFIRM_TEXT[action]}
        </p>
      }
    >
      {t.needsReason ? (
        <Form.Item name="reason" label="原因" rules={rulesFrom(reason, { required: '请填写原因' })}>
          <Input.TextArea rows={3} maxLength={limitsOf(reason).maxLength} showCount placeholder={REASON_HINT[action]} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
