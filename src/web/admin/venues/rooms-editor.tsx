import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { RoomInput } from '../../../shared/venues';
import { limitsOf, rulesFrom } from '../../lib/form';
import { type RoomView, useAddRoom, useUpdateRoom, useVenues, type VenueView } from '../../lib/queries/venues';

const ROOM = RoomInput.shape;
const capacity = limitsOf(ROOM.capacity);
const capacityText = `容纳 ${capacity.min}–${capacity.max} 人`;

/** The rooms of a new venue, saved with it. */
export function NewRoomsField() {
  return (
    <Form.List name="rooms">
      {(fields, { add, remove }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>功能室（可预订给活动使用）</legend>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="baseline">
              <Form.Item name={[field.name, 'name']} rules={rulesFrom(ROOM.name, { required: '请输入功能室名称' })} style={{ flex: 1, marginBottom: 12 }}>
                <Input placeholder="功能室名称，如：党员活动室" aria-label={`第 ${i + 1} 个功能室名称`} maxLength={limitsOf(ROOM.name).maxLength} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'capacity']}
                rules={rulesFrom(ROOM.capacity, { required: capacityText, message: capacityText })}
                style={{ marginBottom: 12 }}
              >
                <InputNumber min={capacity.min} max={capacity.max} addonAfter="人" aria-label={`第 ${i + 1} 个功能室容纳人数`} style={{ width: 140 }} />
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
  );
}

/** Rooms of an existing venue are saved one by one (each is booked by activities in its own right). */
export function RoomsEditor({ venue }: { venue: VenueView }) {
  const { message } = App.useApp();
  const add = useAddRoom();
  const update = useUpdateRoom();
  const venues = useVenues(true);
  const current = venues.data?.find((v) => v.id === venue.id) ?? venue;
  const [name, setName] = useState('');
  const [newCapacity, setCapacity] = useState<number | null>(30);

  const columns: ColumnsType<RoomView> = [
    { title: '功能室', dataIndex: 'name' },
    {
      title: '容纳人数',
      dataIndex: 'capacity',
      width: 150,
      render: (c: number, r) => (
        <InputNumber
          size="small"
          min={capacity.min}
          max={capacity.max}
          defaultValue={c}
          addonAfter="人"
          aria-label={`${r.name} 容纳人数`}
          onBlur={(e) => {
            const n = Number(e.target.value);
            if (n && n !== c)
              update.mutateAsync({ id: r.id, input: { capacity: n } }).then(
                () => void message.success('已保存'),
                (err: Error) => void message.error(err.message),
              );
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
          onChange={(on) =>
            update.mutateAsync({ id: r.id, input: { archived: !on } }).then(
              () => void message.success(on ? '已启用' : '已停用'),
              (err: Error) => void message.error(err.message),
            )
          }
        />
      ),
    },
  ];

  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>功能室</Typography.Text>
      <Table<RoomView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={current.rooms}
        pagination={false}
        style={{ margin: '8px 0' }}
        locale={{ emptyText: '没有功能室' }}
      />
      <Space.Compact>
        <Input
          placeholder="新功能室名称"
          aria-label="新功能室名称"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={limitsOf(ROOM.name).maxLength}
          style={{ width: 200 }}
        />
        <InputNumber min={capacity.min} max={capacity.max} value={newCapacity} onChange={setCapacity} aria-label="新功能室容纳人数" style={{ width: 100 }} />
        <Button
          icon={<PlusOutlined />}
          loading={add.isPending}
          disabled={!name.trim() || !newCapacity}
          onClick={() =>
            add.mutateAsync({ venueId: venue.id, input: { name: name.trim(), capacity: newCapacity ?? 1 } }).then(
              () => {
                message.success('已添加功能室');
                setName('');
              },
              (err: Error) => void message.error(err.message),
            )
          }
        >
          添加
        </Button>
      </Space.Compact>
    </div>
  );
}
