import { createHash, createHmac, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The audit chain's signing key: Ed25519 from Node's own crypto, the private key derived
 * deterministically from the audit key (itself HKDF from the one master secret), so nothing new has
 * to be stored or backed up. Ed25519 rather than HMAC because a checkpoint is meant to be kept
 * outside the system: with the public key and fingerprint printed in the file, anyone (the district,
 * an auditor) can check it with standard tools without holding a secret that could re-sign the chain.
 */
export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, printed in checkpoint files. */
  publicKeyPem: string;
  /** `sha256:` + hex of the SHA-256 of the raw 32-byte public key. */
  fingerprint: string;
}

/** PKCS#8 DER header of an Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

const cache = new WeakMap<Buffer, AuditSigningKey>();

export function auditSigningKey(auditKey: Buffer): AuditSigningKey {
  const cached = cache.get(auditKey);
  if (cached) return cached;
  const seed = createHmac('sha256', auditKey).update('shijian:audit-signing').digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const key: AuditSigningKey = {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    fingerprint: `sha256:${createHash('sha256').update(raw).digest('hex')}`,
  };
  cache.set(auditKey, key);
  return key;
}

/** The text a head signature covers. The prefix keeps it apart from checkpoints (no replaying one as the other). */
export function headMessage(seq: number, hash: string): string {
  return `shijian-audit-head/1\n${seq}\n${hash}`;
}

/** The text a checkpoint's signature covers (UTF-8, no trailing newline); documented in docs/security.md. */
export function checkpointMessage(seq: number, hash: string, at: string): string {
  return `shijian-audit-checkpoint/1\n${seq}\n${hash}\n${at}`;
}

export function signText(key: AuditSigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

export function verifyText(key: AuditSigningKey, text: string, signature: string | null): boolean {
  if (!signature) return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), key.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Whether the stored head is one this system signed. A fresh chain (seq 0) has no signature yet.
 * appendAudit re-signs only a head that verifies, so a rewritten head stays detectable: the next
 * legitimate write does not launder it.
 */
export function headIsSigned(key: AuditSigningKey, head: { seq: number; hash: string; signature: string | null }): boolean {
  if (Number(head.seq) === 0 && head.signature === null) return true;
  return verifyText(key, headMessage(Number(head.seq), head.hash), head.signature);
}
