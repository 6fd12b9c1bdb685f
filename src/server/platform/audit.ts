import type { AuditCheckpointFile, AuditVerifyView } from '../../shared/audit';
import { checkAgainstCheckpoints } from './audit-checkpoints';
import { auditSigningKey, headIsSigned, headMessage, signText } from './audit-signing';
import { auditRowsFrom, bumpAuditHead, getAuditHead, insertAuditRow, setAuditHeadHash, signUnsignedHead } from './audit.queries';
import { hmacHex } from './crypto';
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
  const signing = auditSigningKey(key);
  const headWasSigned = headIsSigned(signing, { seq: Number(head.seq) - 1, hash: head.hash, signature: head.signature });
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
  // A head that did not verify keeps its bad signature: a later write must not launder a rewrite.
  await setAuditHeadHash(trx, hash, headWasSigned ? signText(signing, headMessage(row.seq, hash)) : head.signature);
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

interface ChainWalk {
  checked: number;
  /** The first problem found, or null. */
  broken: { seq: number; reason: string } | null;
  lastSeq: number;
  lastHash: string;
}

/** Walks the whole chain in order from genesis and stops at the first row that does not verify. */
async function walkChain(db: Db, key: Buffer): Promise<ChainWalk> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const batch = 2000;
  const stop = (seq: number, reason: string): ChainWalk => ({ checked, broken: { seq, reason }, lastSeq: expectedSeq - 1, lastHash: prevHash });
  for (;;) {
    const rows = await auditRowsFrom(db, expectedSeq, batch);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return stop(expectedSeq, `第 ${expectedSeq} 条记录缺失（下一条是第 ${seq} 条）`);
      if (r.prev_hash !== prevHash) return stop(seq, `第 ${seq} 条记录与上一条的链接不一致`);
      if (hmacHex(key, canonical(r as ChainRow)) !== r.hash) return stop(seq, `第 ${seq} 条记录的内容被改动过`);
      prevHash = r.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < batch) break;
  }
  return { checked, broken: null, lastSeq: expectedSeq - 1, lastHash: prevHash };
}

/** The head row against the walked chain and its signature: a cut tail with the head set back shows here. */
async function checkHead(db: Db, key: Buffer, walk: ChainWalk): Promise<{ seq: number; signed: boolean; broken: ChainWalk['broken'] }> {
  const head = await getAuditHead(db);
  if (!head) return { seq: 0, signed: false, broken: { seq: walk.lastSeq + 1, reason: '审计链头记录缺失' } };
  const seq = Number(head.seq);
  const signed = headIsSigned(auditSigningKey(key), { seq, hash: head.hash, signature: head.signature });
  if (!walk.broken && (seq !== walk.lastSeq || head.hash !== walk.lastHash)) {
    return { seq, signed, broken: { seq: walk.lastSeq + 1, reason: `审计链末尾的记录被删除（应有 ${seq} 条，实有 ${walk.lastSeq} 条）` } };
  }
  if (!signed) {
    return { seq, signed, broken: { seq, reason: `审计链头（第 ${seq} 条）的签名不符：链头被改写过，末尾的记录可能已被截断` } };
  }
  return { seq, signed, broken: null };
}

/**
 * Verifies the whole chain and names the first problem: a changed field (hash mismatch), a deleted
 * or inserted row (gap in seq or broken prev_hash), a reordering, a cut tail (head row ahead of the
 * last row), a head rewritten without the key (its signature does not verify), or a chain that no
 * longer reaches, or no longer matches, a signed checkpoint — every one the system recorded and,
 * if given, the file kept outside the system.
 */
export async function verifyAuditChain(db: Db, key: Buffer, provided?: AuditCheckpointFile | null): Promise<AuditVerifyView> {
  const walk = await walkChain(db, key);
  const head = await checkHead(db, key, walk);
  const checks = await checkAgainstCheckpoints(db, auditSigningKey(key), provided ?? null);
  const broken = walk.broken ?? head.broken ?? checks.broken;
  return {
    ok: broken === null,
    checked: walk.checked,
    firstBrokenSeq: broken?.seq ?? null,
    reason: broken?.reason ?? null,
    headSeq: broken ? null : head.seq,
    headSigned: head.signed,
    checkpoints: checks.list,
  };
}

/**
 * Migration 0021 adds the head's signature column; the process that ran it holds the key and signs
 * the head it found, once. Afterwards a missing signature is a failure, never re-signed.
 */
export async function signHeadAfterUpgrade(db: Db, key: Buffer, applied: string[]): Promise<void> {
  if (!applied.includes('20261130_0021_audit_checkpoints')) return;
  const head = await getAuditHead(db);
  if (!head || Number(head.seq) === 0 || head.signature !== null) return;
  const signature = signText(auditSigningKey(key), headMessage(Number(head.seq), head.hash));
  await signUnsignedHead(db, Number(head.seq), head.hash, signature);
}
