import { ORDER_STATUSES } from '../../../shared/rules/order-flow';
import type { OrderView } from '../../lib/queries/orders';
import o from './orders.module.css';

/** An order's status as a coloured badge. zod-free (type imports only), so the light home page can show it. */
const TONES: Record<OrderView['status'], string> = {
  submitted: o.toneGold,
  reviewing: o.toneGold,
  rejected: o.toneGrey,
  dispatched: o.toneBlue,
  accepted: o.toneBlue,
  in_service: o.toneBlue,
  completed: o.toneGold,
  rated: o.toneGreen,
  closed: o.toneGreen,
  cancelled: o.toneGrey,
};

export function StatusBadge({ status }: { status: OrderView['status'] }) {
  return (
    <span className={`${o.badge} ${TONES[status]}`} data-testid="order-status">
      {ORDER_STATUSES[status] ?? status}
    </span>
  );
}
