import { Form, Input, Typography } from 'antd';
import { TransitionInput } from '../../../shared/activities';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';

// The activity actions' reason; the same limit as the check-in and sign-up reasons.
const reason = TransitionInput.shape.reason;

/** A required reason, kept with the action in the audit log. */
export function ReasonModal({
  title,
  hint,
  okText,
  onOk,
  onCancel,
  loading,
  danger = true,
  container,
}: {
  title: string;
  hint?: string;
  okText: string;
  onOk: (reason: string) => void | Promise<void>;
  onCancel: () => void;
  loading?: boolean;
  danger?: boolean;
  /** Where to render (inside a full-screen panel, so the dialog stays visible). */
  container?: () => HTMLElement;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  // The caller runs the action (and reports its outcome); the form only asks for the reason.
  const submit = useSubmit(form, { mutateAsync: async (r: string) => onOk(r), isPending: !!loading }, { input: (v) => v.reason.trim() });
  return (
    <FormModal
      name="reason"
      form={form}
      submit={submit}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="返回"
      onClose={onCancel}
      getContainer={container}
      before={hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
    >
      <Form.Item name="reason" label="原因" rules={rulesFrom(reason, { required: '请填写原因' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(reason).maxLength} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}
