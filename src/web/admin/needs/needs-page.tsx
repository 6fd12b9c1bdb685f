import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Row, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { NEEDS_CATEGORIES, NEEDS_METHODS, type NeedsCategory } from '../../../shared/needs';
import { errorMessage } from '../../lib/api';
import { downloadNeeds, type NeedsRecord, useNeedsCounts, useNeedsRecords } from '../../lib/queries/needs';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { useUnitOptions } from '../components/use-unit-options';
import { useAdminSession } from '../session-context';
import { CountsState, NeedsBars } from './needs-counts';
import { NeedsFormModal } from './needs-form-modal';
import { WithdrawModal } from './withdraw-modal';

/** `YYYY-MM` → its first and last day (the last day capped at today, so the counts window stays valid). */
function monthWindow(month: string | undefined) {
  if (!month) return {};
  const start = dayjs(`${month}-01`);
  const end = start.endOf('month');
  return { from: start.format('YYYY-MM-DD'), to: (end.isAfter(dayjs()) ? dayjs() : end).format('YYYY-MM-DD') };
}

/** 需求采集: what residents asked for, recorded by the stations; counts by category beside the list. */
export default function NeedsPage() {
  const { message } = App.useApp();
  const session = useAdminSession();
  const [stationId, setStationId] = useState<string>();
  const [category, setCategory] = useState<NeedsCategory>();
  const [month, setMonth] = useState<string>();
  const [withdrawn, setWithdrawn] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<NeedsRecord | null>(null);
  const [exporting, setExporting] = useState(false);

  const isInstitute = hasRole(session, 'institute_admin');
  const own = useMemo(() => new Set(session.roles.filter((g) => g.role === 'station_admin').map((g) => g.unitId)), [session]);
  const { options: stations } = useUnitOptions({ kinds: ['station'] });
  const { options: writable } = useUnitOptions({ kinds: ['station'], within: isInstitute ? undefined : own });
  const canRecord = hasRole(session, 'institute_admin', 'station_admin') && writable.length > 0;

  const list = useNeedsRecords({ page, pageSize: 20, stationId, category, month, withdrawn: withdrawn ? 'true' : undefined });
  const period = monthWindow(month);
  const counts = useNeedsCounts({ stationId, ...period });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      message.success(`已导出：${await downloadNeeds({ stationId, category, month })}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<NeedsRecord> = [
    { title: '采集日期', dataIndex: 'collectedOn', width: 104 },
    { title: '实践站', dataIndex: 'stationName', width: 150, ellipsis: true },
    { title: '类别', dataIndex: 'category', width: 96, render: (c: string) => <ToneTag tone="blue">{c}</ToneTag> },
    {
      title: '需求内容',
      dataIndex: 'description',
      render: (d: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: d }} style={{ margin: 0 }}>
            {d}
          </Typography.Paragraph>
          {r.withdrawn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              已撤回：{r.withdrawn.reason}（{r.withdrawn.byName}）
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: '人数', dataIndex: 'people', width: 60 },
    {
      title: '受访人',
      key: 'who',
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.respondentName}</span>
          {r.respondentPhone ? <Typography.Text type="secondary">{r.respondentPhone}</Typography.Text> : null}
          {r.careRecipient ? <ToneTag tone="gold">关爱对象：{r.careRecipient.name}</ToneTag> : r.careLinked ? <ToneTag tone="gold">关爱对象</ToneTag> : null}
        </Space>
      ),
    },
    {
      title: '方式 / 地点',
      key: 'how',
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{NEEDS_METHODS[r.method]}</span>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 140 }}>
            {r.place}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '采集人', dataIndex: 'collectorName', width: 90 },
    {
      title: '操作',
      key: 'op',
      width: 72,
      render: (_, r) =>
        r.canWithdraw ? (
          <Button size="small" onClick={() => setWithdrawing(r)} aria-label={`撤回 ${r.collectedOn} ${r.category}`}>
            撤回
          </Button>
        ) : r.withdrawn ? (
          <ToneTag tone="grey">已撤回</ToneTag>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="需求采集"
        description="实践站通过入户走访、问卷调查、座谈会等方式采集群众需求，按类别统计，作为需求清单和活动计划的依据。登记有误时撤回并写明原因，不修改原记录。"
        extra={
          <>
            {canRecord ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                登记需求
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
              导出 Excel
            </Button>
          </>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {stations.length > 1 ? (
          <Select
            aria-label="实践站"
            placeholder="全部实践站"
            allowClear
            options={stations}
            value={stationId}
            onChange={filter(setStationId)}
            style={{ width: 240, maxWidth: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
          />
        ) : null}
        <Select
          aria-label="需求类别"
          placeholder="全部类别"
          allowClear
          options={NEEDS_CATEGORIES.map((c) => ({ value: c, label: c }))}
          value={category}
          onChange={filter(setCategory)}
          style={{ width: 160 }}
        />
        <DatePicker
          picker="month"
          aria-label="月份"
          placeholder="全部月份"
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d) => filter(setMonth)(d ? d.format('YYYY-MM') : undefined)}
          inputReadOnly
        />
        <Space size={8}>
          <Switch id="needs-withdrawn" checked={withdrawn} onChange={filter(setWithdrawn)} />
          <label htmlFor="needs-withdrawn">只看已撤回</label>
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xxl={{ span: 16, order: 1 }}>
          <Card variant="borderless" title="需求记录">
            {list.error ? <Alert type="error" showIcon title="需求记录加载失败" description={list.error.message} style={{ marginBottom: 12 }} /> : null}
            <Table<NeedsRecord>
              rowKey="id"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isPending}
              scroll={{ x: 1040 }}
              locale={{ emptyText: withdrawn ? '没有撤回的记录' : '还没有需求记录' }}
              pagination={{
                current: page,
                pageSize: 20,
                total: list.data?.total ?? 0,
                showTotal: (t) => `共 ${t} 条`,
                onChange: setPage,
                showSizeChanger: false,
              }}
            />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xxl={{ span: 8, order: 2 }}>
          <Card
            variant="borderless"
            title="分类统计"
            extra={counts.data ? <Typography.Text type="secondary">{`${counts.data.from} 至 ${counts.data.to}`}</Typography.Text> : null}
          >
            <CountsState isPending={counts.isPending} error={counts.error} />
            {counts.data ? (
              <>
                <Typography.Paragraph type="secondary">
                  {month ? `${month} 月` : '近 90 天'}共 {counts.data.total.records} 条需求，涉及 {counts.data.total.people} 人（不含撤回）。
                </Typography.Paragraph>
                <NeedsBars counts={counts.data} />
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
      {adding ? <NeedsFormModal stations={writable} onClose={() => setAdding(false)} /> : null}
      {withdrawing ? <WithdrawModal record={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </>
  );
}
