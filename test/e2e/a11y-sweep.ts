import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type Harness, hasBrowser, openTab, seriousA11yViolations, signIn, startHarness } from './browser';

/**
 * axe-core on every page of src/web/router.tsx that exists today: 0 serious or critical findings.
 * One line per route: who signs in (null: nobody) and the path. A page added later is one more line
 * here. Pages with an id in their path are visited after them (DETAIL), on the first row of their list.
 *
 * The sweep is the longest journey, so it is split over three files that the journeys run side by side
 * (a11y-*.e2e.test.ts): the desk's pages, the phone's pages, and the detail pages. Each calls `sweep`
 * with its part.
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

type Who = 'admin' | 'station01' | 'volunteer01' | 'resident01' | null;
const PHONE: Who[] = ['volunteer01', 'resident01', 'station01'];

/** `pages`: the route sweep for these people; `details`: the detail pages (every person). */
export function sweep(part: { pages: Who[]; details: boolean }) {
  describe.skipIf(!hasBrowser)('axe-core: no serious or critical findings on any page', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.close();
    });

    const people = [...new Set(ROUTES.map((r) => r.who))].filter((who) => part.pages.includes(who));
    for (const who of people) {
      const mobile = PHONE.includes(who);
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
    type Api = <T>(method: string, url: string) => Promise<T>;
    const firstId = (body: unknown): string => {
      const b = body as { items?: { id: string }[] } | { id: string }[];
      const id = Array.isArray(b) ? b[0]?.id : b.items?.[0]?.id;
      if (!id) throw new Error(`no row to open in ${JSON.stringify(body).slice(0, 200)}`);
      return id;
    };
    /** `/x/:id` with the id of the first row of `list`. */
    const first = (path: string, list: string) => async (api: Api) => path.replace(':id', firstId(await api('GET', list)));
    const DETAIL: { who: Who; path: (api: Api) => Promise<string> }[] = [
      { who: 'admin', path: first('/admin/volunteers/:id', '/api/volunteers?pageSize=1') },
      { who: 'admin', path: first('/admin/teams/:id', '/api/teams?pageSize=1') },
      { who: 'admin', path: first('/admin/orders/:id', '/api/orders?pageSize=1') },
      { who: 'admin', path: first('/admin/care/:id', '/api/care-recipients') },
      { who: 'admin', path: first('/admin/activities/:id', '/api/activities?pageSize=1') },
      { who: 'admin', path: first('/admin/activities/:id/edit', '/api/activities?pageSize=1') },
      { who: 'admin', path: first('/admin/meetings/:id', '/api/meetings?pageSize=1') },
      { who: 'admin', path: first('/admin/assessment/periods/:id', '/api/assessment/periods') },
      {
        who: 'admin',
        path: async (api) => {
          const period = firstId(await api('GET', '/api/assessment/periods'));
          const units = await api<{ id: string; kind: string }[] | { items: { id: string; kind: string }[] }>('GET', '/api/org/units');
          const station = (Array.isArray(units) ? units : units.items).find((u) => u.kind === 'station')?.id;
          return `/admin/assessment/periods/${period}/stations/${station}`;
        },
      },
      { who: 'admin', path: first('/admin/campaigns/:id', '/api/campaigns?pageSize=1') },
      { who: null, path: first('/activities/:id', '/api/public/activities') },
      { who: null, path: first('/news/:id', '/api/public/news?pageSize=1') },
      {
        who: null,
        path: async () => {
          // A certificate the demo issued (staff list them); the page for an unknown number is checked when there is none.
          const admin = await apiSession(h.url, 'admin');
          const list = await admin<{ items: { number: string }[] }>('GET', '/api/certificates?pageSize=1');
          return `/verify/${list.items[0]?.number ?? 'SJ-UNKNOWN-0000'}`;
        },
      },
      { who: 'station01', path: first('/m/station/resolutions/:id', '/api/resolutions?pageSize=1') },
      { who: 'station01', path: first('/m/station/tasks/:id', '/api/plan/tasks?pageSize=1') },
      { who: 'volunteer01', path: first('/m/activities/:id', '/api/public/activities') },
      { who: 'resident01', path: first('/m/orders/:id', '/api/orders/mine') },
    ];

    for (const who of part.details ? [...new Set(DETAIL.map((d) => d.who))] : []) {
      const phone = PHONE.includes(who);
      it(`detail pages: ${who ?? '未登录'}${phone ? '（手机，含长辈版）' : ''}`, async () => {
        const api: Api = who ? await apiSession(h.url, who) : async <T>(_m: string, url: string) => (await (await fetch(`${h.url}${url}`)).json()) as T;
        const { page, context } = await openTab(h, phone ? { width: 375, height: 800 } : { width: 1280, height: 900 });
        if (who) {
          await signIn(page, who);
          await page.waitForURL(/\/(admin|m)(\/|$)/);
        }
        const found: string[] = [];
        for (const d of DETAIL.filter((x) => x.who === who)) {
          const path = await d.path(api);
          for (const mode of phone ? ['', '长辈版'] : ['']) {
            await page.goto(path);
            await settled(page);
            if (mode) {
              const elder = page.getByRole('button', { name: '长辈版' });
              if ((await elder.getAttribute('aria-pressed')) === 'false') await elder.click();
            }
            for (const v of await seriousA11yViolations(page)) found.push(`${path}${mode ? `（${mode}）` : ''} ${v}`);
          }
        }
        expect(found, found.join('\n')).toEqual([]);
        await context.close();
      }, 900_000);
    }
  });
}
