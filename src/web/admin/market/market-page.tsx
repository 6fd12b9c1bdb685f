import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Input, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { DONOR_KINDS, INTAKE_KINDS, STOCK_KINDS } from '../../../shared/market';
import { formatYuan } from '../../../shared/rules/money';
import { errorMessage } from '../../lib/api';
import {
  downloadReceipt,
  downloadReconciliation,
  type Goods,
  type Reservation,
  useCollect,
  useCounter,
  useMarketDonors,
  useMarketGoods,
  useMarketIntakes,
  useMarketStock,
  useReconciliation,
  useStaffCancel,
} from '../../lib/queries/market';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { DonorModal, GoodsModal, useManagedShops } from './catalogue-modals';
import { IntakeModal, RedeemModal, StockOutModal } from './stock-modals';

/** A tab's action button, shown only to people who manage a shop; the modal opens on click. */
function Action({ label, modal }: { label: string; modal: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const { options } = useManagedShops();
  if (options.length === 0) return null;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open ? modal(() => setOpen(false)) : null}
    </>
  );
}

function Failed({ error }: { error: unknown }) {
  return <Alert type="error" showIcon message={`加载失败：${errorMessage(error)}`} />;
}

/** 柜台: find a reservation by code, name or phone, and hand it over. */
function Counter() {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const list = useCounter({ status: 'reserved', q: q || undefined, pageSize: 50 });
  const collect = useCollect();
  const cancel = useStaffCancel();
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Input.Search
          placeholder="扫码或输入预约码、姓名、手机号"
          allowClear
          enterButton="查找"
          onSearch={setQ}
          aria-label="查找预约"
          style={{ maxWidth: 420 }}
        />
        <Action label="代兑换" modal={(close) => <RedeemModal onClose={close} />} />
      </Space>
      {list.error ? <Failed error={list.error} /> : null}
      <Table<Reservation>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={q ? '没有找到待领取的预约' : '暂无待领取的预约'} /> }}
        scroll={{ x: 720 }}
        pagination={false}
        columns={[
          {
            title: '预约码',
            dataIndex: 'code',
            width: 130,
            // The code is read aloud and typed: never broken over two lines.
            render: (c: string) => (
              <Typography.Text strong style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {c}
              </Typography.Text>
            ),
          },
          { title: '志愿者', render: (_, r) => `${r.volunteerName} ${r.volunteerPhone ?? ''}` },
          { title: '物品', render: (_, r) => `${r.goodsName} × ${r.quantity} ${r.unitLabel}` },
          { title: '积分', dataIndex: 'points' },
          { title: '领取日', dataIndex: 'pickupOn' },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                <Button type="primary" onClick={() => act(() => collect.mutateAsync(r.id), `已确认领取：${r.goodsName}`)}>
                  确认领取
                </Button>
                <Button onClick={() => act(() => cancel.mutateAsync(r.id), '已取消，积分和库存已退回')}>取消</Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function GoodsTab() {
  const goods = useMarketGoods();
  const [editing, setEditing] = useState<Goods | null>(null);
  if (goods.error) return <Failed error={goods.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Action label="新增物品" modal={(close) => <GoodsModal onClose={close} />} />
      {editing ? <GoodsModal goods={editing} onClose={() => setEditing(null)} /> : null}
      <Table<Goods>
        rowKey="id"
        loading={goods.isPending}
        dataSource={goods.data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有物品" /> }}
        scroll={{ x: 640 }}
        pagination={false}
        columns={[
          { title: '物品', render: (_, g) => `${g.name}（${g.unitLabel}）` },
          { title: '爱心超市', dataIndex: 'shopName' },
          { title: '兑换积分', dataIndex: 'pricePoints' },
          { title: '每人每月限兑', render: (_, g) => (g.monthlyLimit ? g.monthlyLimit : '不限') },
          { title: '现有库存', dataIndex: 'onHand' },
          { title: '状态', render: (_, g) => (g.active ? <ToneTag tone="green">上架</ToneTag> : <ToneTag tone="grey">下架</ToneTag>) },
          {
            title: '操作',
            render: (_, g) => (
              <Button aria-label={`编辑${g.name}`} onClick={() => setEditing(g)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function StockTab() {
  const [page, setPage] = useState(1);
  const stock = useMarketStock({ page, pageSize: 20 });
  if (stock.error) return <Failed error={stock.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Action label="出库登记" modal={(close) => <StockOutModal onClose={close} />} />
      <Table
        rowKey="id"
        loading={stock.isPending}
        dataSource={stock.data?.items ?? []}
        locale={{ emptyText: <Empty description="库存台账暂无记录" /> }}
        scroll={{ x: 720 }}
        pagination={{ current: page, pageSize: 20, total: stock.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
          { title: '物品', dataIndex: 'goodsName' },
          { title: '类型', render: (_, e) => STOCK_KINDS[e.kind] },
          { title: '数量', dataIndex: 'quantity', render: (n: number) => (n > 0 ? `+${n}` : n) },
          { title: '说明', render: (_, e) => [e.careRecipientName, e.reason].filter(Boolean).join(' · ') || '—' },
          { title: '经办', dataIndex: 'createdByName', render: (n: string | null) => n ?? '系统' },
        ]}
      />
    </Space>
  );
}

function IntakesTab() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const intakes = useMarketIntakes({ page, pageSize: 20 });
  if (intakes.error) return <Failed error={intakes.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Action label="登记入库" modal={(close) => <IntakeModal onClose={close} />} />
      <Table
        rowKey="id"
        loading={intakes.isPending}
        dataSource={intakes.data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有捐赠或采购入库" /> }}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: intakes.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '日期', dataIndex: 'receivedOn' },
          { title: '类型', render: (_, i) => INTAKE_KINDS[i.kind] },
          { title: '捐赠方/供货方', render: (_, i) => i.donorName ?? i.supplier ?? '—' },
          { title: '物品', render: (_, i) => i.items.map((x) => `${x.goodsName} × ${x.quantity}`).join('、') },
          { title: '估值/金额（元）', render: (_, i) => formatYuan(i.valueFen) },
          {
            title: '收据',
            render: (_, i) =>
              i.kind === 'donation' ? (
                <Button icon={<DownloadOutlined />} onClick={() => downloadReceipt(i.id, i.receiptNo).catch((e) => void message.error(errorMessage(e)))}>
                  {i.receiptNo}
                </Button>
              ) : (
                i.receiptNo
              ),
          },
        ]}
      />
    </Space>
  );
}

function DonorsTab() {
  const donors = useMarketDonors();
  if (donors.error) return <Failed error={donors.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Action label="新增捐赠方" modal={(close) => <DonorModal onClose={close} />} />
      <Table
        rowKey="id"
        loading={donors.isPending}
        dataSource={donors.data?.items ?? []}
        locale={{ emptyText: <Empty description="捐赠方名册为空" /> }}
        scroll={{ x: 560 }}
        pagination={false}
        columns={[
          { title: '捐赠方', dataIndex: 'name' },
          { title: '类别', render: (_, d) => DONOR_KINDS[d.kind] },
          { title: '联系方式', dataIndex: 'contact', render: (c: string | null) => c ?? '—' },
          { title: '捐赠次数', dataIndex: 'donations' },
          { title: '估值合计（元）', render: (_, d) => formatYuan(d.valueFen) },
        ]}
      />
    </Space>
  );
}

function ReconcileTab() {
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const rec = useReconciliation(month);
  const v = rec.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label="月份" />
        <Button icon={<DownloadOutlined />} onClick={() => downloadReconciliation(month).catch((e) => void message.error(errorMessage(e)))}>
          导出 Excel
        </Button>
      </Space>
      {rec.error ? <Failed error={rec.error} /> : null}
      {v ? (
        <>
          <Alert type={v.balanced ? 'success' : 'error'} showIcon message={v.balanced ? `${v.month} 账物相符` : `${v.month} 账物不符，请核对下列差异`} />
          <Typography.Paragraph>
            积分：月初 {v.points.opening} + 发放 {v.points.issued} − 兑换 {v.points.spent} − 过期 {v.points.expired} = 月末 {v.points.closing}；台账合计{' '}
            {v.points.ledgerTotal}，余额合计 {v.points.balancesTotal}
          </Typography.Paragraph>
          {v.points.differences.map((d) => (
            <Alert key={d.volunteerId} type="warning" message={`${d.volunteerName}：台账 ${d.ledger}，余额 ${d.balance}`} />
          ))}
          <Table
            rowKey="goodsId"
            dataSource={v.stock}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: <Empty description="还没有物品" /> }}
            columns={[
              { title: '物品', dataIndex: 'goodsName' },
              { title: '月初', dataIndex: 'opening' },
              { title: '入库', dataIndex: 'in' },
              { title: '出库', dataIndex: 'out' },
              { title: '月末', dataIndex: 'closing' },
              { title: '现有库存', dataIndex: 'onHand' },
              { title: '账物', render: (_, g) => (g.balanced ? <ToneTag tone="green">相符</ToneTag> : <ToneTag tone="red">不符</ToneTag>) },
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}

/** 爱心超市: the counter, goods, the stock ledger, donations and purchases, donors, the monthly reconciliation. */
export default function MarketPage() {
  return (
    <>
      <PageHeader title="爱心超市" description="志愿者用积分兑换物品：柜台领取、物品与库存、捐赠入库、月度对账（账物相符）。" />
      <Tabs
        items={[
          { key: 'counter', label: '柜台', children: <Counter /> },
          { key: 'goods', label: '物品', children: <GoodsTab /> },
          { key: 'stock', label: '库存台账', children: <StockTab /> },
          { key: 'intakes', label: '捐赠与采购', children: <IntakesTab /> },
          { key: 'donors', label: '捐赠方', children: <DonorsTab /> },
          { key: 'reconcile', label: '月度对账', children: <ReconcileTab /> },
        ]}
      />
    </>
  );
}
