import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { UpdateMeetingInput } from '../../../shared/meetings';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type MeetingDetail, useUpdateMeeting } from '../../lib/queries/meetings';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload, fileUrl } from '../components/file-upload';

const U = UpdateMeetingInput.shape;

interface Values {
  minutes?: string;
  attachments: UploadedFile[];
}

/** 会议纪要 and the attachments (materials, sign-in sheets, photos): read here, edited in a modal until published. */
export function MinutesSection({ meeting, editing, onEdit, onClose }: { meeting: MeetingDetail; editing: boolean; onEdit: () => void; onClose: () => void }) {
  const editable = meeting.canWrite && meeting.status !== 'published';
  return (
    <Card
      variant="borderless"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>会议纪要与附件</h2>}
      extra={editable ? <Button onClick={onEdit}>{meeting.minutes ? '编辑纪要' : '填写纪要'}</Button> : null}
      style={{ marginBottom: 16 }}
    >
      {meeting.minutes ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 12 }}>{meeting.minutes}</Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">尚未填写纪要。{meeting.status === 'planned' ? '会议召开后填写。' : ''}</Typography.Paragraph>
      )}
      {meeting.attachments.length ? (
        <Flex vertical gap={4}>
          <Typography.Text strong>附件</Typography.Text>
          {meeting.attachments.map((f) => (
            <a key={f.id} href={fileUrl(f.id)} target="_blank" rel="noreferrer">
              {f.name}
            </a>
          ))}
        </Flex>
      ) : null}
      {editing ? <MinutesModal meeting={meeting} onClose={onClose} /> : null}
    </Card>
  );
}

function MinutesModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateMeeting();
  const submit = useSubmit(form, update, {
    input: (v) => ({ id: meeting.id, input: { minutes: v.minutes?.trim() ? v.minutes.trim() : null, attachmentFileIds: v.attachments.map((f) => f.id) } }),
    onDone: () => {
      message.success('纪要已保存');
      onClose();
    },
    byCode: { 'meetings.bad_file': 'attachments' },
  });
  return (
    <FormModal
      name="minutes"
      form={form}
      submit={submit}
      title={`会议纪要：${meeting.title}`}
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      width={760}
      mask={{ closable: false }}
      initialValues={{ minutes: meeting.minutes ?? '', attachments: meeting.attachments }}
    >
      <Form.Item name="minutes" label="纪要正文" rules={rulesFrom(U.minutes)} extra="发布后不能再修改；议定事项在下方单独登记，便于督办。">
        <Input.TextArea rows={12} maxLength={limitsOf(U.minutes).maxLength} showCount placeholder="会议听取了……，研究了……，会议认为……" />
      </Form.Item>
      <Form.Item name="attachments" label="附件" extra="会议材料、签到表、现场照片；JPG、PNG 或 PDF，每个不超过 10 MB。">
        <FileUpload purpose="evidence" max={20} buttonText="上传附件" />
      </Form.Item>
    </FormModal>
  );
}
