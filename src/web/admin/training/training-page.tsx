import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, InputNumber, Table, Typography } from 'antd';
import { ToneTag } from '../components/tags';
import { useState } from 'react';
import { TRAINING_STATUSES } from '../../../shared/training';
import * as endpoints from '../../../shared/training.endpoints';
import { urlFor } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type CoverageRow, type TrainingSession, useCoverage, useTrainingSessions } from '../../lib/queries/training';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import { AttendanceDrawer } from './attendance-drawer';
import { MaterialLinks } from './material-links';
import { SessionFormModal } from './session-form-modal';

const UNIT_KINDS = { district: '区中心', institute: '实践所', station: '实践站' } as const;

/** 培训 (工作方案 五、(三)): trainings held by the district and the institute, attendance, and the year's coverage per unit. */
export default function TrainingPage() {
  const session = useAdminSession();
  const [page, setPage] = useState(1);
  const [year, setYear] = useState(new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<TrainingSession | null>(null);
  const list = useTrainingSessions({ page, pageSize: 20 });
  const coverage = useCoverage({ year, page: 1, pageSize: 200 });
  const institute = session.roles.find((r) => r.role === 'institute_admin');

  return (
    <>
      <PageHeader
        title="培训"
        description="定期或不定期对实践所、站相关人员和志愿者进行培训，实现业务培训全覆盖。"
        extra={
          institute ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建培训
            </Button>
          ) : null
        }
      />
      <Card
        variant="borderless"
        title="培训记录"
        extra={<ExportButton url={urlFor(endpoints.exportTrainingSessions)} fileName="培训列表.xlsx" />}
        style={{ marginBottom: 16 }}
      >
        {list.error ? <Alert type="error" showIcon title="培训列表加载失败" description={list.error.message} /> : null}
        <Table<TrainingSession>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1080 }}
          locale={{ emptyText: '还没有培训' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 次培训`, onChange: setPage }}
          columns={[
            { title: '培训主题', dataIndex: 'topic', width: 220 },
            { title: '举办单位', dataIndex: 'unitName', width: 140 },
            { title: '授课人', dataIndex: 'trainer', width: 120 },
            { title: '时间', dataIndex: 'startsAt', width: 160, render: (v: string) => formatDateTime(v) },
            { title: '学时', dataIndex: 'hours', width: 70 },
            { title: '出席', dataIndex: 'presentCount', width: 70 },
            { title: '培训材料', key: 'materials', width: 170, render: (_v, s) => <MaterialLinks session={s} compact /> },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: TrainingSession['status']) => <ToneTag tone={s === 'held' ? 'green' : 'blue'}>{TRAINING_STATUSES[s]}</ToneTag>,
            },
            {
              title: '操作',
              key: 'actions',
              width: 100,
              render: (_v, s) =>
                s.canSeeAttendance ? (
                  <Button type="link" size="small" onClick={() => setOpen(s)}>
                    {s.canWrite ? '出勤与材料' : '查看出勤'}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card
        variant="borderless"
        title="年度培训覆盖"
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text>年度</Typography.Text>
            <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            <ExportButton url={urlFor(endpoints.exportTrainingCoverage, { query: { year } })} fileName={`${year}年培训覆盖情况.xlsx`} />
          </Flex>
        }
      >
        {coverage.error ? <Alert type="error" showIcon title="覆盖情况加载失败" description={coverage.error.message} /> : null}
        <Table<CoverageRow>
          rowKey="unitId"
          size="small"
          loading={coverage.isPending}
          dataSource={coverage.data?.items ?? []}
          pagination={false}
          // On a phone the table scrolls sideways rather than squeezing the unit names to a letter a line.
          scroll={{ x: 640 }}
          rowClassName={(r) => (r.nobodyTrained ? 'training-nobody' : '')}
          columns={[
            {
              title: '单位',
              dataIndex: 'unitName',
              width: 220,
              fixed: 'left',
              render: (n: string, r) => (r.nobodyTrained ? <Typography.Text type="danger">{n}</Typography.Text> : n),
            },
            { title: '类型', dataIndex: 'unitKind', width: 90, render: (k: CoverageRow['unitKind']) => UNIT_KINDS[k] },
            { title: '工作人员', dataIndex: 'staffCount', width: 90 },
            { title: '已参训', dataIndex: 'trainedCount', width: 90 },
            {
              title: '覆盖率',
              dataIndex: 'percent',
              width: 130,
              render: (p: number, r) =>
                r.nobodyTrained ? <ToneTag tone="red">无人参训</ToneTag> : <ToneTag tone={p === 100 ? 'green' : 'gold'}>{p}%</ToneTag>,
            },
          ]}
        />
      </Card>
      {creating && institute ? <SessionFormModal unitId={institute.unitId} onClose={() => setCreating(false)} /> : null}
      {open ? <AttendanceDrawer session={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
