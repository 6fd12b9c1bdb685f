import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { MEETING_KINDS } from '../../../shared/rules/meeting-flow';
import { ApiError, download, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { minutesPdfUrl, useAdvanceMeeting, useMeeting } from '../../lib/queries/meetings';
import { PageHeader } from '../components/page-header';
import { AttendanceSection } from './attendance-section';
import { MeetingStatusTag } from './labels';
import { MinutesSection } from './minutes-section';
import { ResolutionsSection } from './resolutions-section';

/** One meeting: facts and agenda, attendance, minutes with attachments, resolutions, and its PDF. */
export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [editingMinutes, setEditingMinutes] = useState(false);
  const meeting = useMeeting(id, 15_000);
  const advance = useAdvanceMeeting();
  const [exporting, setExporting] = useState(false);

  if (meeting.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (meeting.error)
    return (
      <Alert type="error" showIcon title="会议加载失败" description={errorMessage(meeting.error)} action={<Link to="/admin/meetings">返回会议列表</Link>} />
    );
  const m = meeting.data;

  const move = async (to: 'held' | 'published') => {
    try {
      await advance.mutateAsync({ id: m.id, to });
      message.success(to === 'held' ? '已标记为已召开，可以登记议定事项和填写纪要' : '纪要已发布');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'meetings.minutes_required') setEditingMinutes(true);
      message.error(errorMessage(err));
    }
  };
  const exportPdf = async () => {
    setExporting(true);
    try {
      await download(minutesPdfUrl(m.id), `会议纪要-${m.title}.pdf`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={m.title}
        description={
          <>
            <MeetingStatusTag status={m.status} /> {MEETING_KINDS[m.kind]} · {m.unitName}
          </>
        }
        extra={
          <>
            {m.canWrite && m.status === 'planned' ? (
              <Popconfirm
                title="确认会议已经召开？"
                description="召开后参会名单不再调整，可以登记议定事项。"
                okText="确认"
                cancelText="取消"
                onConfirm={() => move('held')}
              >
                <Button type="primary" loading={advance.isPending}>
                  标记已召开
                </Button>
              </Popconfirm>
            ) : null}
            {m.canWrite && m.status === 'held' ? (
              <Popconfirm
                title="发布会议纪要？"
                description="发布后纪要、签到和议定事项不能再修改。"
                okText="发布"
                cancelText="取消"
                onConfirm={() => move('published')}
              >
                <Button type="primary" loading={advance.isPending}>
                  发布纪要
                </Button>
              </Popconfirm>
            ) : null}
            <Button icon={<FilePdfOutlined />} loading={exporting} onClick={() => void exportPdf()}>
              导出会议纪要 PDF
            </Button>
          </>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="时间">{formatDateTime(m.startsAt)}</Descriptions.Item>
          <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
          <Descriptions.Item label="议程" span={2}>
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {m.agenda.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the agenda is an ordered list of plain strings
                <li key={i}>{item}</li>
              ))}
            </ol>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <AttendanceSection meeting={m} />
      <MinutesSection meeting={m} editing={editingMinutes} onEdit={() => setEditingMinutes(true)} onClose={() => setEditingMinutes(false)} />
      <ResolutionsSection meeting={m} />
    </>
  );
}
