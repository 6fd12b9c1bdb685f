import { Button, Flex, Popconfirm, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { ServiceRecordView } from '../../../shared/hours';
import { formatClock, formatDateTime } from '../../lib/format';
import { FlagTag, hoursText, LateTag, SourceTag } from '../volunteers/volunteer-tags';
import { EvidenceLinks } from './evidence-links';

/** Why the caller may not decide a record: the same rules the server applies. */
function whyNot(record: ServiceRecordView, isInstitute: boolean): string {
  if (record.late && !isInstitute) return '逾期录入的记录需由实践所审核';
  return '录入人和志愿者本人不能审核，请由另一位工作人员审核';
}

/** The service-record table's columns for one tab; the row actions call back to the page. */
export function recordColumns({
  tab,
  isInstitute,
  approve,
  setRejecting,
  setCorrecting,
}: {
  tab: string;
  isInstitute: boolean;
  approve: (record: ServiceRecordView) => unknown;
  setRejecting: (record: ServiceRecordView) => void;
  setCorrecting: (record: ServiceRecordView) => void;
}): ColumnsType<ServiceRecordView> {
  // What was done, the proof and who entered it sit together, so an approver reads one row at 1280 px.
  return [
    {
      title: '志愿者',
      dataIndex: 'volunteerName',
      width: 110,
      fixed: 'left',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/volunteers/${r.volunteerId}`} style={{ fontWeight: 600 }}>
            {r.volunteerName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.volunteerNo ?? '未编号'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '服务内容与证明材料',
      dataIndex: 'title',
      width: 270,
      render: (_, r) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <strong>{r.correctsId ? `更正：${r.title}` : r.title}</strong>
          {r.content ? (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: r.content }} style={{ margin: 0, fontSize: 13 }}>
              {r.content}
            </Typography.Paragraph>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.place ? `${r.place} · ` : ''}
            {r.organiserName}
          </Typography.Text>
          {r.evidenceFileIds.length ? <EvidenceLinks ids={r.evidenceFileIds} /> : null}
        </Space>
      ),
    },
    {
      title: '服务时间',
      key: 'when',
      width: 110,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.serviceDate}</span>
          {r.startAt && r.endAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatClock(r.startAt)}–{formatClock(r.endAt)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '时长 / 来源',
      key: 'hours',
      width: 140,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          <strong>{hoursText(r.hours, r.source === 'correction')}</strong>
          <Flex wrap gap={4}>
            <SourceTag source={r.source} />
            {r.late ? <LateTag /> : null}
            <FlagTag flag={r.flag} />
          </Flex>
        </Flex>
      ),
    },
    {
      title: tab === 'pending' ? '录入' : '审核',
      key: 'who',
      width: 150,
      render: (_, r) =>
        tab === 'pending' ? (
          <Space orientation="vertical" size={0}>
            <span>{r.enteredByName ?? '本人'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatDateTime(r.enteredAt).slice(0, 16)}
            </Typography.Text>
            {r.reason ? (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                原因：{r.reason}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          <Space orientation="vertical" size={0}>
            <span>{r.decidedByName ?? '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatDateTime(r.decidedAt).slice(0, 16)}
            </Typography.Text>
            {r.decisionNote ? (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {r.status === 'rejected' ? '原因：' : '备注：'}
                {r.decisionNote}
              </Typography.Text>
            ) : null}
          </Space>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, r) => {
        if (r.status === 'pending') {
          if (!r.canDecide) {
            return (
              <Tooltip title={whyNot(r, isInstitute)}>
                <Typography.Text type="secondary">待他人审核</Typography.Text>
              </Tooltip>
            );
          }
          return (
            <Space size={0}>
              <Popconfirm
                title={`认定 ${r.volunteerName} 的 ${hoursText(r.hours)}？`}
                description="认定后不能修改，如有错误只能提交更正记录。"
                okText="认定"
                onConfirm={() => approve(r)}
              >
                <Button type="link" size="small" aria-label={`认定 ${r.volunteerName} ${r.title}`}>
                  认定
                </Button>
              </Popconfirm>
              <Button type="link" size="small" danger onClick={() => setRejecting(r)} aria-label={`不予认定 ${r.volunteerName} ${r.title}`}>
                不予认定
              </Button>
            </Space>
          );
        }
        if (r.status === 'approved' && r.source !== 'correction') {
          return (
            <Button type="link" size="small" onClick={() => setCorrecting(r)} aria-label={`更正 ${r.volunteerName} ${r.title}`}>
              更正
            </Button>
          );
        }
        return <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
  ];
}
