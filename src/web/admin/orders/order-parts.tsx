import { Image, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OrderStatus } from '../../../shared/rules/order-flow';
import { CHANNEL_LABELS, type OrderView, photoUrl, slaText, statusLabel } from '../../lib/queries/orders';
import { type Tone, ToneTag } from '../components/tags';

const STATUS_TONES: Record<OrderStatus, Tone> = {
  submitted: 'gold',
  reviewing: 'gold',
  rejected: 'grey',
  dispatched: 'blue',
  accepted: 'blue',
  in_service: 'blue',
  completed: 'gold',
  rated: 'green',
  closed: 'green',
  cancelled: 'grey',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return <ToneTag tone={STATUS_TONES[status]}>{statusLabel(status)}</ToneTag>;
}

/** The clock the SLA timers read; ticks every 30 s so a countdown moves without a refetch. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** 已上报 when escalated to the institute, 超时 when the SLA has run out, else the time left. */
export function SlaTags({ order, now }: { order: Pick<OrderView, 'status' | 'slaDueAt' | 'overdue' | 'escalationLevel'>; now: number }) {
  const sla = order.status === 'dispatched' ? slaText(order.slaDueAt, now) : null;
  const late = order.status === 'dispatched' && (order.overdue || !!sla?.late);
  return (
    <Space size={0} wrap>
      {order.escalationLevel > 0 ? <ToneTag tone="gold">已上报</ToneTag> : null}
      {late ? <ToneTag tone="red">超时</ToneTag> : null}
      {sla ? (
        <Typography.Text style={{ fontSize: 13, color: sla.late ? '#a8071a' : '#3d434d' }} aria-label={`接单时限：${sla.text}`}>
          {sla.text}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

export function ChannelText({ channel }: { channel: OrderView['channel'] }) {
  return <>{CHANNEL_LABELS[channel] ?? channel}</>;
}

/** Photos attached to an order; a file the viewer may not open shows as a note, not a broken image. */
export function OrderPhotos({ ids, label }: { ids: string[]; label: string }) {
  if (!ids.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((id, i) => (
          <Image
            key={id}
            src={photoUrl(id)}
            alt={`${label} ${i + 1}`}
            width={96}
            height={96}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            fallback="data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='96' height='96'><rect width='96' height='96' fill='%23f2f3f5'/><text x='48' y='54' font-size='12' text-anchor='middle' fill='%233d434d'>无法查看</text></svg>"
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
