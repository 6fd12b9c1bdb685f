import { randomUUID } from 'node:crypto';
import { AUDIT_CHECKPOINT_FORMAT, type AuditCheckpointCheck, type AuditCheckpointFile } from '../../shared/audit';
import { type AuditSigningKey, auditSigningKey, checkpointMessage, signText, verifyText } from './audit-signing';
import { auditRowAt, getAuditHead, insertCheckpoint, lastAuditSeq, listCheckpoints } from './audit.queries';
import type { DbOrTrx } from './db';

/**
 * Signs the chain's current head as a checkpoint and records it. Call inside the transaction that
 * appended the export's own audit row, after it: the checkpoint then covers that row too.
 */
export async function issueCheckpoint(trx: DbOrTrx, auditKey: Buffer, at: Date, issuedBy: string | null): Promise<AuditCheckpointFile> {
  const head = await getAuditHead(trx);
  if (!head || Number(head.seq) === 0) throw new Error('audit chain is empty');
  const key = auditSigningKey(auditKey);
  const seq = Number(head.seq);
  const iso = at.toISOString();
  const signature = signText(key, checkpointMessage(seq, head.hash, iso));
  await insertCheckpoint(trx, { id: randomUUID(), seq, hash: head.hash, at: iso, signature, key_fingerprint: key.fingerprint, issued_by: issuedBy });
  return {
    format: AUDIT_CHECKPOINT_FORMAT,
    seq,
    hash: head.hash,
    at: iso,
    keyFingerprint: key.fingerprint,
    publicKey: key.publicKeyPem,
    signature,
  };
}

interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  signature: string;
  keyFingerprint: string;
}

type Broken = { seq: number; reason: string } | null;

/** One checkpoint against the stored chain: signed by this system, reached by the chain, same hash at its seq. */
async function checkOne(db: DbOrTrx, key: AuditSigningKey, cp: Checkpoint, source: AuditCheckpointCheck['source'], lastSeq: number) {
  const label = source === 'recorded' ? '系统记录的检查点' : '提供的检查点';
  const at = cp.at.slice(0, 19).replace('T', ' ');
  const fail = (message: string, seq: number) => ({ check: { source, seq: cp.seq, at: cp.at, ok: false, message }, broken: { seq, reason: message } });
  if (cp.keyFingerprint !== key.fingerprint) {
    return fail(`${label}（第 ${cp.seq} 条）不是本系统的密钥签发的（密钥指纹不符）`, cp.seq);
  }
  if (!verifyText(key, checkpointMessage(cp.seq, cp.hash, cp.at), cp.signature)) {
    return fail(`${label}（第 ${cp.seq} 条）签名无效：检查点内容被改动过`, cp.seq);
  }
  if (lastSeq < cp.seq) {
    return fail(`${label}签发于 ${at}，当时审计链已到第 ${cp.seq} 条，现在只到第 ${lastSeq} 条：第 ${lastSeq + 1} 条起的记录被截断`, lastSeq + 1);
  }
  const row = await auditRowAt(db, cp.seq);
  if (!row || row.hash !== cp.hash) {
    return fail(`第 ${cp.seq} 条记录与${label}（${at}）的哈希不符：该处及之前的记录被改写过`, cp.seq);
  }
  return { check: { source, seq: cp.seq, at: cp.at, ok: true, message: `与${label}（第 ${cp.seq} 条，${at}）一致` }, broken: null as Broken };
}

/**
 * The chain against every checkpoint the system recorded (the result lists the last one, and any
 * that fail) and against the file brought from outside, if any. The recorded ones can be cut by
 * someone with write access to the database; the file kept outside cannot.
 */
export async function checkAgainstCheckpoints(
  db: DbOrTrx,
  key: AuditSigningKey,
  provided: AuditCheckpointFile | null,
): Promise<{ list: AuditCheckpointCheck[]; broken: Broken }> {
  const lastSeq = await lastAuditSeq(db);
  const recorded = await listCheckpoints(db);
  const list: AuditCheckpointCheck[] = [];
  let broken: Broken = null;
  for (const [i, r] of recorded.entries()) {
    const cp = { seq: Number(r.seq), hash: r.hash, at: r.at, signature: r.signature, keyFingerprint: r.key_fingerprint };
    const out = await checkOne(db, key, cp, 'recorded', lastSeq);
    if (!out.check.ok || i === recorded.length - 1) list.push(out.check);
    broken ??= out.broken;
  }
  if (provided) {
    const out = await checkOne(db, key, provided, 'provided', lastSeq);
    list.push(out.check);
    broken ??= out.broken;
  }
  return { list, broken };
}
