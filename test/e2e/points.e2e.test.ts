import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, noSideScroll, openTab, screenshot, signIn, startHarness } from './browser';

/** 积分: a station admin grants points from a volunteer's statement; a volunteer reads 我的积分 on a phone in 长辈版. */
describe.skipIf(!hasBrowser)('the points ledger', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) a station admin opens a volunteer’s statement and grants points with a reason', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    // The menu's last entry can sit below a 900 px sider; its link is checked, then followed.
    const link = page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '积分', exact: true });
    await expect.poll(() => link.getAttribute('href')).toBe('/admin/points');
    await page.goto('/admin/points');
    await page.getByRole('heading', { level: 1, name: '积分' }).waitFor();
    await page
      .getByRole('button', { name: /^查看.+的积分明细$/ })
      .first()
      .click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('累计获得').waitFor();
    await screenshot(page, 'points-statement-1280.png');
    await drawer.getByRole('button', { name: '发放积分' }).click();
    await page.getByRole('spinbutton', { name: /发放积分/ }).fill('10');
    await page.getByLabel('发放原因').fill('社区助老服务表现突出');
    await page.getByRole('button', { name: /^发\s?放$/ }).click();
    await page.getByText(/^已发放 10 分，当前余额 \d+ 分$/).waitFor();
    await drawer.getByText('社区助老服务表现突出').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '积分台账' }).click();
    await page.getByText('社区助老服务表现突出').first().waitFor();
    await screenshot(page, 'points-ledger-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) the console page fits a 375 px phone', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 800 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    await page.goto('/admin/points');
    await page.getByRole('heading', { level: 1, name: '积分' }).waitFor();
    await page
      .getByRole('button', { name: /^查看.+的积分明细$/ })
      .first()
      .waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'points-admin-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) a volunteer reads 我的积分 at 375 px in 长辈版', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 800 });
    await signIn(page, 'volunteer01');
    await page.waitForURL('**/m**');
    await page.goto('/m/volunteer');
    await page.getByRole('link', { name: '我的积分 ›' }).click();
    await page.getByRole('heading', { level: 1, name: '我的积分' }).waitFor();
    await page.getByTestId('points-balance').waitFor();
    await page.getByRole('button', { name: '长辈版' }).click();
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'points-mobile-elder-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(d) the institute admin checks the whole ledger: 核对积分账 says the books balance', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await page.goto('/admin/points');
    await page.getByRole('button', { name: '核对积分账' }).click();
    const dialog = page.getByRole('dialog', { name: '核对积分账' });
    await dialog.getByText('账实相符').waitFor();
    await dialog.getByText(/累计获得 \d+ − 已兑换 \d+ − 已过期 \d+ = \d+；余额合计 \d+/).waitFor();
    await screenshot(page, 'points-verify-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
