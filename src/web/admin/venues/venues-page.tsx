import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { SessionView } from '../../../shared/accounts';
import { isOnlineKind, OFFLINE_VENUE_KINDS, ONLINE_VENUE_KINDS, VENUE_KIND_LABELS, type VenueKind } from '../../../shared/venues';
import { useUnits } from '../../lib/queries/org';
import { type RoomView, useAddRoom, useCreateVenue, useMapConfig, useUpdateRoom, useUpdateVenue, useVenues, type VenueView } from '../../lib/queries/venues';
import { hasRole } from '../../lib/session';
import { KIND_COLOURS, shortVenueName, VenueMap } from '../../portal/venues/venue-map';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { applyServerErrors } from '../form-errors';
import { useAdminSession } from '../session-context';

const OFFLINE = Object.keys(OFFLINE_VENUE_KINDS) as VenueKind[];
const ONLINE = Object.keys(ONLINE_VENUE_KINDS) as VenueKind[];

function canManage(session: SessionView, unitId: string): boolean {
  if (hasRole(session, 'institute_admin')) return true;
  return session.roles.some((g) => g.role === 'station_admin' && g.unitId === unitId);
}

type Editing = { mode: 'create' } | { mode: 'edit'; venue: VenueView } | null;

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
          {!online ? <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: KIND_COLOURS[kind] }} /> : null}
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
  const points = located.map((v, i) => ({ id: v.id, name: v.name, lng: v.lng as number, lat: v.lat as number, colour: KIND_COLOURS[v.kind] ?? '#3d434d', number: i + 1, label: shortVenueName(v.name) }));
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

interface VenueValues {
  unitId: string;
  kind: VenueKind;
  name: string;
  address?: string;
  lng?: number | null;
  lat?: number | null;
  openingHours?: string;
  contactName?: string;
  contactPhone?: string;
  url?: string;
  intro?: string;
  archived?: boolean;
  rooms?: { name: string; capacity: number }[];
}

const blank = (v: string | undefined | null) => {
  const t = v?.trim();
  return t ? t : undefined;
};

function VenueModal({ editing, onClose }: { editing: Exclude<Editing, null>; onClose: () => void }) {
  const session = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<VenueValues>();
  const units = useUnits();
  const create = useCreateVenue();
  const update = useUpdateVenue();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const online = kind ? isOnlineKind(kind) : false;
  const venue = editing.mode === 'edit' ? editing.venue : null;

  const unitOptions = (units.data ?? [])
    .filter((u) => (u.kind === 'institute' || u.kind === 'station') && !u.archived && canManage(session, u.id))
    .sort((a, b) => Number(b.kind === 'institute') - Number(a.kind === 'institute') || a.sort - b.sort)
    .map((u) => ({ value: u.id, label: u.name }));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const common = {
      kind: v.kind,
      name: v.name.trim(),
      address: blank(v.address),
      lng: v.lng ?? undefined,
      lat: v.lat ?? undefined,
      openingHours: blank(v.openingHours),
      contactName: blank(v.contactName),
      contactPhone: blank(v.contactPhone),
      url: blank(v.url),
      intro: blank(v.intro),
    };
    try {
      if (venue) {
        await update.mutateAsync({ id: venue.id, input: { ...common, archived: v.archived ?? false } });
        message.success('已保存');
      } else {
        await create.mutateAsync({ unitId: v.unitId, ...common, rooms: (v.rooms ?? []).map((r) => ({ name: r.name.trim(), capacity: r.capacity })) });
        message.success(`已新增阵地「${common.name}」`);
      }
      onClose();
    } catch (err) {
      setError(applyServerErrors(form, err, { 'venues.duplicate_name': 'name' }));
    }
  };

  const kindOptions = [
    { label: '线下阵地', options: OFFLINE.map((k) => ({ value: k, label: VENUE_KIND_LABELS[k] })) },
    { label: '线上阵地', options: ONLINE.map((k) => ({ value: k, label: VENUE_KIND_LABELS[k] })) },
  ];

  return (
    <Modal
      open
      title={venue ? `编辑阵地：${venue.name}` : '新增阵地'}
      okText={venue ? '保存' : '新增'}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={760}
      destroyOnHidden
    >
      <Form<VenueValues>
        form={form}
        name="venue"
        layout="vertical"
        requiredMark="optional"
        initialValues={
          venue
            ? {
                unitId: venue.unitId,
                kind: venue.kind,
                name: venue.name,
                address: venue.address ?? undefined,
                lng: venue.lng,
                lat: venue.lat,
                openingHours: venue.openingHours ?? undefined,
                contactName: venue.contactName ?? undefined,
                contactPhone: venue.contactPhone ?? undefined,
                url: venue.url ?? undefined,
                intro: venue.intro ?? undefined,
                archived: venue.archived,
              }
            : { unitId: unitOptions[0]?.value, kind: 'theory', rooms: [] }
        }
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
              <Select options={unitOptions} disabled={!!venue} loading={units.isPending} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select options={kindOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请输入阵地名称' },
            { min: 2, max: 60, message: '名称为 2–60 个字' },
          ]}
        >
          <Input maxLength={60} placeholder={online ? '如：“智慧马鞍”微信公众号' : '如：马鞍街道道德讲堂'} />
        </Form.Item>
        {online ? (
          <Form.Item name="url" label="网址" rules={[{ type: 'url', message: '请输入有效的网址，以 https:// 开头' }]}>
            <Input placeholder="https://" inputMode="url" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="address" label="地址" rules={[{ max: 120, message: '最多 120 个字' }]}>
              <Input maxLength={120} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={12} md={8}>
                <Form.Item name="lng" label="经度" rules={[{ type: 'number', min: -180, max: 180, message: '经度在 -180 到 180 之间' }]}>
                  <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：107.3950" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="lat" label="纬度" rules={[{ type: 'number', min: -90, max: 90, message: '纬度在 -90 到 90 之间' }]}>
                  <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：29.7030" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="openingHours" label="开放时间" rules={[{ max: 120, message: '最多 120 个字' }]}>
                  <Input maxLength={120} placeholder="如：周一至周五 9:00–17:30" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label="联系人" rules={[{ max: 32, message: '最多 32 个字' }]}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label="联系电话" rules={[{ pattern: /^[0-9-]{7,20}$/, message: '请输入有效的电话号码' }]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="intro" label="简介" rules={[{ max: 2000, message: '最多 2000 个字' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {venue ? (
          <>
            {!online ? <RoomsEditor venue={venue} /> : null}
            <Form.Item name="archived" label="停用" valuePropName="checked" extra="停用后不再出现在门户地图和活动的阵地选择中">
              <Switch />
            </Form.Item>
          </>
        ) : !online ? (
          <Form.List name="rooms">
            {(fields, { add, remove }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, marginBottom: 8 }}>功能室（可预订给活动使用）</legend>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入功能室名称' }]} style={{ flex: 1, marginBottom: 12 }}>
                      <Input placeholder="功能室名称，如：党员活动室" aria-label={`第 ${i + 1} 个功能室名称`} maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'capacity']} rules={[{ required: true, type: 'number', min: 1, max: 10000, message: '容纳 1–10000 人' }]} style={{ marginBottom: 12 }}>
                      <InputNumber min={1} max={10000} addonAfter="人" aria-label={`第 ${i + 1} 个功能室容纳人数`} style={{ width: 140 }} />
                    </Form.Item>
                    <Button type="text" onClick={() => remove(field.name)} aria-label={`删除第 ${i + 1} 个功能室`}>
                      删除
                    </Button>
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', capacity: 30 })}>
                  添加功能室
                </Button>
              </fieldset>
            )}
          </Form.List>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Rooms of an existing venue are saved one by one (each is booked by activities in its own right). */
function RoomsEditor({ venue }: { venue: VenueView }) {
  const { message } = App.useApp();
  const add = useAddRoom();
  const update = useUpdateRoom();
  const venues = useVenues(true);
  const current = venues.data?.find((v) => v.id === venue.id) ?? venue;
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState<number | null>(30);

  const columns: ColumnsType<RoomView> = [
    { title: '功能室', dataIndex: 'name' },
    {
      title: '容纳人数',
      dataIndex: 'capacity',
      width: 150,
      render: (c: number, r) => (
        <InputNumber
          size="small"
          min={1}
          max={10000}
          defaultValue={c}
          addonAfter="人"
          aria-label={`${r.name} 容纳人数`}
          onBlur={(e) => {
            const n = Number(e.target.value);
            if (n && n !== c) update.mutateAsync({ id: r.id, input: { capacity: n } }).then(() => message.success('已保存'), (err: Error) => message.error(err.message));
          }}
        />
      ),
    },
    {
      title: '启用',
      dataIndex: 'archived',
      width: 80,
      render: (a: boolean, r) => (
        <Switch
          size="small"
          checked={!a}
          aria-label={`${r.name} 启用`}
          onChange={(on) => update.mutateAsync({ id: r.id, input: { archived: !on } }).then(() => message.success(on ? '已启用' : '已停用'), (err: Error) => message.error(err.message))}
        />
      ),
    },
  ];

  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>功能室</Typography.Text>
      <Table<RoomView> rowKey="id" size="small" columns={columns} dataSource={current.rooms} pagination={false} style={{ margin: '8px 0' }} locale={{ emptyText: '没有功能室' }} />
      <Space.Compact>
        <Input placeholder="新功能室名称" aria-label="新功能室名称" value={name} onChange={(e) => setName(e.target.value)} maxLength={40} style={{ width: 200 }} />
        <InputNumber min={1} max={10000} value={capacity} onChange={setCapacity} aria-label="新功能室容纳人数" style={{ width: 100 }} />
        <Button
          icon={<PlusOutlined />}
          loading={add.isPending}
          disabled={!name.trim() || !capacity}
          onClick={() =>
            add.mutateAsync({ venueId: venue.id, input: { name: name.trim(), capacity: capacity ?? 1 } }).then(
              () => {
                message.success('已添加功能室');
                setName('');
              },
              (err: Error) => message.error(err.message),
            )
          }
        >
          添加
        </Button>
      </Space.Compact>
    </div>
  );
}
