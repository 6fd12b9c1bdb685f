import { Alert, Button, Card, Dropdown, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { AssignmentStatus } from '../../../shared/activity-plans';
import { canAnswer } from '../../../shared/rules/activity-plans';
import { type PlanAssignment, usePlanAssignments } from '../../lib/queries/activity-plans';
import { StateTag } from './labels';
import { AcceptModal, LinkModal, NotHeldModal } from './respond-modals';

const STATUS_FILTER: Record<AssignmentStatus, string> = { pending: '待承接', accepted: '已承接', linked: '已关联活动', not_held: '未开展' };

/** The activity form, prefilled from the item; on saving it links the new activity back. */
export function newActivityHref(a: PlanAssignment): string {
  const q = new URLSearchParams({ planAssignment: a.id, unitId: a.stationId, title: a.itemTitle });
  if (a.itemDescription) q.set('content', a.itemDescription);
  if (a.programmeId) q.set('programmeId', a.programmeId);
  if (a.suggestedDate && a.suggestedDate.length === 10) q.set('date', a.suggestedDate);
  return `/admin/activities/new?${q}`;
}

type Open = { kind: 'accept' | 'link' | 'not_held'; a: PlanAssignment } | null;

/** 本站承接任务: the items passed down to the caller's stations, and what they answer. */
export function AssignmentsCard({ planId }: { planId?: string }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState<AssignmentStatus>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Open>(null);
  const list = usePlanAssignments({ planId, status, page, pageSize: 20 });
  const act = (a: PlanAssignment) => a.activity?.status ?? null;

  const columns: ColumnsType<PlanAssignment> = [
    {
      title: '计划条目',
      key: 'item',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <strong>{a.itemTitle}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.planTitle}
            {a.suggestedDate ? ` · 建议 ${a.suggestedDate}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '状态', key: 'state', width: 110, render: (_, a) => <StateTag a={a} /> },
    {
      title: '操作',
      key: 'op',
      width: 190,
      render: (_, a) => {
        if (!a.canRespond) return null;
        const canLink = canAnswer('link', a.status, act(a));
        const more = [
          ...(canLink ? [{ key: 'link', label: '关联已有活动' }] : []),
          ...(canAnswer('not_held', a.status, act(a)) ? [{ key: 'not_held', label: '标记未开展', danger: true }] : []),
        ];
        return (
          <Space size={4} wrap>
            {canAnswer('accept', a.status, act(a)) ? (
              <Button size="small" type="primary" onClick={() => setOpen({ kind: 'accept', a })}>
                承接
              </Button>
            ) : null}
            {canLink ? (
              <Button size="small" onClick={() => navigate(newActivityHref(a))}>
                新建活动
              </Button>
            ) : null}
            {more.length ? (
              <Dropdown menu={{ items: more, onClick: ({ key }) => setOpen({ kind: key as 'link' | 'not_held', a }) }}>
                <Button size="small" aria-label={`更多操作：${a.itemTitle}`}>
                  更多
                </Button>
              </Dropdown>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: '落地活动 / 原因',
      key: 'detail',
      width: 200,
      render: (_, a) =>
        a.activity ? (
          <Link to={`/admin/activities/${a.activity.id}`}>{a.activity.title}</Link>
        ) : a.reason ? (
          <Typography.Text type="danger">{a.reason}</Typography.Text>
        ) : a.note ? (
          <Typography.Text type="secondary">{a.note}</Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: '实践站', dataIndex: 'stationName', width: 150, ellipsis: true },
  ];

  return (
    <Card
      variant="borderless"
      title="本站承接任务"
      extra={
        <Select
          aria-label="承接状态"
          placeholder="全部状态"
          allowClear
          size="small"
          style={{ width: 120 }}
          value={status}
          options={Object.entries(STATUS_FILTER).map(([value, label]) => ({ value, label }))}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        承接后可“新建活动”（自动带入条目内容，保存后关联回来），或关联本站已有的活动；活动结束即计为已开展。确实无法开展的，标记未开展并写明原因。
      </Typography.Paragraph>
      {list.error ? <Alert type="error" showIcon title="承接任务加载失败" description={list.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<PlanAssignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={{ x: 860 }}
        locale={{ emptyText: '还没有下发给本站的计划条目' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
      />
      {open?.kind === 'accept' ? <AcceptModal a={open.a} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'link' ? <LinkModal a={open.a} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'not_held' ? <NotHeldModal a={open.a} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
