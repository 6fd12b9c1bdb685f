import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, openTab, PASSWORD, screenshot, signIn, startHarness } from './browser';

/** Staff journeys through the console: scope of the org chart per role, and account lockout. */
describe.skipIf(!hasBrowser)('staff console', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) the institute admin sees the institute and its 20 stations in 组织架构', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '组织架构' }).click();
    await page.waitForURL('**/admin/org');
    await page.getByRole('heading', { level: 1, name: '组织架构' }).waitFor();

    const stationRows = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '实践站', exact: true }) });
    const instituteRows = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '实践所', exact: true }) });
    await stationRows.nth(19).waitFor();
    await expect.poll(() => stationRows.count()).toBe(20);
    await expect.poll(() => instituteRows.count()).toBe(1);
    // Only an institute admin may open a new station.
    await expect.poll(() => page.getByRole('button', { name: '新增实践站' }).count()).toBe(1);

    await screenshot(page, 'org-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) a station admin sees only their own station', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station03');
    await page.waitForURL('**/admin');

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '组织架构' }).click();
    await page.getByRole('heading', { level: 1, name: '组织架构' }).waitFor();

    const stationRows = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '实践站', exact: true }) });
    await stationRows.first().waitFor();
    await expect.poll(() => stationRows.count()).toBe(1);
    expect(
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: '实践所', exact: true }) })
        .count(),
    ).toBe(0);
    expect(await page.getByRole('button', { name: '新增实践站' }).count()).toBe(0);
    // The audit log is for the institute admin only: not in this person's menu.
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审计日志' }).count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) five wrong passwords lock the account; a guesser is not told, the owner with the right password is', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await page.goto('/login');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    const messages: string[] = [];
    const attempt = async (password: string) => {
      await page.getByLabel('账号/手机号').fill('station05');
      await page.getByLabel('密码', { exact: true }).fill(password);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: '登录', exact: true }).click();
      const status = (await answered).status();
      await alert.waitFor();
      await page.locator('button:not([disabled])', { hasText: /^登\s?录$/ }).waitFor();
      messages.push(((await alert.textContent()) ?? '').trim());
      return status;
    };

    // Six wrong passwords: the lock falls after the fifth, but a guesser only ever reads 账号或密码错误.
    for (let i = 1; i <= 6; i++) expect(await attempt(`${PASSWORD}-wrong-${i}`)).toBe(401);
    expect(messages.every((m) => m.includes('账号或密码错误'))).toBe(true);

    // The owner, with the right password, is refused and told it is locked and until when, in local time.
    expect(await attempt(PASSWORD)).toBe(423);
    const last = messages.at(-1) ?? '';
    expect(last).toContain('锁定');
    expect(last).toMatch(/\d{2}:\d{2} 后可再试/);
    expect(page.url()).toContain('/login');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
