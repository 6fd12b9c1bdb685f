import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { downloadImportTemplate, type ImportReport, type UploadedFile, useImportVolunteers } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';

type Row = ImportReport['rows'][number];

/**
 * Roster import in four steps: template → dry run with each row's problems → the scan of the
 * signed registration forms (no consent, no record: 办法 第六条) → import of the valid rows.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const importer = useImportVolunteers();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [consent, setConsent] = useState<UploadedFile[]>([]);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  const ready = !!report && report.headerProblems.length === 0 && report.valid > 0;
  const current = result ? 3 : ready ? 2 : file ? 1 : 0;

  const check = (picked: File) => {
    setFile(picked);
    setReport(null);
    setError(null);
    importer.mutate({ file: picked }, { onSuccess: setReport, onError: (err) => setError(errorMessage(err)) });
  };

  const confirm = () => {
    if (!file || !consent[0]) return;
    setError(null);
    importer.mutate({ file, consentFileId: consent[0].id }, { onSuccess: setResult, onError: (err) => setError(errorMessage(err)) });
  };

  const template = async () => {
    setDownloading(true);
    try {
      await downloadImportTemplate();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  const problemRows = (report?.rows ?? []).filter((r) => r.problems.length > 0);

  return (
    <Modal
      open
      title="批量导入志愿者"
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
            <Button type="primary" disabled={!ready || consent.length === 0} loading={importer.isPending && !!consent[0]} onClick={confirm}>
              {ready ? `确认导入 ${report?.valid ?? 0} 名` : '确认导入'}
            </Button>
          </Space>
        )
      }
    >
      <Steps
        size="small"
        current={current}
        style={{ margin: '8px 0 20px' }}
        items={[{ title: '下载模板' }, { title: '上传名册检查' }, { title: '上传签字登记表' }, { title: '导入完成' }]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}

      {result ? (
        <Result
          status="success"
          title={`已导入 ${result.imported} 名志愿者`}
          subTitle={`导入的志愿者状态为「待审核」，审核通过后生成志愿者编号。${result.invalid ? `有 ${result.invalid} 行因存在问题未导入。` : ''}`}
        />
      ) : (
        <>
          <Typography.Paragraph>
            名册列与全国志愿服务信息系统一致：证件号码、手机号码请按文本填写；服务区域填所属实践站名称；「本人同意录入」填“是”，并保留本人签字的登记表。
          </Typography.Paragraph>
          <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
            <Button icon={<DownloadOutlined />} onClick={() => void template()} loading={downloading}>
              下载导入模板
            </Button>
            <Typography.Text type="secondary">先检查，不会写入；确认后才导入没有问题的行。</Typography.Text>
          </Flex>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            multiple={false}
            beforeUpload={(picked) => {
              if (!/\.xlsx$/i.test(picked.name)) {
                message.error('请上传 .xlsx 格式的名册（可先下载模板）');
                return Upload.LIST_IGNORE;
              }
              check(picked);
              return false;
            }}
            disabled={importer.isPending}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? `已选择：${file.name}（点击或拖入可更换）` : '点击或把填好的名册拖到这里'}</p>
            <p className="ant-upload-hint">只读取第一个工作表，最大 10 MB</p>
          </Upload.Dragger>

          {importer.isPending && !report ? <Alert type="info" showIcon title="正在检查名册…" style={{ marginTop: 16 }} /> : null}

          {report ? <ReportView report={report} rows={problemRows} /> : null}

          {ready ? (
            <div style={{ marginTop: 20 }}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                上传本人签字的登记表扫描件
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                工作人员代为登记必须有本人同意的记录（《志愿服务记录与证明出具办法（试行）》第六条）。请把这批人的签字登记表扫描或拍照，合并为一个 PDF
                或图片上传。
              </Typography.Paragraph>
              <FileUpload purpose="consent" max={1} value={consent} onChange={setConsent} buttonText="上传签字登记表" />
            </div>
          ) : null}
        </>
      )}
    </Modal>
  );
}

function ReportView({ report, rows }: { report: ImportReport; rows: Row[] }) {
  if (report.headerProblems.length) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginTop: 16 }}
        title="名册的表头与模板不一致，请使用导入模板"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {report.headerProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        }
      />
    );
  }
  return (
    <div style={{ marginTop: 16 }}>
      <Alert
        type={report.invalid ? (report.valid ? 'warning' : 'error') : 'success'}
        showIcon
        title={`共 ${report.total} 行：可导入 ${report.valid} 行，已登记跳过 ${report.existing} 行，有问题 ${report.invalid} 行`}
        description={
          report.invalid
            ? report.valid
              ? '有问题的行不会导入。可以修改名册后重新上传，或先导入没有问题的行。'
              : '没有可以导入的行，请按下表修改名册后重新上传。'
            : '检查通过，请上传签字登记表后确认导入。'
        }
      />
      {rows.length ? (
        <Table<Row>
          rowKey="rowNumber"
          size="small"
          style={{ marginTop: 12 }}
          pagination={rows.length > 10 ? { pageSize: 10 } : false}
          dataSource={rows}
          columns={[
            { title: '行号', dataIndex: 'rowNumber', width: 70 },
            { title: '姓名', dataIndex: 'name', width: 110, render: (n: string) => n || '—' },
            {
              title: '问题',
              dataIndex: 'problems',
              render: (problems: string[]) => (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
