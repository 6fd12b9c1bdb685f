import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Site, createStation, login, makeSite, startServer, stop } from './support';

/**
 * Personal data at rest (issue 12, 等保 数据保密性): DATA_DIR holds the database, the uploads and the
 * master key, and is the owner's only — 0700, its files 0600 — also when the directory was made by
 * hand with the default umask before the server first started. A real `main.ts start` on SQLite.
 */
const mode = (file: string) => statSync(file).mode & 0o777;

/** Every file and directory under `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? [full, ...walk(full)] : [full];
  });
}

// A 1×1 PNG: an upload the server accepts as evidence.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('DATA_DIR on a real server', () => {
  let site: Site | undefined;
  afterAll(async () => site?.drop());

  it('is made owner-only on start, and what the server writes there is owner-only', { timeout: 240_000 }, async () => {
    site = await makeSite('sqlite');
    // As an operator might have left it: made by hand with the default umask, a stray file readable by all.
    chmodSync(site.dataDir, 0o755);
    chmodSync(path.join(site.dataDir, 'shijian.sqlite'), 0o644);
    writeFileSync(path.join(site.dataDir, 'secret.key'), `${site.secret}\n`, { mode: 0o644 });
    const server = await startServer(site);
    try {
      const session = await login(server.url, site);
      expect((await createStation(server.url, session, site, '权限检查站')).status).toBe(201);
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/png' }), '签到表.png');
      const upload = await fetch(`${server.url}/api/files?purpose=evidence`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: form,
      });
      expect(upload.status, await upload.clone().text()).toBe(201);
      expect(mode(site.dataDir)).toBe(0o700);
      for (const name of ['shijian.sqlite', 'shijian.sqlite-wal', 'secret.key']) {
        const file = path.join(site.dataDir, name);
        expect(existsSync(file), name).toBe(true);
        expect(mode(file).toString(8), name).toBe('600');
      }
      const uploads = walk(path.join(site.dataDir, 'uploads'));
      expect(uploads.some((f) => f.endsWith('.png'))).toBe(true);
      for (const f of uploads) expect(mode(f) & 0o077, `${path.relative(site.dataDir, f)} is ${mode(f).toString(8)}`).toBe(0);
    } finally {
      await stop(server);
    }
  });
});
