import { Alert, Card, Flex, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { formatDateTime } from '../../lib/format';
import { type Recognition, useRecognitions } from '../../lib/queries/hours';
import { hasRole } from '../../lib/session';
import * as hoursApi from '../../../shared/hours.endpoints';
import { urlFor } from '../../lib/api';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import { hoursText, StarTag } from '../volunteers/volunteer-tags';

/** 激励制度 (工作方案 五、（二）四): who reached a star level, for the recognition list. */
export default function StarsPage() {
  const session = useAdminSession();
  const list = useRecognitions();
  const [level, setLevel] = useState<number | 'all'>('all');
  const levels = useMemo(() => [...new Set((list.data ?? []).map((r) => r.level))].sort((a, b) => b - a), [list.data]);
  const rows = useMemo(() => (list.data ?? []).filter((r) => level === 'all' || r.level === level), [list.data, level]);

  const columns: ColumnsType<Recognition> = [
    {
      title: '志愿者',
      dataIndex: 'name',
      width: 160,
      render: (name: string, r) => (
        <Flex vertical>
          <Link to={`/admin/volunteers/${r.volunteerId}`} style={{ fontWeight: 600 }}>
            {name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.volunteerNo ?? '未编号'}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '实践站', dataIndex: 'stationName', width: 220 },
    { title: '达到星级', dataIndex: 'level', width: 170, render: (l: number) => <StarTag level={l} /> },
    { title: '晋升时累计认定时长', dataIndex: 'hours', width: 170, align: 'right', render: (h: number) => hoursText(h) },
    { title: '晋升时间', dataIndex: 'at', width: 180, render: (t: string) => formatDateTime(t) },
  ];

  return (
    <>
      <PageHeader
        title="星级表彰"
        extra={<ExportButton url={urlFor(hoursApi.exportStarList, { query: { level: level === 'all' ? undefined : level } })} fileName="星级表彰名单.xlsx" />}
        description={
          <>
            累计认定服务时长达到星级门槛的志愿者名单，可作为年度表彰的依据。星级只按经审核认定的时长计算
            {hasRole(session, 'institute_admin') ? (
              <>
                ，门槛在「<Link to="/admin/settings">规则设置</Link>」中调整
              </>
            ) : null}
            。
          </>
        }
      />
      {list.error ? <Alert type="error" showIcon title="表彰名单加载失败" description={list.error.message} style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless">
        {levels.length > 1 ? (
          <Segmented<number | 'all'>
            style={{ marginBottom: 16 }}
            value={level}
            onChange={setLevel}
            aria-label="按星级筛选"
            options={[{ value: 'all', label: '全部' }, ...levels.map((l) => ({ value: l, label: `${STAR_NAMES[l]}` }))]}
          />
        ) : null}
        <Table<Recognition>
          rowKey={(r) => `${r.volunteerId}-${r.level}-${r.at}`}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人次` }}
          locale={{ emptyText: '还没有志愿者达到星级' }}
        />
      </Card>
    </>
  );
}
