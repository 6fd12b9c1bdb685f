import { Button, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { timeRange } from '../../../shared/china-time';
import type { ActivityView } from '../../lib/queries/activities';
import { OverdueTag, StatusTag, TypeTag } from './labels';

export function places(a: ActivityView): string {
  const taken = a.positions.reduce((s, p) => s + p.taken, 0);
  const total = a.positions.reduce((s, p) => s + p.headcount, 0);
  const waiting = a.positions.reduce((s, p) => s + p.waitlisted, 0);
  return `${taken} / ${total}${waiting ? `（候补 ${waiting}）` : ''}`;
}

export function ListView({
  data,
  total,
  page,
  loading,
  onPage,
}: {
  data: ActivityView[];
  total: number;
  page: number;
  loading: boolean;
  onPage: (p: number) => void;
}) {
  const columns: ColumnsType<ActivityView> = [
    {
      title: '活动',
      dataIndex: 'title',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/activities/${a.id}`} style={{ fontWeight: 600 }}>
            {a.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {a.programmeName ?? '未归入实践项目'}
            {a.seriesId ? ' · 系列活动' : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '单位', dataIndex: 'unitName', width: 200 },
    { title: '时间', key: 'time', width: 230, render: (_, a) => timeRange(a.startsAt, a.endsAt) },
    {
      title: '地点',
      key: 'place',
      width: 220,
      render: (_, a) => [a.venueName, a.roomName].filter(Boolean).join(' · ') || a.address || <Typography.Text type="secondary">未填写</Typography.Text>,
    },
    { title: '报名', key: 'places', width: 120, render: (_, a) => places(a) },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, a) => (
        <Space size={0} wrap>
          <StatusTag status={a.status} />
          {a.summaryOverdue ? <OverdueTag /> : null}
          <TypeTag type={a.type} />
        </Space>
      ),
    },
  ];
  return (
    <Table<ActivityView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data}
      loading={loading}
      pagination={{ current: page, pageSize: 20, total, onChange: onPage, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '没有符合条件的活动' }}
    />
  );
}

export function FeedModal({
  open,
  onClose,
  unitId,
  units,
}: {
  open: boolean;
  onClose: () => void;
  unitId?: string;
  units: { value: string; label: string }[];
}) {
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const id = picked ?? unitId;
  const url = id ? `${window.location.origin}/ical/units/${id}.ics` : '';
  return (
    <Modal open={open} title="订阅活动日历" onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} destroyOnHidden>
      <Typography.Paragraph>
        把单位的公开活动加入手机或电脑的日历（iCalendar
        格式）：在日历应用中选择「添加订阅日历」，粘贴下面的地址。选实践所即订阅全街道（所和各站）的活动。只包含已发布的活动（近三个月和今后的），任何人都可以订阅；活动改期或取消，日历会跟着更新。
      </Typography.Paragraph>
      <Select
        aria-label="选择单位"
        options={units}
        value={id}
        onChange={setPicked}
        style={{ width: '100%', marginBottom: 12 }}
        showSearch={{ optionFilterProp: 'label' }}
      />
      {url ? (
        <Typography.Paragraph copyable={{ text: url, tooltips: ['复制', '已复制'] }} code style={{ wordBreak: 'break-all' }}>
          {url}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
