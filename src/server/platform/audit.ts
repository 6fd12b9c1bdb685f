import type { AuditCheckpointFile, AuditVerifyView } from '../../shared/audit';
import { checkAgainstCheckpoints } from './audit-checkpoints';
import { auditSigningKey, headIsSigned, headMessage, signText } from './audit-signing';
import {
  auditRowsFrom,
  getAuditHead,
  hasUnlinkedAudit,
  insertAuditRow,
  linkAuditRow,
  lockAuditHead,
  setAuditHead,
  signUnsignedHead,
  unlinkedAuditRows,
  unlinkedAuditSummary,
} from './audit.queries';
import { hmacHex } from './crypto';
import { asBackgroundWork } from './request-state';
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
 * Writes one audit row. Call it inside the transaction that makes the change, so the change and its
 * audit row land together or not at all. The row is written outside the chain (seq, prev_hash and
 * hash empty) and takes no lock: concurrent write transactions do not wait on each other. The
 * sequencer (linkPendingAudit) links it into the hash chain shortly after the commit.
 */
export async function appendAudit(trx: DbOrTrx, _key: Buffer, at: Date, who: AuditWho, ev: AuditEvent): Promise<void> {
  await insertAuditRow(trx, {
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
  });
}

const LINK_BATCH = 500;

/**
 * Links up to `limit` unlinked rows into the chain, oldest insertion first, inside `trx`: takes the
 * head's row lock (so two processes on one PostgreSQL make one chain), hashes each row onto the
 * previous, and moves the head, signed — unless the head it found did not verify: a later link must
 * not launder a rewritten head. Returns how many rows it linked.
 */
export async function linkAuditBatch(trx: DbOrTrx, key: Buffer, limit = LINK_BATCH): Promise<number> {
  const head = await lockAuditHead(trx);
  if (!head) return 0; // a deleted head is a verification failure, not something to rebuild here
  const rows = await unlinkedAuditRows(trx, limit);
  if (rows.length === 0) return 0;
  const signing = auditSigningKey(key);
  const headWasSigned = headIsSigned(signing, { seq: Number(head.seq), hash: head.hash, signature: head.signature });
  let seq = Number(head.seq);
  let prevHash = head.hash;
  for (const r of rows) {
    seq++;
    const hash = hmacHex(key, canonical({ ...r, seq, prev_hash: prevHash }));
    const res = await linkAuditRow(trx, Number(r.pos), seq, prevHash, hash);
    if (Number(res.numUpdatedRows) !== 1) throw new Error(`audit row ${r.pos} was linked by someone else`);
    prevHash = hash;
  }
  await setAuditHead(trx, seq, prevHash, headWasSigned ? signText(signing, headMessage(seq, prevHash)) : head.signature);
  return rows.length;
}

/** Links every row not yet in the chain, in short transactions of one batch each. Returns how many. */
export async function linkPendingAudit(db: Db, key: Buffer): Promise<number> {
  let linked = 0;
  while (await hasUnlinkedAudit(db)) {
    const n = await db.transaction().execute((trx) => linkAuditBatch(trx, key));
    linked += n;
    if (n === 0) break;
  }
  return linked;
}

/** Links every row visible to `trx` inside it (an export's checkpoint must cover its own row). */
export async function linkPendingAuditIn(trx: DbOrTrx, key: Buffer): Promise<void> {
  for (;;) if ((await linkAuditBatch(trx, key)) < LINK_BATCH) return;
}

export interface AuditSequencer {
  /** Schedules a run soon (debounced): after a write request has answered, its rows are committed. */
  kick(): void;
  /** Runs now, or joins the run in progress and one more after it. */
  run(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One process's sequencer: one run at a time, kicked after writes and by a timer. Several processes
 * may each run one; the head's row lock orders them into one chain.
 */
export function auditSequencer(db: Db, key: Buffer, onError: (err: unknown) => void, delayMs = 20): AuditSequencer {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const loop = async () => {
    do {
      again = false;
      await asBackgroundWork(() => linkPendingAudit(db, key)).catch(onError);
    } while (again && !closed);
  };
  const run = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    kick() {
      if (closed || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, delayMs);
      timer.unref();
    },
    run,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
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
  /** The hash of the row at `mark` (the head as read before the walk), if the walk reached it. */
  markHash: string | null;
}

/** Walks the whole chain in order from genesis and stops at the first row that does not verify. */
async function walkChain(db: Db, key: Buffer, mark: number): Promise<ChainWalk> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let markHash: string | null = mark === 0 ? GENESIS : null;
  const batch = 2000;
  const stop = (seq: number, reason: string): ChainWalk => ({ checked, broken: { seq, reason }, lastSeq: expectedSeq - 1, lastHash: prevHash, markHash });
  for (;;) {
    const rows = await auditRowsFrom(db, expectedSeq, batch);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return stop(expectedSeq, `第 ${expectedSeq} 条记录缺失（下一条是第 ${seq} 条）`);
      if (r.prev_hash !== prevHash) return stop(seq, `第 ${seq} 条记录与上一条的链接不一致`);
      if (hmacHex(key, canonical(r as ChainRow)) !== r.hash) return stop(seq, `第 ${seq} 条记录的内容被改动过`);
      prevHash = r.hash as string;
      expectedSeq = seq + 1;
      checked++;
      if (seq === mark) markHash = prevHash;
    }
    if (rows.length < batch) break;
  }
  return { checked, broken: null, lastSeq: expectedSeq - 1, lastHash: prevHash, markHash };
}

type Head = Awaited<ReturnType<typeof getAuditHead>>;

/**
 * The head row (read before the walk) against the walked chain and its signature: a cut tail with
 * the head set back shows here. The sequencer may link more rows while the walk runs; they are
 * walked too, so the head must be reached by the walk and match it there, not be its last row.
 */
function checkHead(key: Buffer, head: Head, walk: ChainWalk): { seq: number; signed: boolean; broken: ChainWalk['broken'] } {
  if (!head) return { seq: 0, signed: false, broken: { seq: walk.lastSeq + 1, reason: '审计链头记录缺失' } };
  const seq = Number(head.seq);
  const signed = headIsSigned(auditSigningKey(key), { seq, hash: head.hash, signature: head.signature });
  if (!walk.broken && (seq > walk.lastSeq || walk.markHash !== head.hash)) {
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
 * if given, the file kept outside the system. Links pending rows first, then reports how many are
 * still not linked (written since, or a sequencer that cannot run) and how old the oldest is.
 */
export async function verifyAuditChain(db: Db, key: Buffer, provided?: AuditCheckpointFile | null, now: Date = new Date()): Promise<AuditVerifyView> {
  // A failure to link (a lifted trigger, a missing head) must not hide the report: it shows as pending rows.
  await linkPendingAudit(db, key).catch(() => 0);
  const headRow = await getAuditHead(db);
  const walk = await walkChain(db, key, headRow ? Number(headRow.seq) : 0);
  const head = checkHead(key, headRow, walk);
  const checks = await checkAgainstCheckpoints(db, auditSigningKey(key), provided ?? null);
  const pending = await unlinkedAuditSummary(db);
  const broken = walk.broken ?? head.broken ?? checks.broken;
  return {
    ok: broken === null,
    checked: walk.checked,
    firstBrokenSeq: broken?.seq ?? null,
    reason: broken?.reason ?? null,
    headSeq: broken ? null : head.seq,
    headSigned: head.signed,
    checkpoints: checks.list,
    unlinked: pending.count,
    oldestUnlinkedAt: pending.oldestAt,
    oldestUnlinkedSeconds: pending.oldestAt ? Math.max(0, Math.round((now.getTime() - Date.parse(pending.oldestAt)) / 1000)) : null,
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
