import { LinkOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Drawer, Empty, Flex, Grid, Image, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CITATION_KIND_LABELS, type Citation, citationHref } from '../../../shared/citations';
import { EVIDENCE_KINDS, STANDARDS, type StandardKey } from '../../../shared/rules/standards';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type Evidence, type StandardDetail, useUnitStandards } from '../../lib/queries/standards';
import { hasRole } from '../../lib/session';
import { fileUrl } from '../components/file-upload';
import { useAdminSession } from '../session-context';
import { AddEvidenceModal, ConfirmModal, WithdrawModal } from './evidence-forms';
import { SourceTag, StatusTag } from './labels';

/** Shown where a photo cannot be opened (a file outside what the viewer may open). */
const NO_PREVIEW = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="64"><rect width="96" height="64" fill="#f5f5f5"/><text x="48" y="37" font-size="12" text-anchor="middle" fill="#999">无法预览</text></svg>',
)}`;

function CitationLink({ c }: { c: Citation }) {
  const href = citationHref(c);
  const text = `${c.label}${c.at ? `（${c.at.length > 10 ? formatDateTime(c.at) : c.at}）` : ''}`;
  if (!href) return <Typography.Text>{text}</Typography.Text>;
  if (href.startsWith('/api/'))
    return (
      <a href={href} target="_blank" rel="noreferrer">
        {text}
      </a>
    );
  return <Link to={href}>{text}</Link>;
}

function Citations({ items }: { items: Citation[] }) {
  if (items.length === 0) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">依据（{items.length}）</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, maxHeight: 180, overflowY: 'auto' }}>
        {items.map((c) => (
          <li key={`${c.kind}-${c.id}`}>
            <Tag style={{ marginInlineEnd: 6 }}>{CITATION_KIND_LABELS[c.kind]}</Tag>
            <CitationLink c={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function EvidenceItem({ e, canWrite, onWithdraw }: { e: Evidence; canWrite: boolean; onWithdraw: () => void }) {
  const withdrawn = Boolean(e.withdrawnAt);
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', opacity: withdrawn ? 0.6 : 1 }}>
      <Flex justify="space-between" gap={8} wrap>
        <span>
          <Tag color={withdrawn ? 'default' : 'blue'}>{EVIDENCE_KINDS[e.kind]}</Tag>
          <Typography.Text delete={withdrawn}>{e.note}</Typography.Text>
        </span>
        {canWrite && !withdrawn ? (
          <Button size="small" type="link" danger onClick={onWithdraw}>
            撤回
          </Button>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.byName} · {formatDateTime(e.at)}
        {withdrawn ? ` · ${e.withdrawnByName ?? ''}于 ${formatDateTime(e.withdrawnAt)} 撤回：${e.withdrawReason ?? ''}` : ''}
      </Typography.Text>
      <Flex gap={8} wrap style={{ marginTop: 6 }}>
        <Image.PreviewGroup>
          {e.files
            .filter((f) => f.mime.startsWith('image/'))
            .map((f) => (
              <Image key={f.id} src={fileUrl(f.id)} alt={f.name} width={96} height={64} fallback={NO_PREVIEW} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
        </Image.PreviewGroup>
        {e.files
          .filter((f) => !f.mime.startsWith('image/'))
          .map((f) => (
            <a key={f.id} href={fileUrl(f.id)} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {f.name}
            </a>
          ))}
        {e.link ? (
          <a href={e.link} target="_blank" rel="noreferrer noopener">
            <LinkOutlined /> 链接
          </a>
        ) : null}
      </Flex>
    </div>
  );
}

interface Rights {
  canWrite: boolean;
  canConfirm: boolean;
}

function StandardBody({
  s,
  rights,
  onAdd,
  onConfirm,
  onWithdraw,
}: {
  s: StandardDetail;
  rights: Rights;
  onAdd: () => void;
  onConfirm: () => void;
  onWithdraw: (e: Evidence) => void;
}) {
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{s.reason}</Typography.Paragraph>
      <Citations items={s.citations} />
      {s.confirmable ? (
        <>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
            <Typography.Text strong>证明材料</Typography.Text>
            <Space wrap>
              {rights.canWrite ? (
                <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
                  提交材料
                </Button>
              ) : null}
              {rights.canConfirm ? (
                <Button size="small" type="primary" onClick={onConfirm}>
                  确认 / 不予确认
                </Button>
              ) : null}
            </Space>
          </Flex>
          {s.evidence.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有证明材料" /> : null}
          {s.evidence.map((e) => (
            <EvidenceItem key={e.id} e={e} canWrite={rights.canWrite} onWithdraw={() => onWithdraw(e)} />
          ))}
          <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
            确认记录
          </Typography.Text>
          {s.confirmations.length === 0 ? (
            <Typography.Text type="secondary">实践所尚未确认</Typography.Text>
          ) : (
            <Timeline
              items={s.confirmations.map((c, i) => ({
                key: c.id,
                color: c.decision === 'met' ? 'green' : 'red',
                content: (
                  <>
                    <Typography.Text strong={i === 0}>{c.decision === 'met' ? '确认达标' : '确认未达标'}</Typography.Text>
                    {i === 0 ? <Tag style={{ marginInlineStart: 6 }}>当前</Tag> : null}
                    <div>{c.reason}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.byName} · {formatDateTime(c.at)}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          )}
        </>
      ) : null}
    </>
  );
}

type Dialog = { type: 'add' | 'confirm'; standard: StandardKey } | { type: 'withdraw'; evidence: Evidence } | null;

/** One unit's eight standards: why, on which records, its evidence and the institute's decisions. */
export function UnitDrawer({ unitId, focus, onClose }: { unitId: string; focus?: StandardKey; onClose: () => void }) {
  const session = useAdminSession();
  const q = useUnitStandards(unitId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const narrow = Grid.useBreakpoint().md === false;
  const data = q.data;
  const isInstitute = hasRole(session, 'institute_admin');
  const rights: Rights = {
    canWrite: isInstitute || session.roles.some((g) => g.role === 'station_admin' && g.unitId === unitId),
    canConfirm: isInstitute,
  };
  return (
    <Drawer
      open
      title={data ? `${data.unitName} ·“八有”` : '“八有”详情'}
      onClose={onClose}
      size={narrow ? 'default' : 'large'}
      width={narrow ? '100%' : undefined}
      destroyOnHidden
    >
      {q.isPending ? <Skeleton active /> : null}
      {q.error ? <Alert type="error" showIcon title={errorMessage(q.error)} /> : null}
      {data ? (
        <Collapse
          defaultActiveKey={focus ? [focus] : data.standards.filter((s) => s.status !== 'met').map((s) => s.standard)}
          items={data.standards.map((s) => ({
            key: s.standard,
            label: (
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{STANDARDS[s.standard].label}</Typography.Text>
                <StatusTag status={s.status} />
                <SourceTag source={s.source} />
              </Flex>
            ),
            children: (
              <StandardBody
                s={s}
                rights={rights}
                onAdd={() => setDialog({ type: 'add', standard: s.standard })}
                onConfirm={() => setDialog({ type: 'confirm', standard: s.standard })}
                onWithdraw={(e) => setDialog({ type: 'withdraw', evidence: e })}
              />
            ),
          }))}
        />
      ) : null}
      {dialog?.type === 'add' ? <AddEvidenceModal unitId={unitId} standard={dialog.standard} onClose={() => setDialog(null)} /> : null}
      {dialog?.type === 'confirm' && data ? (
        <ConfirmModal unitId={unitId} unitName={data.unitName} standard={dialog.standard} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.type === 'withdraw' ? <WithdrawModal evidence={dialog.evidence} onClose={() => setDialog(null)} /> : null}
    </Drawer>
  );
}
