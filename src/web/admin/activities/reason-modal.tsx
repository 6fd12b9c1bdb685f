import { Form, Input, Modal, Typography } from 'antd';
import { TransitionInput } from '../../../shared/activities';
import { limitsOf, rulesFrom } from '../../lib/form';

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
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="返回"
      onCancel={onCancel}
      confirmLoading={loading}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v) await onOk(v.reason.trim());
      }}
      destroyOnHidden
      getContainer={container}
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" name="reason">
        <Form.Item
          name="reason"
          label="原因"
          rules={rulesFrom(reason, { required: '请填写原因' })}
        >
          <Input.TextArea rows={3} maxLength={limitsOf(reason).maxLength} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
