import { App, Form, Input, Typography } from 'antd';
import { WithdrawNeedsInput } from '../../../shared/needs';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type NeedsRecord, useWithdrawNeeds } from '../../lib/queries/needs';

const F = WithdrawNeedsInput.shape;

/** A mistaken record is withdrawn with a reason, never edited: it stays on file, out of the counts. */
export function WithdrawModal({ record, onClose }: { record: NeedsRecord; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, useWithdrawNeeds(), {
    input: (v) => ({ id: record.id, reason: v.reason.trim() }),
    onDone: () => {
      message.success('已撤回');
      onClose();
    },
  });
  return (
    <FormModal
      name="needs-withdraw"
      form={form}
      submit={submit}
      title="撤回需求记录"
      okText="撤回"
      cancelText="取消"
      onClose={onClose}
      okButtonProps={{ danger: true }}
      before={
        <Typography.Paragraph type="secondary">
          {record.collectedOn} {record.stationName}：{record.category}，{record.description}
          <br />
          撤回后记录保留备查，但不再计入统计。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="reason" label="撤回原因" rules={rulesFrom(F.reason, { required: '请填写撤回原因' })}>
        <Input.TextArea rows={2} maxLength={limitsOf(F.reason).maxLength} placeholder="如：与上次走访记录重复" />
      </Form.Item>
    </FormModal>
  );
}
