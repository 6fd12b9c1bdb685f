import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { limitsOf, rulesFrom } from '../../../lib/form';
import type { VenueView } from '../../../lib/queries/venues';
import { RoomDay } from './room-day';
import { FIELDS, toIso } from './values';

/** Venue and room (with the room's bookings that day), address, map point and check-in radius. */
export function PlaceFields({
  editing,
  venueOptions,
  venuesLoading,
  venue,
  venueId,
  roomId,
  startsAt,
  endsAt,
  seats,
  activityId,
}: {
  editing: boolean;
  venueOptions: { value: string; label: string }[];
  venuesLoading: boolean;
  venue?: VenueView;
  venueId?: string;
  roomId?: string;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  seats: number;
  activityId?: string;
}) {
  const rooms = (venue?.rooms ?? []).filter((r) => !r.archived);
  const room = rooms.find((r) => r.id === roomId);
  const lng = limitsOf(FIELDS.lng);
  const lat = limitsOf(FIELDS.lat);
  const geofence = limitsOf(FIELDS.geofenceMeters);
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="venueId" label="阵地" extra={editing ? '创建后不能修改' : '选择阵地后，地址和签到位置默认使用阵地的'}>
            <Select
              allowClear
              placeholder="在阵地举办（可不选，填写地址）"
              options={venueOptions}
              loading={venuesLoading}
              disabled={editing}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="roomId"
            label="功能室"
            extra={room ? `最多容纳 ${room.capacity} 人${seats > room.capacity ? `，少于招募人数 ${seats} 人` : ''}` : undefined}
          >
            <Select
              allowClear
              placeholder={venue ? (rooms.length ? '预订功能室（可不选）' : '该阵地没有功能室') : '先选择阵地'}
              disabled={editing || !venue || rooms.length === 0}
              options={rooms.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity} 人）` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {roomId && startsAt ? (
        <RoomDay roomId={roomId} day={startsAt.format('YYYY-MM-DD')} from={toIso(startsAt)} to={toIso(endsAt)} ignore={activityId} />
      ) : null}
      <Form.Item name="address" label="地址" rules={rulesFrom(FIELDS.address)}>
        <Input maxLength={limitsOf(FIELDS.address).maxLength} placeholder={venue?.address ?? '活动地点的详细地址'} />
      </Form.Item>
      {!venueId && !editing ? (
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item name="lng" label="经度" rules={rulesFrom(FIELDS.lng, { message: `经度在 ${lng.min} 到 ${lng.max} 之间` })}>
              <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：107.3950" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="lat" label="纬度" rules={rulesFrom(FIELDS.lat, { message: `纬度在 ${lat.min} 到 ${lat.max} 之间` })}>
              <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：29.7030" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Form.Item name="geofenceMeters" label="签到范围（米）" extra="志愿者扫码时如提供了位置，超出此距离不能签到；不填则不限制">
        <InputNumber min={geofence.min} max={geofence.max} step={50} style={{ width: 200 }} disabled={editing} placeholder="如：500" />
      </Form.Item>
    </>
  );
}
