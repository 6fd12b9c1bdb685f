import { describe, expect, it } from 'vitest';
import { allowedOrderActions, nextOrderStatus, ORDER_ACTION_KEYS, ORDER_ACTIONS, ORDER_STATUSES, type OrderActor, type OrderStatus } from './order-flow';

const STATUSES = Object.keys(ORDER_STATUSES) as OrderStatus[];
const ACTORS: OrderActor[] = ['staff', 'volunteer', 'requester', 'system'];

describe('order state machine', () => {
  it('allows exactly the listed transitions and refuses every other (status × action × actor)', () => {
    let allowed = 0;
    let refused = 0;
    for (const s of STATUSES)
      for (const a of ORDER_ACTION_KEYS)
        for (const who of ACTORS) {
          const def = ORDER_ACTIONS[a];
          const ok = (def.from as readonly string[]).includes(s) && (def.by as readonly string[]).includes(who);
          const next = nextOrderStatus(s, a, who);
          if (ok) {
            expect(next, `${s} --${a}/${who}`).toBe(def.to ?? s);
            allowed++;
          } else {
            expect(next, `${s} --${a}/${who}`).toBeNull();
            refused++;
          }
        }
    expect(allowed).toBeGreaterThan(15);
    expect(refused).toBeGreaterThan(300);
  });

  it('follows the domain path 点单 → 审单 → 派单 → 接单 → 结项 → 评单 → 办结', () => {
    const path: [OrderStatus, Parameters<typeof nextOrderStatus>[1], OrderActor, OrderStatus][] = [
      ['submitted', 'review', 'staff', 'reviewing'],
      ['reviewing', 'dispatch', 'staff', 'dispatched'],
      ['dispatched', 'accept', 'volunteer', 'accepted'],
      ['accepted', 'start', 'volunteer', 'in_service'],
      ['in_service', 'complete', 'volunteer', 'completed'],
      ['completed', 'rate', 'requester', 'rated'],
      ['rated', 'close', 'staff', 'closed'],
    ];
    for (const [from, action, who, to] of path) expect(nextOrderStatus(from, action, who)).toBe(to);
  });

  it('lets the requester cancel only before acceptance, and never rate their own… as a volunteer', () => {
    expect(nextOrderStatus('dispatched', 'cancel', 'requester')).toBe('cancelled');
    expect(nextOrderStatus('accepted', 'cancel', 'requester')).toBeNull();
    expect(nextOrderStatus('completed', 'rate', 'volunteer')).toBeNull();
    expect(nextOrderStatus('dispatched', 'accept', 'staff')).toBeNull();
    expect(allowedOrderActions('dispatched', 'volunteer').sort()).toEqual(['accept', 'decline']);
  });
});
