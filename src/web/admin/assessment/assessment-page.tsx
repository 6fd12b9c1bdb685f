import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PERIOD_KINDS } from '../../../shared/assessment';
import { type HistoryRow, type Period, useHistory, usePeriods } from '../../lib/queries/assessment';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import { PeriodStatusTag, pts } from './labels';
import { PeriodFormModal } from './period-form-modal';

/** 考核 (工作方案 五、(二)): the periods; a station head goes straight to its own sheet and sees its history. */
export default function AssessmentPage() {
  const session = useAdminSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [opening, setOpening] = useState(false);
  const list = usePeriods({ page, pageSize: 20 });
  const institute = session.roles.find((r) => r.role === 'institute_admin');
  const station = session.roles.find((r) => r.role === 'station_admin');
  const target = (p: Period) => (station && !institute ? `/admin/assessment/periods/${p.id}/stations/${station.unitId}` : `/admin/assessment/periods/${p.id}`);

  return (
    <>
      <PageHeader
        title="考核"
        description="围绕阵地建设、队伍建设、活动进展对各实践站进行考核：自动计分的指标由台账计算，人工评分的指标由实践站自评、实践所审核。"
        extra={
          institute ? (
            <Flex gap={8} wrap>
              <Link to="/admin/assessment/indicators">
                <Button icon={<SettingOutlined />}>考核指标</Button>
              </Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
                开始考核期
              </Button>
            </Flex>
          ) : null
        }
      />
      <Card variant="borderless" title="考核期" style={{ marginBottom: 16 }}>
        {list.error ? <Alert type="error" showIcon title="考核期加载失败" description={list.error.message} /> : null}
        <Table<Period>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 560 }}
          locale={{ emptyText: institute ? '还没有考核期，点击“开始考核期”' : '还没有考核期' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          onRow={(p) => ({ onClick: () => navigate(target(p)), style: { cursor: 'pointer' } })}
          columns={[
            { title: '名称', dataIndex: 'label', render: (l: string, p) => <Link to={target(p)}>{l}</Link> },
            { title: '周期', dataIndex: 'kind', width: 70, render: (k: Period['kind']) => PERIOD_KINDS[k] },
            { title: '时段', key: 'span', width: 200, render: (_v, p) => `${p.startsOn} 至 ${p.endsOn}` },
            { title: '自评截止', dataIndex: 'selfDeadline', width: 110 },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: Period['status']) => <PeriodStatusTag status={s} /> },
          ]}
        />
      </Card>
      {station ? <HistoryCard stationId={station.unitId} /> : null}
      {opening && institute ? (
        <PeriodFormModal instituteId={institute.unitId} onClose={() => setOpening(false)} onOpened={(id) => navigate(`/admin/assessment/periods/${id}`)} />
      ) : null}
    </>
  );
}

/** 历次考核: the station's totals and ranks, and where it lost points, per published period. */
function HistoryCard({ stationId }: { stationId: string }) {
  const h = useHistory(stationId);
  return (
    <Card variant="borderless" title="本站历次考核">
      {h.error ? <Alert type="error" showIcon title="历次考核加载失败" description={h.error.message} /> : null}
      <List<HistoryRow>
        loading={h.isPending}
        dataSource={h.data?.items ?? []}
        locale={{ emptyText: '还没有公布的考核结果' }}
        renderItem={(r) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Link to={`/admin/assessment/periods/${r.periodId}/stations/${stationId}`}>{r.label}</Link>
                <Typography.Text strong>
                  {pts(r.total)}/{r.maxTotal} 分 · 第 {r.rank} 名（共 {r.stationCount} 站）
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary">
                {r.subtotals.map((s) => `${s.title} ${pts(s.points)}/${s.maxPoints}（失 ${pts(s.maxPoints - s.points)}）`).join('　')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
