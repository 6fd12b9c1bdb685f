import { randomBytes } from 'node:crypto';
import type { NotificationView } from '../../../shared/notifications';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import * as q from './notifications.queries';

let lastMs = 0;
let seq = 0;

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of wall-clock milliseconds, a 12-bit counter
 * within the millisecond, then random bits. Notices page newest first by `created_at` (the injected
 * clock, which can stand still) and then by id, so notices written at the same `created_at` still
 * come in the order they were written (within one process; across processes, to the millisecond).
 */
export function timeOrderedId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    seq++;
    if (seq > 0xfff) {
      ms++;
      seq = 0;
    }
  } else seq = 0;
  lastMs = ms;
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8] & 0x3f);
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** In-app notice to a person; written in the caller's transaction so it exists only if the change does. */
export async function notify(trx: DbOrTrx, at: Date, personId: string, n: { kind: string; title: string; body?: string | null; link?: string | null }) {
  await q.insertNotification(trx, {
    id: timeOrderedId(),
    person_id: personId,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
    created_at: at.toISOString(),
    read_at: null,
    emailed_at: null,
  });
}

/**
 * The same in-app notice to everyone `recipients` selects (one notice per row it yields), in one
 * statement in the caller's transaction: no read of the recipients first, no INSERT per person.
 */
export async function notifyAll(
  trx: DbOrTrx,
  at: Date,
  recipients: q.Recipients,
  n: { kind: string; title: string; body?: string | null; link?: string | null },
) {
  await q.insertNotificationsFor(trx, recipients, timeOrderedId().slice(0, 32), {
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
    created_at: at.toISOString(),
  });
}

export async function listMyNotifications(
  deps: Deps,
  ctx: Ctx,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: NotificationView[]; total: number; page: number; pageSize: number; unread: number }> {
  const { rows, total, unread } = await q.pageForPerson(deps.db, ctx.actor.personId, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, read: Boolean(r.read_at) })),
    total,
    page,
    pageSize,
    unread,
  };
}

/** One notice, or all of them (id null); audited with how many changed. A notice not the caller's is 404. */
export async function markRead(deps: Deps, ctx: Ctx, id: string | null) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.markRead(trx, ctx.actor.personId, id, now.toISOString());
    if (id && n === 0) throw notFound();
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: id ? 'notifications.read' : 'notifications.read_all',
      objectType: id ? 'notification' : 'person',
      objectId: id ?? ctx.actor.personId,
      changes: { marked: { before: null, after: Number(n) } },
    });
  });
  return { ok: true as const };
}
