import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Result, Select, Space, Table, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { downloadHoursNational, type HoursImportReport, useImportHours } from '../../lib/queries/hours';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { useUnitOptions } from '../components/use-unit-options';

interface ExportValues {
  unitId: string;
  period: [Dayjs, Dayjs];
  reason: string;
}

/**
 * 导出（全国系统格式）(issue 12): approved hours of a unit for a period (≤ 1 year), the national
 * columns with full ID numbers; the reason goes into the audit log with the row count.
 */
export function HoursNationalExportDialog({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExportValues>();
  const { options } = useUnitOptions({ kinds: ['institute', 'station'] });
  const [busy, setBusy] = useState(false);

  const submit = async (v: ExportValues) => {
    setBusy(true);
    try {
      const name = await downloadHoursNational({
        unitId: v.unitId,
        from: v.period[0].format('YYYY-MM-DD'),
        to: v.period[1].format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      });
      message.success(`已导出：${name}`);
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="导出服务时长（全国系统格式）"
      okText="导出"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="文件含完整证件号码"
        description="导出所选期间已认定的服务记录（更正已并入原记录），按全国志愿服务信息系统的列顺序。导出原因、行数和导出人记入审计日志。"
      />
      <Form<ExportValues> form={form} layout="vertical" name="hours-national-export" onFinish={(v) => void submit(v)}>
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select options={options} placeholder="选择实践所或实践站" showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="period"
          label="服务日期（最长 1 年）"
          rules={[
            { required: true, message: '请选择服务日期范围' },
            { validator: (_, v?: [Dayjs, Dayjs]) => (v && v[1].diff(v[0], 'day') > 366 ? Promise.reject(new Error('最长 1 年')) : Promise.resolve()) },
          ]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="导出原因"
          rules={[
            { required: true, whitespace: true, message: '请填写导出原因' },
            { min: 4, message: '导出原因至少 4 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：2026 年 11 月服务时长上报全国系统" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Row = HoursImportReport['rows'][number];

/** 导入工时: upload → dry run with each row's reasons → evidence → 确认导入 (pending backfills, approved by someone else). */
export function HoursImportModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const importer = useImportHours();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<HoursImportReport | null>(null);
  const [evidence, setEvidence] = useState<UploadedFile[]>([]);
  const [result, setResult] = useState<HoursImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ready = !!report && report.headerProblems.length === 0 && report.valid > 0;

  const check = (picked: File) => {
    setFile(picked);
    setReport(null);
    setError(null);
    importer.mutate({ file: picked }, { onSuccess: setReport, onError: (err) => setError(errorMessage(err)) });
  };
  const confirm = () => {
    if (!file || !evidence[0]) return;
    importer.mutate({ file, evidenceFileId: evidence[0].id }, { onSuccess: setResult, onError: (err) => setError(errorMessage(err)) });
  };

  return (
    <Modal
      open
      title="导入工时（全国系统格式）"
      width={820}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!ready || evidence.length === 0} loading={importer.isPending && !!evidence[0]} onClick={confirm}>
              {ready ? `确认导入 ${report?.valid ?? 0} 条` : '确认导入'}
            </Button>
          </Space>
        )
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {result ? (
        <Result status="success" title={`已导入 ${result.imported} 条服务记录`} subTitle="导入的记录为「待审核」的补录记录，须由导入人以外的工作人员审核。" />
      ) : (
        <>
          <Typography.Paragraph>按证件号码匹配本人管辖范围内的志愿者。先检查，不会写入；确认后只导入没有问题的行。</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            multiple={false}
            disabled={importer.isPending}
            beforeUpload={(picked) => {
              if (!/\.xlsx$/i.test(picked.name)) {
                message.error('请上传 .xlsx 格式的表格');
                return Upload.LIST_IGNORE;
              }
              check(picked);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? `已选择：${file.name}（点击或拖入可更换）` : '点击或把全国系统格式的工时表拖到这里'}</p>
          </Upload.Dragger>
          {report ? <ImportReportView report={report} /> : null}
          {ready ? (
            <div style={{ marginTop: 20 }}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                上传证明材料
              </Typography.Title>
              <Typography.Paragraph type="secondary">没有证明材料不能录入时长：请上传这批服务的签到表扫描件或照片。</Typography.Paragraph>
              <FileUpload purpose="evidence" max={1} value={evidence} onChange={setEvidence} buttonText="上传证明材料" />
            </div>
          ) : null}
        </>
      )}
    </Modal>
  );
}

function ImportReportView({ report }: { report: HoursImportReport }) {
  if (report.headerProblems.length)
    return <Alert type="error" showIcon style={{ marginTop: 16 }} title="表头与全国系统格式不一致" description={report.headerProblems.join('；')} />;
  const rows = report.rows.filter((r) => r.problems.length > 0);
  return (
    <div style={{ marginTop: 16 }}>
      <Alert
        type={report.invalid ? (report.valid ? 'warning' : 'error') : 'success'}
        showIcon
        title={`共 ${report.total} 行：可导入 ${report.valid} 行，有问题 ${report.invalid} 行`}
        description={report.invalid ? '有问题的行不会导入。' : '检查通过，请上传证明材料后确认导入。'}
      />
      {rows.length ? (
        <Table<Row>
          rowKey="rowNumber"
          size="small"
          style={{ marginTop: 12 }}
          pagination={rows.length > 10 ? { pageSize: 10 } : false}
          dataSource={rows}
          scroll={{ x: 480 }}
          columns={[
            { title: '行号', dataIndex: 'rowNumber', width: 70 },
            { title: '姓名', dataIndex: 'name', width: 100, render: (n: string) => n || '—' },
            { title: '原因', dataIndex: 'problems', render: (p: string[]) => p.join('；') },
          ]}
        />
      ) : null}
    </div>
  );
}
