import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

/** 八有标准: the institute admin reads the 21 × 8 board and confirms a standard; a station admin sees their own row on a phone. */
describe.skipIf(!hasBrowser)('the standards board', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) the institute admin opens a partial cell, sees the evidence and confirms it', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '八有标准' }).click();
    await page.getByRole('heading', { level: 1, name: '“八有”建设标准' }).waitFor();
    const signage = page.getByRole('button', { name: /^统一标识：/ });
    await signage.nth(20).waitFor();
    await expect.poll(() => signage.count()).toBe(21);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page
      .getByRole('button', { name: /^统一标识：部分/ })
      .first()
      .click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('已提交 2 项证明材料，待实践所确认').waitFor();
    await drawer.getByRole('button', { name: '确认 / 不予确认' }).first().click();
    await page.getByLabel('理由').fill('标牌、徽标已现场查看，符合统一样式');
    await page.getByRole('button', { name: /^确\s?认$/ }).click();
    await drawer.getByText('实践所已确认：标牌、徽标已现场查看，符合统一样式').waitFor();
    await screenshot(page, 'standards-drawer-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) a station admin sees their own eight standards as a list at 375 px', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 800 });
    await signIn(page, 'station03');
    await page.waitForURL('**/admin');
    await page.goto('/admin/standards');
    await page.getByText('马鞍社区新时代文明实践站', { exact: true }).waitFor();
    await expect.poll(() => page.getByText('查看', { exact: true }).count()).toBe(8);
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'standards-station-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
