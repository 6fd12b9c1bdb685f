import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditEntryView, auditActionLabel } from '../../../shared/audit';
import { type AuditListParams, useAuditLog, useVerifyAudit } from '../../lib/queries/audit';
import { CheckpointButtons, VerifyResult } from './audit-checkpoint';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';

const OBJECT_TYPES: Record<string, string> = {
  account: '账号',
  session: '登录会话',
  unit: '单位',
  post: '岗位任职',
  leading_group_member: '领导小组成员',
  rule: '规则',
  setting: '规则',
  audit_log: '审计日志',
  file: '文件',
  volunteer: '志愿者',
  notification: '消息',
  person: '本人',
};

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  shortName: '简称',
  address: '地址',
  phone: '电话',
  lng: '经度',
  lat: '纬度',
  intro: '简介',
  sort: '排序',
  archived: '已停用',
  disabled: '已停用',
  lockedUntil: '锁定至',
  holderName: '姓名',
  title: '职务',
  post: '岗位',
  groupRole: '组内职务',
  duty: '分工',
  value: '取值',
  displayName: '姓名',
  username: '账号',
  role: '角色',
  unitId: '单位',
  query: '查询条件',
  result: '校验结果',
  file: '文件',
  marked: '标记条数',
};

function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function Details({ entry }: { entry: AuditEntryView }) {
  const changes = Object.entries(entry.changes ?? {});
  return (
    <div style={{ padding: '4px 8px' }}>
      {changes.length > 0 ? (
        <table style={{ borderCollapse: 'collapse', marginBottom: 12, minWidth: 480 }}>
          <caption style={{ textAlign: 'start', fontWeight: 600, paddingBottom: 6 }}>变更内容</caption>
          <thead>
            <tr>
              <th scope="col" style={cell}>
                字段
              </th>
              <th scope="col" style={cell}>
                修改前
              </th>
              <th scope="col" style={cell}>
                修改后
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map(([field, { before, after }]) => (
              <tr key={field}>
                <th scope="row" style={{ ...cell, fontWeight: 400 }}>
                  {FIELD_LABELS[field] ?? field}
                </th>
                <td style={cell}>{showValue(before)}</td>
                <td style={cell}>
                  <span aria-hidden="true">→ </span>
                  {showValue(after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Typography.Paragraph type="secondary">此操作没有字段变更记录。</Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'seq', label: '序号', children: entry.seq ?? '待链接（刚写入，稍后计入审计链）' },
          { key: 'req', label: '请求编号', children: entry.requestId ?? '—' },
          { key: 'obj', label: '对象编号', children: entry.objectId ?? '—' },
          { key: 'hash', label: '链哈希', children: entry.hash ? <Typography.Text code>{entry.hash}</Typography.Text> : '待链接' },
        ]}
      />
    </div>
  );
}

const cell: React.CSSProperties = { border: '1px solid #e5e6eb', padding: '6px 10px', textAlign: 'start', verticalAlign: 'top' };

export default function AuditPage() {
  const [params, setParams] = useState<AuditListParams>({ page: 1, pageSize: 20 });
  const log = useAuditLog(params);
  const verify = useVerifyAudit();

  const columns: ColumnsType<AuditEntryView> = [
    { title: '时间', dataIndex: 'at', width: 176, render: (v: string) => formatDateTime(v) },
    { title: '操作人', dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '系统' },
    { title: '操作', dataIndex: 'action', width: 150, render: (v: string) => auditActionLabel(v) },
    {
      title: '对象',
      key: 'object',
      render: (_, e) =>
        e.objectType ? (
          <span>
            {OBJECT_TYPES[e.objectType] ?? e.objectType}
            {e.objectId ? <Typography.Text type="secondary"> {e.objectId.slice(0, 8)}</Typography.Text> : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 90,
      render: (v: AuditEntryView['outcome']) => (v === 'success' ? <ToneTag tone="green">成功</ToneTag> : <ToneTag tone="red">失败</ToneTag>),
    },
    { title: 'IP 地址', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title="审计日志"
        description="登录、账号、上传和各项修改操作都会记录在案，查阅和校验审计日志本身也会记录。每条记录与上一条以哈希相连，链头带签名；导出的检查点请保存在系统之外，用于核验末尾记录没有被截断。"
        extra={
          <Flex gap={8} wrap>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate(undefined)} loading={verify.isPending}>
              校验审计链
            </Button>
            <CheckpointButtons verify={verify} />
          </Flex>
        }
      />
      <div aria-live="polite">
        {verify.data ? <VerifyResult result={verify.data} /> : null}
        {verify.error ? <Alert type="error" showIcon title="校验失败" description={verify.error.message} style={{ marginBottom: 16 }} /> : null}
      </div>
      {log.error ? <Alert type="error" showIcon title="审计日志加载失败" description={log.error.message} style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部操作"
            aria-label="按操作筛选"
            style={{ width: 220 }}
            value={params.action}
            onChange={(action?: string) => setParams((p) => ({ ...p, action, page: 1 }))}
            options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
          />
          <Select
            allowClear
            placeholder="全部结果"
            aria-label="按结果筛选"
            style={{ width: 140 }}
            value={params.outcome}
            onChange={(outcome?: 'success' | 'failure') => setParams((p) => ({ ...p, outcome, page: 1 }))}
            options={[
              { value: 'success', label: '成功' },
              { value: 'failure', label: '失败' },
            ]}
          />
        </Flex>
        <Table<AuditEntryView>
          rowKey="pos"
          size="middle"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching}
          expandable={{ columnTitle: <span className="sr-only">详情</span>, expandedRowRender: (entry) => <Details entry={entry} /> }}
          scroll={{ x: 900 }}
          locale={{ emptyText: '没有符合条件的记录' }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
        />
      </Card>
    </>
  );
}
