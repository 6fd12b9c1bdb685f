import { Alert, App, Button, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CareVisitInput } from '../../../shared/care';
import { limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useActivities } from '../../lib/queries/activities';
import { useAddCareVisit } from '../../lib/queries/care';
import { chinaIso } from '../orders/place-order-modal';

const NOTE = CareVisitInput.shape.note;

/** A visit, a call or an activity the recipient took part in, recorded on their page. */
export function VisitForm({ id, stationId }: { id: string; stationId: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'visit' | 'call' | 'activity'; at: Dayjs; note: string; activityId?: string }>();
  const kind = Form.useWatch('kind', form);
  const activities = useActivities({ unitId: stationId, pageSize: 100, from: dayjs().subtract(60, 'day').format('YYYY-MM-DD') }, kind === 'activity');
  const submit = useSubmit(form, useAddCareVisit(), {
    input: (v) => ({ id, input: { kind: v.kind, at: chinaIso(v.at), note: v.note.trim(), ...(v.kind === 'activity' ? { activityId: v.activityId } : {}) } }),
    onDone: (_, v) => {
      message.success(v.kind === 'visit' ? '已记录走访' : v.kind === 'call' ? '已记录电话联系' : '已关联活动');
      form.resetFields();
    },
  });

  return (
    <Form form={form} layout="vertical" name="care-visit" initialValues={{ kind: 'visit', at: dayjs() }} requiredMark="optional">
      {submit.error ? <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} /> : null}
      <Space wrap align="start">
        <Form.Item name="kind" label="方式" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'visit', label: '上门走访' },
              { value: 'call', label: '电话联系' },
              { value: 'activity', label: '参加活动' },
            ]}
          />
        </Form.Item>
        {kind === 'activity' ? (
          <Form.Item name="activityId" label="活动" rules={[{ required: true, message: '请选择活动' }]}>
            <Select
              style={{ minWidth: 280 }}
              loading={activities.isLoading}
              showSearch
              optionFilterProp="label"
              placeholder="本社区近两个月的活动"
              options={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${dayjs(a.startsAt).format('MM-DD')} ${a.title}` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="at" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label="情况记录" rules={rulesFrom(NOTE, { required: '请简要记录情况' })}>
        <Input.TextArea rows={3} maxLength={limitsOf(NOTE).maxLength} placeholder="身体和生活情况、提出的需求、需要跟进的事" />
      </Form.Item>
      <Button type="primary" onClick={submit.submit} loading={submit.pending}>
        保存记录
      </Button>
    </Form>
  );
}
