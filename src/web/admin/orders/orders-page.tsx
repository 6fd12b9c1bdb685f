import { PhoneOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Flex, Input, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { OrderStatus } from '../../../shared/rules/order-flow';
import { formatDateTime } from '../../lib/format';
import { fetchOrders, type OrderListParams, type OrderView, orderKeys, targetText } from '../../lib/queries/orders';
import { hasRole } from '../../lib/session';
import * as ordersApi from '../../../shared/orders.endpoints';
import { urlFor } from '../../lib/api';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { useAdminSession } from '../session-context';
import { ChannelText, OrderStatusTag, SlaTags, useNow } from './order-parts';
import { PlaceOrderModal } from './place-order-modal';
import { useUnitOptions } from '../components/use-unit-options';

type TabKey = 'review' | 'dispatched' | 'service' | 'rating' | 'done' | 'all';
/** Work queues by state: what the person at the desk has to do next. */
const TABS: { key: TabKey; label: string; statuses: OrderStatus[]; count?: boolean }[] = [
  { key: 'review', label: '待审单', statuses: ['submitted', 'reviewing'], count: true },
  { key: 'dispatched', label: '待接单', statuses: ['dispatched'], count: true },
  { key: 'service', label: '服务中', statuses: ['accepted', 'in_service'], count: true },
  { key: 'rating', label: '待评价', statuses: ['completed'], count: true },
  { key: 'done', label: '已办结', statuses: ['rated', 'closed'] },
  { key: 'all', label: '全部', statuses: [] },
];
// The list API filters on one status; a queue of two is read as two lists and merged here.
const MERGE_LIMIT = 100;

function useQueue(statuses: OrderStatus[], filters: Omit<OrderListParams, 'page' | 'pageSize' | 'status'>, page: number, pageSize: number) {
  const merged = statuses.length > 1;
  const lists = (merged ? statuses : [statuses[0]]).map(
    (status): OrderListParams => ({ ...filters, status, page: merged ? 1 : page, pageSize: merged ? MERGE_LIMIT : pageSize }),
  );
  const results = useQueries({
    queries: lists.map((params) => ({ queryKey: orderKeys.list(params), queryFn: () => fetchOrders(params), refetchInterval: 60_000 })),
  });
  const isPending = results.some((r) => r.isPending);
  const error = results.find((r) => r.error)?.error ?? null;
  const all = results.flatMap((r) => r.data?.items ?? []);
  const total = results.reduce((n, r) => n + (r.data?.total ?? 0), 0);
  if (!merged) return { rows: all, total, isPending, error, truncated: false, refetch: () => results.forEach((r) => void r.refetch()) };
  const sorted = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    rows: sorted.slice((page - 1) * pageSize, page * pageSize),
    total: sorted.length,
    isPending,
    error,
    truncated: total > sorted.length,
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}

/** How many orders wait in each actionable queue (one tiny request per status). */
function useCounts(filters: Omit<OrderListParams, 'page' | 'pageSize' | 'status'>) {
  const statuses = TABS.filter((t) => t.count).flatMap((t) => t.statuses);
  const results = useQueries({
    queries: statuses.map((status) => {
      const params: OrderListParams = { ...filters, status, page: 1, pageSize: 1 };
      return { queryKey: orderKeys.list(params), queryFn: () => fetchOrders(params), refetchInterval: 60_000 };
    }),
  });
  const by = new Map(statuses.map((s, i) => [s, results[i]?.data?.total ?? 0]));
  return (tab: (typeof TABS)[number]) => tab.statuses.reduce((n, s) => n + (by.get(s) ?? 0), 0);
}

export default function OrdersPage() {
  const session = useAdminSession();
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((t) => t.key === search.get('tab')) ?? TABS[0];
  const [typed, setTyped] = useState(search.get('q') ?? '');
  const q = search.get('q') ?? undefined;
  const unitId = search.get('unit') ?? undefined;
  const overdue = search.get('overdue') === 'true' ? ('true' as const) : undefined;
  const escalated = search.get('escalated') === 'true' ? ('true' as const) : undefined;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [placing, setPlacing] = useState(false);
  const canPlace = hasRole(session, 'institute_admin', 'station_admin');
  const now = useNow();

  const setParam = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
    setPage(1);
  };

  const filters = { q, unitId, escalated, overdue: tab.key === 'dispatched' || tab.key === 'all' ? overdue : undefined };
  const queue = useQueue(tab.statuses, filters, page, pageSize);
  const countOf = useCounts({ q, unitId, escalated });

  const { options: stationOptions } = useUnitOptions({ kinds: ['institute', 'station'] });

  const columns: ColumnsType<OrderView> = [
    {
      title: '单号',
      dataIndex: 'number',
      width: 150,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/orders/${o.id}`} style={{ fontWeight: 600 }} aria-label={`查看需求单 ${o.number}`}>
            {o.number}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {formatDateTime(o.createdAt).slice(5, 16)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '需求',
      dataIndex: 'title',
      render: (_, o) => (
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          <Link to={`/admin/orders/${o.id}`} style={{ color: 'inherit', fontWeight: 600 }}>
            {o.title}
          </Link>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: o.description }} style={{ margin: 0, fontSize: 13 }}>
            {o.itemName ? `【${o.itemName}】` : '【其他需求】'}
            {o.description}
          </Typography.Paragraph>
        </Space>
      ),
    },
    {
      title: '点单人',
      dataIndex: 'requesterName',
      width: 150,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>
            {o.requesterName} {o.requesterVerified ? <ToneTag tone="green">已核实</ToneTag> : <ToneTag tone="gold">待核实</ToneTag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            <ChannelText channel={o.channel} />
          </Typography.Text>
        </Space>
      ),
    },
    { title: '实践站', dataIndex: 'unitName', width: 130 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 170,
      render: (_, o) => (
        <Space orientation="vertical" size={2}>
          <OrderStatusTag status={o.status} />
          <SlaTags order={o} now={now} />
        </Space>
      ),
    },
    {
      title: '派给 / 接单人',
      key: 'who',
      width: 170,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>{o.target ? targetText(o.target) : <Typography.Text type="secondary">未派单</Typography.Text>}</span>
          {o.volunteer ? <Typography.Text style={{ fontSize: 13 }}>接单：{o.volunteer.name}</Typography.Text> : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="群众点单"
        description="居民点单 → 审单 → 派单 → 志愿者接单 → 服务结项 → 评单。派单前须电话核实点单人的身份和需求（《志愿服务条例》第十三条）。"
        extra={
          <>
            <ExportButton
              url={urlFor(ordersApi.exportOrders, { query: { ...filters, status: tab.statuses.length === 1 ? tab.statuses[0] : undefined } })}
              fileName="需求单.xlsx"
            />
            <Link to="/admin/orders/menu">
              <Button icon={<UnorderedListOutlined />}>需求清单</Button>
            </Link>
            {canPlace ? (
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => setPlacing(true)}>
                代为点单
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
          <Input.Search
            aria-label="单号 / 需求 / 点单人"
            placeholder="单号、需求或点单人"
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setParam({ q: v.trim() || undefined })}
            style={{ width: 260 }}
          />
          {stationOptions.length > 1 ? (
            <Select
              aria-label="实践站"
              placeholder="全部实践站"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={stationOptions}
              value={unitId}
              onChange={(v?: string) => setParam({ unit: v })}
              style={{ width: 220 }}
            />
          ) : null}
          {tab.key === 'dispatched' || tab.key === 'all' ? (
            <Space size={8}>
              <Switch id="orders-overdue" checked={!!overdue} onChange={(on) => setParam({ overdue: on ? 'true' : undefined })} />
              <label htmlFor="orders-overdue">只看超时未接</label>
            </Space>
          ) : null}
          <Space size={8}>
            <Switch id="orders-escalated" checked={!!escalated} onChange={(on) => setParam({ escalated: on ? 'true' : undefined })} />
            <label htmlFor="orders-escalated">只看已上报实践所</label>
          </Space>
        </Flex>
        <Tabs
          activeKey={tab.key}
          onChange={(key) => setParam({ tab: key === 'review' ? undefined : key })}
          items={TABS.map((t) => ({
            key: t.key,
            label: t.count ? (
              <Space size={6}>
                {t.label}
                <Badge count={countOf(t)} overflowCount={999} color={t.key === 'review' || t.key === 'dispatched' ? '#c7000b' : '#4e5560'} />
              </Space>
            ) : (
              t.label
            ),
          }))}
        />
        {queue.error ? (
          <Alert
            type="error"
            showIcon
            title="需求单加载失败"
            description={queue.error.message}
            action={<Button onClick={queue.refetch}>重试</Button>}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {queue.truncated ? (
          <Alert type="info" showIcon title={`这个队列只显示最近 ${MERGE_LIMIT} 张，请用搜索或实践站筛选缩小范围。`} style={{ marginBottom: 12 }} />
        ) : null}
        <Table<OrderView>
          rowKey="id"
          columns={columns}
          dataSource={queue.rows}
          loading={queue.isPending}
          scroll={{ x: 940 }}
          locale={{ emptyText: tab.key === 'review' ? '没有待审的需求单' : '没有需求单' }}
          pagination={{
            current: page,
            pageSize,
            total: queue.total,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 张`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
        />
      </Card>
      {placing ? <PlaceOrderModal onClose={() => setPlacing(false)} /> : null}
    </>
  );
}
