import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/shared/rules/id-number';
import { apiSession, type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

/** 数据大屏 (issue 11): the public screen on a big display and a laptop, refreshing by itself; the staff one from the console. */
describe.skipIf(!hasBrowser)('the 数据大屏', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const volunteersShown = async (base: string) => (await (await fetch(`${base}/api/public/dashboard`)).json()).totals.volunteers as number;

  it('(a) /screen at 1920×1080 draws its charts, then shows a new volunteer within one refresh, without reloading', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1920, height: 1080 });
    // The page's clock is Playwright's, so the 30-s refresh can be brought forward instead of waited for.
    await page.clock.install();
    await page.goto('/screen');
    await page.getByRole('heading', { level: 1, name: '马鞍街道新时代文明实践所数据大屏' }).waitFor();
    const before = await volunteersShown(h.url);
    const kpi = page.getByTestId('kpi-志愿者总数');
    await kpi.filter({ hasText: `${before}人` }).waitFor();
    await page.getByRole('img', { name: '各实践站志愿者人数' }).locator('canvas').waitFor();
    await page
      .getByRole('img', { name: /^阵地分布图/ })
      .locator('canvas')
      .waitFor();
    await expect.poll(() => page.locator('canvas').count()).toBe(9);
    await page.getByText(/^更新于 \d\d:\d\d:\d\d$/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'screen-1920.png');
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });

    // A station enters and certifies a volunteer: the screen shows it after its next refresh.
    const station01 = await apiSession(h.url, 'station01');
    const me = await station01<{ roles: { unitId: string }[] }>('GET', '/api/auth/me');
    const created = await station01<{ id: string }>('POST', '/api/volunteers', {
      ...{ name: '屏幕测试志愿者', idNumber: makeIdNumber('500102', '1979-09-09', 909), phone: '13500009090', stationId: me.roles[0].unitId },
      ...{ category: '热心群众', serviceCategories: ['助老助残'], consent: { method: 'phone_confirmation', note: '电话确认本人同意登记' } },
    });
    await station01('POST', `/api/volunteers/${created.id}/transitions`, { action: 'certify' });
    h.advance(31_000); // past the public answer's 30-s cache on the server
    await page.clock.fastForward(31_000); // and past the page's refresh interval
    await kpi.filter({ hasText: `${before + 1}人` }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) at 1280 px the same stage scales down whole; the public answer names nobody', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 800 });
    await page.goto('/screen');
    await page.getByTestId('kpi-志愿者总数').waitFor();
    await page.getByRole('img', { name: '近 12 个月审核通过的服务时长' }).locator('canvas').waitFor();
    await page.getByRole('heading', { level: 2, name: '实时动态' }).waitFor();
    const fits = await page.evaluate(() => {
      const r = document.querySelector('main')?.getBoundingClientRect();
      return !!r && r.left >= -1 && r.top >= -1 && r.right <= window.innerWidth + 1 && r.bottom <= window.innerHeight + 1;
    });
    expect(fits).toBe(true);
    await screenshot(page, 'screen-1280.png');
    const body = await (await fetch(`${h.url}/api/public/dashboard`)).text();
    expect(body).not.toContain('屏幕测试志愿者');
    expect(body).not.toContain('13500009090');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) on a phone (375 px) the panels stack, headline numbers first, without side scrolling', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await page.goto('/screen');
    await page.getByTestId('kpi-志愿者总数').waitFor();
    await page.getByRole('img', { name: '各实践站志愿者人数' }).locator('canvas').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'screen-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(d) the institute admin opens the staff screen in a new tab from the menu', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 800 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    const opened = context.waitForEvent('page');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '数据大屏', exact: true }).click();
    const tab = await opened;
    await tab.getByRole('heading', { level: 1, name: '马鞍街道新时代文明实践所数据大屏' }).waitFor();
    await tab.getByTestId('kpi-志愿者总数').waitFor();
    await tab.getByRole('img', { name: '各实践站志愿者人数' }).locator('canvas').waitFor();
    await screenshot(tab, 'screen-staff-1280.png');
    expect(await seriousA11yViolations(tab)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
