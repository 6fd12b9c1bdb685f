import { GiftOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { ActivityBonusInput, MAX_MANUAL_POINTS } from '../../../shared/points';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useActivityBonus } from '../../lib/queries/points';

interface BonusValues {
  points: number;
  reason: string;
}

/**
 * 发放活动奖励积分 on a finished activity: every volunteer whose service from it was approved gets the
 * points once (a second grant skips those already paid; the server says how many).
 */
export function ActivityBonusButton({ activityId, title }: { activityId: string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<GiftOutlined />} onClick={() => setOpen(true)}>
        发放活动奖励积分
      </Button>
      {open ? <ActivityBonusModal activityId={activityId} title={title} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ActivityBonusModal({ activityId, title, onClose }: { activityId: string; title: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BonusValues>();
  const mutation = useActivityBonus();
  const submit = useSubmit(form, mutation, {
    input: (v) => ({ id: activityId, input: { points: v.points, reason: v.reason.trim() } }),
    onDone: (r) => {
      message.success(
        r.skipped ? `已向 ${r.granted} 人各发放 ${r.points} 分；${r.skipped} 人此前已发放，未重复发放` : `已向 ${r.granted} 人各发放 ${r.points} 分`,
      );
      onClose();
    },
    aliases: { 'input.points': 'points', 'input.reason': 'reason' },
  });
  return (
    <FormModal
      name="points_activity_bonus"
      form={form}
      submit={submit}
      title="发放活动奖励积分"
      okText="发放"
      cancelText="取消"
      onClose={onClose}
      width={480}
      initialValues={{ reason: `参加活动“${title}”表现突出` }}
    >
      <p>发给本活动中服务时长已认定的每一位志愿者，每人只发一次。</p>
      <Form.Item
        name="points"
        label="每人奖励积分"
        rules={[
          { required: true, message: '请输入奖励积分' },
          { type: 'integer', min: 1, max: MAX_MANUAL_POINTS, message: `请输入 1–${MAX_MANUAL_POINTS} 之间的整数` },
        ]}
      >
        <InputNumber min={1} max={MAX_MANUAL_POINTS} precision={0} style={{ width: 160 }} addonAfter="分" />
      </Form.Item>
      <Form.Item
        name="reason"
        label="奖励原因"
        rules={rulesFrom(ActivityBonusInput.shape.reason, { required: '请填写奖励原因', message: '原因为 2–200 个字' })}
      >
        <Input.TextArea rows={3} maxLength={limitsOf(ActivityBonusInput.shape.reason).maxLength} showCount />
      </Form.Item>
    </FormModal>
  );
}
