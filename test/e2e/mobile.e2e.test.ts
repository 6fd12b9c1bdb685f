import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, openTab, screenshot, signIn, startHarness } from './browser';

/** A volunteer on a phone: lands on the H5, and 长辈版 makes text and targets large (MIIT 适老化). */
describe.skipIf(!hasBrowser)('mobile H5', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(d) a volunteer signs in at 375 px, lands on /m, opens the station directory and switches on 长辈版', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await signIn(page, 'volunteer01');
    await page.waitForURL((u) => u.pathname === '/m');

    // The home shows the volunteer's own things; the station directory is one tap down, own station first.
    await page.getByRole('heading', { level: 2, name: '我的下一场活动' }).waitFor();
    await page.getByRole('link', { name: /身边的实践站/ }).click();
    await page.waitForURL((u) => u.pathname === '/m/stations');
    await page.getByRole('heading', { level: 2, name: /身边的实践站/ }).waitFor();
    const address = page.getByText(/重庆市涪陵区/).first();
    await address.waitFor();
    await screenshot(page, 'm-375.png');

    const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideScroll()).toBe(true);

    const fontSize = () => address.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const lineHeight = () =>
      address.evaluate((el) => {
        const s = getComputedStyle(el);
        return Number.parseFloat(s.lineHeight) / Number.parseFloat(s.fontSize);
      });
    const tabs = page.getByRole('navigation', { name: '底部导航' }).getByRole('link');
    const smallestTab = async () => {
      const boxes = await Promise.all((await tabs.all()).map((t) => t.boundingBox()));
      return Math.min(...boxes.map((b) => Math.min(b?.width ?? 0, b?.height ?? 0)));
    };
    for (const name of ['首页', '志愿', '我的']) await expect.poll(() => tabs.filter({ hasText: name }).count()).toBe(1);
    await expect.poll(smallestTab).toBeGreaterThanOrEqual(44);

    const elder = page.getByRole('button', { name: '长辈版' });
    await expect.poll(() => elder.getAttribute('aria-pressed')).toBe('false');
    await elder.click();
    await expect.poll(() => elder.getAttribute('aria-pressed')).toBe('true');

    await expect.poll(fontSize).toBeGreaterThanOrEqual(18);
    await expect.poll(lineHeight).toBeGreaterThanOrEqual(1.3);
    const title = await page.getByRole('heading', { level: 1 }).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(title).toBeGreaterThanOrEqual(30);
    await expect.poll(smallestTab).toBeGreaterThanOrEqual(60);
    const switchBox = await elder.boundingBox();
    expect(Math.min(switchBox?.width ?? 0, switchBox?.height ?? 0)).toBeGreaterThanOrEqual(60);
    expect(await noSideScroll()).toBe(true);
    await screenshot(page, 'm-375-elder.png');

    // It is a display preference kept on this device, so it survives a reload.
    await page.reload();
    await address.waitFor();
    await expect.poll(fontSize).toBeGreaterThanOrEqual(18);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
