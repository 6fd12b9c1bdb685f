import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Grid, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { chinaToday, chinaWallClock } from '../../../shared/china-time';
import { type Cell, isFigureColumn, type ReportTable, reportSections, summaryRows } from '../../../shared/report-tables';
import { REPORT_KINDS, type ReportKind } from '../../../shared/reports';
import { errorMessage } from '../../lib/api';
import { downloadReport, useReport } from '../../lib/queries/reports';
import { PageHeader } from '../components/page-header';
import { useUnitOptions } from '../components/use-unit-options';

/** One of the report's tables: the same columns and rows as the Excel sheet and the PDF section. */
function PartTable({ table, id }: { table: ReportTable; id: string }) {
  const rows = table.rows.map((cells, i) => ({ key: i, cells }));
  return (
    <div style={{ marginBottom: 16 }}>
      {table.caption ? (
        <Typography.Title level={3} id={id} style={{ fontSize: 14, margin: '0 0 8px' }}>
          {table.caption}
        </Typography.Title>
      ) : null}
      <Table<{ key: number; cells: Cell[] }>
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={table.empty || '无'} /> }}
        columns={table.columns.map((title, i) => ({
          key: String(i),
          title,
          align: isFigureColumn(table, i) ? 'right' : 'left',
          // On a phone the table scrolls sideways; the unit (or item) it is about stays in view.
          fixed: i === 0 && table.columns.length > 2 ? ('left' as const) : undefined,
          render: (_: unknown, r: { cells: Cell[] }) => (i === 0 && r.cells[0] === '合计' ? <strong>合计</strong> : r.cells[i]),
        }))}
      />
    </div>
  );
}

function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const run = async (format: 'xlsx' | 'pdf', instituteId: string, period: string, fallbackName: string) => {
    setBusy(format);
    try {
      message.success(`已导出 ${await downloadReport(format, instituteId, period, fallbackName)}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

export default function ReportsPage() {
  const institutes = useUnitOptions({ kinds: ['institute'] });
  // The district's summary links here with ?institute= (issue 13 drill-down).
  const [search] = useSearchParams();
  const [picked, setPicked] = useState<string | undefined>(search.get('institute') ?? undefined);
  const instituteId = picked ?? institutes.options[0]?.value;
  const [kind, setKind] = useState<ReportKind>('month');
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const period = kind === 'month' ? month : month.slice(0, 4);
  const report = useReport(instituteId, period);
  const { busy, run } = useDownload();
  const narrow = Grid.useBreakpoint().md === false;
  const r = report.data;
  const fileName = (ext: string) => `${r?.instituteName ?? '实践所'}-${r?.periodLabel ?? period}工作${REPORT_KINDS[kind]}.${ext}`;
  const nothing = r && r.activities.total.count === 0 && r.hours.total.records === 0 && r.orders.total.placed === 0;

  return (
    <>
      <PageHeader
        title="工作报表"
        description="实践所的工作月报、年报，全部由已录入的活动、服务时长台账、点单、八有、培训、经费和会议记录生成，无需重复填报。可导出 Excel（每部分一张表）和 PDF 报送区中心。"
        extra={
          instituteId ? (
            <>
              <Button
                icon={<DownloadOutlined />}
                loading={busy === 'xlsx'}
                disabled={!r}
                onClick={() => void run('xlsx', instituteId, period, fileName('xlsx'))}
              >
                导出Excel
              </Button>
              <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={!r} onClick={() => void run('pdf', instituteId, period, fileName('pdf'))}>
                导出PDF
              </Button>
            </>
          ) : null
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <label htmlFor="report-institute">实践所</label>
          <Select
            id="report-institute"
            style={{ width: 280, maxWidth: '100%' }}
            value={instituteId}
            options={institutes.options}
            loading={institutes.isPending}
            onChange={setPicked}
            notFoundContent="没有可查看的实践所"
          />
          <Segmented<ReportKind>
            aria-label="报表类型"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'month', label: '月报' },
              { value: 'year', label: '年报' },
            ]}
          />
          <DatePicker
            picker={kind}
            aria-label={kind === 'month' ? '报表月份' : '报表年度'}
            allowClear={false}
            inputReadOnly
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            format={kind === 'month' ? 'YYYY年M月' : 'YYYY年'}
          />
        </Flex>
      </Card>
      {!instituteId && !institutes.isPending ? <Empty description="您没有可查看报表的实践所" /> : null}
      {report.error ? <Alert type="error" showIcon title="报表生成失败" description={errorMessage(report.error)} style={{ marginBottom: 16 }} /> : null}
      {r ? (
        <>
          <Card variant="borderless" style={{ marginBottom: 16 }} loading={report.isFetching && !report.isPlaceholderData}>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
              {r.title}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              报表期间：{r.fromDay} 至 {r.toDay}　生成时间：{chinaWallClock(r.generatedAt).replace('T', ' ').slice(0, 16)}
            </Typography.Paragraph>
            {nothing ? <Alert type="info" showIcon title="本期还没有录入活动、服务时长或群众点单，下列各表为空。" style={{ marginBottom: 16 }} /> : null}
            <Row gutter={[16, 16]}>
              {summaryRows(r).map(([label, value]) => (
                <Col xs={12} md={6} key={String(label)}>
                  <Statistic title={label} value={value} styles={{ content: { fontSize: 20, fontVariantNumeric: 'tabular-nums' } }} />
                </Col>
              ))}
            </Row>
          </Card>
          {reportSections(r).map((s, i) => (
            <Card
              key={s.name}
              size={narrow ? 'small' : 'default'}
              variant="borderless"
              style={{ marginBottom: 16 }}
              title={<h2 style={{ fontSize: 16, margin: 0 }}>{s.heading}</h2>}
            >
              {s.tables.map((t, j) => (
                <PartTable key={t.caption ?? j} table={t} id={`report-${i}-${j}`} />
              ))}
            </Card>
          ))}
        </>
      ) : null}
    </>
  );
}
