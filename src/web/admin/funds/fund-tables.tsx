import { Button, Empty, Grid, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FUND_KINDS, type FundKind, type FundSource, type FundTotalRow } from '../../../shared/funds';
import { formatYuan } from '../../../shared/rules/money';
import type { BudgetLine, FundEntry, FundTotals } from '../../lib/queries/funds';
import { fileUrl } from '../components/file-upload';
import { KIND_OPTIONS, SOURCE_OPTIONS, shareText, sourceLabel } from './labels';
import { Yuan } from './money';

// ------------------------------------------------------------------ totals against budget

export function TotalsTable({ totals, loading }: { totals: FundTotals | undefined; loading: boolean }) {
  const columns: ColumnsType<FundTotalRow> = [
    { title: '单位', dataIndex: 'unitName', width: 200, fixed: 'left', ellipsis: true },
    {
      title: '实践项目',
      dataIndex: 'programmeName',
      width: 140,
      ellipsis: true,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: '来源', dataIndex: 'source', width: 96, render: (s: FundSource) => sourceLabel(s) },
    { title: '性质', dataIndex: 'kind', width: 96, render: (k: FundKind) => FUND_KINDS[k] },
    { title: '预算（元）', dataIndex: 'budgetFen', width: 150, align: 'right', render: (v: number) => <Yuan fen={v} /> },
    {
      title: '支出（元）',
      dataIndex: 'spentFen',
      width: 150,
      align: 'right',
      render: (v: number, r) => <Yuan fen={v} danger={r.overBudget} strong={r.overBudget} />,
    },
    {
      title: '结余（元）',
      key: 'left',
      width: 150,
      align: 'right',
      render: (_, r) => <Yuan fen={r.budgetFen - r.spentFen} danger={r.overBudget} />,
    },
    {
      title: '执行率',
      dataIndex: 'share',
      width: 105,
      align: 'right',
      render: (share: number | null, r) =>
        r.overBudget ? (
          <Tooltip title={r.budgetFen === 0 ? '没有对应预算的支出' : '支出超过预算'}>
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {share === null ? '无预算' : `超支 ${share.toFixed(1)}%`}
            </Tag>
          </Tooltip>
        ) : (
          shareText(share)
        ),
    },
  ];
  const wide = Grid.useBreakpoint().md !== false;
  // On a phone: two columns (what, and the money), no sideways scrolling.
  const compact: ColumnsType<FundTotalRow> = [
    {
      title: '单位 / 项目',
      key: 'what',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[r.programmeName, sourceLabel(r.source), FUND_KINDS[r.kind]].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '预算 / 支出（元）',
      key: 'money',
      align: 'right',
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Yuan fen={r.budgetFen} />
          <Yuan fen={r.spentFen} danger={r.overBudget} strong={r.overBudget} />
          <Typography.Text type={r.overBudget ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {r.overBudget ? '超支 · ' : ''}
            {shareText(r.share)}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  const sum = totals?.total;
  return (
    <Table<FundTotalRow>
      rowKey={(r) => `${r.unitId}|${r.programmeId ?? ''}|${r.source}|${r.kind}`}
      size="middle"
      loading={loading}
      columns={wide ? columns : compact}
      dataSource={totals?.rows ?? []}
      pagination={false}
      scroll={wide ? { x: 936 } : undefined}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度还没有预算和支出" /> }}
      summary={() =>
        sum && (totals?.rows.length ?? 0) > 0 ? (
          <Table.Summary fixed>
            {!wide ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>合计</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                    <Yuan fen={sum.budgetFen} strong />
                    <Yuan fen={sum.spentFen} strong danger={sum.overBudget} />
                    <Typography.Text style={{ fontSize: 12 }}>{shareText(sum.share)}</Typography.Text>
                  </Space>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  <strong>合计</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <Yuan fen={sum.budgetFen} strong />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <Yuan fen={sum.spentFen} strong danger={sum.overBudget} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  <Yuan fen={sum.budgetFen - sum.spentFen} strong danger={sum.overBudget} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  <strong>{shareText(sum.share)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          </Table.Summary>
        ) : null
      }
    />
  );
}

// ------------------------------------------------------------------ the entries list

export interface EntryFilters {
  source?: FundSource;
  kind?: FundKind;
  programmeId?: string;
}

export function EntryFilterBar({
  value,
  onChange,
  programmes,
}: {
  value: EntryFilters;
  onChange: (next: EntryFilters) => void;
  programmes: { value: string; label: string }[];
}) {
  return (
    <Space wrap size={8}>
      <Select
        allowClear
        placeholder="全部来源"
        aria-label="按经费来源筛选"
        style={{ width: 130 }}
        options={SOURCE_OPTIONS}
        value={value.source}
        onChange={(source) => onChange({ ...value, source })}
      />
      <Select
        allowClear
        placeholder="全部性质"
        aria-label="按经费性质筛选"
        style={{ width: 130 }}
        options={KIND_OPTIONS}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部实践项目"
        aria-label="按实践项目筛选"
        style={{ width: 200 }}
        options={programmes}
        value={value.programmeId}
        onChange={(programmeId) => onChange({ ...value, programmeId })}
      />
    </Space>
  );
}

export function EntriesTable({
  data,
  loading,
  query,
  onPage,
  canWrite,
  onCorrect,
}: {
  data: { items: FundEntry[]; total: number; page: number; pageSize: number } | undefined;
  loading: boolean;
  query: { year: number; page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  canWrite: (unitId: string) => boolean;
  onCorrect: (entry: FundEntry) => void;
}) {
  const columns: ColumnsType<FundEntry> = [
    { title: '日期', dataIndex: 'spentOn', width: 110, fixed: 'left' },
    { title: '单位', dataIndex: 'unitName', width: 180, ellipsis: true },
    {
      title: '金额（元）',
      dataIndex: 'amountFen',
      width: 150,
      align: 'right',
      render: (v: number, e) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Yuan fen={v} danger={v < 0} strong />
          {!e.correctsId && e.correctionCount > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              冲减后 {formatYuan(e.netFen)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '用途 / 收款方',
      key: 'purpose',
      width: 260,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>
            {e.correctsId ? (
              <Tag color="warning" style={{ marginInlineEnd: 6 }}>
                冲减
              </Tag>
            ) : null}
            {e.purpose}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {e.payee}
          </Typography.Text>
          {e.correctsId && e.reason ? (
            <Typography.Text type="warning" style={{ fontSize: 13 }}>
              原因：{e.reason}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: '来源', key: 'source', width: 140, render: (_, e) => sourceLabel(e.source, e.department) },
    { title: '性质', dataIndex: 'kind', width: 90, render: (k: FundKind) => FUND_KINDS[k] },
    { title: '实践项目', dataIndex: 'programmeName', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '票据',
      dataIndex: 'receiptFileIds',
      width: 90,
      render: (ids: string[]) =>
        ids.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Space size={4} wrap>
            {ids.map((id, i) => (
              <a key={id} href={fileUrl(id)} target="_blank" rel="noreferrer">
                {i + 1}
              </a>
            ))}
          </Space>
        ),
    },
    { title: '登记人', dataIndex: 'createdByName', width: 100, ellipsis: true },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, e) =>
        !e.correctsId && e.netFen > 0 && canWrite(e.unitId) ? (
          <Button type="link" size="small" onClick={() => onCorrect(e)} aria-label={`冲减 ${e.spentOn} ${e.purpose}`}>
            冲减
          </Button>
        ) : null,
    },
  ];
  const wide = Grid.useBreakpoint().md !== false;
  const compact: ColumnsType<FundEntry> = [
    {
      title: '支出',
      key: 'what',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>
            {e.correctsId ? (
              <Tag color="warning" style={{ marginInlineEnd: 6 }}>
                冲减
              </Tag>
            ) : null}
            {e.purpose}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.spentOn} · {e.unitName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.payee} · {sourceLabel(e.source, e.department)} · {FUND_KINDS[e.kind]}
          </Typography.Text>
          {e.correctsId && e.reason ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              原因：{e.reason}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '金额（元）',
      key: 'amount',
      align: 'right',
      width: 120,
      render: (_, e) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Yuan fen={e.amountFen} danger={e.amountFen < 0} strong />
          {!e.correctsId && e.correctionCount > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              冲减后 {formatYuan(e.netFen)}
            </Typography.Text>
          ) : null}
          {!e.correctsId && e.netFen > 0 && canWrite(e.unitId) ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onCorrect(e)} aria-label={`冲减 ${e.spentOn} ${e.purpose}`}>
              冲减
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<FundEntry>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={wide ? columns : compact}
      dataSource={data?.items ?? []}
      scroll={wide ? { x: 1330 } : undefined}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${query.year} 年没有符合条件的支出`} /> }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => `共 ${n} 笔`,
        onChange: onPage,
      }}
    />
  );
}

// ------------------------------------------------------------------ budget lines

export function LinesTable({
  data,
  loading,
  page,
  onPage,
  canWrite,
  onAdjust,
}: {
  data: { items: BudgetLine[]; total: number; page: number; pageSize: number } | undefined;
  loading: boolean;
  page: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  canWrite: (unitId: string) => boolean;
  onAdjust: (line: BudgetLine) => void;
}) {
  const columns: ColumnsType<BudgetLine> = [
    { title: '单位', dataIndex: 'unitName', width: 200, fixed: 'left', ellipsis: true },
    { title: '来源', key: 'source', width: 170, render: (_, l) => sourceLabel(l.source, l.department) },
    { title: '性质', dataIndex: 'kind', width: 90, render: (k: FundKind) => FUND_KINDS[k] },
    { title: '实践项目', dataIndex: 'programmeName', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '预算（元）',
      key: 'amount',
      width: 170,
      align: 'right',
      render: (_, l) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Yuan fen={l.netFen} strong />
          {l.adjustments.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              原 {formatYuan(l.amountFen)}，调整 {l.adjustments.length} 次
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '说明 / 调整记录',
      key: 'note',
      width: 280,
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          {l.note ? <span>{l.note}</span> : null}
          {l.adjustments.map((a) => (
            <Typography.Text key={a.id} type="secondary" style={{ fontSize: 13 }}>
              {a.createdAt.slice(0, 10)} {a.amountFen > 0 ? '追加' : '调减'} {formatYuan(Math.abs(a.amountFen))}：{a.reason}
            </Typography.Text>
          ))}
          {!l.note && l.adjustments.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, l) =>
        canWrite(l.unitId) ? (
          <Button type="link" size="small" onClick={() => onAdjust(l)} aria-label={`调整 ${l.unitName} 的预算`}>
            调整
          </Button>
        ) : null,
    },
  ];
  const wide = Grid.useBreakpoint().md !== false;
  const compact: ColumnsType<BudgetLine> = [
    {
      title: '预算',
      key: 'what',
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          <span>{l.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[sourceLabel(l.source, l.department), FUND_KINDS[l.kind], l.programmeName].filter(Boolean).join(' · ')}
          </Typography.Text>
          {l.note ? <Typography.Text style={{ fontSize: 12 }}>{l.note}</Typography.Text> : null}
          {l.adjustments.map((a) => (
            <Typography.Text key={a.id} type="secondary" style={{ fontSize: 12 }}>
              {a.amountFen > 0 ? '追加' : '调减'} {formatYuan(Math.abs(a.amountFen))}：{a.reason}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: '金额（元）',
      key: 'amount',
      align: 'right',
      width: 120,
      render: (_, l) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Yuan fen={l.netFen} strong />
          {canWrite(l.unitId) ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onAdjust(l)} aria-label={`调整 ${l.unitName} 的预算`}>
              调整
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<BudgetLine>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={wide ? columns : compact}
      dataSource={data?.items ?? []}
      scroll={wide ? { x: 1120 } : undefined}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度还没有预算" /> }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => `共 ${n} 条`,
        onChange: onPage,
      }}
    />
  );
}
