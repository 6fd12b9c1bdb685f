import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { INTAKE_KINDS, IntakeInput, type IntakeKind, STOCK_KINDS, StockOutInput } from '../../../shared/market';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCareRecipients } from '../../lib/queries/care';
import { useCounterRedeem, useCreateIntake, useMarketDonors, useMarketGoods, useStockOut } from '../../lib/queries/market';
import { VolunteerPicker } from '../components/volunteer-picker';
import { useManagedShops } from './catalogue-modals';

const i = IntakeInput.shape;
const o = StockOutInput.shape;

function goodsOptions(items: { id: string; name: string; unitLabel: string; onHand: number }[]) {
  return items.map((x) => ({ value: x.id, label: `${x.name}（库存 ${x.onHand} ${x.unitLabel}）` }));
}

interface IntakeValues {
  shopId: string;
  kind: IntakeKind;
  donorId?: string;
  supplier?: string;
  valueYuan: number;
  receivedOn: Dayjs;
  note?: string;
  items: { goodsId: string; quantity: number }[];
}

/** 登记入库: a donation (from a donor in the roll, with a receipt) or a purchase (from a supplier), with its items. */
export function IntakeModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const { options: shopOptions } = useManagedShops();
  const shopId = Form.useWatch('shopId', form);
  const kind = Form.useWatch('kind', form);
  const goods = useMarketGoods(shopId);
  const donors = useMarketDonors();
  const submit = useSubmit(form, useCreateIntake(), {
    input: (v: IntakeValues) => ({
      shopId: v.shopId,
      kind: v.kind,
      donorId: v.kind === 'donation' ? v.donorId : undefined,
      supplier: v.kind === 'purchase' ? v.supplier?.trim() : undefined,
      valueFen: Math.round((v.valueYuan ?? 0) * 100),
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      note: v.note?.trim() || undefined,
      items: v.items,
    }),
    onDone: (r) => {
      message.success(`已入库，单号 ${r.receiptNo}`);
      onClose();
    },
    byCode: { 'market.donor_required': 'donorId', 'market.bad_donor': 'donorId', 'market.supplier_required': 'supplier', 'market.bad_goods': 'items' },
    aliases: { valueFen: 'valueYuan' },
  });
  return (
    <FormModal
      name="market-intake"
      form={form}
      submit={submit}
      title="登记入库"
      okText="入库"
      width={640}
      onClose={onClose}
      mask={{ closable: false }}
      initialValues={{ kind: 'donation', receivedOn: dayjs(), valueYuan: 0, items: [{}], shopId: shopOptions.length === 1 ? shopOptions[0]?.value : undefined }}
    >
      <Form.Item name="shopId" label="爱心超市" rules={[{ required: true, message: '请选择爱心超市' }]}>
        <Select options={shopOptions} placeholder="选择爱心超市" onChange={() => form.setFieldValue('items', [{}])} />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
        <Radio.Group options={Object.entries(INTAKE_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {kind === 'purchase' ? (
        <Form.Item name="supplier" label="供货方" rules={rulesFrom(i.supplier, { required: '请填写供货方' })}>
          <Input maxLength={limitsOf(i.supplier).maxLength} />
        </Form.Item>
      ) : (
        <Form.Item name="donorId" label="捐赠方" rules={[{ required: true, message: '请选择捐赠方' }]} extra="名册里没有时，先在「捐赠方」页新增">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={donors.isPending}
            placeholder="选择捐赠方"
            options={(donors.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            notFoundContent="捐赠方名册为空"
          />
        </Form.Item>
      )}
      <Space wrap>
        <Form.Item name="valueYuan" label={kind === 'purchase' ? '金额（元）' : '估值（元）'} rules={[{ required: true, message: '请输入金额' }]}>
          <InputNumber min={0} precision={2} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="receivedOn" label="入库日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      </Space>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Form.Item label="物品" required>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'goodsId']} rules={[{ required: true, message: '请选择物品' }]}>
                  <Select
                    style={{ width: 260 }}
                    placeholder={shopId ? '选择物品' : '请先选择爱心超市'}
                    aria-label="物品"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={shopId ? goodsOptions(goods.data?.items ?? []) : []}
                    notFoundContent="该爱心超市还没有物品"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: '请输入数量' }]}>
                  <InputNumber min={1} max={100_000} precision={0} placeholder="数量" aria-label="数量" />
                </Form.Item>
                {fields.length > 1 ? <Button type="text" aria-label="删除此物品" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} /> : null}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              再加一种物品
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="note" label="备注" rules={rulesFrom(i.note)}>
        <Input.TextArea rows={2} maxLength={limitsOf(i.note).maxLength} />
      </Form.Item>
    </FormModal>
  );
}

interface StockOutValues {
  goodsId: string;
  kind: 'handout' | 'loss' | 'expiry';
  quantity: number;
  reason: string;
  careRecipientId?: string;
}

/** 出库登记 without points: a hand-out to a care recipient, a loss, or expiry — always with a reason. */
export function StockOutModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StockOutValues>();
  const kind = Form.useWatch('kind', form);
  const goods = useMarketGoods();
  const care = useCareRecipients({}, kind === 'handout');
  const submit = useSubmit(form, useStockOut(), {
    input: (v: StockOutValues) => ({
      goodsId: v.goodsId,
      kind: v.kind,
      quantity: v.quantity,
      reason: v.reason.trim(),
      careRecipientId: v.kind === 'handout' ? v.careRecipientId : undefined,
    }),
    onDone: () => {
      message.success('已出库');
      onClose();
    },
    byCode: { 'market.out_of_stock': 'quantity', 'market.recipient_not_found': 'careRecipientId' },
  });
  return (
    <FormModal
      name="market-stock-out"
      form={form}
      submit={submit}
      title="出库登记"
      okText="出库"
      onClose={onClose}
      initialValues={{ kind: 'handout', quantity: 1 }}
    >
      <Form.Item name="goodsId" label="物品" rules={[{ required: true, message: '请选择物品' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={goods.isPending} options={goodsOptions(goods.data?.items ?? [])} placeholder="选择物品" />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
        <Radio.Group options={(['handout', 'loss', 'expiry'] as const).map((k) => ({ value: k, label: STOCK_KINDS[k] }))} />
      </Form.Item>
      {kind === 'handout' ? (
        <Form.Item name="careRecipientId" label="服务对象" rules={[{ required: true, message: '请选择服务对象' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={care.isPending}
            placeholder="选择关爱对象"
            options={(care.data ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.categories.join('、')}）` }))}
            notFoundContent={care.error ? care.error.message : '没有登记在册的关爱对象'}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="quantity" label="数量" rules={[{ required: true, message: '请输入数量' }]}>
        <InputNumber min={1} max={100_000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={rulesFrom(o.reason, { required: '请写明出库原因' })}>
        <Input.TextArea rows={2} maxLength={limitsOf(o.reason).maxLength} placeholder={kind === 'handout' ? '如：春节慰问' : '如：包装破损、已过保质期'} />
      </Form.Item>
    </FormModal>
  );
}

/** 代兑换 at the counter: a volunteer without a phone spends points; reserved and handed over at once. */
export function RedeemModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ volunteerId: string; goodsId: string; quantity: number }>();
  const goods = useMarketGoods();
  const active = (goods.data?.items ?? []).filter((x) => x.active && x.onHand > 0);
  const submit = useSubmit(form, useCounterRedeem(), {
    input: (v) => ({ volunteerId: v.volunteerId, goodsId: v.goodsId, quantity: v.quantity, collect: true }),
    onDone: (r) => {
      message.success(`已代兑换并领取：${r.goodsName} × ${r.quantity}，扣 ${r.points} 积分`);
      onClose();
    },
    byCode: {
      'points.insufficient': 'volunteerId',
      'market.not_volunteer': 'volunteerId',
      'market.limit_reached': 'quantity',
      'market.out_of_stock': 'quantity',
      'market.inactive': 'goodsId',
      'market.closed': 'goodsId',
    },
  });
  return (
    <FormModal name="market-redeem" form={form} submit={submit} title="代兑换" okText="兑换并领取" onClose={onClose} initialValues={{ quantity: 1 }}>
      <Form.Item name="volunteerId" label="志愿者" rules={[{ required: true, message: '请选择志愿者' }]}>
        <VolunteerPicker />
      </Form.Item>
      <Form.Item name="goodsId" label="物品" rules={[{ required: true, message: '请选择物品' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={goods.isPending}
          placeholder="选择物品"
          options={active.map((x) => ({ value: x.id, label: `${x.name}（${x.pricePoints} 积分，库存 ${x.onHand}）` }))}
          notFoundContent="没有可兑换的物品"
        />
      </Form.Item>
      <Form.Item name="quantity" label="数量" rules={[{ required: true, message: '请输入数量' }]}>
        <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
