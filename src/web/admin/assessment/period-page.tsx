import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Table } from 'antd';
import { ToneTag } from '../components/tags';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PERIOD_KINDS } from '../../../shared/assessment';
import { errorMessage } from '../../lib/api';
import { downloadAssessmentExcel, downloadAssessmentPdf, type PeriodDetail, useAdvancePeriod, usePeriod } from '../../lib/queries/assessment';
import { PageHeader } from '../components/page-header';
import { PeriodStatusTag, pts } from './labels';

type Row = PeriodDetail['stations'][number];

/** A period: the stations' self-assessment, totals and ranks, and the institute's next step. */
export default function PeriodPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const p = usePeriod(id);
  const advance = useAdvancePeriod();
  const [busy, setBusy] = useState<string | null>(null);
  const d = p.data;

  const run = async (what: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(what);
    try {
      await fn();
      message.success(done);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  if (p.error) return <Alert type="error" showIcon title="考核期加载失败" description={p.error.message} />;
  if (!d) return <Skeleton active />;
  const published = d.status === 'published';
  return (
    <>
      <PageHeader
        title={d.label}
        description={
          <>
            <Link to="/admin/assessment">考核</Link> · {d.instituteName} · {PERIOD_KINDS[d.kind]}考核 · 满分 {d.maxTotal} 分
          </>
        }
        extra={
          <Flex gap={8} wrap>
            {d.canManage && d.status === 'open' ? (
              <Popconfirm
                title="转入审核后，各站不能再修改自评。确定？"
                okText="转入审核"
                cancelText="取消"
                onConfirm={() => run('review', () => advance.mutateAsync({ id, to: 'reviewing' }), '已转入审核')}
              >
                <Button type="primary" loading={busy === 'review'}>
                  转入审核
                </Button>
              </Popconfirm>
            ) : null}
            {d.canManage && d.status === 'reviewing' ? (
              <Popconfirm
                title="公布后分数和名次不再改变。确定公布？"
                okText="公布"
                cancelText="取消"
                onConfirm={() => run('publish', () => advance.mutateAsync({ id, to: 'published' }), '考核结果已公布')}
              >
                <Button type="primary" loading={busy === 'publish'}>
                  公布结果
                </Button>
              </Popconfirm>
            ) : null}
            {published ? (
              <>
                <Button
                  icon={<FileExcelOutlined />}
                  loading={busy === 'xlsx'}
                  onClick={() => run('xlsx', () => downloadAssessmentExcel(id, d.label), '已导出 Excel')}
                >
                  导出 Excel
                </Button>
                <Button
                  icon={<FilePdfOutlined />}
                  loading={busy === 'pdf'}
                  onClick={() => run('pdf', () => downloadAssessmentPdf(id, d.label), '已导出 PDF 报告')}
                >
                  PDF 报告
                </Button>
              </>
            ) : null}
          </Flex>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="状态">
            <PeriodStatusTag status={d.status} />
          </Descriptions.Item>
          <Descriptions.Item label="考核时段">
            {d.startsOn} 至 {d.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label="自评截止">{d.selfDeadline}</Descriptions.Item>
          <Descriptions.Item label="指标">{d.tree.map((c) => c.title).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless" title={published ? '排名' : '各站考核情况'}>
        <Table<Row>
          rowKey="stationId"
          dataSource={d.stations}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: '没有可查看的实践站' }}
          onRow={(r) => ({
            onClick: () => r.total !== null && navigate(`/admin/assessment/periods/${id}/stations/${r.stationId}`),
            style: { cursor: r.total !== null ? 'pointer' : 'default' },
          })}
          columns={[
            ...(published
              ? [{ title: '名次', dataIndex: 'rank', width: 64, render: (n: number | null) => (n === 1 ? <ToneTag tone="gold">第 1 名</ToneTag> : n) }]
              : []),
            {
              title: '实践站',
              dataIndex: 'stationName',
              render: (n: string, r: Row) => <Link to={`/admin/assessment/periods/${id}/stations/${r.stationId}`}>{n}</Link>,
            },
            {
              title: '自评',
              dataIndex: 'submittedAt',
              width: 100,
              render: (s: string | null) => (s ? <ToneTag tone="green">已提交</ToneTag> : <ToneTag tone="grey">未提交</ToneTag>),
            },
            { title: '自评分', dataIndex: 'selfTotal', width: 80, render: pts },
            { title: '审核调整', dataIndex: 'adjusted', width: 90, render: (n: number) => (n ? `${n} 项` : '—') },
            { title: published ? '总分' : '当前得分', dataIndex: 'total', width: 90, render: pts },
          ]}
        />
      </Card>
    </>
  );
}
