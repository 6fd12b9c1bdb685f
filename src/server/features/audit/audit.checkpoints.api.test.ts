import { createPublicKey, verify } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/app';
import { linkPendingAudit } from '../../platform/audit';
import { type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let t: TestApp;

// A fresh chain each: these cases cut and rewrite it.
beforeEach(async () => {
  w = await makeWorld();
  t = w.t;
  for (let i = 0; i < 4; i++) await w.admin.agent.patch(`/api/org/units/${w.instituteId}`, { phone: `023-7281200${i}` });
});
afterEach(async () => w?.close());

/** What a DBA with write access could do behind the app's back: the append-only triggers are lifted first. */
async function behindTheAppsBack(...statements: ReturnType<typeof sql>[]) {
  const db = t.deps.db;
  const pg = t.deps.dialect === 'postgres';
  // The tampering is of the chain as linked: rows still waiting for the sequencer are linked first, so
  // a sequencer run kicked by the last request cannot interleave with the statements below.
  await linkPendingAudit(db, t.deps.config.keys.audit);
  const tables = [
    ['audit_log', pg ? 'audit_log_no_update' : null],
    ['audit_checkpoints', pg ? 'audit_checkpoints_no_change' : null],
  ] as const;
  if (pg) for (const [table, trigger] of tables) await sql`ALTER TABLE ${sql.raw(table)} DISABLE TRIGGER ${sql.raw(trigger ?? '')}`.execute(db);
  else for (const [table] of tables) for (const op of ['update', 'delete']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_${op}`)}`.execute(db);
  for (const s of statements) await s.execute(db);
  if (pg) for (const [table, trigger] of tables) await sql`ALTER TABLE ${sql.raw(table)} ENABLE TRIGGER ${sql.raw(trigger ?? '')}`.execute(db);
}

async function rowAt(seq: number) {
  return (await sql<{ hash: string }>`SELECT hash FROM audit_log WHERE seq = ${seq}`.execute(t.deps.db)).rows[0];
}

/** Cut every row after `keep` and set the head back to it: without the key, the old signature stays. */
async function cutTailAndRewriteHead(keep: number) {
  const { hash } = await rowAt(keep);
  await behindTheAppsBack(
    sql`DELETE FROM audit_log WHERE seq > ${keep}`,
    sql`DELETE FROM audit_checkpoints`,
    sql`UPDATE audit_head SET seq = ${keep}, hash = ${hash} WHERE id = 1`,
  );
}

describe('signed checkpoints', () => {
  it('exports a checkpoint anyone can check with the public key; the export is audited and recorded', async () => {
    const res = await w.admin.agent.post('/api/audit/checkpoints');
    expect(res.statusCode).toBe(200);
    const cp = res.json();
    expect(cp).toMatchObject({ format: 'shijian-audit-checkpoint/1' });
    expect(cp.keyFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    // An outsider's check: the signed text is documented, the public key is in the file.
    const text = `shijian-audit-checkpoint/1\n${cp.seq}\n${cp.hash}\n${cp.at}`;
    expect(verify(null, Buffer.from(text), createPublicKey(cp.publicKey), Buffer.from(cp.signature, 'base64'))).toBe(true);
    // The checkpoint covers the export's own audit row.
    const exported = (await w.admin.agent.get('/api/audit?action=audit.checkpoint_exported&pageSize=1')).json().items[0];
    expect(exported.seq).toBe(cp.seq);
    expect(exported.hash).toBe(cp.hash);
    const recorded = (await sql<{ seq: number }>`SELECT seq FROM audit_checkpoints`.execute(t.deps.db)).rows;
    expect(recorded.map((r) => Number(r.seq))).toEqual([cp.seq]);

    const ok = (await w.admin.agent.post('/api/audit/verify', { checkpoint: cp })).json();
    expect(ok).toMatchObject({ ok: true, headSigned: true });
    expect(ok.checkpoints.map((c: { source: string; ok: boolean }) => [c.source, c.ok])).toEqual([
      ['recorded', true],
      ['provided', true],
    ]);
  });

  it('refuses a checkpoint file that was edited, and one from another key', async () => {
    const cp = (await w.admin.agent.post('/api/audit/checkpoints')).json();
    const edited = (await w.admin.agent.post('/api/audit/verify', { checkpoint: { ...cp, seq: cp.seq - 1 } })).json();
    expect(edited.ok).toBe(false);
    expect(edited.checkpoints.at(-1)).toMatchObject({ source: 'provided', ok: false });
    expect(edited.reason).toContain('签名无效');
    const foreign = (await w.admin.agent.post('/api/audit/verify', { checkpoint: { ...cp, keyFingerprint: `sha256:${'0'.repeat(64)}` } })).json();
    expect(foreign.reason).toContain('密钥指纹不符');
    // Not a checkpoint at all: 400 with a stable code.
    const junk = await w.admin.agent.post('/api/audit/verify', { checkpoint: { seq: 'x' } });
    expect(junk.statusCode).toBe(400);
  });

  it('detects a cut tail with the head rewritten, through the head signature and through the checkpoint kept outside', async () => {
    const cp = (await w.admin.agent.post('/api/audit/checkpoints')).json();
    for (let i = 0; i < 3; i++) await w.admin.agent.patch(`/api/org/units/${w.instituteId}`, { phone: `023-7281300${i}` });
    const keep = cp.seq - 2;
    await cutTailAndRewriteHead(keep);

    // The chain itself now looks whole from genesis; the head's signature does not match.
    const plain = (await w.admin.agent.post('/api/audit/verify')).json();
    expect(plain).toMatchObject({ ok: false, headSigned: false, firstBrokenSeq: keep });
    expect(plain.reason).toContain('签名不符');

    // A legitimate write afterwards does not launder the rewritten head.
    await w.relogin(w.admin);
    const later = (await w.admin.agent.post('/api/audit/verify')).json();
    expect(later).toMatchObject({ ok: false, headSigned: false });

    // The file kept outside names the cut, in Chinese, even with the recorded checkpoints gone.
    const withFile = (await w.admin.agent.post('/api/audit/verify', { checkpoint: cp })).json();
    const provided = withFile.checkpoints.find((c: { source: string }) => c.source === 'provided');
    expect(provided).toMatchObject({ ok: false, seq: cp.seq });
    expect(provided.message).toMatch(/截断|哈希不符/);

    // And no new checkpoint is issued over a broken chain.
    const refused = await w.admin.agent.post('/api/audit/checkpoints');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('audit.chain_broken');
  });

  it('the recorded checkpoint names a cut tail below its seq', async () => {
    const cp = (await w.admin.agent.post('/api/audit/checkpoints')).json();
    const keep = cp.seq - 2;
    const { hash } = await rowAt(keep);
    // Cut the tail and set the head back, keeping the recorded checkpoint: the checkpoint names the cut.
    await behindTheAppsBack(sql`DELETE FROM audit_log WHERE seq > ${keep}`, sql`UPDATE audit_head SET seq = ${keep}, hash = ${hash} WHERE id = 1`);
    const res = (await w.admin.agent.post('/api/audit/verify')).json();
    expect(res.ok).toBe(false);
    const recorded = res.checkpoints.find((c: { source: string }) => c.source === 'recorded');
    expect(recorded).toMatchObject({ ok: false, seq: cp.seq });
    expect(recorded.message).toContain(`第 ${keep + 1} 条起的记录被截断`);
  });

  it('an edited recorded checkpoint fails its signature; the file kept outside still agrees', async () => {
    const cp = (await w.admin.agent.post('/api/audit/checkpoints')).json();
    await behindTheAppsBack(sql`UPDATE audit_checkpoints SET hash = ${'f'.repeat(64)}`);
    const res = (await w.admin.agent.post('/api/audit/verify', { checkpoint: cp })).json();
    // The recorded one was edited (its signature no longer matches); the file still agrees with the chain.
    expect(res.checkpoints.map((c: { source: string; ok: boolean }) => [c.source, c.ok])).toEqual([
      ['recorded', false],
      ['provided', true],
    ]);
    expect(res.reason).toContain('签名无效');
  });

  it('refuses station admins', async () => {
    const staff = await w.stationAdmin((await w.makeStation()).id);
    expect((await staff.agent.post('/api/audit/checkpoints')).statusCode).toBe(403);
  });
});
