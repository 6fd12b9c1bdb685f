import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { BackfillInput } from '../../../shared/hours';
import { useBackfill } from '../../lib/queries/hours';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { VolunteerPicker } from '../components/volunteer-picker';
import { applyServerErrors } from '../form-errors';
import { useUnitOptions } from '../components/use-unit-options';
import { useUnits } from '../../lib/queries/org';

interface Values {
  volunteerId: string;
  unitId: string;
  title: string;
  serviceDate: Dayjs;
  startTime: Dayjs;
  endTime: Dayjs;
  place?: string;
  content: string;
  personInCharge?: string;
  evidence: UploadedFile[];
  reason: string;
}

/**
 * 补录: a service that happened but was not checked in (paper sign-in sheet, forgotten check-out).
 * 办法 第七条 fields, at least one piece of evidence and a reason; someone else approves it.
 */
export function BackfillModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const backfill = useBackfill();
  const units = useUnits();
  const { options: unitOptions } = useUnitOptions({ kinds: ['institute', 'station'] });

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    const input: BackfillInput = {
      volunteerId: values.volunteerId,
      unitId: values.unitId,
      title: values.title.trim(),
      serviceDate: values.serviceDate.format('YYYY-MM-DD'),
      startTime: values.startTime.format('HH:mm'),
      endTime: values.endTime.format('HH:mm'),
      ...(values.place?.trim() ? { place: values.place.trim() } : {}),
      content: values.content.trim(),
      ...(values.personInCharge?.trim() ? { personInCharge: values.personInCharge.trim() } : {}),
      evidenceFileIds: values.evidence.map((f) => f.id),
      reason: values.reason.trim(),
    };
    try {
      const record = await backfill.mutateAsync(input);
      message.success(`已补录 ${record.volunteerName} ${record.hours} 小时，待另一位工作人员审核${record.late ? '（逾期录入，需实践所审核）' : ''}`);
      onClose();
    } catch (err) {
      setError(
        applyServerErrors(
          form,
          err,
          {
            'hours.bad_time': 'endTime',
            'hours.future': 'serviceDate',
            'hours.overlap': 'startTime',
            'hours.volunteer_not_certified': 'volunteerId',
            'hours.evidence_missing': 'evidence',
          },
          { evidenceFileIds: 'evidence' },
        ),
      );
    }
  };

  return (
    <Modal open title="补录服务记录" okText="提交审核" onOk={submit} onCancel={onClose} confirmLoading={backfill.isPending} width={760} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">
        用于未能扫码签到的服务（纸质签到表、忘记签退等）。须上传签到表或现场照片，并写明补录原因；提交后由您以外的工作人员审核。活动结束 10 个工作日后才录入的，需实践所审核。
      </Typography.Paragraph>
      <Form<Values> name="hours-backfill" form={form} layout="vertical" requiredMark="optional" initialValues={{ evidence: [] }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="volunteerId" label="志愿者" rules={[{ required: true, message: '请选择志愿者' }]} extra="只能为已认证的志愿者补录">
              <VolunteerPicker
                onChange={(id, volunteer) => {
                  form.setFieldValue('volunteerId', id);
                  if (volunteer && !form.getFieldValue('unitId') && unitOptions.some((o) => o.value === volunteer.stationId)) {
                    form.setFieldValue('unitId', volunteer.stationId);
                  }
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="unitId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={units.isPending} placeholder="组织这次服务的实践所或实践站" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="title" label="活动 / 项目名称" rules={[{ required: true, whitespace: true, message: '请输入活动名称' }, { max: 80, message: '最多 80 个字' }]}>
              <Input maxLength={80} placeholder="如：共享邻里情·敬老助老" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="serviceDate" label="服务日期" rules={[{ required: true, message: '请选择服务日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} needConfirm={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="endTime"
              label="结束时间"
              dependencies={['startTime']}
              rules={[
                { required: true, message: '请选择结束时间' },
                ({ getFieldValue }) => ({
                  validator: async (_, end?: Dayjs) => {
                    const start = getFieldValue('startTime') as Dayjs | undefined;
                    if (start && end && !end.isAfter(start)) throw new Error('结束时间必须晚于开始时间');
                  },
                }),
              ]}
            >
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="content"
              label="服务内容"
              rules={[{ required: true, whitespace: true, message: '请填写服务内容' }, { max: 500, message: '最多 500 个字' }]}
              extra="只记录实际服务的时间；会议、值班、排练、团建不计入志愿服务（办法第十九条）。"
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="place" label="服务地点" rules={[{ max: 120, message: '最多 120 个字' }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="personInCharge" label="活动负责人" rules={[{ max: 32, message: '最多 32 个字' }]}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="evidence"
              label="证明材料"
              rules={[{ required: true, type: 'array', min: 1, message: '补录必须上传证明材料（照片或签到表）' }]}
              extra="签到表、现场照片等，JPG、PNG 或 PDF，每个不超过 10 MB，最多 9 个"
            >
              <FileUpload purpose="evidence" max={9} buttonText="上传证明材料" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="reason" label="补录原因" rules={[{ required: true, whitespace: true, message: '请填写补录原因' }, { max: 200, message: '最多 200 个字' }]}>
              <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：现场网络故障，使用纸质签到表" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
