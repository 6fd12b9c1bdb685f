/**
 * The order state machine (domain.md, "Orders (点单)"), shared by the server and the UI, which
 * only offers the actions allowed here:
 * submitted (点单) → reviewing (审单) → rejected | dispatched (派单) → accepted (接单) → in_service →
 * completed (结项) → rated (评单) → closed; the requester cancels before acceptance; staff
 * re-dispatch; an order not taken within its SLA escalates a level.
 */
export const ORDER_STATUSES = {
  submitted: '已点单',
  reviewing: '审单中',
  rejected: '未受理',
  dispatched: '已派单',
  accepted: '已接单',
  in_service: '服务中',
  completed: '已结项',
  rated: '已评价',
  closed: '已办结',
  cancelled: '已取消',
} as const;
export type OrderStatus = keyof typeof ORDER_STATUSES;

export type OrderActor = 'staff' | 'volunteer' | 'requester' | 'system';

export const ORDER_ACTIONS = {
  review: { from: ['submitted'], to: 'reviewing', by: ['staff'], label: '开始审单' },
  reject: { from: ['submitted', 'reviewing'], to: 'rejected', by: ['staff'], label: '不予受理' },
  dispatch: { from: ['reviewing'], to: 'dispatched', by: ['staff'], label: '派单' },
  redispatch: { from: ['dispatched', 'accepted'], to: 'dispatched', by: ['staff'], label: '改派' },
  escalate: { from: ['dispatched'], to: 'dispatched', by: ['system'], label: '超时上报' },
  accept: { from: ['dispatched'], to: 'accepted', by: ['volunteer'], label: '接单' },
  decline: { from: ['dispatched'], to: 'dispatched', by: ['volunteer'], label: '婉拒' },
  start: { from: ['accepted'], to: 'in_service', by: ['volunteer', 'staff'], label: '开始服务' },
  note: { from: ['accepted', 'in_service'], to: null, by: ['volunteer', 'staff'], label: '记录进展' },
  complete: { from: ['accepted', 'in_service'], to: 'completed', by: ['volunteer', 'staff'], label: '结项' },
  rate: { from: ['completed'], to: 'rated', by: ['requester', 'staff', 'system'], label: '评价' },
  close: { from: ['rated'], to: 'closed', by: ['staff', 'system'], label: '办结' },
  cancel: { from: ['submitted', 'reviewing', 'dispatched'], to: 'cancelled', by: ['requester', 'staff'], label: '取消' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus | null; by: readonly OrderActor[]; label: string }>;
export type OrderAction = keyof typeof ORDER_ACTIONS;
export const ORDER_ACTION_KEYS = Object.keys(ORDER_ACTIONS) as OrderAction[];

/** Where an order ends up after `action` from `status`, or null when the move is not allowed. */
export function nextOrderStatus(status: OrderStatus, action: OrderAction, actor: OrderActor): OrderStatus | null {
  const a = ORDER_ACTIONS[action];
  if (!(a.from as readonly OrderStatus[]).includes(status)) return null;
  if (!(a.by as readonly OrderActor[]).includes(actor)) return null;
  return a.to ?? status;
}

/** The actions an actor may take on an order in this status. */
export function allowedOrderActions(status: OrderStatus, actor: OrderActor): OrderAction[] {
  return ORDER_ACTION_KEYS.filter((a) => nextOrderStatus(status, a, actor) !== null && a !== 'escalate');
}

/** Open311 has two statuses; our richer one travels in status_notes. */
export function open311Status(status: OrderStatus): 'open' | 'closed' {
  return ['rejected', 'closed', 'cancelled', 'rated', 'completed'].includes(status) ? 'closed' : 'open';
}
