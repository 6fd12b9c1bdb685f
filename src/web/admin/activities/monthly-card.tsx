import { Alert, Card, DatePicker, Flex, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import * as activitiesApi from '../../../shared/activities.endpoints';
import { chinaToday } from '../../../shared/china-time';
import { urlFor } from '../../lib/api';
import { ExportButton } from '../components/export-button';
import { type MonthlyTableView, useMonthlyTable } from '../../lib/queries/activities';
import styles from './activities.module.css';

type Row = MonthlyTableView['rows'][number];

/** `2026-06` → `6月` (with the year when it differs from this year's). */
function monthLabel(month: string, thisYear: string): string {
  const [y, m] = month.split('-');
  return y === thisYear ? `${Number(m)}月` : `${y}年${Number(m)}月`;
}

/**
 * The plan's rule (二、（二）6): every station holds at least N practice activities a month. Stations
 * × the last six months; a finished month below the minimum is red; the running month is neutral.
 */
export function MonthlyCard() {
  const today = chinaToday();
  const current = today.slice(0, 7);
  // The last month shown: this month by default, or any month behind or ahead (next month's plans).
  const [until, setUntil] = useState(current);
  const table = useMonthlyTable(6, true, until === current ? undefined : until);

  let body: React.ReactNode;
  if (table.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (table.error) body = <Alert type="error" showIcon title="活动开展情况加载失败" description={table.error.message} />;
  else if (table.data.rows.length === 0) body = <Typography.Text type="secondary">您的范围内没有实践站。</Typography.Text>;
  else {
    const { months, minimum, rows } = table.data;
    const lastDone = months.filter((m) => m < current).at(-1);
    const lastIdx = lastDone ? months.indexOf(lastDone) : -1;
    const belowLast = lastIdx >= 0 ? rows.filter((r) => r.below[lastIdx]).length : 0;
    const columns: ColumnsType<Row> = [
      {
        title: '实践站',
        dataIndex: 'unitName',
        fixed: 'left',
        width: 220,
        render: (name: string, r) => <Link to={`/admin/activities?view=list&unit=${r.unitId}`}>{name}</Link>,
      },
      ...months.map((m, i) => ({
        title: m === current ? `${monthLabel(m, today.slice(0, 4))}（本月）` : monthLabel(m, today.slice(0, 4)),
        key: m,
        width: 96,
        align: 'center' as const,
        onCell: (r: Row) => ({ 'data-month': m, 'data-unit': r.unitName }) as React.TdHTMLAttributes<HTMLTableCellElement>,
        render: (_: unknown, r: Row) => {
          const below = r.below[i];
          const running = m >= current;
          const planned = r.planned[i];
          const short = r.plannedBelow[i];
          return (
            <span
              className={`${styles.monthCell} ${below ? styles.below : running ? styles.running : ''}`}
              title={below ? `少于每月 ${minimum} 次的要求` : running ? (short ? `已开展加计划少于每月 ${minimum} 次` : '尚未结束') : undefined}
            >
              {r.counts[i]}
              {running && planned ? `＋计划 ${planned}` : null}
              {below ? <span className="sr-only">（未达标）</span> : null}
              {running && short ? <span className="sr-only">（计划不足）</span> : null}
            </span>
          );
        },
      })),
    ];
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          工作方案要求每个实践站每月至少开展 {minimum} 次文明实践活动（按已开展的志愿服务活动计）。
          {lastDone
            ? belowLast
              ? `${monthLabel(lastDone, today.slice(0, 4))}有 ${belowLast} 个实践站未达标，标红显示。`
              : `${monthLabel(lastDone, today.slice(0, 4))}各实践站均已达标。`
            : ''}
          本月及以后的月份显示“已开展＋已发布的计划”场次，尚未结束，不标红。
        </Typography.Paragraph>
        <Table<Row>
          rowKey="unitId"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 220 + months.length * 96 }}
          aria-label="各实践站每月开展活动次数"
        />
      </>
    );
  }

  return (
    <Card
      variant="borderless"
      style={{ marginTop: 16 }}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>各实践站每月开展活动情况</h2>}
      extra={
        <Flex gap={8} wrap align="center">
          <DatePicker
            picker="month"
            aria-label="截至月份"
            allowClear={false}
            inputReadOnly
            value={dayjs(`${until}-01`)}
            onChange={(d) => d && setUntil(d.format('YYYY-MM'))}
            format="YYYY年M月"
          />
          <ExportButton
            url={urlFor(activitiesApi.exportMonthlyTable, { query: until === current ? { months: 6 } : { months: 6, until } })}
            fileName="各实践站每月开展活动情况.xlsx"
          />
          <Link to="/admin/activities">查看活动</Link>
        </Flex>
      }
    >
      {body}
    </Card>
  );
}
