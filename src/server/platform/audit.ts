import type { AuditVerifyView } from '../../shared/audit';
import { hmacHex } from './crypto';
import { auditRowsFrom, bumpAuditHead, getAuditHead, insertAuditRow, setAuditHeadHash } from './audit.queries';
import type { Db, DbOrTrx } from './db';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEvent {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  unitId?: string | null;
  outcome?: 'success' | 'failure';
  changes?: Changes | null;
}

export interface AuditWho {
  actorAccountId: string | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
}

const GENESIS = '0'.repeat(64);

interface ChainRow {
  seq: number;
  at: string;
  actor_account_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  unit_id: string | null;
  ip: string | null;
  request_id: string | null;
  outcome: string;
  changes: string | null;
  prev_hash: string;
}

/** The exact bytes a row's hash covers; any edit to a stored field changes it. */
function canonical(r: ChainRow): string {
  return JSON.stringify([
    Number(r.seq),
    r.at,
    r.actor_account_id,
    r.actor_name,
    r.action,
    r.object_type,
    r.object_id,
    r.unit_id,
    r.ip,
    r.request_id,
    r.outcome,
    r.changes,
    r.prev_hash,
  ]);
}

/**
 * Appends one row to the hash chain. Call it inside the transaction that makes the change, so the
 * change and its audit row land together or not at all. Bumping the head row first takes a row
 * lock on PostgreSQL (SQLite serialises writers anyway), so concurrent appends form one chain.
 */
export async function appendAudit(trx: DbOrTrx, key: Buffer, at: Date, who: AuditWho, ev: AuditEvent): Promise<number> {
  const head = await bumpAuditHead(trx);
  const row: ChainRow = {
    seq: Number(head.seq),
    at: at.toISOString(),
    actor_account_id: who.actorAccountId,
    actor_name: who.actorName,
    action: ev.action,
    object_type: ev.objectType ?? null,
    object_id: ev.objectId ?? null,
    unit_id: ev.unitId ?? null,
    ip: who.ip,
    request_id: who.requestId,
    outcome: ev.outcome ?? 'success',
    changes: ev.changes && Object.keys(ev.changes).length > 0 ? JSON.stringify(ev.changes) : null,
    prev_hash: head.hash,
  };
  const hash = hmacHex(key, canonical(row));
  await insertAuditRow(trx, { ...row, outcome: row.outcome as 'success' | 'failure', hash });
  await setAuditHeadHash(trx, hash);
  return row.seq;
}

/** Field-by-field before → after, only for fields that changed. Secrets are never passed in. */
export function diffFields<T extends object>(before: T | null, after: T | null, fields: (keyof T & string)[]): Changes {
  const out: Changes = {};
  for (const f of fields) {
    const b = before ? ((before as Record<string, unknown>)[f] ?? null) : null;
    const a = after ? ((after as Record<string, unknown>)[f] ?? null) : null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[f] = { before: b, after: a };
  }
  return out;
}

/**
 * Walks the whole chain in order and names the first row that does not verify: a changed field
 * (hash mismatch), a deleted or inserted row (gap in seq or broken prev_hash), a reordering, or a
 * cut tail (head row ahead of the last row).
 */
export async function verifyAuditChain(db: Db, key: Buffer): Promise<AuditVerifyView> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const batch = 2000;
  for (;;) {
    const rows = await auditRowsFrom(db, expectedSeq, batch);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return broken(checked, expectedSeq, `第 ${expectedSeq} 条记录缺失（下一条是第 ${seq} 条）`);
      if (r.prev_hash !== prevHash) return broken(checked, seq, `第 ${seq} 条记录与上一条的链接不一致`);
      if (hmacHex(key, canonical(r as ChainRow)) !== r.hash) return broken(checked, seq, `第 ${seq} 条记录的内容被改动过`);
      prevHash = r.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < batch) break;
  }
  const head = await getAuditHead(db);
  if (!head) return broken(checked, expectedSeq, '审计链头记录缺失');
  if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    return broken(checked, expectedSeq, `审计链末尾的记录被删除（应有 ${Number(head.seq)} 条，实有 ${expectedSeq - 1} 条）`);
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null, headSeq: Number(head.seq) };
}

function broken(checked: number, seq: number, reason: string): AuditVerifyView {
  return { ok: false, checked, firstBrokenSeq: seq, reason, headSeq: null };
}
