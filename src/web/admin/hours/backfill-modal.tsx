import { App, Col, DatePicker, Form, Input, Row, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { BackfillInput } from '../../../shared/hours';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useBackfill } from '../../lib/queries/hours';
import { useUnits } from '../../lib/queries/org';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { useUnitOptions } from '../components/use-unit-options';
import { VolunteerPicker } from '../components/volunteer-picker';

const F = BackfillInput.shape;
const maxOf = (schema: Parameters<typeof limitsOf>[0]) => limitsOf(schema).maxLength;

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

const inputOf = (values: Values): BackfillInput => ({
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
});

/**
 * 补录: a service that happened but was not checked in (paper sign-in sheet, forgotten check-out).
 * 办法 第七条 fields, at least one piece of evidence and a reason; someone else approves it.
 */
export function BackfillModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const { options: unitOptions } = useUnitOptions({ kinds: ['institute', 'station'] });
  // The picked volunteer's station fills 组织单位 once it is among the units this person may pick,
  // whichever arrives first: the pick or the unit list.
  const [pickedStation, setPickedStation] = useState<string>();
  useEffect(() => {
    if (pickedStation && !form.getFieldValue('unitId') && unitOptions.some((o) => o.value === pickedStation)) form.setFieldValue('unitId', pickedStation);
  }, [form, pickedStation, unitOptions]);
  const submit = useSubmit(form, useBackfill(), {
    input: inputOf,
    onDone: (record) => {
      message.success(`已补录 ${record.volunteerName} ${record.hours} 小时，待另一位工作人员审核${record.late ? '（逾期录入，需实践所审核）' : ''}`);
      onClose();
    },
    byCode: {
      'hours.bad_time': 'endTime',
      'hours.future': 'serviceDate',
      'hours.overlap': 'startTime',
      'hours.volunteer_not_certified': 'volunteerId',
      'hours.evidence_missing': 'evidence',
    },
    aliases: { evidenceFileIds: 'evidence' },
  });

  return (
    <FormModal
      name="hours-backfill"
      form={form}
      submit={submit}
      title="补录服务记录"
      okText="提交审核"
      onClose={onClose}
      width={760}
      mask={{ closable: false }}
      requiredMark="optional"
      initialValues={{ evidence: [] }}
      before={
        <Typography.Paragraph type="secondary">
          用于未能扫码签到的服务（纸质签到表、忘记签退等）。须上传签到表或现场照片，并写明补录原因；提交后由您以外的工作人员审核。活动结束 10
          个工作日后才录入的，需实践所审核。
        </Typography.Paragraph>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="volunteerId" label="志愿者" rules={[{ required: true, message: '请选择志愿者' }]} extra="只能为已认证的志愿者补录">
            <VolunteerPicker
              onChange={(id, volunteer) => {
                form.setFieldValue('volunteerId', id);
                setPickedStation(volunteer?.stationId);
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
          <Form.Item name="title" label="活动 / 项目名称" rules={rulesFrom(F.title, { required: '请输入活动名称' })}>
            <Input maxLength={maxOf(F.title)} placeholder="如：共享邻里情·敬老助老" />
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
            rules={rulesFrom(F.content, { required: '请填写服务内容' })}
            extra="只记录实际服务的时间；会议、值班、排练、团建不计入志愿服务（办法第十九条）。"
          >
            <Input.TextArea rows={3} maxLength={maxOf(F.content)} showCount />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="place" label="服务地点" rules={rulesFrom(F.place)}>
            <Input maxLength={maxOf(F.place)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="personInCharge" label="活动负责人" rules={rulesFrom(F.personInCharge)}>
            <Input maxLength={maxOf(F.personInCharge)} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="evidence"
            label="证明材料"
            rules={[{ required: true, type: 'array', min: limitsOf(F.evidenceFileIds).minLength, message: '补录必须上传证明材料（照片或签到表）' }]}
            extra="签到表、现场照片等，JPG、PNG 或 PDF，每个不超过 10 MB，最多 9 个"
          >
            <FileUpload purpose="evidence" max={maxOf(F.evidenceFileIds)} buttonText="上传证明材料" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reason" label="补录原因" rules={rulesFrom(F.reason, { required: '请填写补录原因' })}>
            <Input.TextArea rows={2} maxLength={maxOf(F.reason)} showCount placeholder="如：现场网络故障，使用纸质签到表" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
