import { App, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { AcceptInput, NotHeldInput } from '../../../shared/activity-plans';
import { ACTIVITY_STATUSES } from '../../../shared/activities';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type PlanAssignment, useAcceptAssignment, useLinkAssignment, useNotHeld } from '../../lib/queries/activity-plans';
import { useActivities } from '../../lib/queries/activities';

const A = AcceptInput.shape;
const N = NotHeldInput.shape;

function Summary({ a }: { a: PlanAssignment }) {
  return (
    <Typography.Paragraph type="secondary">
      {a.planTitle} · {a.itemTitle}
      {a.suggestedDate ? `（建议 ${a.suggestedDate}）` : ''}
      <br />
      {a.stationName}
    </Typography.Paragraph>
  );
}

/** 承接: the station takes the item on, with an optional note. */
export function AcceptModal({ a, onClose }: { a: PlanAssignment; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const submit = useSubmit(form, useAcceptAssignment(), {
    input: (v) => ({ id: a.id, note: v.note?.trim() || undefined }),
    onDone: () => {
      message.success('已承接，接下来新建或关联落地活动');
      onClose();
    },
  });
  return (
    <FormModal name="plan-accept" form={form} submit={submit} title="承接计划条目" okText="承接" cancelText="取消" onClose={onClose} before={<Summary a={a} />}>
      <Form.Item name="note" label="说明（选填）" rules={rulesFrom(A.note)}>
        <Input.TextArea rows={2} maxLength={limitsOf(A.note).maxLength} placeholder="如：由本站志愿服务队承接" />
      </Form.Item>
    </FormModal>
  );
}

/** 关联已有活动: one of the station's own activities (not cancelled) carries the item out. */
export function LinkModal({ a, onClose }: { a: PlanAssignment; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ activityId: string }>();
  const [q, setQ] = useState<string>();
  const activities = useActivities({ unitId: a.stationId, q, pageSize: 50 });
  const submit = useSubmit(form, useLinkAssignment(), {
    input: (v) => ({ id: a.id, activityId: v.activityId }),
    onDone: () => {
      message.success('已关联活动，活动结束后即计为已开展');
      onClose();
    },
    byCode: { 'activity_plans.bad_activity': 'activityId', 'activity_plans.activity_taken': 'activityId' },
  });
  const options = (activities.data?.items ?? [])
    .filter((x) => x.status !== 'cancelled' && x.status !== 'rejected')
    .map((x) => ({ value: x.id, label: `${x.startsAt.slice(0, 10)} ${x.title}（${ACTIVITY_STATUSES[x.status]}）` }));
  return (
    <FormModal name="plan-link" form={form} submit={submit} title="关联本站活动" okText="关联" cancelText="取消" onClose={onClose} before={<Summary a={a} />}>
      <Form.Item name="activityId" label="本站活动" rules={[{ required: true, message: '请选择活动' }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim() || undefined) }}
          loading={activities.isFetching}
          options={options}
          placeholder="输入活动名称搜索"
          notFoundContent={activities.isFetching ? '加载中…' : '本站没有可关联的活动'}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 未开展: the station says why the item was not held. */
export function NotHeldModal({ a, onClose }: { a: PlanAssignment; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, useNotHeld(), {
    input: (v) => ({ id: a.id, reason: v.reason.trim() }),
    onDone: () => {
      message.success('已标记未开展');
      onClose();
    },
  });
  return (
    <FormModal
      name="plan-not-held"
      form={form}
      submit={submit}
      title="标记未开展"
      okText="确定"
      cancelText="取消"
      onClose={onClose}
      okButtonProps={{ danger: true }}
      before={<Summary a={a} />}
    >
      <Form.Item name="reason" label="未开展原因" rules={rulesFrom(N.reason, { required: '请填写未开展的原因' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(N.reason).maxLength} placeholder="如：场地维修，调整到下月开展" />
      </Form.Item>
    </FormModal>
  );
}
