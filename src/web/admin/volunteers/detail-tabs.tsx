import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AwardInput, type ServiceRecordView, TrainingInput } from '../../../shared/hours';
import type { VolunteerView } from '../../../shared/volunteers';
import { type AwardView, type TrainingView, useAddAward, useAddTraining, useAwards, useHours, useTraining } from '../../lib/queries/hours';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { hoursText, LateTag, RecordStatusTag, SourceTag } from './volunteer-tags';

// ---------------------------------------------------------------- records

export function RecordsTab({ volunteer }: { volunteer: VolunteerView }) {
  const [page, setPage] = useState(1);
  const records = useHours({ page, pageSize: 10, volunteerId: volunteer.id });
  const columns: ColumnsType<ServiceRecordView> = [
    { title: '服务日期', dataIndex: 'serviceDate', width: 110 },
    { title: '活动 / 项目', dataIndex: 'title', render: (t: string, r) => (r.correctsId ? `更正：${t}` : t) },
    { title: '组织单位', dataIndex: 'organiserName', width: 200 },
    { title: '时长', dataIndex: 'hours', width: 100, align: 'right', render: (h: number, r) => hoursText(h, r.source === 'correction') },
    { title: '来源', dataIndex: 'source', width: 80, render: (s: ServiceRecordView['source']) => <SourceTag source={s} /> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 200,
      render: (s: ServiceRecordView['status'], r) => (
        <>
          <RecordStatusTag status={s} />
          {r.late && s === 'pending' ? <LateTag /> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">这位志愿者的全部服务记录（含待审核和未通过的）。审核、补录和更正请到「服务记录」。</Typography.Text>
        <Link to={`/admin/hours?volunteerId=${encodeURIComponent(volunteer.id)}&volunteerName=${encodeURIComponent(volunteer.name)}`}>在服务记录中查看</Link>
      </Flex>
      {records.error ? <Alert type="error" showIcon title="服务记录加载失败" description={records.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<ServiceRecordView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={records.data?.items ?? []}
        loading={records.isFetching}
        scroll={{ x: 820 }}
        locale={{ emptyText: '暂无服务记录' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: records.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
          showTotal: (t) => (records.data?.totalCapped ? `超过 ${t} 条` : `共 ${t} 条`),
        }}
      />
    </>
  );
}

// ---------------------------------------------------------------- training (办法 第八条)

interface TrainingValues {
  name: string;
  content?: string;
  hours: number;
  organiser: string;
  heldOn: Dayjs;
}

export function TrainingTab({ volunteer }: { volunteer: VolunteerView }) {
  const training = useTraining(volunteer.id);
  const [adding, setAdding] = useState(false);
  const columns: ColumnsType<TrainingView> = [
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    { title: '培训名称', dataIndex: 'name', width: 220 },
    { title: '内容', dataIndex: 'content', render: (c: string | null) => c ?? '—' },
    { title: '时长', dataIndex: 'hours', width: 90, align: 'right', render: (h: number) => hoursText(h) },
    { title: '举办单位', dataIndex: 'organiser', width: 200 },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">参加培训的名称、内容、时长、举办单位和日期（办法第八条）。培训时长不计入服务时长。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          新增培训记录
        </Button>
      </Flex>
      {training.error ? <Alert type="error" showIcon title="培训记录加载失败" description={training.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<TrainingView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={training.data ?? []}
        loading={training.isPending}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: '暂无培训记录' }}
      />
      {adding ? <TrainingModal volunteer={volunteer} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function TrainingModal({ volunteer, onClose }: { volunteer: VolunteerView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TrainingValues>();
  const submit = useSubmit(form, useAddTraining(), {
    input: (values) => ({
      volunteerId: volunteer.id,
      input: {
        name: values.name.trim(),
        ...(values.content?.trim() ? { content: values.content.trim() } : {}),
        hours: values.hours,
        organiser: values.organiser.trim(),
        heldOn: values.heldOn.format('YYYY-MM-DD'),
      },
    }),
    onDone: () => {
      message.success('已新增培训记录');
      onClose();
    },
  });
  const f = TrainingInput.shape;
  const hours = limitsOf(f.hours);

  return (
    <FormModal name="training" form={form} submit={submit} title={`新增培训记录：${volunteer.name}`} onClose={onClose} requiredMark="optional">
      <Form.Item name="name" label="培训名称" rules={rulesFrom(f.name, { required: '请输入培训名称' })}>
        <Input maxLength={limitsOf(f.name).maxLength} placeholder="如：志愿服务通用知识培训" />
      </Form.Item>
      <Form.Item name="content" label="培训内容" rules={rulesFrom(f.content)}>
        <Input.TextArea rows={3} maxLength={limitsOf(f.content).maxLength} showCount />
      </Form.Item>
      <Form.Item name="hours" label="时长（小时）" rules={rulesFrom(f.hours, { required: '请输入时长' })}>
        <InputNumber min={0.1} max={hours.max} step={0.5} precision={2} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="organiser" label="举办单位" rules={rulesFrom(f.organiser, { required: '请输入举办单位' })}>
        <Input maxLength={limitsOf(f.organiser).maxLength} />
      </Form.Item>
      <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

// ---------------------------------------------------------------- awards (办法 第九条)

interface AwardValues {
  name: string;
  level?: string;
  issuer: string;
  awardedOn: Dayjs;
}

export function AwardsTab({ volunteer }: { volunteer: VolunteerView }) {
  const awards = useAwards(volunteer.id);
  const [adding, setAdding] = useState(false);
  const columns: ColumnsType<AwardView> = [
    { title: '日期', dataIndex: 'awardedOn', width: 110 },
    { title: '表彰名称', dataIndex: 'name' },
    { title: '级别', dataIndex: 'level', width: 120, render: (l: string | null) => l ?? '—' },
    { title: '授予单位', dataIndex: 'issuer', width: 220 },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">志愿者获得的表彰奖励（办法第九条）。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          新增表彰记录
        </Button>
      </Flex>
      {awards.error ? <Alert type="error" showIcon title="表彰记录加载失败" description={awards.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<AwardView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={awards.data ?? []}
        loading={awards.isPending}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: '暂无表彰记录' }}
      />
      {adding ? <AwardModal volunteer={volunteer} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function AwardModal({ volunteer, onClose }: { volunteer: VolunteerView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AwardValues>();
  const submit = useSubmit(form, useAddAward(), {
    input: (values) => ({
      volunteerId: volunteer.id,
      input: {
        name: values.name.trim(),
        ...(values.level?.trim() ? { level: values.level.trim() } : {}),
        issuer: values.issuer.trim(),
        awardedOn: values.awardedOn.format('YYYY-MM-DD'),
      },
    }),
    onDone: () => {
      message.success('已新增表彰记录');
      onClose();
    },
  });
  const f = AwardInput.shape;

  return (
    <FormModal name="award" form={form} submit={submit} title={`新增表彰记录：${volunteer.name}`} onClose={onClose} requiredMark="optional">
      <Form.Item name="name" label="表彰名称" rules={rulesFrom(f.name, { required: '请输入表彰名称' })}>
        <Input maxLength={limitsOf(f.name).maxLength} placeholder="如：优秀志愿者" />
      </Form.Item>
      <Form.Item name="level" label="级别" rules={rulesFrom(f.level)}>
        <Input maxLength={limitsOf(f.level).maxLength} placeholder="如：区级、街道级" />
      </Form.Item>
      <Form.Item name="issuer" label="授予单位" rules={rulesFrom(f.issuer, { required: '请输入授予单位' })}>
        <Input maxLength={limitsOf(f.issuer).maxLength} />
      </Form.Item>
      <Form.Item name="awardedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
