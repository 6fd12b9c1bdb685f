import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, openTab, screenshot, seriousA11yViolations, startHarness } from './browser';

/** The public portal and the login page: real content, and nothing serious for axe-core. */
describe.skipIf(!hasBrowser)('public portal and login', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(e) the portal shows the institute and its stations; / and /login pass axe', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });

    const home = await page.goto('/');
    // The server must answer the site root with the SPA, like every other client-side path.
    expect(home?.status(), 'GET / should serve index.html').toBe(200);
    await page.getByRole('heading', { level: 1, name: '马鞍街道新时代文明实践所' }).waitFor();
    await page.getByText('共 20 个社区实践站').waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '登录', exact: true }).count()).toBe(1);
    await screenshot(page, 'portal-1280.png');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '登录', exact: true }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    // The login page names the product and the institute it serves.
    await page.getByText('实践 · 新时代文明实践平台').first().waitFor();
    await page.getByText('马鞍街道新时代文明实践所').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The same pages at phone width.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '马鞍街道新时代文明实践所' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // On a phone the site navigation folds behind 菜单 and opens in place.
    const menu = page.getByRole('button', { name: '菜单' });
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '活动日历' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
