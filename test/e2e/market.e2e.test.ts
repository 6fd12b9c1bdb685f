import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, openTab, screenshot, signIn, startHarness } from './browser';

let h: Harness;
beforeAll(async () => {
  if (hasBrowser) h = await startHarness();
}, 180_000);
afterAll(async () => h?.close());

describe.skipIf(!hasBrowser)('爱心超市 journey', () => {
  it('a volunteer reserves rice on the phone in elder mode, staff hand it over, the month reconciles', async () => {
    const phone = await openTab(h, { width: 375, height: 812 });
    await signIn(phone.page, 'volunteer01');
    await phone.page.waitForURL(/\/m/);
    await phone.page.goto('/m/market');
    const balanceText = await phone.page.getByText(/我的积分：\d+/).textContent();
    const before = Number(balanceText?.match(/\d+/)?.[0]);
    await phone.page.getByRole('switch', { name: /长辈模式/ }).click();
    await phone.page.getByRole('switch', { name: /长辈模式：已开启/ }).waitFor();
    await phone.page.getByRole('button', { name: '兑换大米（5 公斤）' }).click();
    const ok = phone.page.getByRole('status').filter({ hasText: '预约成功' });
    await ok.waitFor();
    const code = (await ok.textContent())?.match(/预约码 ([A-Z0-9]{6})/)?.[1] ?? '';
    expect(code).toHaveLength(6);
    await phone.page.getByText(`我的积分：${before - 30}`).waitFor();
    await screenshot(phone.page, 'market-phone-375.png');

    const desk = await openTab(h, { width: 1280, height: 900 });
    await signIn(desk.page, 'admin');
    await desk.page.waitForURL(/\/admin/);
    await desk.page.goto('/admin/market');
    await desk.page.getByRole('searchbox', { name: '查找预约' }).fill(code);
    await desk.page.getByRole('button', { name: '查找' }).click();
    await desk.page.getByRole('button', { name: '确认领取' }).click();
    await desk.page.getByText('已确认领取：大米（5 公斤）').waitFor();
    await screenshot(desk.page, 'market-counter-1280.png');
    await desk.page.getByRole('tab', { name: '月度对账' }).click();
    await desk.page.getByText(/账物相符/).waitFor();
    await screenshot(desk.page, 'market-reconcile-1280.png');
    expect(phone.pageErrors).toEqual([]);
    expect(desk.pageErrors).toEqual([]);
  }, 240_000);
});
