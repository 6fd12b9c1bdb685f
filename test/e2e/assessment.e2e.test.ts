import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, openTab, screenshot, signIn, startHarness } from './browser';

/** 考核: a station head self-assesses and submits; the institute reviews, adjusts with a reason, publishes; the PDF downloads. */
describe.skipIf(!hasBrowser)('assessment journey', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) the station head sees its overdue resolution, self-assesses a manual indicator and submits', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 800 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    // The owner station of the demo's overdue resolution sees it on its home page.
    await page.getByRole('heading', { name: /逾期未办结的议定事项/ }).waitFor();
    await page.goto('/admin/assessment');
    await page.getByRole('heading', { level: 1, name: '考核' }).waitFor();
    await page.getByText('本站历次考核').waitFor();
    await screenshot(page, 'assessment-home-375.png');
    // The open quarter is the first row; a station head lands on its own sheet.
    await page.getByRole('row').nth(1).getByRole('link').click();
    await page.waitForURL('**/stations/**');
    await page.getByRole('button', { name: '提交自评' }).waitFor();
    const item = page.locator('[data-indicator="志愿服务队伍组建"]');
    await item.getByRole('button', { name: /自\s?评$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/自评分/).fill('8.5');
    await dialog.getByLabel('说明').fill('挂牌规范，功能区齐全');
    await dialog.getByRole('button', { name: '保存自评' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item.getByText('自评 8.5 分：挂牌规范，功能区齐全').waitFor();
    await screenshot(page, 'assessment-sheet-375.png');
    await page.getByRole('button', { name: '提交自评' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^提\s?交$/ })
      .click();
    await page.getByText(/自评已于 .* 提交/).waitFor();
    expect(await page.getByRole('button', { name: '提交自评' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) the institute moves the period to review, adjusts one score with a reason, publishes, and the PDF downloads', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '考核' }).click();
    await page.getByRole('heading', { level: 1, name: '考核' }).waitFor();
    await page.getByRole('row').nth(1).getByRole('link').click();
    await page.waitForURL('**/assessment/periods/*');
    await page.getByRole('button', { name: '转入审核' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '转入审核' }).click();
    await page.getByRole('button', { name: '公布结果' }).waitFor();
    await page.getByRole('link', { name: '金银社区新时代文明实践站' }).click();
    await page.waitForURL('**/stations/**');
    const item = page.locator('[data-indicator="志愿服务队伍组建"]');
    await item.getByText('自评 8.5 分：挂牌规范，功能区齐全').waitFor();
    await item.getByRole('button', { name: '调整分数' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/调整为/).fill('7');
    await dialog.getByLabel('调整理由').fill('实地查看：功能区标识不全');
    await dialog.getByRole('button', { name: '保存调整' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item.getByText('理由：实地查看：功能区标识不全', { exact: false }).waitFor();
    await screenshot(page, 'assessment-sheet-1280.png');
    await page.getByRole('link', { name: /季度/ }).first().click();
    await page.getByRole('button', { name: '公布结果' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^公\s?布$/ })
      .click();
    await page.getByRole('columnheader', { name: '名次' }).waitFor();
    await page.getByText('第 1 名').waitFor();
    await screenshot(page, 'assessment-ranking-1280.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF 报告' }).click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toContain('考核报告.pdf');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
