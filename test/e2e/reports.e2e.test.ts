import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

/** 工作报表: the institute admin previews this month's report of the demo and downloads it as Excel; the page reads at 375 px. */
describe.skipIf(!hasBrowser)('reports (工作报表)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) the institute admin previews the month and downloads Excel', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作报表', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '工作报表' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^马鞍街道新时代文明实践所 \d{4}年\d{1,2}月 工作月报$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: '文明实践活动' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '群众点单' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-month-1280.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出\s?Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^马鞍街道新时代文明实践所-\d{4}年\d{1,2}月工作月报\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path()) ?? '') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('封面汇总');
    await page.getByText(/^已导出 /).waitFor();

    // 年报 of the same year.
    await page.getByText('年报', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^马鞍街道新时代文明实践所 \d{4}年 工作年报$/ }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) the district viewer reads the institute’s report', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'district');
    await page.waitForURL('**/admin');
    await page.goto('/admin/reports');
    await page.getByRole('heading', { level: 1, name: '工作报表' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^马鞍街道新时代文明实践所 .*工作月报$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^经费（\d{4}年预算执行）$/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) the report reads at 375 px', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.goto('/admin/reports');
    await page.getByRole('heading', { level: 1, name: '工作报表' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /工作月报$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: '文明实践活动' }).waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-month-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
