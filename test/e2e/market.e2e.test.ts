import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type Harness, hasBrowser, openTab, pickOption, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

let h: Harness;
beforeAll(async () => {
  if (hasBrowser) h = await startHarness();
}, 180_000);
afterAll(async () => h?.close());

const RICE = '大米（5 公斤）';
/** A dialog has finished zooming in (what the eye waits for before reading it). */
const settled = (page: Page) => expect.poll(() => page.locator('[class*="ant-zoom-enter"], [class*="ant-zoom-appear"]').count()).toBe(0);

describe.skipIf(!hasBrowser)('爱心超市 journey', () => {
  it('a volunteer reserves rice on the phone in elder mode, staff hand it over, the month reconciles', async () => {
    const phone = await openTab(h, { width: 375, height: 812 });
    await signIn(phone.page, 'volunteer01');
    await phone.page.waitForURL(/\/m/);
    await phone.page.goto('/m/market');
    const balanceText = await phone.page.getByText(/我的积分：\d+/).textContent();
    const before = Number(balanceText?.match(/\d+/)?.[0]);
    const rice = phone.page.getByRole('listitem').filter({ hasText: `兑换${RICE}` });
    const stockOf = async () => Number((await rice.textContent())?.match(/库存 (\d+)/)?.[1]);
    const stockBefore = await stockOf();
    await phone.page.getByRole('switch', { name: /长辈模式/ }).click();
    await phone.page.getByRole('switch', { name: /长辈模式：已开启/ }).waitFor();
    await phone.page.getByRole('button', { name: `兑换${RICE}` }).click();
    const ok = phone.page.getByRole('status').filter({ hasText: '预约成功' });
    await ok.waitFor();
    const code = (await ok.textContent())?.match(/预约码 ([A-Z0-9]{6})/)?.[1] ?? '';
    expect(code).toHaveLength(6);
    await phone.page.getByText(`我的积分：${before - 30}`).waitFor();
    await expect.poll(stockOf).toBe(stockBefore - 1);
    // The code for the counter's scanner, next to the large text code.
    await phone.page.getByRole('img', { name: new RegExp(`预约码二维码：${code}`) }).waitFor();
    await screenshot(phone.page, 'market-phone-375.png');
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const desk = await openTab(h, { width: 1280, height: 900 });
    await signIn(desk.page, 'admin');
    await desk.page.waitForURL(/\/admin/);
    await desk.page.goto('/admin/market');
    const search = desk.page.getByRole('searchbox', { name: '查找预约' });
    await search.fill(code);
    await search.press('Enter');
    await desk.page.getByRole('row').filter({ hasText: code }).getByRole('button', { name: '确认领取' }).click();
    await desk.page.getByText(`已确认领取：${RICE}`).waitFor();
    await screenshot(desk.page, 'market-counter-1280.png');
    expect(await seriousA11yViolations(desk.page)).toEqual([]);

    // The console's forms: goods, stock out, intakes, donors.
    await desk.page.getByRole('tab', { name: '物品' }).click();
    await desk.page.getByRole('button', { name: `编辑${RICE}` }).waitFor();
    await desk.page.getByRole('button', { name: '新增物品' }).click();
    await desk.page.getByRole('dialog', { name: '新增物品' }).waitFor();
    await settled(desk.page);
    await screenshot(desk.page, 'market-goods-form-1280.png');
    expect(await seriousA11yViolations(desk.page)).toEqual([]);
    await desk.page.getByRole('button', { name: /取\s*消/ }).click();
    await desk.page.getByRole('dialog', { name: '新增物品' }).waitFor({ state: 'detached' });
    for (const [tab, button] of [
      ['库存台账', '出库登记'],
      ['捐赠与采购', '登记入库'],
      ['捐赠方', '新增捐赠方'],
    ] as const) {
      await desk.page.getByRole('tab', { name: tab }).click();
      await desk.page.getByRole('button', { name: button }).click();
      await desk.page.getByRole('dialog', { name: button }).waitFor();
      await settled(desk.page);
      await screenshot(desk.page, `market-${button}-1280.png`);
      expect(await seriousA11yViolations(desk.page)).toEqual([]);
      await desk.page
        .getByRole('dialog', { name: button })
        .getByRole('button', { name: /取\s*消/ })
        .click();
      await desk.page.getByRole('dialog', { name: button }).waitFor({ state: 'detached' });
    }

    await desk.page.getByRole('tab', { name: '月度对账' }).click();
    await desk.page.getByText(/^\d{4}-\d{2} 账物相符$/).waitFor();
    await screenshot(desk.page, 'market-reconcile-1280.png');
    expect(await seriousA11yViolations(desk.page)).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    expect(desk.pageErrors).toEqual([]);
  }, 300_000);

  it('staff fill in the forms: a new donor, a donation of rice into stock, a loss out of it; the month still reconciles', async () => {
    type Goods = { id: string; shopId: string; shopName: string; name: string; onHand: number };
    const api = await apiSession(h.url, 'admin');
    const riceNow = async () => (await api<{ items: Goods[] }>('GET', '/api/market/goods')).items.find((g) => g.name === RICE) as Goods;
    const rice = await riceNow();
    const desk = await openTab(h, { width: 1280, height: 900 });
    const { page } = desk;
    await signIn(page, 'admin');
    await page.waitForURL(/\/admin/);
    await page.goto('/admin/market');
    /** Opens an antd select by its label and picks the option whose text contains `text`. */
    const choose = async (dialog: ReturnType<Page['getByRole']>, label: string, text: string) => {
      await dialog.getByRole('combobox', { name: label }).click();
      await pickOption(page, dialog.locator('.ant-form-item', { has: page.getByRole('combobox', { name: label }) }), text);
    };

    // 新增捐赠方
    await page.getByRole('tab', { name: '捐赠方' }).click();
    await page.getByRole('button', { name: '新增捐赠方' }).click();
    const donor = page.getByRole('dialog', { name: '新增捐赠方' });
    await settled(page);
    if ((await donor.getByRole('combobox', { name: '所属实践所' }).textContent())?.trim() === '') await choose(donor, '所属实践所', '实践所');
    await donor.getByRole('radio', { name: '企业' }).check();
    await donor.getByLabel('名称').fill('马鞍粮油商行');
    await donor.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await page.getByText('已添加捐赠方').waitFor();
    await donor.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '马鞍粮油商行' }).waitFor();

    // 登记入库: 6 bags of rice from the new donor into the rice's shop
    await page.getByRole('tab', { name: '捐赠与采购' }).click();
    await page.getByRole('button', { name: '登记入库' }).click();
    const intake = page.getByRole('dialog', { name: '登记入库' });
    await settled(page);
    await choose(intake, '爱心超市', rice.shopName);
    await choose(intake, '捐赠方', '马鞍粮油商行');
    await choose(intake, '物品', RICE);
    await intake.getByRole('spinbutton', { name: '数量' }).fill('6');
    await intake.getByRole('spinbutton', { name: /估值/ }).fill('300');
    await intake.getByRole('button', { name: /入\s*库/ }).click();
    await page.getByText(/已入库，单号 /).waitFor();
    await intake.waitFor({ state: 'detached' });
    await expect.poll(async () => (await riceNow()).onHand).toBe(rice.onHand + 6);

    // 出库登记: one bag lost
    await page.getByRole('tab', { name: '库存台账' }).click();
    await page.getByRole('button', { name: '出库登记' }).click();
    const out = page.getByRole('dialog', { name: '出库登记' });
    await settled(page);
    await choose(out, '物品', RICE);
    await out.getByRole('radio', { name: '损耗' }).check();
    await out.getByLabel('原因').fill('包装破损，无法兑换');
    await out.getByRole('button', { name: /出\s*库/ }).click();
    await page.getByText('已出库').waitFor();
    await out.waitFor({ state: 'detached' });
    await expect.poll(async () => (await riceNow()).onHand).toBe(rice.onHand + 5);

    await page.getByRole('tab', { name: '月度对账' }).click();
    await page.getByText(/^\d{4}-\d{2} 账物相符$/).waitFor();
    expect(desk.pageErrors).toEqual([]);
    await desk.context.close();
  }, 300_000);
});
