import { DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { AuditCheckpointFile, type AuditVerifyView } from '../../../shared/audit';
import { formatDateTime } from '../../lib/format';
import { useExportCheckpoint, type useVerifyAudit } from '../../lib/queries/audit';
import { ToneTag } from '../components/tags';

/** Saves the checkpoint as a JSON file the institute keeps outside the system. */
function saveAsFile(cp: AuditCheckpointFile) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(cp, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `审计检查点-第${cp.seq}条-${cp.at.slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The pasted or chosen text as a checkpoint, or a Chinese reason it is not one. */
function parseCheckpoint(text: string): { cp: AuditCheckpointFile } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: '不是有效的 JSON，请粘贴导出的检查点文件的全部内容' };
  }
  const parsed = AuditCheckpointFile.safeParse(raw);
  return parsed.success ? { cp: parsed.data } : { error: '内容不是本系统导出的审计检查点（字段缺失或格式不符）' };
}

export function CheckpointButtons({ verify }: { verify: ReturnType<typeof useVerifyAudit> }) {
  const { message } = App.useApp();
  const exporter = useExportCheckpoint();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const exportNow = () =>
    exporter.mutate(undefined, {
      onSuccess: (cp) => {
        saveAsFile(cp);
        message.success(`已导出第 ${cp.seq} 条处的检查点，请保存在系统之外`);
      },
      onError: (e) => void message.error(e.message),
    });

  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };

  const submit = () => {
    const out = parseCheckpoint(text);
    if ('error' in out) return setError(out.error);
    setError(null);
    verify.mutate(out.cp, { onSuccess: () => setOpen(false) });
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={exportNow} loading={exporter.isPending}>
        导出检查点
      </Button>
      <Button icon={<FileProtectOutlined />} onClick={() => setOpen(true)}>
        用检查点核验
      </Button>
      <Modal
        title="用检查点核验审计链"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="核验"
        cancelText="取消"
        confirmLoading={verify.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">选择在系统之外保存的检查点文件，或粘贴其内容。</Typography.Paragraph>
        <input
          type="file"
          accept="application/json,.json"
          aria-label="选择检查点文件"
          onChange={(e) => void readFile(e.target.files?.[0])}
          style={{ marginBottom: 12, maxWidth: '100%' }}
        />
        <Input.TextArea
          aria-label="检查点内容"
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='{"format": "shijian-audit-checkpoint/1", …}'
        />
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      </Modal>
    </>
  );
}

const SOURCE = { recorded: '系统记录的检查点', provided: '提供的检查点' } as const;

export function VerifyResult({ result }: { result: AuditVerifyView }) {
  return (
    <div style={{ marginBottom: 16 }}>
      {result.ok ? (
        <Alert type="success" showIcon title={`共校验 ${result.checked} 条，审计链完整，链头签名有效`} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={`审计链在第 ${result.firstBrokenSeq ?? '?'} 条记录处出现问题`}
          description={`${result.reason ?? '记录内容与哈希不符'}（共校验 ${result.checked} 条）。请立即联系系统管理员核查。`}
        />
      )}
      <List
        size="small"
        style={{ marginTop: 8 }}
        header={<Typography.Text strong>链头签名与检查点</Typography.Text>}
        dataSource={[
          { key: 'head', ok: result.headSigned, label: '链头签名', message: result.headSigned ? '有效' : '不符：链头被改写过' },
          ...result.checkpoints.map((c, i) => ({
            key: `${c.source}-${i}`,
            ok: c.ok,
            label: `${SOURCE[c.source]}（${formatDateTime(c.at)}）`,
            message: c.message,
          })),
        ]}
        locale={{ emptyText: '尚未导出过检查点' }}
        renderItem={(item) => (
          <List.Item>
            <span>
              {item.ok ? <ToneTag tone="green">通过</ToneTag> : <ToneTag tone="red">不通过</ToneTag>} {item.label}：{item.message}
            </span>
          </List.Item>
        )}
      />
      {result.checkpoints.length === 0 ? <Typography.Text type="secondary">尚未导出过检查点。</Typography.Text> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {result.unlinked === 0
          ? '所有审计记录均已计入审计链。'
          : `另有 ${result.unlinked} 条记录已写入、尚未计入审计链（最早一条写于 ${formatDateTime(result.oldestUnlinkedAt ?? '')}，已等待 ${result.oldestUnlinkedSeconds ?? 0} 秒），计入前不在本次校验范围内。`}
      </Typography.Paragraph>
    </div>
  );
}
