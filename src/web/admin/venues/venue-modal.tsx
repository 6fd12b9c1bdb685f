import { App, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { isOnlineKind, VENUE_KIND_LABELS, type VenueKind, VenueInput } from '../../../shared/venues';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useUnits } from '../../lib/queries/org';
import { useCreateVenue, useUpdateVenue } from '../../lib/queries/venues';
import { useAdminSession } from '../session-context';
import { NewRoomsField, RoomsEditor } from './rooms-editor';
import { canManage, type Editing, OFFLINE, ONLINE } from './venues-page';

const V = VenueInput.shape;
const maxOf = (schema: Parameters<typeof limitsOf>[0]) => limitsOf(schema).maxLength;

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

export function VenueModal({ editing, onClose }: { editing: Exclude<Editing, null>; onClose: () => void }) {
  const session = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<VenueValues>();
  const units = useUnits();
  const create = useCreateVenue();
  const update = useUpdateVenue();
  const kind = Form.useWatch('kind', form);
  const online = kind ? isOnlineKind(kind) : false;
  const venue = editing.mode === 'edit' ? editing.venue : null;

  const unitOptions = (units.data ?? [])
    .filter((u) => (u.kind === 'institute' || u.kind === 'station') && !u.archived && canManage(session, u.id))
    .sort((a, b) => Number(b.kind === 'institute') - Number(a.kind === 'institute') || a.sort - b.sort)
    .map((u) => ({ value: u.id, label: u.name }));

  // A new venue (with its first rooms) or an edit: one submit path.
  const save = {
    isPending: create.isPending || update.isPending,
    mutateAsync: async (v: VenueValues) => {
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
      if (venue) {
        await update.mutateAsync({ id: venue.id, input: { ...common, archived: v.archived ?? false } });
        return '已保存';
      }
      await create.mutateAsync({ unitId: v.unitId, ...common, rooms: (v.rooms ?? []).map((r) => ({ name: r.name.trim(), capacity: r.capacity })) });
      return `已新增阵地「${common.name}」`;
    },
  };
  const submit = useSubmit(form, save, {
    input: (v) => v,
    onDone: (note) => {
      message.success(note);
      onClose();
    },
    byCode: { 'venues.duplicate_name': 'name' },
  });

  const kindOptions = [
    { label: '线下阵地', options: OFFLINE.map((k) => ({ value: k, label: VENUE_KIND_LABELS[k] })) },
    { label: '线上阵地', options: ONLINE.map((k) => ({ value: k, label: VENUE_KIND_LABELS[k] })) },
  ];

  return (
    <FormModal
      name="venue"
      form={form}
      submit={submit}
      title={venue ? `编辑阵地：${venue.name}` : '新增阵地'}
      okText={venue ? '保存' : '新增'}
      cancelText="取消"
      onClose={onClose}
      width={760}
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
      <Form.Item name="name" label="名称" rules={rulesFrom(V.name, { required: '请输入阵地名称', message: '名称为 2–60 个字' })}>
        <Input maxLength={maxOf(V.name)} placeholder={online ? '如：“智慧马鞍”微信公众号' : '如：马鞍街道道德讲堂'} />
      </Form.Item>
      {online ? (
        <Form.Item name="url" label="网址" rules={[{ type: 'url', message: '请输入有效的网址，以 https:// 开头' }]}>
          <Input placeholder="https://" inputMode="url" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="address" label="地址" rules={rulesFrom(V.address)}>
            <Input maxLength={maxOf(V.address)} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={12} md={8}>
              <Form.Item name="lng" label="经度" rules={rulesFrom(V.lng, { message: '经度在 -180 到 180 之间' })}>
                <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：107.3950" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="lat" label="纬度" rules={rulesFrom(V.lat, { message: '纬度在 -90 到 90 之间' })}>
                <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：29.7030" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="openingHours" label="开放时间" rules={rulesFrom(V.openingHours)}>
                <Input maxLength={maxOf(V.openingHours)} placeholder="如：周一至周五 9:00–17:30" />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contactName" label="联系人" rules={rulesFrom(V.contactName)}>
            <Input maxLength={maxOf(V.contactName)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactPhone" label="联系电话" rules={rulesFrom(V.contactPhone)}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="intro" label="简介" rules={rulesFrom(V.intro)}>
        <Input.TextArea rows={3} maxLength={maxOf(V.intro)} showCount />
      </Form.Item>
      {venue ? (
        <>
          {!online ? <RoomsEditor venue={venue} /> : null}
          <Form.Item name="archived" label="停用" valuePropName="checked" extra="停用后不再出现在门户地图和活动的阵地选择中">
            <Switch />
          </Form.Item>
        </>
      ) : !online ? (
        <NewRoomsField />
      ) : null}
    </FormModal>
  );
}
