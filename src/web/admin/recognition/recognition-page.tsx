import { Alert, Button, Card, Flex, Segmented, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AwardView, BenefitView, MilestoneView } from '../../../shared/recognition';
import * as endpoints from '../../../shared/recognition.endpoints';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { urlFor } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAwards, useBenefits, useHonourList } from '../../lib/queries/recognition';
import { hasRole } from '../../lib/session';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { useAdminSession } from '../session-context';
import { BenefitModal, GiveAwardModal, RecordConsentModal, RevokeAwardModal } from './recognition-modals';

/** 表彰礼遇: awards (give, certificate, revoke), the year's milestones and honour list, the 礼遇 catalogue. */
export default function RecognitionPage() {
  const session = useAdminSession();
  const canManage = hasRole(session, 'institute_admin', 'station_admin');
  const [giving, setGiving] = useState(false);
  const [consenting, setConsenting] = useState(false);
  return (
    <>
      <PageHeader
        title="表彰礼遇"
        description={
          <>
            表彰志愿者和志愿服务队伍、查看星级晋升与年度荣誉榜、维护星级志愿者礼遇目录。志愿者同意后，表彰才出现在
            <Link to="/honours" target="_blank" style={{ textDecoration: 'underline' }}>
              门户光荣榜
            </Link>
            。
          </>
        }
        extra={
          canManage ? (
            <Flex gap={8} wrap>
              <Button onClick={() => setConsenting(true)}>登记公开意愿</Button>
              <Button type="primary" onClick={() => setGiving(true)}>
                颁发表彰
              </Button>
            </Flex>
          ) : null
        }
      />
      <Tabs
        items={[
          { key: 'awards', label: '表彰', children: <AwardsTab canManage={canManage} /> },
          { key: 'honours', label: '年度荣誉榜', children: <HonoursTab /> },
          { key: 'benefits', label: '礼遇目录', children: <BenefitsTab canEdit={hasRole(session, 'institute_admin')} /> },
        ]}
      />
      {giving ? <GiveAwardModal onClose={() => setGiving(false)} /> : null}
      {consenting ? <RecordConsentModal onClose={() => setConsenting(false)} /> : null}
    </>
  );
}

const years = () => {
  const y = new Date().getFullYear();
  return [String(y), String(y - 1), String(y - 2)];
};

function AwardsTab({ canManage }: { canManage: boolean }) {
  const [page, setPage] = useState(1);
  const [revoking, setRevoking] = useState<AwardView | null>(null);
  const list = useAwards({ page, pageSize: 20 });
  const columns: ColumnsType<AwardView> = [
    {
      title: '获得者',
      dataIndex: 'recipientName',
      width: 180,
      render: (name: string, a) => (
        <Flex vertical>
          {a.volunteerId ? <Link to={`/admin/volunteers/${a.volunteerId}`}>{name}</Link> : <Link to={`/admin/teams/${a.teamId}`}>{name}</Link>}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {a.recipientKind === 'team' ? '队伍' : '志愿者'} · {a.unitName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '荣誉', dataIndex: 'title', width: 180 },
    { title: '级别', dataIndex: 'level', width: 90 },
    { title: '授予单位', dataIndex: 'grantedBy', width: 180 },
    { title: '日期', dataIndex: 'awardedOn', width: 120 },
    {
      title: '状态',
      key: 'status',
      width: 160,
      render: (_: unknown, a) =>
        a.revoked ? (
          <ToneTag tone="red" wrap>
            已撤销：{a.revokeReason}
          </ToneTag>
        ) : (
          <ToneTag tone="green">有效</ToneTag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_: unknown, a) =>
        a.revoked ? null : (
          <Flex gap={8}>
            <a href={a.pdfUrl} target="_blank" rel="noopener">
              证书 PDF
            </a>
            {canManage ? (
              <Button type="link" danger size="small" onClick={() => setRevoking(a)} style={{ padding: 0 }}>
                撤销
              </Button>
            ) : null}
          </Flex>
        ),
    },
  ];
  return (
    <Card variant="borderless">
      {list.error ? <Alert type="error" showIcon title="表彰加载失败" description={list.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<AwardView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
        locale={{ emptyText: '还没有表彰记录' }}
      />
      {revoking ? <RevokeAwardModal award={revoking} onClose={() => setRevoking(null)} /> : null}
    </Card>
  );
}

function HonoursTab() {
  const [year, setYear] = useState(years()[0]);
  const list = useHonourList(year);
  const awardColumns: ColumnsType<AwardView> = [
    { title: '单位', dataIndex: 'unitName', width: 180 },
    { title: '获得者', dataIndex: 'recipientName', width: 160 },
    { title: '荣誉', dataIndex: 'title', width: 180 },
    { title: '级别', dataIndex: 'level', width: 90 },
    { title: '日期', dataIndex: 'awardedOn', width: 120 },
  ];
  const msColumns: ColumnsType<MilestoneView> = [
    { title: '实践站', dataIndex: 'stationName', width: 180 },
    { title: '志愿者', dataIndex: 'name', width: 140, render: (n: string, m) => <Link to={`/admin/volunteers/${m.volunteerId}`}>{n}</Link> },
    { title: '达到星级', dataIndex: 'level', width: 120, render: (l: number) => `${STAR_NAMES[l]}志愿者` },
    { title: '累计时长', dataIndex: 'hours', width: 110, align: 'right', render: (h: number) => `${h} 小时` },
    { title: '晋升时间', dataIndex: 'at', width: 170, render: (t: string) => formatDateTime(t) },
  ];
  return (
    <Card variant="borderless">
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Segmented aria-label="年度" value={year} onChange={(v) => setYear(String(v))} options={years().map((y) => ({ value: y, label: `${y} 年` }))} />
        <ExportButton url={urlFor(endpoints.exportHonourList, { query: { year } })} fileName={`${year}年度荣誉榜.xlsx`} />
      </Flex>
      {list.error ? <Alert type="error" showIcon title="荣誉榜加载失败" description={list.error.message} style={{ marginBottom: 16 }} /> : null}
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        表彰（{list.data?.awards.length ?? 0} 项）
      </Typography.Title>
      <Table<AwardView>
        rowKey="id"
        size="small"
        columns={awardColumns}
        dataSource={list.data?.awards ?? []}
        loading={list.isPending}
        scroll={{ x: 730 }}
        pagination={false}
        locale={{ emptyText: '该年度没有表彰' }}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        星级晋升（{list.data?.milestones.length ?? 0} 人次）
      </Typography.Title>
      <Table<MilestoneView>
        rowKey={(m) => `${m.volunteerId}-${m.level}-${m.at}`}
        size="small"
        columns={msColumns}
        dataSource={list.data?.milestones ?? []}
        loading={list.isPending}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '该年度没有志愿者晋升星级' }}
      />
    </Card>
  );
}

function BenefitsTab({ canEdit }: { canEdit: boolean }) {
  const list = useBenefits();
  const [editing, setEditing] = useState<BenefitView | null | 'new'>(null);
  const columns: ColumnsType<BenefitView> = [
    { title: '礼遇', dataIndex: 'title', width: 160 },
    { title: '说明', dataIndex: 'description', width: 240 },
    { title: '提供方', dataIndex: 'provider', width: 150 },
    { title: '最低星级', dataIndex: 'minLevel', width: 100, render: (l: number) => (l === 0 ? '不限' : `${STAR_NAMES[l]}及以上`) },
    {
      title: '有效期',
      key: 'valid',
      width: 200,
      render: (_: unknown, b) => (b.validFrom || b.validTo ? `${b.validFrom ?? '不限'} 至 ${b.validTo ?? '不限'}` : '长期'),
    },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <ToneTag tone="green">启用</ToneTag> : <ToneTag tone="grey">停用</ToneTag>) },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'edit',
            width: 80,
            render: (_: unknown, b: BenefitView) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(b)}>
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card variant="borderless">
      {canEdit ? (
        <Button style={{ marginBottom: 16 }} onClick={() => setEditing('new')}>
          新增礼遇
        </Button>
      ) : null}
      {list.error ? <Alert type="error" showIcon title="礼遇目录加载失败" description={list.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<BenefitView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isPending}
        scroll={{ x: 1000 }}
        pagination={false}
        locale={{ emptyText: '还没有礼遇' }}
      />
      {editing ? <BenefitModal benefit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
