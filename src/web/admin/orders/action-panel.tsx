import { Alert, App, Button, Checkbox, Empty, Flex, Form, Input, InputNumber, Modal, Radio, Rate, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ORDER_ACTIONS, type OrderAction } from '../../../shared/rules/order-flow';
import { usePublicUnits } from '../../lib/queries/public';
import { type OrderActionInput, type OrderTargetType, type OrderView, TARGET_LABELS, useOrderAction, useSuggestions } from '../../lib/queries/orders';
import { useTeams } from '../../lib/queries/teams';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { ToneTag } from '../components/tags';
import { VolunteerPicker } from '../components/volunteer-picker';
import { applyServerErrors } from '../form-errors';

/** The staff side of the flow, in the order a desk works through it; accept/decline belong to volunteers on the phone. */
const STAFF_ORDER: OrderAction[] = ['review', 'dispatch', 'redispatch', 'start', 'note', 'complete', 'rate', 'close', 'reject', 'cancel'];
const PRIMARY = new Set<OrderAction>(['review', 'dispatch', 'complete', 'rate', 'close']);
const DANGER = new Set<OrderAction>(['reject', 'cancel']);

/** What the buttons say to staff; the state machine's labels, with the staff wording where it differs. */
const STAFF_LABELS: Partial<Record<OrderAction, string>> = { rate: '代为评价', complete: '结项', note: '记录进展' };
export const staffLabel = (a: OrderAction) => STAFF_LABELS[a] ?? ORDER_ACTIONS[a].label;

/** Only the actions the server lists in `allowedActions` are offered. */
export function ActionPanel({ order }: { order: OrderView }) {
  const [active, setActive] = useState<OrderAction | null>(null);
  const actions = STAFF_ORDER.filter((a) => order.allowedActions.includes(a));

  if (!actions.length) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          order.status === 'dispatched' ? '已派单，等待志愿者接单' : order.status === 'completed' ? '等待居民评价' : '这张需求单当前没有需要您办理的事项'
        }
      />
    );
  }
  return (
    <>
      <Flex vertical gap={8}>
        {actions.map((a) => (
          <Button key={a} block autoInsertSpace={false} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => setActive(a)}>
            {staffLabel(a)}
          </Button>
        ))}
      </Flex>
      {order.status === 'dispatched' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
          志愿者可以婉拒派给自己的单（《志愿服务条例》第二十五条：不得强迫志愿服务）；超过接单时限无人接单会自动上报实践所。
        </Typography.Paragraph>
      ) : null}
      {active ? <ActionModal key={active} order={order} action={active} onClose={() => setActive(null)} /> : null}
    </>
  );
}

interface Values {
  verified?: boolean;
  note?: string;
  reason?: string;
  targetType?: OrderTargetType;
  targetId?: string;
  report?: string;
  photos?: UploadedFile[];
  serviceHours?: number | null;
  rating?: number;
  comment?: string;
}

function ActionModal({ order, action, onClose }: { order: OrderView; action: OrderAction; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useOrderAction();
  const [error, setError] = useState<string | null>(null);
  const label = staffLabel(action);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const input: OrderActionInput = { action };
    const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
    switch (action) {
      case 'review':
        Object.assign(input, { verified: !!v.verified || undefined, note: text(v.note) });
        break;
      case 'reject':
      case 'cancel':
        input.reason = text(v.reason);
        break;
      case 'dispatch':
      case 'redispatch':
        Object.assign(input, {
          target: { type: v.targetType, ...(v.targetType !== 'pool' && v.targetId ? { id: v.targetId } : {}) },
          ...(v.verified ? { verified: true } : {}),
          note: text(v.note),
        });
        break;
      case 'note':
        input.note = text(v.note);
        break;
      case 'complete':
        Object.assign(input, {
          report: text(v.report),
          photoFileIds: (v.photos ?? []).map((f) => f.id),
          ...(v.serviceHours ? { serviceHours: v.serviceHours } : {}),
        });
        break;
      case 'rate':
        Object.assign(input, { rating: v.rating, comment: text(v.comment) });
        break;
      default:
        break;
    }
    try {
      const next = await act.mutateAsync({ id: order.id, input });
      message.success(`已${label}：${next.number}`);
      onClose();
    } catch (err) {
      setError(
        applyServerErrors(
          form,
          err,
          {
            'orders.reason_required': 'reason',
            'orders.report_required': 'report',
            'orders.rating_required': 'rating',
            'orders.unverified': 'verified',
            'orders.target_required': 'targetId',
            'hours.evidence_missing': 'photos',
          },
          { photoFileIds: 'photos', 'target.id': 'targetId', 'target.type': 'targetType' },
        ),
      );
    }
  };

  return (
    <Modal
      open
      title={`${label} · ${order.number}`}
      okText={`确认${label}`}
      okButtonProps={{ danger: DANGER.has(action) }}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={act.isPending}
      width={action === 'dispatch' || action === 'redispatch' ? 720 : 560}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values> name={`order-${action}`} form={form} layout="vertical" requiredMark="optional" initialValues={{ targetType: 'pool', photos: [] }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <ActionFields order={order} action={action} />
      </Form>
    </Modal>
  );
}

function VerifiedField({ order, required }: { order: OrderView; required: boolean }) {
  if (order.requesterVerified) {
    return (
      <Typography.Paragraph>
        <ToneTag tone="green">已核实</ToneTag> 点单人身份和需求已核实。
      </Typography.Paragraph>
    );
  }
  return (
    <Form.Item
      name="verified"
      valuePropName="checked"
      extra={`请拨打 ${order.requesterPhone ?? '点单人电话'} 与${order.requesterName}本人确认（《志愿服务条例》第十三条）`}
      rules={required ? [{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('派单前须核实点单人的身份和需求'))) }] : []}
    >
      <Checkbox>已电话核实身份和需求</Checkbox>
    </Form.Item>
  );
}

function ActionFields({ order, action }: { order: OrderView; action: OrderAction }) {
  switch (action) {
    case 'review':
      return (
        <>
          <Typography.Paragraph type="secondary">审单：联系点单人，核实身份、需求是否属实、是否适合志愿服务。核实后即可派单。</Typography.Paragraph>
          <VerifiedField order={order} required={false} />
          <Form.Item name="note" label="核实情况" rules={[{ max: 1000 }]}>
            <Input.TextArea rows={3} placeholder="如：已电话联系本人，需求属实，希望周六上午上门" />
          </Form.Item>
        </>
      );
    case 'reject':
      return (
        <Form.Item name="reason" label="不予受理的原因" rules={[{ required: true, whitespace: true, message: '请填写原因，点单人会看到' }, { max: 300 }]}>
          <Input.TextArea rows={3} placeholder="如：不属于志愿服务范围，已转交社区居委会办理" />
        </Form.Item>
      );
    case 'cancel':
      return (
        <Form.Item name="reason" label="取消原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 300 }]}>
          <Input.TextArea rows={3} placeholder="如：居民来电说问题已解决" />
        </Form.Item>
      );
    case 'dispatch':
    case 'redispatch':
      return <DispatchFields order={order} />;
    case 'start':
      return <Typography.Paragraph>确认志愿者已开始服务？（通常由志愿者在手机上操作，志愿者不便时由工作人员代为记录。）</Typography.Paragraph>;
    case 'note':
      return (
        <Form.Item name="note" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展' }, { max: 1000 }]}>
          <Input.TextArea rows={3} placeholder="如：已与居民约定周六上午上门" />
        </Form.Item>
      );
    case 'complete':
      return (
        <>
          <Form.Item name="report" label="服务情况" rules={[{ required: true, whitespace: true, message: '结项需要填写服务情况' }, { max: 2000 }]}>
            <Input.TextArea rows={4} placeholder="做了什么、居民反馈、后续需要" />
          </Form.Item>
          <Form.Item name="photos" label="现场照片">
            <FileUpload purpose="photo" buttonText="上传照片" />
          </Form.Item>
          <Form.Item name="serviceHours" label="服务时长（小时）" extra="不填按服务项目的标准时长计；结项后自动生成志愿者服务记录，待工作人员确认">
            <InputNumber min={0.25} max={24} step={0.5} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <>
          <Typography.Paragraph type="secondary">电话回访点单人后，按居民的评价代为填写。</Typography.Paragraph>
          <Form.Item name="rating" label="居民评价" rules={[{ required: true, message: '请选择 1–5 星' }]}>
            <Rate aria-label="居民评价星级" />
          </Form.Item>
          <Form.Item name="comment" label="居民的话" rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'close':
      return <Typography.Paragraph>确认办结？办结后这张需求单归档，不再流转。</Typography.Paragraph>;
    default:
      return null;
  }
}

const TARGET_ORDER: OrderTargetType[] = ['pool', 'volunteer', 'team', 'station', 'institute'];
const TARGET_HELP: Record<OrderTargetType, string> = {
  pool: '全街道已认证的志愿者都能在手机上看到并接单，先到先得',
  volunteer: '派给一位志愿者；按技能、距离、空闲时间和评价推荐',
  team: '派给一支志愿服务队，队员都能接单',
  station: '派给一个实践站，该站志愿者都能接单',
  institute: '上报实践所统筹',
};

function DispatchFields({ order }: { order: OrderView }) {
  const form = Form.useFormInstance<Values>();
  const type = (Form.useWatch('targetType', form) ?? 'pool') as OrderTargetType;

  return (
    <>
      <VerifiedField order={order} required />
      <Form.Item name="targetType" label="派给" rules={[{ required: true }]} extra={TARGET_HELP[type]}>
        <Radio.Group
          optionType="button"
          options={TARGET_ORDER.map((t) => ({ value: t, label: TARGET_LABELS[t] }))}
          onChange={() => form.setFieldValue('targetId', undefined)}
        />
      </Form.Item>
      {type === 'volunteer' ? <VolunteerTarget order={order} /> : null}
      {type === 'team' ? <TeamTarget /> : null}
      {type === 'station' || type === 'institute' ? <UnitTarget kind={type} order={order} /> : null}
      <Form.Item name="note" label="派单说明" rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} placeholder="如：居民行动不便，请提前电话联系" />
      </Form.Item>
    </>
  );
}

/** Ranked suggestions with the reasons behind each score (PIPL 第二十四条: automated choices are explained). */
function VolunteerTarget({ order }: { order: OrderView }) {
  const form = Form.useFormInstance<Values>();
  const suggestions = useSuggestions(order.id, true);
  const picked = Form.useWatch('targetId', form);
  const suggested = useMemo(() => new Set((suggestions.data ?? []).map((s) => s.volunteerId)), [suggestions.data]);

  return (
    <Form.Item label="志愿者" required>
      <Form.Item name="targetId" noStyle rules={[{ required: true, message: '请选择一位志愿者' }]}>
        <Radio.Group style={{ width: '100%' }} aria-label="推荐的志愿者">
          {suggestions.isPending ? (
            <Spin description="正在计算推荐…" />
          ) : suggestions.error ? (
            <Alert type="error" showIcon title="推荐加载失败" description={suggestions.error.message} />
          ) : (suggestions.data ?? []).length === 0 ? (
            <Typography.Text type="secondary">没有合适的推荐，请在下方查找志愿者。</Typography.Text>
          ) : (
            <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8, maxHeight: 360, overflowY: 'auto' }} data-testid="suggestions">
              {(suggestions.data ?? []).map((s) => (
                <li key={s.volunteerId} style={{ border: `1px solid ${picked === s.volunteerId ? '#c7000b' : '#dcdfe4'}`, borderRadius: 8, padding: '8px 12px' }}>
                  <Radio value={s.volunteerId}>
                    <strong>{s.name}</strong>
                    <Typography.Text style={{ marginInlineStart: 8 }}>匹配度 {Math.round(s.score)}</Typography.Text>
                  </Radio>
                  <div style={{ marginTop: 4, paddingInlineStart: 24 }}>
                    {s.reasons.map((r) => (
                      <ToneTag key={r} tone="grey">
                        {r}
                      </ToneTag>
                    ))}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Radio.Group>
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Typography.Text type="secondary">或查找其他志愿者：</Typography.Text>
        <VolunteerPicker
          value={picked && !suggested.has(picked) ? picked : undefined}
          onChange={(id) => form.setFieldValue('targetId', id)}
          placeholder="输入姓名、志愿者编号或手机号"
        />
      </Space>
    </Form.Item>
  );
}

function TeamTarget() {
  const teams = useTeams();
  return (
    <Form.Item name="targetId" label="志愿服务队" rules={[{ required: true, message: '请选择队伍' }]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={teams.isPending}
        options={(teams.data ?? []).filter((t) => !t.archived).map((t) => ({ value: t.id, label: `${t.name}（${t.unitName}，${t.memberCount} 人）` }))}
        placeholder="选择队伍"
      />
    </Form.Item>
  );
}

/**
 * Any station of the same street, or its institute. The public directory is used because a
 * station admin's own unit list holds only their station, yet they may pass an order to a
 * neighbouring station or up to the institute (the server checks it is the same street).
 */
function UnitTarget({ kind, order }: { kind: 'station' | 'institute'; order: OrderView }) {
  const units = usePublicUnits();
  const all = units.data ?? [];
  const home = all.find((u) => u.id === order.unitId);
  const instituteId = home?.kind === 'institute' ? home.id : home?.parentId;
  const options = all
    .filter((u) => u.kind === kind && (kind === 'institute' ? u.id === instituteId : u.parentId === instituteId))
    .map((u) => ({ value: u.id, label: u.id === order.unitId ? `${u.name}（本站）` : u.name }));
  return (
    <Form.Item name="targetId" label={kind === 'station' ? '实践站' : '实践所'} rules={[{ required: true, message: '请选择' }]}>
      <Select showSearch={{ optionFilterProp: 'label' }} loading={units.isPending} options={options} />
    </Form.Item>
  );
}
