import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

/** 表彰礼遇: the public 光荣榜 on a phone (consenting volunteers and teams only), and the console page. */
describe.skipIf(!hasBrowser)('recognition', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) anyone reads the 光荣榜 at 375 px: teams, consenting volunteers masked, no withdrawn or revoked', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 800 });
    await page.goto('/');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '光荣榜', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '光荣榜' }).waitFor();
    await page.getByText(/^共 \d+ 项表彰$/).waitFor();
    const cards = page.getByRole('list', { name: '表彰' }).getByRole('listitem');
    // Two teams, and four of the six volunteers' awards: one withdrew consent, one award was revoked, one never answered.
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(3);
    await page.getByText('优秀志愿服务队伍').first().waitFor();
    expect(await page.getByText('重复录入').count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'honours-375.png');
    await page.goto('/honours?number=BZ0000-NOTHING1');
    await page.getByText(/没有找到编号为 BZ0000-NOTHING1/).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) the institute admin opens 表彰礼遇: awards, the honour list and the benefits catalogue', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    // The menu's last entry sits below the fold of a 900-px sidebar: open it by address, then check the menu has it.
    await page.goto('/admin/recognition');
    await page.getByRole('heading', { level: 1, name: '表彰礼遇' }).waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '表彰礼遇', exact: true }).count()).toBe(1);
    await page.getByText('已撤销：重复录入').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'recognition-awards-1280.png');
    // Give a team an award through the dialog.
    await page.getByRole('button', { name: '颁发表彰' }).click();
    const dialog = page.getByRole('dialog', { name: '颁发表彰' });
    // A click while the dialog still zooms in can land before the radio listens: wait for it to settle, as the eye does.
    await expect.poll(() => page.locator('[class*="ant-zoom-enter"], [class*="ant-zoom-appear"]').count()).toBe(0);
    await dialog.getByRole('radio', { name: '志愿服务队伍' }).check();
    await dialog.getByRole('combobox', { name: '队伍' }).click();
    const option = page.locator('.ant-select-item-option').first();
    await option.waitFor();
    await expect.poll(() => page.locator('.ant-select-dropdown[class*="slide-up-"]').count()).toBe(0);
    await option.click();
    await dialog.getByLabel('荣誉名称').fill('先进志愿服务集体');
    await dialog.getByLabel('授予单位').fill('马鞍街道办事处');
    await dialog.getByLabel('表彰事由').fill('全年组织志愿服务百余场。');
    await screenshot(page, 'recognition-give-1280.png');
    await dialog.getByRole('button', { name: /颁\s?发/ }).click();
    await page.getByText(/^已向 .+ 颁发「先进志愿服务集体」$/).waitFor();
    await page.getByRole('cell', { name: '先进志愿服务集体' }).waitFor();
    await page.getByRole('tab', { name: '年度荣誉榜' }).click();
    await page.getByRole('heading', { name: /^表彰（\d+ 项）$/ }).waitFor();
    await screenshot(page, 'recognition-honours-1280.png');
    await page.getByRole('tab', { name: '礼遇目录' }).click();
    await page.getByText('爱心商家九折').waitFor();
    await screenshot(page, 'recognition-benefits-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) a volunteer opens 我的荣誉与礼遇 on the phone and switches the public-list consent', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 800 });
    await signIn(page, 'volunteer01');
    await page.waitForURL('**/m**');
    await page.goto('/m/volunteer');
    await page.getByRole('link', { name: '我的荣誉与礼遇' }).click();
    await page.getByRole('heading', { name: '我的表彰' }).waitFor();
    await page.getByRole('heading', { name: '我可享的礼遇' }).waitFor();
    const consent = page.getByRole('switch', { name: /在光荣榜上展示我的表彰/ });
    const before = await consent.getAttribute('aria-checked');
    await consent.click();
    await expect.poll(() => consent.getAttribute('aria-checked')).not.toBe(before);
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'my-honours-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
