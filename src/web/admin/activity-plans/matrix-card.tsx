import { Alert, Card, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ASSIGNMENT_STATES, type AssignmentState } from '../../../shared/activity-plans';
import * as endpoints from '../../../shared/activity-plans.endpoints';
import { urlFor } from '../../lib/api';
import { type PlanMatrix, usePlanMatrix } from '../../lib/queries/activity-plans';
import { ExportButton } from '../components/export-button';
import { ToneTag } from '../components/tags';
import { STATE_TONES, StateTag } from './labels';

type Row = PlanMatrix['rows'][number];

/** 承接情况: items × stations, each cell the station's answer; overdue in red, reasons on hover. */
export function MatrixCard({ planId }: { planId: string }) {
  const [page, setPage] = useState(1);
  const m = usePlanMatrix(planId, page);
  const stations = m.data?.stations ?? [];
  const columns: ColumnsType<Row> = [
    {
      title: '计划条目',
      key: 'item',
      fixed: 'left',
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <strong>
            {r.item.seq}. {r.item.title}
          </strong>
          {r.item.suggestedDate ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              建议 {r.item.suggestedDate}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    ...stations.map((s) => ({
      title: s.name.replace('新时代文明实践站', ''),
      key: s.id,
      width: 104,
      render: (_: unknown, r: Row) => {
        const cell = r.cells.find((c) => c.stationId === s.id);
        return cell ? <StateTag a={cell} /> : <Typography.Text type="secondary">不涉及</Typography.Text>;
      },
    })),
  ];
  return (
    <Card
      variant="borderless"
      title="承接情况（条目 × 实践站）"
      extra={<ExportButton url={urlFor(endpoints.exportActivityPlanMatrix, { params: { id: planId } })} fileName="活动计划承接情况.xlsx" />}
    >
      {m.error ? <Alert type="error" showIcon title="承接情况加载失败" description={m.error.message} style={{ marginBottom: 12 }} /> : null}
      {m.data ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {(Object.keys(ASSIGNMENT_STATES) as AssignmentState[]).map((s) => (
            <ToneTag key={s} tone={STATE_TONES[s]}>
              {ASSIGNMENT_STATES[s]} {m.data.counts[s]}
            </ToneTag>
          ))}
          {m.data.overdue ? <ToneTag tone="red">{`逾期 ${m.data.overdue}（周期已结束，未开展也未说明原因）`}</ToneTag> : null}
        </Flex>
      ) : null}
      <Table<Row>
        rowKey={(r) => r.item.id}
        size="small"
        bordered
        columns={columns}
        dataSource={m.data?.rows ?? []}
        loading={m.isPending}
        scroll={{ x: 160 + stations.length * 104 }}
        locale={{ emptyText: '计划还没有条目' }}
        pagination={{ current: page, pageSize: 20, total: m.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
      />
    </Card>
  );
}
