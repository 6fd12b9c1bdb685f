import { fromChinaWallClock } from '../../../shared/china-time';
import { App, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type CareRecipientView, useCareRecipients } from '../../lib/queries/care';
import { type PlaceOrderInput, usePlaceOrder, useServiceItems } from '../../lib/queries/orders';
import { hasRole } from '../../lib/session';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { PlaceOrderInput as PlaceOrderSchema } from '../../../shared/orders';
import { useAdminSession } from '../session-context';
import { useUnitOptions } from '../components/use-unit-options';
import { useUnits } from '../../lib/queries/org';

interface Values {
  channel: 'staff_phone' | 'staff_visit';
  stationId: string;
  careRecipientId?: string;
  name: string;
  phone?: string;
  itemId: string;
  title?: string;
  description: string;
  address?: string;
  preferredAt?: Dayjs | null;
}

const OTHER = 'other';
const F = PlaceOrderSchema.shape;
const BEHALF = PlaceOrderSchema.shape.onBehalf.unwrap().shape;

/** A wall-clock time picked in the console is China time, whatever the computer's zone. */
export function chinaIso(d: Dayjs): string {
  return fromChinaWallClock(d.format('YYYY-MM-DDTHH:mm'));
}

/**
 * 代为点单: staff enter an order for a resident without a phone, after a call or a door-to-door
 * visit (domain.md). The requester counts as verified because staff spoke with them.
 */
export function PlaceOrderModal({ onClose, recipient }: { onClose: () => void; recipient?: CareRecipientView }) {
  const { message } = App.useApp();
  const session = useAdminSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [careOpened, setCareOpened] = useState(false);
  const items = useServiceItems();
  const isInstitute = hasRole(session, 'institute_admin');
  const units = useUnits();
  const mine = useMemo(() => new Set(session.roles.filter((g) => g.role === 'station_admin').map((g) => g.unitId)), [session]);
  const { units: stations } = useUnitOptions({ kinds: ['station'], within: isInstitute ? undefined : mine });
  const stationId = Form.useWatch('stationId', form) ?? recipient?.stationId ?? (stations.length === 1 ? stations[0].id : undefined);
  const itemId = Form.useWatch('itemId', form);
  const station = stations.find((s) => s.id === stationId);
  // Care recipients are sensitive: the list is only fetched (and its access logged) once staff open the picker.
  const care = useCareRecipients({ stationId }, careOpened && !!stationId);

  const itemOptions = useMemo(() => {
    const open = (items.data ?? []).filter((i) => !i.archived && station && (i.unitId === station.id || i.unitId === station.parentId));
    return [
      ...open.map((i) => ({ value: i.id, label: `${i.name}（${i.unitName}，${i.slaHours} 小时内接单）` })),
      { value: OTHER, label: '其他需求（不在清单中）' },
    ];
  }, [items.data, station]);

  const pickRecipient = (id: string | undefined, list: CareRecipientView[]) => {
    const r = list.find((x) => x.id === id);
    if (!r) return;
    // A masked list entry (the institute admin's) has no clear phone or address: the server fills them from the record.
    form.setFieldsValue({ name: r.name, phone: r.masked ? undefined : (r.phone ?? undefined), address: r.masked ? undefined : (r.address ?? undefined) });
  };

  const submit = useSubmit(form, usePlaceOrder(), {
    input: (values): PlaceOrderInput => ({
      stationId: values.stationId,
      ...(values.itemId !== OTHER ? { itemId: values.itemId } : {}),
      ...(values.itemId === OTHER && values.title?.trim() ? { title: values.title.trim() } : {}),
      description: values.description.trim(),
      ...(values.address?.trim() ? { address: values.address.trim() } : {}),
      ...(values.preferredAt ? { preferredAt: chinaIso(values.preferredAt) } : {}),
      onBehalf: {
        name: values.name.trim(),
        channel: values.channel,
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.careRecipientId ? { careRecipientId: values.careRecipientId } : {}),
      },
    }),
    onDone: (order) => {
      message.success(`已代为点单，单号 ${order.number}`);
      onClose();
      navigate(`/admin/orders/${order.id}`);
    },
    byCode: { 'orders.item_not_found': 'itemId', 'volunteer.not_station': 'stationId' },
    aliases: { 'onBehalf.name': 'name', 'onBehalf.phone': 'phone' },
  });

  return (
    <FormModal
      name="place-order"
      form={form}
      submit={submit}
      title="代为点单"
      okText="提交需求单"
      onClose={onClose}
      width={760}
      mask={{ closable: false }}
      before={
        <Typography.Paragraph type="secondary">
          为没有手机或不方便操作的居民登记需求。请在电话或走访中核实居民的身份和需求，登记后即视为已核实，可直接审单派单。
        </Typography.Paragraph>
      }
      requiredMark="optional"
      initialValues={{
        channel: 'staff_phone',
        stationId: recipient?.stationId ?? (stations.length === 1 ? stations[0].id : undefined),
        careRecipientId: recipient?.id,
        name: recipient?.name,
        phone: recipient?.masked ? undefined : (recipient?.phone ?? undefined),
        address: recipient?.masked ? undefined : (recipient?.address ?? undefined),
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="channel" label="受理方式" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'staff_phone', label: '电话' },
                { value: 'staff_visit', label: '入户走访' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="stationId" label="实践站" rules={[{ required: true, message: '请选择实践站' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={stations.map((s) => ({ value: s.id, label: s.name }))}
              loading={units.isPending}
              disabled={!!recipient}
              onChange={() => form.setFieldsValue({ itemId: undefined, careRecipientId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="careRecipientId" label="关爱对象" extra="为登记在册的关爱对象点单时选择，服务结项后自动记入其走访记录">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={stationId ? '从本站关爱对象中选择' : '请先选择实践站'}
              disabled={!stationId || !!recipient}
              loading={careOpened && care.isPending}
              onOpenChange={(open) => {
                if (open) setCareOpened(true);
              }}
              options={(care.data ?? (recipient ? [recipient] : [])).map((r) => ({
                value: r.id,
                label: `${r.name}${r.age !== null ? `，${r.age} 岁` : ''}（${r.categories.join('、')}）`,
              }))}
              onChange={(id?: string) => pickRecipient(id, care.data ?? [])}
              notFoundContent={care.error ? care.error.message : '本站没有登记关爱对象'}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label="居民姓名" rules={rulesFrom(BEHALF.name, { required: '请输入居民姓名' })}>
            <Input autoComplete="off" maxLength={limitsOf(BEHALF.name).maxLength} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label="联系电话" rules={rulesFrom(BEHALF.phone)} extra="志愿者上门前联系用">
            <Input inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="itemId" label="服务项目" rules={[{ required: true, message: '请选择服务项目，或选“其他需求”' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={itemOptions}
              loading={items.isPending}
              disabled={!stationId}
              placeholder="从需求清单中选择"
            />
          </Form.Item>
        </Col>
        {itemId === OTHER ? (
          <Col xs={24}>
            <Form.Item name="title" label="需求名称" rules={rulesFrom(F.title)}>
              <Input maxLength={limitsOf(F.title).maxLength} placeholder="如：帮忙修理门锁" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24}>
          <Form.Item name="description" label="需求描述" rules={rulesFrom(F.description, { required: '请描述居民的需求' })}>
            <Input.TextArea rows={3} showCount maxLength={limitsOf(F.description).maxLength} placeholder="需要什么帮助、家里情况、注意事项" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="address" label="服务地址" rules={rulesFrom(F.address)}>
            <Input maxLength={limitsOf(F.address).maxLength} placeholder="如：金银路 18 号 3 单元 2 楼" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="preferredAt" label="希望服务时间">
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
