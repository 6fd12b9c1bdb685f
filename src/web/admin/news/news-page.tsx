import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { NEWS_CATEGORIES, NEWS_STATUS_LABELS, SUBMISSION_STATUS_LABELS } from '../../../shared/news-labels';
import { type News, type NewsSummary, useNewsCounts, useNewsList } from '../../lib/queries/news';
import { hasRole } from '../../lib/session';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { useUnitOptions } from '../components/use-unit-options';
import { useAdminSession } from '../session-context';
import { NewsDrawer } from './news-drawer';
import { NewsEditorModal } from './news-editor-modal';

const STATUS_TONES = { draft: 'grey', published: 'green', withdrawn: 'red' } as const;
const SUBMISSION_TONES = { none: 'grey', submitted: 'blue', adopted: 'green', returned: 'gold' } as const;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

type Filters = {
  unitId?: string;
  category?: keyof typeof NEWS_CATEGORIES;
  status?: keyof typeof NEWS_STATUS_LABELS;
  submission?: keyof typeof SUBMISSION_STATUS_LABELS;
  q?: string;
};

function NewsList({ canWrite, unitOptions }: { canWrite: boolean; unitOptions: { value: string; label: string }[] }) {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<News | 'new' | null>(null);
  const list = useNewsList({ page, pageSize: 20, ...filters });
  const set = (patch: Filters) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };
  const columns: ColumnsType<NewsSummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (t: string, r) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(r.id)}>
          {t}
        </Button>
      ),
    },
    { title: '单位', dataIndex: 'unitName', width: 150 },
    { title: '类别', dataIndex: 'categoryLabel', width: 100 },
    { title: '状态', key: 'status', width: 90, render: (_, r) => <ToneTag tone={STATUS_TONES[r.status]}>{r.statusLabel}</ToneTag> },
    { title: '信息报送', key: 'submission', width: 100, render: (_, r) => <ToneTag tone={SUBMISSION_TONES[r.submission]}>{r.submissionLabel}</ToneTag> },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部单位"
          aria-label="单位"
          style={{ minWidth: 160 }}
          options={unitOptions}
          value={filters.unitId}
          onChange={(v) => set({ unitId: v })}
        />
        <Select
          allowClear
          placeholder="全部类别"
          aria-label="类别"
          style={{ minWidth: 120 }}
          options={options(NEWS_CATEGORIES)}
          value={filters.category}
          onChange={(v) => set({ category: v })}
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="发布状态"
          style={{ minWidth: 110 }}
          options={options(NEWS_STATUS_LABELS)}
          value={filters.status}
          onChange={(v) => set({ status: v })}
        />
        <Select
          allowClear
          placeholder="报送状态"
          aria-label="报送状态"
          style={{ minWidth: 110 }}
          options={options(SUBMISSION_STATUS_LABELS)}
          value={filters.submission}
          onChange={(v) => set({ submission: v })}
        />
        <Input.Search allowClear placeholder="标题关键字" aria-label="标题关键字" style={{ width: 180 }} onSearch={(v) => set({ q: v.trim() || undefined })} />
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            撰写新闻
          </Button>
        ) : null}
      </Space>
      <Card variant="borderless">
        {list.error ? <Alert type="error" showIcon title="新闻加载失败" description={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<NewsSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 760 }}
          locale={{ emptyText: canWrite ? '还没有新闻，点击“撰写新闻”开始' : '暂无新闻' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
      {open ? <NewsDrawer id={open} onClose={() => setOpen(null)} onEdit={(n) => setEditing(n)} /> : null}
      {editing ? (
        <NewsEditorModal
          news={editing === 'new' ? null : editing}
          unitOptions={unitOptions}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setEditing(null);
            setOpen(id);
          }}
        />
      ) : null}
    </>
  );
}

function Counts() {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const counts = useNewsCounts(month);
  const rows = counts.data ? [...counts.data.rows, { unitId: 'total', unitName: '合计', ...counts.data.total }] : [];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          aria-label="月份"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          inputReadOnly
        />
        <ExportButton url={`/api/news-submissions/counts.xlsx?month=${month}`} fileName={`信息报送统计-${month}.xlsx`} />
      </Space>
      <Card variant="borderless">
        {counts.error ? <Alert type="error" showIcon title="统计加载失败" description={counts.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table
          rowKey="unitId"
          loading={counts.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 480 }}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '报送（条）', dataIndex: 'submitted', width: 110 },
            { title: '采用（条）', dataIndex: 'adopted', width: 110 },
            { title: '退回（条）', dataIndex: 'returned', width: 110 },
          ]}
        />
      </Card>
    </>
  );
}

/** 新闻宣传: the units' news (write, preview, publish, withdraw) and 信息报送 with its monthly counts. */
export default function NewsAdminPage() {
  const session = useAdminSession();
  const admins = useMemo(
    () => new Set(session.roles.filter((g) => g.role === 'station_admin' || g.role === 'institute_admin').map((g) => g.unitId)),
    [session.roles],
  );
  const isInstituteAdmin = hasRole(session, 'institute_admin');
  const canWrite = hasRole(session, 'institute_admin') || hasRole(session, 'station_admin');
  const { options: unitOptions } = useUnitOptions({ kinds: ['institute', 'station'], within: isInstituteAdmin ? undefined : admins });
  return (
    <>
      <PageHeader
        title="新闻宣传"
        description="实践所、实践站撰写新闻，发布后在门户“新闻”栏目公开；可把新闻报送到区“新时代文明实践”专栏，按月统计报送和采用条数。"
      />
      <Tabs
        items={[
          { key: 'news', label: '新闻', children: <NewsList canWrite={canWrite} unitOptions={unitOptions} /> },
          { key: 'counts', label: '信息报送统计', children: <Counts /> },
        ]}
      />
    </>
  );
}
