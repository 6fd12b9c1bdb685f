import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { CAMPAIGN_STATUS_LABELS } from '../../../shared/campaigns';
import { type CampaignSummary, useCampaigns } from '../../lib/queries/campaigns';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { useAdminSession } from '../session-context';
import { CampaignFormModal } from './campaign-form-modal';

const TONES = { open: 'blue', notice: 'gold', final: 'green' } as const;

/** 评选: the institute's campaigns by year; a station sees them to nominate. */
export default function CampaignsPage() {
  const session = useAdminSession();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useCampaigns({ page, pageSize: 20, year });
  const institute = session.roles.find((g) => g.role === 'institute_admin')?.unitId;
  const canCreate = hasRole(session, 'institute_admin') && !!institute;

  const columns: ColumnsType<CampaignSummary> = [
    { title: '年度', dataIndex: 'year', width: 72 },
    { title: '评选', dataIndex: 'title', render: (t: string, r) => <Link to={`/admin/campaigns/${r.id}`}>{t}</Link> },
    { title: '类别', dataIndex: 'kindLabel', width: 110, render: (k: string) => <ToneTag tone="blue">{k}</ToneTag> },
    { title: '推荐时间', key: 'window', width: 200, render: (_, r) => `${r.nominateFrom} 至 ${r.nominateUntil}` },
    { title: '推荐数', dataIndex: 'nominations', width: 80 },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          <ToneTag tone={TONES[r.status]}>{CAMPAIGN_STATUS_LABELS[r.status]}</ToneTag>
          {r.status === 'notice' && r.noticeEndsOn ? <span>至 {r.noticeEndsOn}</span> : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="评选"
        description="十星文明户、福美院落、清洁户、身边好人、道德模范、乡贤等评选：实践站推荐，实践所评审，公示期内接受异议，公示结束后确定结果并在门户公布。"
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              发起评选
            </Button>
          ) : null
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <InputNumber
          aria-label="年度"
          placeholder="全部年度"
          min={2000}
          max={2100}
          precision={0}
          value={year ?? null}
          onChange={(v) => {
            setYear(v ?? undefined);
            setPage(1);
          }}
        />
      </Space>
      <Card variant="borderless">
        {list.error ? <Alert type="error" showIcon title="评选加载失败" description={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<CampaignSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 760 }}
          locale={{ emptyText: canCreate ? '还没有评选，点击“发起评选”开始' : '实践所还没有发起评选' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
      {adding && institute ? (
        <CampaignFormModal instituteId={institute} onClose={() => setAdding(false)} onCreated={(id) => navigate(`/admin/campaigns/${id}`)} />
      ) : null}
    </>
  );
}
