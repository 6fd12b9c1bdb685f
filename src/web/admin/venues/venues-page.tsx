import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Segmented, Skeleton, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { SessionView } from '../../../shared/accounts';
import { isOnlineKind, OFFLINE_VENUE_KINDS, ONLINE_VENUE_KINDS, VENUE_KIND_LABELS, type VenueKind } from '../../../shared/venues';
import { useMapConfig, useVenues, type VenueView } from '../../lib/queries/venues';
import { hasRole } from '../../lib/session';
import { KIND_COLOURS, shortVenueName, VenueMap } from '../../portal/venues/venue-map';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { VenueModal } from './venue-modal';
import { useAdminSession } from '../session-context';

export const OFFLINE = Object.keys(OFFLINE_VENUE_KINDS) as VenueKind[];
export const ONLINE = Object.keys(ONLINE_VENUE_KINDS) as VenueKind[];

export function canManage(session: SessionView, unitId: string): boolean {
  if (hasRole(session, 'institute_admin')) return true;
  return session.roles.some((g) => g.role === 'station_admin' && g.unitId === unitId);
}

export type Editing = { mode: 'create' } | { mode: 'edit'; venue: VenueView } | null;

export default function VenuesPage() {
  const session = useAdminSession();
  const [archived, setArchived] = useState(false);
  const venues = useVenues(archived);
  const [view, setView] = useState<'list' | 'map'>('list');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const isAdmin = hasRole(session, 'institute_admin', 'station_admin');

  const rows = useMemo(() => {
    const q = query.trim();
    const list = venues.data ?? [];
    return q ? list.filter((v) => [v.name, v.address, v.unitName, v.intro].some((x) => x?.includes(q))) : list;
  }, [venues.data, query]);

  return (
    <>
      <PageHeader
        title="阵地"
        description="文明实践的线下阵地（理论宣讲、教育服务、文化惠民、乡风文明、健康促进与体育服务五类）和线上阵地，以及可预订的功能室。"
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              新增阵地
            </Button>
          ) : null
        }
      />
      {venues.error ? <Alert type="error" showIcon title="阵地加载失败" description={venues.error.message} style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented<'list' | 'map'>
            aria-label="视图"
            value={view}
            onChange={setView}
            options={[
              { value: 'list', label: '按类型列表' },
              { value: 'map', label: '地图' },
            ]}
          />
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden="true" />}
            placeholder="按名称、地址或单位查找"
            aria-label="按名称、地址或单位查找"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 280 }}
          />
          <Space>
            <Switch checked={archived} onChange={setArchived} id="venues-archived" />
            <label htmlFor="venues-archived">显示已停用</label>
          </Space>
          {venues.data ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }} aria-live="polite">
              线下 {rows.filter((v) => v.mode === 'offline').length} 处，线上 {rows.filter((v) => v.mode === 'online').length} 处
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      {venues.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : view === 'map' ? (
        <MapView venues={rows.filter((v) => v.mode === 'offline' && !v.archived)} />
      ) : rows.length === 0 ? (
        <Card variant="borderless">
          <Empty description={query ? '没有找到符合条件的阵地' : '还没有登记阵地'} />
        </Card>
      ) : (
        [...OFFLINE, ...ONLINE].map((kind) => {
          const list = rows.filter((v) => v.kind === kind);
          if (!list.length) return null;
          return <KindSection key={kind} kind={kind} venues={list} onEdit={(venue) => setEditing({ mode: 'edit', venue })} session={session} />;
        })
      )}
      {editing ? <VenueModal editing={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function KindSection({ kind, venues, onEdit, session }: { kind: VenueKind; venues: VenueView[]; onEdit: (v: VenueView) => void; session: SessionView }) {
  const online = isOnlineKind(kind);
  const columns: ColumnsType<VenueView> = [
    {
      title: '名称',
      dataIndex: 'name',
      width: 260,
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <span style={{ fontWeight: 600 }}>
            {v.name} {v.archived ? <ToneTag tone="grey">已停用</ToneTag> : null}
          </span>
          {v.intro ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {v.intro}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: '所属单位', dataIndex: 'unitName', width: 180 },
    online
      ? {
          title: '网址',
          dataIndex: 'url',
          width: 260,
          render: (u: string | null) =>
            u ? (
              <a href={u} target="_blank" rel="noreferrer noopener">
                {u}
              </a>
            ) : (
              '—'
            ),
        }
      : { title: '地址', dataIndex: 'address', width: 240, render: (a: string | null) => a ?? '—' },
    ...(online ? [] : [{ title: '开放时间', dataIndex: 'openingHours', width: 170, render: (h: string | null) => h ?? '—' }]),
    { title: '联系人', key: 'contact', width: 150, render: (_, v) => [v.contactName, v.contactPhone].filter(Boolean).join(' ') || '—' },
    ...(online
      ? []
      : [
          {
            title: '功能室',
            key: 'rooms',
            width: 220,
            render: (_: unknown, v: VenueView) =>
              v.rooms.filter((r) => !r.archived).length ? (
                <Space size={[0, 4]} wrap>
                  {v.rooms
                    .filter((r) => !r.archived)
                    .map((r) => (
                      <ToneTag key={r.id} tone="blue">
                        {r.name} {r.capacity}人
                      </ToneTag>
                    ))}
                </Space>
              ) : (
                '—'
              ),
          },
        ]),
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, v) =>
        canManage(session, v.unitId) ? (
          <Button type="link" size="small" onClick={() => onEdit(v)} aria-label={`编辑 ${v.name}`}>
            编辑
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          {!online ? (
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: KIND_COLOURS[kind] }} />
          ) : null}
          <h2 style={{ fontSize: 16, margin: 0 }}>{VENUE_KIND_LABELS[kind]}</h2>
          <Typography.Text type="secondary">
            {online ? '线上阵地' : '线下阵地'} · {venues.length} 处
          </Typography.Text>
        </Space>
      }
    >
      <Table<VenueView>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        columns={columns}
        dataSource={venues}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        scroll={{ x: online ? 900 : 1250 }}
      />
    </Card>
  );
}

function MapView({ venues }: { venues: VenueView[] }) {
  const config = useMapConfig();
  const [hover, setHover] = useState<string | null>(null);
  const located = venues.filter((v) => v.lng !== null && v.lat !== null);
  const points = located.map((v, i) => ({
    id: v.id,
    name: v.name,
    lng: v.lng as number,
    lat: v.lat as number,
    colour: KIND_COLOURS[v.kind] ?? '#3d434d',
    number: i + 1,
    label: shortVenueName(v.name),
  }));
  const legend = OFFLINE.filter((k) => located.some((v) => v.kind === k)).map((k) => ({ colour: KIND_COLOURS[k], label: VENUE_KIND_LABELS[k] }));
  const missing = venues.length - located.length;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>线下阵地分布</h2>}>
          <VenueMap points={points} legend={legend} tileUrl={config.data?.tileUrl} attribution={config.data?.attribution} highlight={hover} />
          {missing > 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              另有 {missing} 处阵地未填写经纬度，未在图上显示。
            </Typography.Paragraph>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>名录</h2>} styles={{ body: { maxHeight: 560, overflow: 'auto' } }}>
          <ol style={{ margin: 0, paddingInlineStart: 28 }}>
            {located.map((v) => (
              <li key={v.id} onMouseEnter={() => setHover(v.id)} onMouseLeave={() => setHover(null)} style={{ padding: '4px 0' }}>
                <strong>{v.name}</strong>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {VENUE_KIND_LABELS[v.kind]} · {v.address ?? '地址未填写'}
                </Typography.Text>
              </li>
            ))}
          </ol>
        </Card>
      </Col>
    </Row>
  );
}
