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
  /** Until the page's own content is on screen (its `ready` text): what the person waits for. */
  fast3gShownMs: number | null;
  /** Until nothing more loads (500 ms without a request): every chunk and reply of the page. */
  fast3gMs: number | null;
}

async function measure(page: Page, url: string, throttle: boolean, ready: (page: Page) => Promise<unknown>): Promise<Omit<Load, 'page'>> {
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
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await ready(page);
  const shown = Date.now() - started;
  // networkidle alone stopped early when the chain of chunks had a pause over 500 ms (a slow CPU between
  // two round trips): it reported pages "settled" with a third of their chunks still to come.
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const ms = Date.now() - started;
  await cdp.detach();
  return { js, jsFiles, all, fast3gShownMs: throttle ? shown : null, fast3gMs: throttle ? ms : null };
}

async function main() {
  const server = await startTestServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const rows: Load[] = [];
  const wait = { timeout: 120_000 };
  const pages: Array<{ label: string; path: string; user?: string; mobile?: boolean; ready: (page: Page) => Promise<unknown> }> = [
    { label: 'portal /', path: '/', mobile: true, ready: (p) => p.getByText(/共 \d+ 个社区实践站/).waitFor(wait) },
    { label: 'login /login', path: '/login', mobile: true, ready: (p) => p.getByRole('button', { name: '登录' }).waitFor(wait) },
    {
      label: 'mobile home /m (volunteer01)',
      path: '/m',
      user: 'volunteer01',
      mobile: true,
      ready: (p) => p.getByRole('heading', { level: 2, name: '我的下一场活动' }).waitFor(wait),
    },
    { label: 'console /admin (admin)', path: '/admin', user: 'admin', ready: (p) => p.getByRole('heading', { level: 1, name: '工作台' }).waitFor(wait) },
    {
      label: 'console /admin/activities (admin)',
      path: '/admin/activities',
      user: 'admin',
      ready: (p) => p.getByRole('heading', { level: 1, name: '活动' }).waitFor(wait),
    },
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
        const m = await measure(page, p.path, throttle, p.ready);
        if (!throttle) rows.push({ page: p.label, ...m });
        else Object.assign(rows.at(-1) as Load, { fast3gShownMs: m.fast3gShownMs, fast3gMs: m.fast3gMs });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const s = (ms: number | null) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
  console.log('| first load | JS on the wire | JS files | all bytes | shown on Fast 3G | settled on Fast 3G |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.page} | ${kb(r.js)} | ${r.jsFiles} | ${kb(r.all)} | ${s(r.fast3gShownMs)} | ${s(r.fast3gMs)} |`);
}

await main();
