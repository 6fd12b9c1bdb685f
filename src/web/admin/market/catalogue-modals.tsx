import { App, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { DONOR_KINDS, DonorInput, type DonorKind, GoodsInput } from '../../../shared/market';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type Goods, useCreateDonor, useCreateGoods, useMarketShops, useUpdateGoods } from '../../lib/queries/market';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { useUnitOptions } from '../components/use-unit-options';

const g = GoodsInput.shape;
const d = DonorInput.shape;

/** The shops this person may stock (canManage), as select options. */
export function useManagedShops() {
  const shops = useMarketShops();
  const options = useMemo(
    () => (shops.data?.items ?? []).filter((s) => s.canManage).map((s) => ({ value: s.id, label: `${s.name}（${s.unitName}）` })),
    [shops.data],
  );
  return { shops, options };
}

interface GoodsValues {
  shopId: string;
  name: string;
  unitLabel: string;
  photo?: UploadedFile[];
  pricePoints: number;
  monthlyLimit: number;
  active?: boolean;
}

/** 新增 / 编辑物品: name, unit, photo, price in points, monthly limit per person (0 = none), on sale. */
export function GoodsModal({ goods, onClose }: { goods?: Goods; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<GoodsValues>();
  const { shops, options } = useManagedShops();
  const create = useCreateGoods();
  const update = useUpdateGoods();
  const byCode = { 'market.bad_file': 'photo', 'market.bad_goods': 'shopId' };
  const aliases = { photoFileId: 'photo' };
  const onDone = () => {
    message.success(goods ? '物品已保存' : '物品已添加，请登记入库后再上架兑换');
    onClose();
  };
  const photoId = (v: GoodsValues) => v.photo?.[0]?.id ?? null;
  const createSubmit = useSubmit(form, create, {
    input: (v: GoodsValues) => ({
      shopId: v.shopId,
      name: v.name.trim(),
      unitLabel: v.unitLabel.trim(),
      photoFileId: photoId(v),
      pricePoints: v.pricePoints,
      monthlyLimit: v.monthlyLimit ?? 0,
    }),
    onDone,
    byCode,
    aliases,
  });
  const updateSubmit = useSubmit(form, update, {
    input: (v: GoodsValues) => ({
      id: goods?.id ?? '',
      patch: {
        name: v.name.trim(),
        unitLabel: v.unitLabel.trim(),
        photoFileId: photoId(v),
        pricePoints: v.pricePoints,
        monthlyLimit: v.monthlyLimit ?? 0,
        active: !!v.active,
      },
    }),
    onDone,
    byCode,
    aliases,
  });
  const initial: Partial<GoodsValues> = goods
    ? {
        shopId: goods.shopId,
        name: goods.name,
        unitLabel: goods.unitLabel,
        // The stored photo: only its id is known here; the name is for the list.
        photo: goods.photoFileId ? [{ id: goods.photoFileId, name: '物品照片', mime: 'image/jpeg', size: 0 }] : [],
        pricePoints: goods.pricePoints,
        monthlyLimit: goods.monthlyLimit,
        active: goods.active,
      }
    : { shopId: options.length === 1 ? options[0]?.value : undefined, unitLabel: '件', monthlyLimit: 0 };
  return (
    <FormModal
      name="market-goods"
      form={form}
      submit={goods ? updateSubmit : createSubmit}
      title={goods ? `编辑物品：${goods.name}` : '新增物品'}
      onClose={onClose}
      initialValues={initial}
    >
      <Form.Item name="shopId" label="爱心超市" rules={[{ required: true, message: '请选择爱心超市' }]}>
        <Select options={options} disabled={!!goods} loading={shops.isPending} placeholder="选择爱心超市" notFoundContent="没有可管理的爱心超市" />
      </Form.Item>
      <Form.Item name="name" label="物品名称" rules={rulesFrom(g.name, { required: '请输入物品名称' })}>
        <Input maxLength={limitsOf(g.name).maxLength} placeholder="如：大米（5 公斤）" />
      </Form.Item>
      <Form.Item name="unitLabel" label="计量单位" rules={rulesFrom(g.unitLabel, { required: '请输入计量单位' })}>
        <Input maxLength={limitsOf(g.unitLabel).maxLength} placeholder="如：袋、瓶、件" style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item name="photo" label="照片" extra="JPG 或 PNG，一张">
        <FileUpload purpose="photo" max={1} buttonText="上传照片" />
      </Form.Item>
      <Form.Item name="pricePoints" label="兑换积分" rules={[{ required: true, message: '请输入兑换积分' }]}>
        <InputNumber min={1} max={100_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="monthlyLimit" label="每人每月限兑数量" extra="0 为不限" rules={[{ required: true, message: '请输入限兑数量' }]}>
        <InputNumber min={0} max={1000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      {goods ? (
        <Form.Item name="active" label="上架" valuePropName="checked" extra="下架后志愿者不能再预约，已有预约不受影响">
          <Switch checkedChildren="上架" unCheckedChildren="下架" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

interface DonorValues {
  instituteId: string;
  kind: DonorKind;
  name: string;
  contact?: string;
}

/** 新增捐赠方: a resident, company or social organisation in an institute's roll. */
export function DonorModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DonorValues>();
  const { shops } = useManagedShops();
  const institutes = useMemo(() => new Set((shops.data?.items ?? []).map((s) => s.instituteId)), [shops.data]);
  const { options } = useUnitOptions({ kinds: ['institute'], within: institutes });
  const submit = useSubmit(form, useCreateDonor(), {
    input: (v: DonorValues) => ({ instituteId: v.instituteId, kind: v.kind, name: v.name.trim(), contact: v.contact?.trim() || undefined }),
    onDone: () => {
      message.success('已添加捐赠方');
      onClose();
    },
  });
  return (
    <FormModal
      name="market-donor"
      form={form}
      submit={submit}
      title="新增捐赠方"
      onClose={onClose}
      initialValues={{ kind: 'resident', instituteId: options.length === 1 ? options[0]?.value : undefined }}
    >
      <Form.Item name="instituteId" label="所属实践所" rules={[{ required: true, message: '请选择实践所' }]}>
        <Select options={options} placeholder="选择实践所" />
      </Form.Item>
      <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
        <Radio.Group options={Object.entries(DONOR_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={rulesFrom(d.name, { required: '请输入捐赠方名称' })}>
        <Input maxLength={limitsOf(d.name).maxLength} />
      </Form.Item>
      <Form.Item name="contact" label="联系方式" rules={rulesFrom(d.contact)}>
        <Input maxLength={limitsOf(d.contact).maxLength} placeholder="电话或联系人（选填）" />
      </Form.Item>
    </FormModal>
  );
}
