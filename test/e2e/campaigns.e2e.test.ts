import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

/** 评选: a resident objects during 公示 on a phone without logging in; the institute handles it in the console. */
describe.skipIf(!hasBrowser)('campaigns (评选)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) /campaigns at 375 px: the 公示 list, 善行义举榜 and 乡贤榜, an objection filed without logging in', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await page.goto('/campaigns');
    await page.getByRole('heading', { level: 1, name: '评选公示与结果' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /十星文明户评选$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: '善行义举榜' }).waitFor();
    await page.getByText('周玉芬').waitFor();
    await page.getByText('何守正').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaigns-portal-375.png');

    await page.getByRole('button', { name: '对公示名单提出异议' }).click();
    const form = page.getByRole('form', { name: /提出异议/ });
    await form.getByLabel('异议对象').selectOption({ label: '李德明家（金银社区新时代文明实践站）' });
    await form.getByLabel(/联系方式/).fill('13800001234');
    await form.getByLabel('异议内容').fill('该户去年曾因噪音扰民被投诉，请核实。');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '提交异议' }).click();
    await page.getByRole('status').getByText('异议已收到').waitFor();
    await screenshot(page, 'campaigns-objection-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) the institute admin reviews the campaign and handles an objection', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '评选', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '评选' }).waitFor();
    await page.getByRole('link', { name: /“身边好人”评选$/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaigns-list-1280.png');
    await page.getByRole('link', { name: /十星文明户评选$/ }).click();
    await page.getByRole('heading', { level: 1, name: /十星文明户评选$/ }).waitFor();
    await page.getByText('公示异议').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaigns-detail-1280.png');

    // The demo's objection (陈国强家) waits for an answer; the one filed in (a) is listed too.
    await page.getByRole('button', { name: '处理 陈国强家 的异议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('异议不成立').click();
    await dialog.getByLabel('理由 / 答复').fill('经现场查看，棚子为临时堆放农具，已拆除，异议不成立');
    await dialog.getByRole('button', { name: /^提\s?交$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('经现场查看，棚子为临时堆放农具，已拆除，异议不成立').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) a station admin sees the campaigns and their own nominations at 375 px', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    await page.goto('/admin/campaigns');
    await page.getByRole('heading', { level: 1, name: '评选' }).waitFor();
    await page.getByRole('link', { name: /十星文明户评选$/ }).click();
    await page.getByRole('heading', { level: 1, name: /十星文明户评选$/ }).waitFor();
    await page.getByText('李德明家').waitFor();
    expect(await page.getByText('公示异议').count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'campaigns-station-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
