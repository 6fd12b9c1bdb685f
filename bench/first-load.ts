/**
 * What a browser downloads on a first visit, and how long a console page takes to settle on a slow
 * line. `npm run build:web && npx tsx bench/first-load.ts` — the real server (Ma'an demo, SQLite)
 * on loopback, Debian's chromium, an empty cache per page. Bytes are as sent on the wire (after
 * compression); the Fast-3G figure uses Chrome DevTools' profile (562.5 ms RTT, 1.44 Mbit/s down).
 * Prints a Markdown table for bench/RESULTS.md; nothing here is asserted.
 */
import { chromium, type Page } from 'playwright-core';
import { startTestServer } from '../test/support/server';

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

interface Load {
  page: string;
  js: number;
  jsFiles: number;
  all: number;
  fast3gMs: number | null;
}

async function measure(page: Page, url: string, throttle: boolean): Promise<Omit<Load, 'page'>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  const types = new Map<string, string>();
  let js = 0;
  let jsFiles = 0;
  let all = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    all += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      js += e.encodedDataLength;
      jsFiles += 1;
    }
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  const ms = Date.now() - started;
  await cdp.detach();
  return { js, jsFiles, all, fast3gMs: throttle ? ms : null };
}

async function main() {
  const server = await startTestServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const rows: Load[] = [];
  const pages: Array<{ label: string; path: string; user?: string; mobile?: boolean }> = [
    { label: 'portal /', path: '/', mobile: true },
    { label: 'login /login', path: '/login', mobile: true },
    { label: 'mobile home /m (volunteer01)', path: '/m', user: 'volunteer01', mobile: true },
    { label: 'console /admin (admin)', path: '/admin', user: 'admin' },
    { label: 'console /admin/activities (admin)', path: '/admin/activities', user: 'admin' },
  ];
  try {
    for (const p of pages) {
      for (const throttle of [false, true]) {
        const context = await browser.newContext({
          baseURL: server.url,
          viewport: p.mobile ? { width: 375, height: 812 } : { width: 1440, height: 900 },
          locale: 'zh-CN',
        });
        if (p.user) {
          const res = await context.request.post('/api/auth/login', { data: { username: p.user, password: 'Shijian#2026' } });
          if (!res.ok()) throw new Error(`login ${p.user}: ${res.status()}`);
        }
        const page = await context.newPage();
        const m = await measure(page, p.path, throttle);
        if (!throttle) rows.push({ page: p.label, ...m });
        else (rows.at(-1) as Load).fast3gMs = m.fast3gMs;
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log('| first load | JS on the wire | JS files | all bytes | settled on Fast 3G |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.page} | ${kb(r.js)} | ${r.jsFiles} | ${kb(r.all)} | ${((r.fast3gMs ?? 0) / 1000).toFixed(1)} s |`);
}

await main();
