import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Switch, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { SessionView } from '../../../shared/accounts';
import type { UnitView } from '../../../shared/org';
import { PROGRAMME_BLOCKS } from '../../../shared/programmes';
import { useUnits } from '../../lib/queries/org';
import { type BrandView, type ProgrammeBlock, type ProgrammeView, useBrands, useProgrammes } from '../../lib/queries/programmes';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { BrandModal } from './brand-modal';
import { ProgrammeModal } from './programme-modal';
import { useAdminSession } from '../session-context';

export const BLOCKS = Object.keys(PROGRAMME_BLOCKS) as ProgrammeBlock[];

export function canManage(session: SessionView, unitId: string): boolean {
  if (hasRole(session, 'institute_admin')) return true;
  return session.roles.some((g) => g.role === 'station_admin' && g.unitId === unitId);
}

export default function ProgrammesPage() {
  return (
    <>
      <PageHeader
        title="实践项目与品牌"
        description="工作方案的四大板块、十个实践项目，以及“一所一品”“一社区一特色”品牌。活动可以归入实践项目，便于统计各项目开展情况。"
      />
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'programmes', label: '实践项目', children: <Programmes /> },
            { key: 'brands', label: '品牌', children: <Brands /> },
          ]}
        />
      </Card>
    </>
  );
}

// ---------------------------------------------------------------- programmes

export type Editing = { mode: 'create'; block: ProgrammeBlock } | { mode: 'edit'; programme: ProgrammeView } | null;

function Programmes() {
  const session = useAdminSession();
  const [archived, setArchived] = useState(false);
  const programmes = useProgrammes(archived);
  const [editing, setEditing] = useState<Editing>(null);
  const isAdmin = hasRole(session, 'institute_admin', 'station_admin');

  if (programmes.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (programmes.error) return <Alert type="error" showIcon title="实践项目加载失败" description={programmes.error.message} />;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space>
          <Switch checked={archived} onChange={setArchived} id="programmes-archived" />
          <label htmlFor="programmes-archived">显示已停用的项目</label>
        </Space>
        {isAdmin ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', block: 'learn' })}>
            新增实践项目
          </Button>
        ) : null}
      </Space>
      <Row gutter={[16, 16]}>
        {BLOCKS.map((block) => {
          const list = programmes.data.filter((p) => p.block === block).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
          const total = list.reduce((s, p) => s + p.activityCount, 0);
          return (
            <Col key={block} xs={24} xl={12}>
              <Card
                size="small"
                style={{ height: '100%', background: '#fafbfc' }}
                title={<h2 style={{ fontSize: 16, margin: 0 }}>{PROGRAMME_BLOCKS[block]}</h2>}
                extra={
                  <Typography.Text type="secondary">
                    {list.length} 个项目 · 活动 {total} 次
                  </Typography.Text>
                }
              >
                {list.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目" />
                ) : (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {list.map((p) => (
                      <li key={p.id} style={{ padding: '10px 0', borderBottom: '1px solid #eceef2' }}>
                        <Space wrap size={8} style={{ width: '100%', justifyContent: 'space-between' }}>
                          <Space size={6} wrap>
                            <strong>{p.name}</strong>
                            {p.archived ? <ToneTag tone="grey">已停用</ToneTag> : null}
                            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                              {p.unitName}
                            </Typography.Text>
                          </Space>
                          <Space size={4}>
                            <Link to={`/admin/activities?view=list&programme=${p.id}`}>活动 {p.activityCount} 次</Link>
                            {canManage(session, p.unitId) ? (
                              <Button
                                type="link"
                                size="small"
                                icon={<EditOutlined />}
                                onClick={() => setEditing({ mode: 'edit', programme: p })}
                                aria-label={`编辑 ${p.name}`}
                              >
                                编辑
                              </Button>
                            ) : null}
                          </Space>
                        </Space>
                        {p.intro ? (
                          <Typography.Paragraph
                            type="secondary"
                            style={{ margin: '4px 0 0', fontSize: 13 }}
                            ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
                          >
                            {p.intro}
                          </Typography.Paragraph>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      {editing ? <ProgrammeModal editing={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

export function manageableUnits(session: SessionView, units: UnitView[] | undefined) {
  return (units ?? [])
    .filter((u) => (u.kind === 'institute' || u.kind === 'station') && !u.archived && canManage(session, u.id))
    .sort((a, b) => Number(b.kind === 'institute') - Number(a.kind === 'institute') || a.sort - b.sort);
}

// ---------------------------------------------------------------- brands

function Brands() {
  const session = useAdminSession();
  const brands = useBrands();
  const units = useUnits();
  const [editing, setEditing] = useState<{ unit: UnitView; brand?: BrandView } | null>(null);

  const byUnit = useMemo(() => new Map((brands.data ?? []).map((b) => [b.unitId, b])), [brands.data]);
  const visible = (units.data ?? [])
    .filter((u) => (u.kind === 'institute' || u.kind === 'station') && !u.archived)
    .sort((a, b) => Number(b.kind === 'institute') - Number(a.kind === 'institute') || a.sort - b.sort);
  const institutes = visible.filter((u) => u.kind === 'institute');
  const stations = visible.filter((u) => u.kind === 'station');

  if (brands.isPending || units.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (brands.error || units.error) return <Alert type="error" showIcon title="品牌加载失败" description={(brands.error ?? units.error)?.message} />;

  const columns: ColumnsType<UnitView> = [
    { title: '实践站', dataIndex: 'name', width: 240 },
    {
      title: '特色品牌',
      key: 'brand',
      render: (_, u) => {
        const b = byUnit.get(u.id);
        if (!b) return <Typography.Text type="secondary">未设置</Typography.Text>;
        return (
          <Space orientation="vertical" size={0}>
            <strong>{b.name}</strong>
            {b.intro ? (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {b.intro}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    { title: '照片', key: 'photos', width: 80, render: (_, u) => `${byUnit.get(u.id)?.photoFileIds.length ?? 0} 张` },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, u) =>
        canManage(session, u.id) ? (
          <Button type="link" size="small" onClick={() => setEditing({ unit: u, brand: byUnit.get(u.id) })} aria-label={`编辑 ${u.name} 的品牌`}>
            {byUnit.has(u.id) ? '编辑' : '设置'}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      {institutes.map((inst) => {
        const b = byUnit.get(inst.id);
        return (
          <Card
            key={inst.id}
            size="small"
            style={{ marginBottom: 16, background: '#fff7f7', borderColor: '#f0c2c4' }}
            title={<h2 style={{ fontSize: 16, margin: 0 }}>一所一品 · {inst.name}</h2>}
            extra={
              canManage(session, inst.id) ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing({ unit: inst, brand: b })}>
                  {b ? '编辑品牌' : '设置品牌'}
                </Button>
              ) : null
            }
          >
            {b ? (
              <>
                <Typography.Title level={3} style={{ fontSize: 20, margin: '0 0 8px', color: '#a8071a' }}>
                  {b.name}
                </Typography.Title>
                {b.intro ? <Typography.Paragraph style={{ marginBottom: 4 }}>{b.intro}</Typography.Paragraph> : null}
                <Typography.Text type="secondary">照片 {b.photoFileIds.length} 张</Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">尚未设置品牌。工作方案要求每个实践所打造一个品牌。</Typography.Text>
            )}
          </Card>
        );
      })}
      <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0 12px' }}>
        一社区一特色（已设置 {stations.filter((s) => byUnit.has(s.id)).length} / {stations.length} 个实践站）
      </Typography.Title>
      <Table<UnitView> rowKey="id" size="middle" columns={columns} dataSource={stations} pagination={false} scroll={{ x: 800 }} />
      {editing ? <BrandModal unit={editing.unit} brand={editing.brand} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
