import { QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ATTENDANCE_STATUSES, ATTENDEE_SOURCES } from '../../../shared/meetings';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type AttendeeView, type MeetingDetail, useMarkAttendance, useSignInToken } from '../../lib/queries/meetings';
import { SignInQrModal } from '../components/sign-in-qr';
import { type Tone, ToneTag } from '../components/tags';

const TONES: Record<AttendeeView['status'], Tone> = { pending: 'grey', present: 'green', absent: 'red' };

/** 签到: the list with each person's state; staff sign someone in or record an absence with its reason. */
export function AttendanceSection({ meeting }: { meeting: MeetingDetail }) {
  const { message } = App.useApp();
  const mark = useMarkAttendance();
  const [absent, setAbsent] = useState<AttendeeView | null>(null);
  const [reason, setReason] = useState('');
  const [showQr, setShowQr] = useState(false);
  const editable = meeting.canWrite && meeting.status !== 'published';

  const save = async (a: AttendeeView, status: AttendeeView['status'], why?: string) => {
    try {
      await mark.mutateAsync({ id: meeting.id, attendeeId: a.id, input: { status, ...(why ? { reason: why } : {}) } });
      message.success(status === 'present' ? `已为 ${a.name} 签到` : status === 'absent' ? `已登记 ${a.name} 缺席` : `已撤销 ${a.name} 的签到记录`);
      return true;
    } catch (err) {
      message.error(errorMessage(err));
      return false;
    }
  };

  return (
    <Card
      variant="borderless"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>参会与签到（{`${meeting.presentCount} / ${meeting.attendeeCount}`}）</h2>}
      extra={
        editable ? (
          <Button icon={<QrcodeOutlined />} onClick={() => setShowQr(true)}>
            签到二维码
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Table<AttendeeView>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={meeting.attendees}
        scroll={{ x: 640 }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          {
            title: '签到情况',
            key: 'status',
            width: 200,
            render: (_v, a) => (
              <>
                <ToneTag tone={TONES[a.status]}>{ATTENDANCE_STATUSES[a.status]}</ToneTag>
                {a.signedAt ? (
                  <Typography.Text type="secondary">
                    {formatDateTime(a.signedAt)} {a.method === 'self' ? '扫码' : '代签'}
                  </Typography.Text>
                ) : null}
                {a.absentReason ? <Typography.Text type="secondary">原因：{a.absentReason}</Typography.Text> : null}
              </>
            ),
          },
          { title: '身份', key: 'title', render: (_v, a) => a.title ?? ATTENDEE_SOURCES[a.source] },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 200,
                  render: (_v: unknown, a: AttendeeView) => (
                    <Space size={0} wrap>
                      {a.status !== 'present' ? (
                        <Button type="link" size="small" onClick={() => void save(a, 'present')}>
                          代为签到
                        </Button>
                      ) : null}
                      {a.status !== 'absent' ? (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => {
                            setReason('');
                            setAbsent(a);
                          }}
                        >
                          登记缺席
                        </Button>
                      ) : null}
                      {a.status !== 'pending' ? (
                        <Button type="link" size="small" onClick={() => void save(a, 'pending')}>
                          撤销
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {absent ? (
        <Modal
          open
          title={`登记缺席：${absent.name}`}
          okText="登记"
          cancelText="取消"
          confirmLoading={mark.isPending}
          okButtonProps={{ disabled: !reason.trim() }}
          onCancel={() => setAbsent(null)}
          onOk={async () => {
            if (await save(absent, 'absent', reason.trim())) setAbsent(null);
          }}
        >
          <label htmlFor="absent-reason">缺席原因</label>
          <Input
            id="absent-reason"
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            placeholder="如：出差、病假"
            style={{ marginTop: 8 }}
          />
        </Modal>
      ) : null}
      {showQr ? <SignInQr meeting={meeting} onClose={() => setShowQr(false)} /> : null}
    </Card>
  );
}

/** The room's screen: a QR code that changes every 30 seconds; attendees scan it with their phones. */
function SignInQr({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const token = useSignInToken(meeting.id, true);
  return (
    <SignInQrModal title={`会议签到：${meeting.title}`} alt="会议签到二维码" token={token} onClose={onClose}>
      参会人员用手机扫码签到（需登录本人账号），二维码每 30 秒自动更换。已签到 {meeting.presentCount} / {meeting.attendeeCount} 人。
    </SignInQrModal>
  );
}
