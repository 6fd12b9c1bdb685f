import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type Harness, hasBrowser, openTab, seriousA11yViolations, signIn, startHarness } from './browser';

/**
 * axe-core on every page of src/web/router.tsx that exists today: 0 serious or critical findings.
 * One line per route: who signs in (null: nobody) and the path. A page added later is one more line
 * here. Pages with an id in their path are visited after them (DETAIL), on the first row of their list.
 */
interface Visit {
  path: string;
  who: 'admin' | 'volunteer01' | 'resident01' | null;
}

const ROUTES: Visit[] = [
  { path: '/', who: null },
  { path: '/login', who: null },
  { path: '/verify', who: null },
  { path: '/order', who: null },
  { path: '/honours', who: null },
  { path: '/campaigns', who: null },
  { path: '/news', who: null },
  { path: '/showcase', who: null },
  { path: '/screen', who: null },
  { path: '/admin', who: 'admin' },
  { path: '/admin/org', who: 'admin' },
  { path: '/admin/volunteers', who: 'admin' },
  { path: '/admin/volunteers/new', who: 'admin' },
  { path: '/admin/hours', who: 'admin' },
  { path: '/admin/teams', who: 'admin' },
  { path: '/admin/stars', who: 'admin' },
  { path: '/admin/orders', who: 'admin' },
  { path: '/admin/orders/menu', who: 'admin' },
  { path: '/admin/care', who: 'admin' },
  { path: '/admin/settings', who: 'admin' },
  { path: '/admin/audit', who: 'admin' },
  { path: '/admin/accounts', who: 'admin' },
  { path: '/admin/password', who: 'admin' },
  { path: '/admin/activities', who: 'admin' },
  { path: '/admin/activities/new', who: 'admin' },
  { path: '/admin/venues', who: 'admin' },
  { path: '/admin/programmes', who: 'admin' },
  { path: '/admin/funds', who: 'admin' },
  { path: '/admin/meetings', who: 'admin' },
  { path: '/admin/resolutions', who: 'admin' },
  { path: '/admin/plan', who: 'admin' },
  { path: '/admin/standards', who: 'admin' },
  { path: '/admin/training', who: 'admin' },
  { path: '/admin/assessment', who: 'admin' },
  { path: '/admin/assessment/indicators', who: 'admin' },
  { path: '/admin/needs', who: 'admin' },
  { path: '/admin/activity-plans', who: 'admin' },
  { path: '/admin/points', who: 'admin' },
  { path: '/admin/market', who: 'admin' },
  { path: '/admin/recognition', who: 'admin' },
  { path: '/admin/campaigns', who: 'admin' },
  { path: '/admin/inbox', who: 'admin' },
  { path: '/admin/news', who: 'admin' },
  { path: '/admin/showcase', who: 'admin' },
  { path: '/admin/reports', who: 'admin' },
  { path: '/admin/screen', who: 'admin' },
  { path: '/m', who: 'volunteer01' },
  { path: '/m/me', who: 'volunteer01' },
  { path: '/m/password', who: 'volunteer01' },
  { path: '/m/volunteer', who: 'volunteer01' },
  { path: '/m/activities', who: 'volunteer01' },
  { path: '/m/checkin', who: 'volunteer01' },
  { path: '/m/tasks', who: 'volunteer01' },
  { path: '/m/points', who: 'volunteer01' },
  { path: '/m/market', who: 'volunteer01' },
  { path: '/m/honours', who: 'volunteer01' },
  { path: '/m', who: 'resident01' },
  { path: '/m/orders', who: 'resident01' },
  { path: '/m/orders/new', who: 'resident01' },
  { path: '/m/register', who: 'resident01' },
  { path: '/m/notices', who: 'resident01' },
  { path: '/activities', who: null },
  { path: '/m/stations', who: 'volunteer01' },
  { path: '/m/stations', who: 'resident01' },
];

/** What a person waits for: the page's heading, then no skeleton or spinner left. */
async function settled(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect.poll(() => page.locator('.ant-skeleton, .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
}

describe.skipIf(!hasBrowser)('axe-core: no serious or critical findings on any page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const people = [...new Set(ROUTES.map((r) => r.who))];
  for (const who of people) {
    const mobile = who === 'volunteer01' || who === 'resident01';
    it(`${who ?? '未登录'}${mobile ? '（手机，含长辈版）' : ''}`, async () => {
      const { page, context } = await openTab(h, mobile ? { width: 375, height: 800 } : { width: 1280, height: 900 });
      if (who) {
        await signIn(page, who);
        await page.waitForURL(mobile ? '**/m**' : '**/admin**');
      }
      const found: string[] = [];
      const modes = mobile ? ['', '长辈版'] : [''];
      for (const mode of modes) {
        for (const r of ROUTES.filter((x) => x.who === who)) {
          await page.goto(r.path);
          await settled(page);
          if (mode) {
            const elder = page.getByRole('button', { name: '长辈版' });
            if ((await elder.getAttribute('aria-pressed')) === 'false') await elder.click();
          }
          for (const v of await seriousA11yViolations(page)) found.push(`${r.path}${mode ? `（${mode}）` : ''} ${v}`);
        }
      }
      expect(found, found.join('\n')).toEqual([]);
      await context.close();
    }, 900_000);
  }

  /**
   * Pages with an id in their path: the id is the first row of the list the page is reached from, read through the
   * API as the same person (the demo has rows in each).
   */
  const DETAIL: { path: string; who: 'admin' | 'volunteer01' | 'resident01' | null; list: string }[] = [
    { path: '/admin/volunteers/:id', who: 'admin', list: '/api/volunteers?pageSize=1' },
    { path: '/admin/teams/:id', who: 'admin', list: '/api/teams?pageSize=1' },
    { path: '/admin/orders/:id', who: 'admin', list: '/api/orders?pageSize=1' },
    { path: '/admin/care/:id', who: 'admin', list: '/api/care-recipients' },
    { path: '/admin/activities/:id', who: 'admin', list: '/api/activities?pageSize=1' },
    { path: '/admin/activities/:id/edit', who: 'admin', list: '/api/activities?pageSize=1' },
    { path: '/admin/meetings/:id', who: 'admin', list: '/api/meetings?pageSize=1' },
    { path: '/admin/assessment/periods/:id', who: 'admin', list: '/api/assessment/periods' },
    { path: '/admin/campaigns/:id', who: 'admin', list: '/api/campaigns?pageSize=1' },
    { path: '/activities/:id', who: null, list: '/api/public/activities' },
    { path: '/news/:id', who: null, list: '/api/public/news?pageSize=1' },
    { path: '/m/activities/:id', who: 'volunteer01', list: '/api/public/activities' },
    { path: '/m/orders/:id', who: 'resident01', list: '/api/orders/mine' },
  ];
  const firstId = (body: unknown): string | undefined => {
    const b = body as { items?: { id: string }[] } | { id: string }[];
    return (Array.isArray(b) ? b[0]?.id : b.items?.[0]?.id) ?? undefined;
  };

  for (const who of [...new Set(DETAIL.map((d) => d.who))]) {
    const mobile = who === 'volunteer01' || who === 'resident01';
    it(`detail pages: ${who ?? '未登录'}`, async () => {
      const api = who ? await apiSession(h.url, who) : async <T>(_m: string, url: string) => (await (await fetch(`${h.url}${url}`)).json()) as T;
      const { page, context } = await openTab(h, mobile ? { width: 375, height: 800 } : { width: 1280, height: 900 });
      if (who) {
        await signIn(page, who);
        await page.waitForURL(mobile ? '**/m**' : '**/admin**');
      }
      const found: string[] = [];
      for (const d of DETAIL.filter((x) => x.who === who)) {
        const id = firstId(await api<unknown>('GET', d.list));
        expect(id, `${d.list} has a row to open`).toBeTruthy();
        const path = d.path.replace(':id', id ?? '');
        await page.goto(path);
        await settled(page);
        for (const v of await seriousA11yViolations(page)) found.push(`${path} ${v}`);
      }
      expect(found, found.join('\n')).toEqual([]);
      await context.close();
    }, 900_000);
  }
});
