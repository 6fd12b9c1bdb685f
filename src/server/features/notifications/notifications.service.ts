import { randomUUID } from 'node:crypto';
import type { NotificationView } from '../../../shared/notifications';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import * as q from './notifications.queries';

/** In-app notice to a person; written in the caller's transaction so it exists only if the change does. */
export async function notify(trx: DbOrTrx, at: Date, personId: string, n: { kind: string; title: string; body?: string | null; link?: string | null }) {
  await q.insertNotification(trx, {
    id: randomUUID(),
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

export async function markRead(deps: Deps, ctx: Ctx, id: string | null) {
  const n = await q.markRead(deps.db, ctx.actor.personId, id, deps.clock.now().toISOString());
  if (id && n === 0) throw notFound();
  return { ok: true as const };
}
