import { Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { ActionModal } from './action-modal';
import { ORDER_ACTIONS, type OrderAction } from '../../../shared/rules/order-flow';
import type { OrderView } from '../../lib/queries/orders';

/** The staff side of the flow, in the order a desk works through it; accept/decline belong to volunteers on the phone. */
const STAFF_ORDER: OrderAction[] = ['review', 'dispatch', 'redispatch', 'start', 'note', 'complete', 'rate', 'close', 'reject', 'cancel'];
const PRIMARY = new Set<OrderAction>(['review', 'dispatch', 'complete', 'rate', 'close']);
export const DANGER = new Set<OrderAction>(['reject', 'cancel']);

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
