import type { AuditEntryView, AuditQuery, AuditVerifyBody } from '../../../shared/audit';
import { appendAudit, linkPendingAudit, linkPendingAuditIn, verifyAuditChain } from '../../platform/audit';
import { issueCheckpoint } from '../../platform/audit-checkpoints';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import * as q from './audit.queries';

/** What a read of the log records: the filters and the page, never the rows shown. */
function readFilters(query: AuditQuery) {
  const { page, pageSize, action, objectId, outcome, from, to } = query;
  return Object.fromEntries(Object.entries({ page, pageSize, action, objectId, outcome, from, to }).filter(([, v]) => v !== undefined));
}

/**
 * A page of the log. The read itself is audited (who paged which filters), appended after the page
 * is read; read rows are listed only when asked for by action, so reading does not shift the pages.
 */
export async function listAudit(deps: Deps, ctx: Ctx, query: AuditQuery) {
  const unitIds = await ctx.scope.units('audit.read');
  // Nothing visible lags: rows committed before this read are linked first. A sequencer that cannot
  // run does not hide the log; its rows show without a chain position (verification names them).
  await linkPendingAudit(deps.db, deps.config.keys.audit).catch(() => 0);
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
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'audit.read',
      objectType: 'audit_log',
      changes: { query: { before: null, after: readFilters(query) } },
    }),
  );
  const items: AuditEntryView[] = rows.map((r) => ({
    pos: Number(r.pos),
    seq: r.seq === null ? null : Number(r.seq),
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
 * Verifies the whole chain, against the recorded checkpoints and, if given, the one kept outside.
 * The chain is one for the deployment, so only an institute admin may run it; the run is audited
 * (after the check, so the result is about the chain as it was found).
 */
export async function verifyAudit(deps: Deps, ctx: Ctx, body: AuditVerifyBody) {
  await ctx.scope.units('audit.verify');
  const result = await verifyAuditChain(deps.db, deps.config.keys.audit, body.checkpoint, deps.clock.now());
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'audit.verified',
      objectType: 'audit_log',
      changes: {
        result: {
          before: null,
          after: { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq, checkpointSeq: body.checkpoint?.seq ?? null },
        },
      },
    }),
  );
  return result;
}

/**
 * A signed checkpoint of the head to keep outside the system. Only over a chain that verifies (a
 * checkpoint must not bless a tampered one); the export's audit row and the recorded checkpoint are
 * written in one transaction, and the checkpoint covers that row.
 */
export async function exportCheckpoint(deps: Deps, ctx: Ctx) {
  await ctx.scope.units('audit.verify');
  const now = deps.clock.now();
  const check = await verifyAuditChain(deps.db, deps.config.keys.audit, null, now);
  if (!check.ok) throw new AppError('audit.chain_broken');
  return deps.db.transaction().execute(async (trx) => {
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'audit.checkpoint_exported', objectType: 'audit_log' });
    // The export's own row is linked in its transaction (under the head lock), so the checkpoint covers it.
    await linkPendingAuditIn(trx, deps.config.keys.audit);
    return issueCheckpoint(trx, deps.config.keys.audit, now, ctx.actor.accountId);
  });
}
