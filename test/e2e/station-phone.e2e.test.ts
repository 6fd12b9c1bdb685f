import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

const RED = 'rgb(168, 7, 26)';

/**
 * The station head on the phone: station01 owns the demo's overdue 议定事项 (maan.meetings.ts).
 * Signing in on a phone still lands on the console, which points to 手机工作台; there the overdue
 * resolution is first and red, and a follow-up note written on the phone shows at once.
 */
describe.skipIf(!hasBrowser)('station head on the phone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) station01 opens /m/station at 375 px, sees the overdue resolution in red and adds a follow-up', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await signIn(page, 'station01');
    // Staff still land on the console, which offers the phone page on a narrow screen.
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.getByText('在手机上打开').waitFor();
    await page.getByRole('link', { name: /打开手机工作台/ }).click();
    await page.waitForURL((u) => u.pathname === '/m/station');

    const resolutions = page.locator('section[aria-labelledby="resolutions"]');
    const first = resolutions.getByRole('listitem').first().getByRole('link');
    await first.waitFor();
    await expect.poll(() => first.textContent()).toContain('邻里守望');
    await expect.poll(() => first.getAttribute('data-overdue')).toBe('true');
    const late = first.getByText(/已逾期 \d+ 天/);
    expect(await late.evaluate((el) => getComputedStyle(el).color)).toBe(RED);
    expect(await first.evaluate((el) => getComputedStyle(el).borderInlineStartColor)).toBe(RED);
    // The 待办 figures the console home shows: the overdue resolution is counted, in red.
    const todo = page.getByRole('link', { name: /议定事项已逾期/ });
    await todo.waitFor();
    await expect.poll(() => todo.textContent()).toMatch(/[1-9]\d* 项/);
    await page.locator('section[aria-labelledby="tasks"]').getByRole('listitem').first().waitFor();
    await page
      .locator('section[aria-labelledby="today"]')
      .getByText(/场|今天没有安排活动/)
      .first()
      .waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'm-station-375.png');

    await first.click();
    await page.waitForURL((u) => u.pathname.startsWith('/m/station/resolutions/'));
    await page.getByRole('heading', { level: 2, name: '追加跟进' }).waitFor();
    const note = '已召集 12 名居民报名“邻里守望”小队，周六开展首次服务';
    await page.getByLabel('跟进情况').fill(note);
    // A note typed slowly on site survives a reload (and signing in again after the 30-minute idle timeout).
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '追加跟进' }).waitFor();
    await expect.poll(() => page.getByLabel('跟进情况').inputValue()).toBe(note);
    // It is 推进中 already: the phone offers only the step forward, and the note alone keeps the status.
    await page.getByRole('button', { name: '已完成' }).waitFor();
    expect(await page.getByRole('button', { name: '未开始' }).count()).toBe(0);
    const saved = page.waitForResponse((r) => r.url().includes('/follow-ups') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '保存跟进' }).click();
    expect((await saved).status()).toBe(201);
    await page.getByRole('status').filter({ hasText: '已追加跟进记录' }).waitFor();
    const history = page.getByRole('list', { name: '跟进记录，最新的在前' });
    await history.getByText(note).waitFor();
    // Newest first, and the form is empty again for the next one.
    await expect.poll(() => history.getByRole('listitem').first().textContent()).toContain(note);
    await expect.poll(() => page.getByLabel('跟进情况').inputValue()).toBe('');
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-station-resolution-375.png');

    // 长辈版: the same page in large type, still without sideways scrolling.
    await page.getByRole('button', { name: '长辈版' }).click();
    const size = await page.getByLabel('跟进情况').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-station-resolution-375-elder.png');

    await page.getByRole('link', { name: '‹ 返回手机工作台' }).click();
    await page.waitForURL((u) => u.pathname === '/m/station');
    await first.waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-station-375-elder.png');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
