import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { type Site, auditState, createStation, kill9, login, makeSite, printFigures, startServer, stationNames, stop } from './support';

/**
 * The restore drill (issue 12, 等保 数据备份恢复), as an operator runs it: `npm run backup` while a real
 * server takes writes, more writes after it, the server killed with kill -9, `npm run restore -- <dir>`
 * (which must see that the killed server is gone), the server started again. What the backup held is
 * back, what came after it is not, the audit chain verifies, and the next write goes through.
 * SQLite here; the PostgreSQL path (pg_dump/pg_restore) is drilled in src/server/platform/backup.api.test.ts.
 */
const figures: Record<string, string | number>[] = [];
afterAll(() => printFigures('restore drill', figures));

function cli(site: Site, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', ...args],
      { env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: '', DATA_DIR: site.dataDir, SHIJIAN_SECRET: site.secret, LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe('backup under writes, kill -9, restore, start again (SQLite)', () => {
  let site: Site | undefined;
  afterAll(async () => site?.drop());

  it('comes back to what the backup held, with a verified audit chain', { timeout: 300_000 }, async () => {
    site = await makeSite('sqlite');
    const s = site;
    let server = await startServer(s);
    const session = await login(server.url, s);
    const acked: { name: string; at: number }[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const name = `演练站${i}`;
        const res = await createStation(server.url, session, s, name).catch(() => null);
        if (res?.status === 201) acked.push({ name, at: Date.now() });
      }
    })();
    while (acked.length < 10) await new Promise((ok) => setTimeout(ok, 50));
    const backupStarted = Date.now();
    const backup = await cli(s, ['backup']);
    const backupEnded = Date.now();
    expect(backup.code, backup.out).toBe(0);
    const dir = /已备份到 (\S+?)（/.exec(backup.out)?.[1];
    expect(dir, backup.out).toBeTruthy();
    // Writes go on after the backup, then the server dies without warning.
    const afterBackup = acked.length;
    while (acked.length < afterBackup + 10) await new Promise((ok) => setTimeout(ok, 50));
    writing = false;
    await kill9(server);
    await writer;

    const restore = await cli(s, ['restore', dir as string]);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain('完整性检查: ok');
    expect(restore.out).toMatch(/审计链校验通过/);

    server = await startServer(s);
    try {
      const names = await stationNames(s);
      const before = acked.filter((a) => a.at < backupStarted).map((a) => a.name);
      const after = acked.filter((a) => a.at > backupEnded).map((a) => a.name);
      // Acknowledged before the backup began: there. Acknowledged after it ended: not (the drill restores to the backup).
      expect(before.filter((n) => !names.has(n))).toEqual([]);
      expect(after.filter((n) => names.has(n))).toEqual([]);
      const audit = await auditState(s);
      expect(audit.ok).toBe(true);
      const again = await login(server.url, s);
      expect((await createStation(server.url, again, s, '恢复后新站')).status).toBe(201);
      figures.push({
        database: 'sqlite',
        'acked before backup': before.length,
        'acked after backup': after.length,
        'restored stations': [...names].filter((n) => n.startsWith('演练站')).length,
        'audit rows verified': audit.checked,
      });
    } finally {
      await stop(server);
    }
  });
});
