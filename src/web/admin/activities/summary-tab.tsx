import { Alert, App, Button, Descriptions, Empty, Form, Image, Input, InputNumber, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { type ActivityView, useSignups, useSubmitSummary, useSummary } from '../../lib/queries/activities';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload, fileUrl } from '../components/file-upload';
import { ToneTag } from '../components/tags';
import { ActivityBonusButton } from '../points/activity-bonus';
import { applyServerErrors } from '../../lib/form';

interface SummaryValues {
  servedCount: number;
  notes: string;
  photos: UploadedFile[];
}

/** 活动总结: written once after the activity ended, read-only afterwards. */
export function SummaryTab({ activity }: { activity: ActivityView }) {
  const bonus = activity.canManage ? (
    <div style={{ marginBottom: 16 }}>
      <ActivityBonusButton activityId={activity.id} title={activity.title} />
    </div>
  ) : null;
  if (activity.status === 'summarised')
    return (
      <>
        {bonus}
        <SummaryView activity={activity} />
      </>
    );
  if (activity.status === 'ended')
    return (
      <>
        {bonus}
        <SummaryForm activity={activity} />
      </>
    );
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={activity.status === 'cancelled' ? '活动已取消，无需总结' : '活动结束后在这里填写总结：服务人数、活动情况和现场照片。'}
    />
  );
}

function SummaryView({ activity }: { activity: ActivityView }) {
  const summary = useSummary(activity.id);
  if (summary.isPending) return <Skeleton active />;
  if (summary.error) return <Alert type="error" showIcon title="活动总结加载失败" description={summary.error.message} />;
  const s = summary.data;
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        {
          key: 'at',
          label: '提交时间',
          children: (
            <Space size={8}>
              {formatDateTime(s.submittedAt).slice(0, 16)}
              {s.late ? <ToneTag tone="red">逾期提交</ToneTag> : <ToneTag tone="green">按时提交</ToneTag>}
            </Space>
          ),
        },
        { key: 'served', label: '服务人数', children: `${s.servedCount} 人` },
        { key: 'notes', label: '活动情况', children: <span style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</span> },
        {
          key: 'photos',
          label: '现场照片',
          children: s.photoFileIds.length ? (
            <Image.PreviewGroup>
              <Space wrap>
                {s.photoFileIds.map((id, i) => (
                  <Image key={id} src={fileUrl(id)} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6 }} alt={`现场照片 ${i + 1}`} />
                ))}
              </Space>
            </Image.PreviewGroup>
          ) : (
            '未上传'
          ),
        },
      ]}
    />
  );
}

function SummaryForm({ activity }: { activity: ActivityView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SummaryValues>();
  const submit = useSubmitSummary();
  const signups = useSignups(activity.id);
  const [error, setError] = useState<string | null>(null);
  const attended = (signups.data ?? []).filter((s) => s.checkins.length > 0).length;

  const save = async (v: SummaryValues) => {
    setError(null);
    try {
      await submit.mutateAsync({ id: activity.id, servedCount: v.servedCount, notes: v.notes.trim(), photoFileIds: (v.photos ?? []).map((p) => p.id) });
      message.success('活动总结已提交');
    } catch (err) {
      setError(applyServerErrors(form, err, { 'hours.evidence_missing': 'photos' }));
    }
  };

  return (
    <Form<SummaryValues>
      form={form}
      name="summary"
      layout="vertical"
      requiredMark="optional"
      onFinish={save}
      initialValues={{ photos: [] }}
      style={{ maxWidth: 720 }}
    >
      {activity.summaryOverdue ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title="已超过总结期限，提交后会标记为逾期" /> : null}
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} /> : null}
      <Form.Item
        name="servedCount"
        label="服务群众人数"
        extra={signups.data ? `签到的志愿者 ${attended} 人（不含在服务人数内）` : undefined}
        rules={[{ required: true, type: 'number', min: 0, max: 100000, message: '请填写服务人数' }]}
      >
        <InputNumber min={0} max={100000} addonAfter="人" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="notes"
        label="活动情况"
        rules={[
          { required: true, whitespace: true, message: '请填写活动情况' },
          { max: 2000, message: '最多 2000 个字' },
        ]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount placeholder="活动开展情况、群众反响、存在的问题等" />
      </Form.Item>
      <Form.Item name="photos" label="现场照片" extra="JPG、PNG，最多 9 张">
        <FileUpload purpose="photo" max={9} buttonText="上传照片" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交总结
      </Button>
    </Form>
  );
}
