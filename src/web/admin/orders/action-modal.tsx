import { App, Form } from 'antd';
import type { OrderAction } from '../../../shared/rules/order-flow';
import { FormModal, useSubmit } from '../../lib/form';
import { type OrderActionInput, type OrderView, useOrderAction } from '../../lib/queries/orders';
import { ActionFields, type Values } from './action-fields';
import { DANGER, staffLabel } from './action-panel';

const text = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** The form → what the server takes for this action. */
function inputOf(action: OrderAction, v: Values): OrderActionInput {
  const input: OrderActionInput = { action };
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
  return input;
}

export function ActionModal({ order, action, onClose }: { order: OrderView; action: OrderAction; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const label = staffLabel(action);
  const submit = useSubmit(form, useOrderAction(), {
    input: (v) => ({ id: order.id, input: inputOf(action, v) }),
    onDone: (next) => {
      message.success(`已${label}：${next.number}`);
      onClose();
    },
    byCode: {
      'orders.reason_required': 'reason',
      'orders.report_required': 'report',
      'orders.rating_required': 'rating',
      'orders.unverified': 'verified',
      'orders.target_required': 'targetId',
      'hours.evidence_missing': 'photos',
    },
    aliases: { photoFileIds: 'photos', 'target.id': 'targetId', 'target.type': 'targetType' },
  });

  return (
    <FormModal
      name={`order-${action}`}
      form={form}
      submit={submit}
      title={`${label} · ${order.number}`}
      okText={`确认${label}`}
      okButtonProps={{ danger: DANGER.has(action) }}
      onClose={onClose}
      width={action === 'dispatch' || action === 'redispatch' ? 720 : 560}
      mask={{ closable: false }}
      requiredMark="optional"
      initialValues={{ targetType: 'pool', photos: [] }}
    >
      <ActionFields order={order} action={action} />
    </FormModal>
  );
}
