import { Alert, App, Descriptions, Form, Input, InputNumber, Typography } from 'antd';
import { CorrectionInput, DecideInput, type ServiceRecordView } from '../../../shared/hours';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCorrectRecord, useDecideRecord } from '../../lib/queries/hours';
import { hoursText } from '../volunteers/volunteer-tags';

function RecordSummary({ record }: { record: ServiceRecordView }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'who', label: '志愿者', children: `${record.volunteerName}（${record.volunteerNo ?? '未编号'}）` },
        { key: 'what', label: '活动', children: record.title },
        { key: 'when', label: '服务日期', children: record.serviceDate },
        { key: 'hours', label: '时长', children: hoursText(record.hours) },
      ]}
    />
  );
}

/** 不予认定 needs a note the volunteer will see. */
export function RejectModal({ record, onClose }: { record: ServiceRecordView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const submit = useSubmit(form, useDecideRecord(), {
    input: (values) => ({ id: record.id, input: { decision: 'reject' as const, note: values.note.trim() } }),
    onDone: () => {
      message.success(`已不予认定：${record.volunteerName} ${record.title}`);
      onClose();
    },
    byCode: { 'hours.reason_required': 'note' },
  });
  const note = DecideInput.shape.note;

  return (
    <FormModal
      name="hours-reject"
      form={form}
      submit={submit}
      title="不予认定"
      okText="不予认定"
      okButtonProps={{ danger: true }}
      onClose={onClose}
      before={<RecordSummary record={record} />}
    >
      <Form.Item name="note" label="原因（志愿者能看到）" rules={rulesFrom(note, { required: '不予认定时请填写原因' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(note).maxLength} showCount placeholder="如：签到表上没有该志愿者；会议、值班不计入志愿服务时长" />
      </Form.Item>
    </FormModal>
  );
}

/** A counter-entry on an approved record: the original is never edited (办法; fake-hours prevention). */
export function CorrectionModal({ record, onClose }: { record: ServiceRecordView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ hoursDelta: number; reason: string }>();
  const submit = useSubmit(form, useCorrectRecord(), {
    input: (values) => ({ id: record.id, input: { hoursDelta: values.hoursDelta, reason: values.reason.trim() } }),
    onDone: () => {
      message.success('已提交更正记录，待另一位工作人员审核后生效');
      onClose();
    },
    byCode: { 'hours.correction_below_zero': 'hoursDelta' },
  });
  const delta = Form.useWatch('hoursDelta', form);
  const f = CorrectionInput.shape;
  const range = limitsOf(f.hoursDelta);

  return (
    <FormModal
      name="hours-correction"
      form={form}
      submit={submit}
      title="更正已认定的记录"
      okText="提交更正"
      onClose={onClose}
      before={
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="原记录不会被修改"
            description="已认定的时长不能直接改动。系统会新增一条「更正」记录（增加或扣减时长，写明原因），与原记录一起保留，经录入人以外的工作人员审核后计入。"
          />
          <RecordSummary record={record} />
        </>
      }
    >
      <Form.Item
        name="hoursDelta"
        label="更正时长（小时）"
        extra={
          typeof delta === 'number' && delta !== 0 ? (
            <Typography.Text>
              更正后合计：{hoursText(record.hours)} {delta > 0 ? '+' : '−'} {Math.abs(delta)} 小时 = <strong>{hoursText(record.hours + delta)}</strong>
            </Typography.Text>
          ) : (
            '少记了填正数（如 0.5），多记了填负数（如 -1.5）'
          )
        }
        rules={[
          ...rulesFrom(f.hoursDelta, { required: '请输入更正时长' }),
          {
            validator: async (_, v: number | undefined) => {
              if (v === 0) throw new Error('更正时长不能为 0');
              if (typeof v === 'number' && record.hours + v < 0) throw new Error('更正后时长不能小于 0');
            },
          },
        ]}
      >
        <InputNumber min={range.min} max={range.max} step={0.5} precision={2} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="reason" label="更正原因" rules={rulesFrom(f.reason, { required: '请填写更正原因' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(f.reason).maxLength} showCount placeholder="如：签退时间记错，实际服务到 11:30" />
      </Form.Item>
    </FormModal>
  );
}
