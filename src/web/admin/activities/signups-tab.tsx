import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Popconfirm, Radio, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { clock } from '../../../shared/china-time';
import { formatDateTime } from '../../lib/format';
import { type ActivityView, type SignupView, useCancelSignupFor, useDecideSignup, useSignUp, useSignups } from '../../lib/queries/activities';
import { VolunteerPicker } from '../components/volunteer-picker';
import { FormModal, useSubmit } from '../../lib/form';
import { ReasonModal } from './reason-modal';
import { CHECK_FLAGS, CHECK_METHODS, SignupStatusTag } from './labels';

const ACTIVE = ['pending', 'confirmed', 'waitlisted'];
const LOCKED = ['in_progress', 'ended', 'summarised', 'cancelled'];
type Filter = 'all' | 'confirmed' | 'pending' | 'waitlisted' | 'other';

export function CheckinPairs({ signup }: { signup: SignupView }) {
  if (!signup.checkins.length) return <Typography.Text type="secondary">未签到</Typography.Text>;
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {signup.checkins.map((c) => (
        <li key={c.inAt}>
          {clock(c.inAt)}（{CHECK_METHODS[c.inMethod] ?? c.inMethod}）–{' '}
          {c.outAt ? `${clock(c.outAt)}（${CHECK_METHODS[c.outMethod ?? ''] ?? c.outMethod}）` : <Typography.Text type="warning">未签退</Typography.Text>}
          {c.flag ? (
            <Typography.Text type="danger" style={{ marginInlineStart: 6 }}>
              {CHECK_FLAGS[c.flag] ?? c.flag}
            </Typography.Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function SignupsTab({ activity }: { activity: ActivityView }) {
  const { message } = App.useApp();
  const signups = useSignups(activity.id);
  const decide = useDecideSignup();
  const cancel = useCancelSignupFor();
  const [filter, setFilter] = useState<Filter>('all');
  const [adding, setAdding] = useState(false);
  const [rejecting, setRejecting] = useState<SignupView | null>(null);
  const locked = LOCKED.includes(activity.status);
  const open = activity.status === 'published' || activity.status === 'full';

  const rows = useMemo(() => {
    const all = signups.data ?? [];
    if (filter === 'all') return all;
    if (filter === 'other') return all.filter((s) => !ACTIVE.includes(s.status));
    return all.filter((s) => s.status === filter);
  }, [signups.data, filter]);
  const count = (f: Filter) => (signups.data ?? []).filter((s) => (f === 'other' ? !ACTIVE.includes(s.status) : s.status === f)).length;

  const approve = (s: SignupView) =>
    decide.mutateAsync({ id: activity.id, signupId: s.id, approve: true }).then(
      () => void message.success(`已通过 ${s.volunteerName} 的报名`),
      (err: Error) => void message.error(err.message),
    );

  const columns: ColumnsType<SignupView> = [
    {
      title: '姓名',
      dataIndex: 'volunteerName',
      width: 160,
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <strong>{s.volunteerName}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {s.volunteerNo ?? '未编号'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '岗位', dataIndex: 'positionName', width: 110 },
    { title: '年龄', dataIndex: 'age', width: 70, render: (v: number | null) => (v === null ? '—' : `${v} 岁`) },
    { title: '手机', dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '状态', key: 'status', width: 120, render: (_, s) => <SignupStatusTag signup={s} /> },
    {
      title: '报名',
      key: 'channel',
      width: 170,
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <span>{s.channel === 'staff' ? '工作人员代报' : '本人报名'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {formatDateTime(s.createdAt).slice(0, 16)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '签到签退', key: 'checkins', render: (_, s) => <CheckinPairs signup={s} /> },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_, s) => (
        <Space size={4} wrap>
          {s.status === 'pending' ? (
            <>
              <Button type="link" size="small" onClick={() => void approve(s)} aria-label={`通过 ${s.volunteerName} 的报名`}>
                通过
              </Button>
              <Button type="link" size="small" danger onClick={() => setRejecting(s)} aria-label={`不通过 ${s.volunteerName} 的报名`}>
                不通过
              </Button>
            </>
          ) : null}
          {ACTIVE.includes(s.status) && !locked ? (
            <Popconfirm
              title={`为 ${s.volunteerName} 取消报名？`}
              description="空出的名额会自动给候补第一位。"
              okText="取消报名"
              cancelText="返回"
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                cancel.mutateAsync({ id: activity.id, volunteerId: s.volunteerId }).then(
                  () => void message.success(`已为 ${s.volunteerName} 取消报名`),
                  (err: Error) => void message.error(err.message),
                )
              }
            >
              <Button type="link" size="small" danger aria-label={`为 ${s.volunteerName} 取消报名`}>
                取消报名
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Segmented<Filter>
          aria-label="按报名状态筛选"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部 ${signups.data?.length ?? 0}` },
            { value: 'confirmed', label: `已报名 ${count('confirmed')}` },
            { value: 'pending', label: `待审核 ${count('pending')}` },
            { value: 'waitlisted', label: `候补 ${count('waitlisted')}` },
            { value: 'other', label: `其他 ${count('other')}` },
          ]}
        />
        {open ? (
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            代为报名
          </Button>
        ) : null}
      </Space>
      {signups.error ? <Alert type="error" showIcon title="报名名单加载失败" description={signups.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<SignupView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={signups.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '还没有人报名' }}
      />
      {adding ? (
        <AddSignupModal
          activity={activity}
          taken={new Set((signups.data ?? []).filter((s) => ACTIVE.includes(s.status)).map((s) => s.volunteerId))}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {rejecting ? (
        <ReasonModal
          title={`不通过 ${rejecting.volunteerName} 的报名`}
          hint="志愿者会收到通知和这个原因；空出的名额会给候补第一位。"
          okText="不通过"
          loading={decide.isPending}
          onCancel={() => setRejecting(null)}
          onOk={async (reason) => {
            try {
              await decide.mutateAsync({ id: activity.id, signupId: rejecting.id, approve: false, reason });
              message.success('已处理');
              setRejecting(null);
            } catch (err) {
              message.error(err instanceof Error ? err.message : '操作失败');
            }
          }}
        />
      ) : null}
    </>
  );
}

/** 代为报名: for volunteers without a phone. The same age, skill and insurance checks apply. */
function AddSignupModal({ activity, taken, onClose }: { activity: ActivityView; taken: Set<string>; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ volunteerId: string; positionId?: string }>();
  const submit = useSubmit(form, useSignUp(), {
    input: (v) => ({ id: activity.id, volunteerId: v.volunteerId, positionId: v.positionId ?? activity.positions[0]?.id }),
    onDone: (r) => {
      message.success(r.status === 'waitlisted' ? '名额已满，已加入候补' : r.status === 'pending' ? '已报名，等待审核' : '已代为报名');
      onClose();
    },
  });

  return (
    <FormModal
      name="add-signup"
      form={form}
      submit={submit}
      title="代为报名"
      okText="报名"
      cancelText="返回"
      onClose={onClose}
      initialValues={{ positionId: activity.positions[0]?.id }}
      before={<Typography.Paragraph type="secondary">为没有智能手机的志愿者报名。志愿者会收到通知；年龄、技能和保险要求同样适用。</Typography.Paragraph>}
    >
      <Form.Item name="volunteerId" label="志愿者" rules={[{ required: true, message: '请选择志愿者' }]}>
        <VolunteerPicker exclude={taken} />
      </Form.Item>
      {activity.positions.length > 1 ? (
        <Form.Item name="positionId" label="岗位" rules={[{ required: true, message: '请选择岗位' }]}>
          <Radio.Group options={activity.positions.map((p) => ({ value: p.id, label: `${p.name}（${p.taken}/${p.headcount}）` }))} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
