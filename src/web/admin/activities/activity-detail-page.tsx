import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ACTIVITY_ACTIONS, type ActivityAction } from '../../../shared/activities';
import { ApiError } from '../../lib/api';
import { hoursText, timeRange } from '../../../shared/china-time';
import { formatDateTime } from '../../lib/format';
import { type ActivityView, useActivity, useTransition } from '../../lib/queries/activities';
import { useTitle } from '../../lib/title';
import { CheckinPanel } from './checkin-panel';
import { ACTIVITY_TYPES, OverdueTag, StatusTag, TypeTag } from './labels';
import { ReasonModal } from './reason-modal';
import { SignupsTab } from './signups-tab';
import { SummaryTab } from './summary-tab';

const LOCKED = ['in_progress', 'ended', 'summarised', 'cancelled'];

export default function ActivityDetailPage() {
  const { id = '' } = useParams();
  const activity = useActivity(id);
  const [params, setParams] = useSearchParams();
  useTitle(activity.data?.title ?? '活动详情');

  if (activity.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (activity.error) {
    const missing = activity.error instanceof ApiError && (activity.error.status === 404 || activity.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{missing ? '活动不存在或无权查看' : '活动加载失败'}</h1>}
        subTitle={activity.error.message}
        extra={<Link to="/admin/activities">返回活动</Link>}
      />
    );
  }

  const a = activity.data;
  const tab = params.get('tab') ?? 'signups';
  const tabs = a.canManage
    ? [
        { key: 'signups', label: '报名名单', children: <SignupsTab activity={a} /> },
        { key: 'checkin', label: '现场签到', children: <CheckinPanel activity={a} active={tab === 'checkin'} /> },
        { key: 'summary', label: '活动总结', children: <SummaryTab activity={a} /> },
      ]
    : [];

  return (
    <>
      <Breadcrumb aria-label="当前位置" style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/activities">活动</Link> }, { title: a.title }]} />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {a.title}
        </Typography.Title>
        <Space size={0} wrap>
          <StatusTag status={a.status} />
          {a.summaryOverdue ? <OverdueTag /> : null}
          <TypeTag type={a.type} />
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {a.unitName} · {timeRange(a.startsAt, a.endsAt)}
        {a.seriesId ? ' · 系列活动' : ''}
      </Typography.Paragraph>
      {a.statusReason && (a.status === 'rejected' || a.status === 'cancelled') ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${a.status === 'rejected' ? '退回' : '取消'}原因：${a.statusReason}`} />
      ) : null}
      {a.summaryOverdue ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="活动总结已逾期"
          description="请尽快在「活动总结」中填写服务人数、活动情况并上传照片。"
        />
      ) : null}
      <Lifecycle activity={a} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Details activity={a} />
      </Card>
      {tabs.length ? (
        <Card variant="borderless">
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (key === 'signups') next.delete('tab');
                  else next.set('tab', key);
                  return next;
                },
                { replace: true },
              )
            }
            items={tabs}
            destroyOnHidden
          />
        </Card>
      ) : null}
    </>
  );
}

function Details({ activity: a }: { activity: ActivityView }) {
  const place = [a.venueName, a.roomName].filter(Boolean).join(' · ');
  const seats = a.positions.reduce((s, p) => s + p.headcount, 0);
  const taken = a.positions.reduce((s, p) => s + p.taken, 0);
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      items={[
        { key: 'unit', label: '举办单位', children: a.unitName },
        { key: 'programme', label: '实践项目', children: a.programmeName ?? '未归入实践项目' },
        { key: 'type', label: '活动类型', children: `${ACTIVITY_TYPES[a.type].label}${ACTIVITY_TYPES[a.type].creditsHours ? '' : '（不计志愿服务时长）'}` },
        { key: 'time', label: '时间', children: timeRange(a.startsAt, a.endsAt) },
        { key: 'credit', label: '计入服务时长', children: ACTIVITY_TYPES[a.type].creditsHours ? `最多 ${hoursText(a.creditHours)}（按签到时长）` : '不计' },
        { key: 'place', label: '地点', children: [place, a.address].filter(Boolean).join(' · ') || '未填写' },
        {
          key: 'positions',
          label: `岗位（已报名 ${taken} / ${seats}）`,
          span: 2,
          children: (
            <Space size={[16, 4]} wrap>
              {a.positions.map((p) => (
                <span key={p.id}>
                  {p.name}：{p.taken} / {p.headcount} 人{p.waitlisted ? `，候补 ${p.waitlisted} 人` : ''}
                </span>
              ))}
            </Space>
          ),
        },
        {
          key: 'conditions',
          label: '报名条件',
          span: 2,
          children:
            [
              a.minAge !== null || a.maxAge !== null ? `年龄 ${a.minAge ?? '不限'}–${a.maxAge ?? '不限'} 岁` : null,
              a.requiredSkills.length ? `技能：${a.requiredSkills.join('、')}` : null,
              a.insuranceRequired ? '需要志愿者保险' : null,
              a.needsApproval ? '报名需审核' : null,
              a.waitlist ? '满员可候补' : '满员不候补',
            ]
              .filter(Boolean)
              .join('；') || '无',
        },
        {
          key: 'window',
          label: '报名时间',
          children: `${a.signupOpensAt ? formatDateTime(a.signupOpensAt).slice(0, 16) : '发布后'} 至 ${a.signupClosesAt ? formatDateTime(a.signupClosesAt).slice(0, 16) : '活动开始'}`,
        },
        { key: 'cutoff', label: '取消报名截止', children: a.cancelCutoffAt ? formatDateTime(a.cancelCutoffAt).slice(0, 16) : '活动开始前' },
        { key: 'contact', label: '联系人', children: [a.contactName, a.contactPhone].filter(Boolean).join(' ') || '未填写' },
        { key: 'geofence', label: '签到范围', children: a.geofenceMeters ? `活动地点 ${a.geofenceMeters} 米内` : '不限' },
        ...(a.content ? [{ key: 'content', label: '活动内容', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.content}</span> }] : []),
      ]}
    />
  );
}

const CONFIRM: Partial<Record<ActivityAction, string>> = {
  publish: '发布后志愿者即可在手机上看到并报名。',
  submit: '提交后由实践站或实践所管理员审核发布。',
  end: '结束后，未签退的志愿者按活动结束时间自动签退，已签到的志愿者按签到时长生成待确认的服务时长（达到活动时长 60% 才计入）。未签到的记为未到场。',
};

function Lifecycle({ activity: a }: { activity: ActivityView }) {
  const { message, modal } = App.useApp();
  const transition = useTransition();
  const [reasonFor, setReasonFor] = useState<ActivityAction | null>(null);
  const editable = a.canManage && !LOCKED.includes(a.status);
  if (!a.allowedActions.length && !editable) return null;

  const run = async (action: ActivityAction, reason?: string) => {
    try {
      await transition.mutateAsync({ id: a.id, action, reason });
      message.success(`已${ACTIVITY_ACTIONS[action].label}`);
      return true;
    } catch (err) {
      message.error(err instanceof Error ? err.message : '操作失败');
      return false;
    }
  };

  const click = (action: ActivityAction) => {
    if (ACTIVITY_ACTIONS[action].needsReason) {
      setReasonFor(action);
      return;
    }
    modal.confirm({
      title: `确定${ACTIVITY_ACTIONS[action].label}？`,
      content: CONFIRM[action],
      okText: ACTIVITY_ACTIONS[action].label,
      cancelText: '再想想',
      onOk: () => run(action),
    });
  };

  const order: ActivityAction[] = ['publish', 'submit', 'end', 'reject', 'cancel'];
  return (
    <Space wrap style={{ marginBottom: 16 }} role="group" aria-label="活动操作">
      {order
        // Whoever may publish does not need to submit for review first.
        .filter((x) => a.allowedActions.includes(x) && !(x === 'submit' && a.allowedActions.includes('publish')))
        .map((x) => (
          <Button
            key={x}
            type={x === 'publish' || x === 'submit' || x === 'end' ? 'primary' : 'default'}
            danger={x === 'cancel' || x === 'reject'}
            onClick={() => click(x)}
            loading={transition.isPending && transition.variables?.action === x}
          >
            {ACTIVITY_ACTIONS[x].label}
          </Button>
        ))}
      {editable ? (
        <Link to={`/admin/activities/${a.id}/edit`}>
          <Button icon={<EditOutlined />}>修改</Button>
        </Link>
      ) : null}
      {reasonFor ? (
        <ReasonModal
          title={reasonFor === 'cancel' ? '取消活动' : '退回活动'}
          hint={reasonFor === 'cancel' ? '已报名的志愿者会收到取消通知和这个原因。' : '退回后发起人可以修改后重新提交。'}
          okText={ACTIVITY_ACTIONS[reasonFor].label}
          onCancel={() => setReasonFor(null)}
          onOk={async (reason) => {
            if (await run(reasonFor, reason)) setReasonFor(null);
          }}
          loading={transition.isPending}
        />
      ) : null}
    </Space>
  );
}
