import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { PERIOD_KINDS, PLAN_STATUSES } from '../../../shared/activity-plans';
import { errorMessage } from '../../lib/api';
import { type ActivityPlan, useActivityPlan, useActivityPlans, usePublishPlan } from '../../lib/queries/activity-plans';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { useAdminSession } from '../session-context';
import { AssignmentsCard } from './assignments-card';
import { ItemFormModal } from './item-form-modal';
import { MatrixCard } from './matrix-card';
import { PlanFormModal } from './plan-form-modal';

/** 活动计划: the institute's monthly and quarterly plans passed down to the stations, and how each station carries them out. */
export default function ActivityPlansPage() {
  const session = useAdminSession();
  const { message } = App.useApp();
  const institute = session.roles.find((r) => r.role === 'institute_admin');
  const isStation = hasRole(session, 'station_admin');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [addingTo, setAddingTo] = useState<ActivityPlan | null>(null);
  const plans = useActivityPlans({ page, pageSize: 10 });
  const planId = selected ?? plans.data?.items[0]?.id;
  const detail = useActivityPlan(planId);
  const publish = usePublishPlan();
  const plan = detail.data;

  const doPublish = () =>
    plan &&
    publish.mutateAsync(plan.id).then(
      () => void message.success(`已下发「${plan.title}」`),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  return (
    <>
      <PageHeader
        title="活动计划"
        description="实践所制定月度、季度活动计划并下发到各实践站；实践站承接后新建或关联活动落地，活动结束即计为已开展，未开展的写明原因。"
        extra={
          institute ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建计划
            </Button>
          ) : null
        }
      />
      <Card variant="borderless" title="计划" style={{ marginBottom: 16 }}>
        {plans.error ? <Alert type="error" showIcon title="计划列表加载失败" description={plans.error.message} /> : null}
        <Table<ActivityPlan>
          rowKey="id"
          size="small"
          loading={plans.isPending}
          dataSource={plans.data?.items ?? []}
          scroll={{ x: 600 }}
          locale={{ emptyText: institute ? '还没有计划，点“新建计划”开始' : '实践所还没有下发计划' }}
          rowSelection={{ type: 'radio', selectedRowKeys: planId ? [planId] : [], onChange: (keys) => setSelected(keys[0] as string), columnWidth: 36 }}
          onRow={(p) => ({ onClick: () => setSelected(p.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 10, total: plans.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: '计划', dataIndex: 'title' },
            { title: '周期', key: 'period', width: 150, render: (_, p) => `${PERIOD_KINDS[p.periodKind]} · ${p.periodLabel}` },
            { title: '条目', dataIndex: 'itemCount', width: 60 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 80,
              render: (s: ActivityPlan['status']) => <ToneTag tone={s === 'published' ? 'green' : 'grey'}>{PLAN_STATUSES[s]}</ToneTag>,
            },
          ]}
        />
      </Card>
      {plan ? (
        <Card
          variant="borderless"
          style={{ marginBottom: 16 }}
          title={
            <Space wrap>
              <span>{plan.title}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {plan.periodStart} 至 {plan.periodEnd}
              </Typography.Text>
            </Space>
          }
          extra={
            plan.canManage && plan.status === 'draft' ? (
              <Space wrap>
                <Button icon={<PlusOutlined />} onClick={() => setAddingTo(plan)}>
                  添加条目
                </Button>
                <Popconfirm
                  title="下发这份计划？"
                  description="每个条目会下发到目标实践站，下发后计划不能再修改。"
                  okText="下发"
                  onConfirm={doPublish}
                  disabled={plan.items.length === 0}
                >
                  <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} disabled={plan.items.length === 0}>
                    下发
                  </Button>
                </Popconfirm>
              </Space>
            ) : null
          }
        >
          {plan.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有条目，请添加要各站开展的活动" />
          ) : (
            <Table
              rowKey="id"
              size="small"
              dataSource={plan.items}
              pagination={false}
              scroll={{ x: 640 }}
              columns={[
                { title: '#', dataIndex: 'seq', width: 40 },
                { title: '活动', dataIndex: 'title' },
                { title: '类别', dataIndex: 'category', width: 90, render: (c: string | null) => c ?? '—' },
                { title: '实践项目', dataIndex: 'programmeName', width: 120, render: (c: string | null) => c ?? '—' },
                { title: '建议时间', dataIndex: 'suggestedDate', width: 100, render: (c: string | null) => c ?? '—' },
                { title: '下发给', key: 'to', width: 110, render: (_, i) => (i.allStations ? '全部实践站' : `${i.stationIds.length} 个实践站`) },
              ]}
            />
          )}
        </Card>
      ) : detail.error ? (
        <Alert type="error" showIcon title="计划加载失败" description={detail.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {isStation ? (
        <div style={{ marginBottom: 16 }}>
          <AssignmentsCard planId={plan?.status === 'published' ? plan.id : undefined} />
        </div>
      ) : null}
      {/* A station admin's own column is the list above; the matrix is for the institute and the district. */}
      {plan?.status === 'published' && (!isStation || institute) ? <MatrixCard planId={plan.id} /> : null}
      {creating && institute ? <PlanFormModal instituteId={institute.unitId} onClose={() => setCreating(false)} onCreated={(p) => setSelected(p.id)} /> : null}
      {addingTo ? <ItemFormModal plan={addingTo} onClose={() => setAddingTo(null)} /> : null}
    </>
  );
}
