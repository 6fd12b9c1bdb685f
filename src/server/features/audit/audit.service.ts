import type { AuditEntryView, AuditQuery } from '../../../shared/audit';
import { verifyAuditChain } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import * as q from './audit.queries';

export async function listAudit(deps: Deps, ctx: Ctx, query: AuditQuery) {
  const unitIds = await ctx.scope.units('audit.read');
  const { rows, total } = await q.pageAudit(
    deps.db,
    {
      unitIds: [...unitIds],
      action: query.action,
      objectId: query.objectId,
      outcome: query.outcome,
      from: query.from ? new Date(query.from).toISOString() : undefined,
      to: query.to ? new Date(query.to).toISOString() : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const items: AuditEntryView[] = rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorName: r.actor_name,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    unitId: r.unit_id,
    ip: r.ip,
    requestId: r.request_id,
    outcome: r.outcome,
    changes: r.changes ? JSON.parse(r.changes) : null,
    hash: r.hash,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Verifies the whole chain. The chain is one for the deployment, so only an institute admin may
 * run it, and it names the first broken row.
 */
export async function verifyAudit(deps: Deps, ctx: Ctx) {
  await ctx.scope.units('audit.verify');
  return verifyAuditChain(deps.db, deps.config.keys.audit);
}
