import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type Harness, hasBrowser, noSideScroll, openTab, screenshot, signIn, startHarness } from './browser';

type Todo = { items: { key: string; label: string; count: number; link: string }[]; total: number };
type Notices = { unread: number; items: { id: string; title: string; read: boolean; link: string | null }[] };

/**
 * 消息待办: a station head sees the unread count in the header, opens the inbox, finds what waits for them
 * with the same counts the server gives, goes from a 待办 line to the page where it is done, and reads a
 * notice, which brings the unread count down. A resident reads their notices on the phone.
 */
describe.skipIf(!hasBrowser)('the staff inbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('station01: bell → 待办 counts → the volunteers waiting for review; a notice read lowers the count', async () => {
    const api = await apiSession(h.url, 'station01');
    const todo = await api<Todo>('GET', '/api/notifications/todo');
    const notices = await api<Notices>('GET', '/api/notifications');
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station01');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();

    const bell = page.getByRole('link', { name: /^消息待办/ }).first();
    if (notices.unread > 0) await expect.poll(() => bell.getAttribute('aria-label')).toBe(`消息待办，${notices.unread} 条未读消息`);
    await bell.click();
    await page.getByRole('heading', { name: '消息待办', level: 1 }).waitFor();
    for (const item of todo.items) {
      await page.getByRole('link', { name: `${item.label} ${item.count} 项，去处理` }).waitFor();
    }
    await screenshot(page, 'inbox-1280.png');

    const reviewing = todo.items.find((i) => i.key === 'volunteers.reviewing');
    expect(reviewing).toBeDefined();
    await page.getByRole('link', { name: new RegExp(`^${reviewing?.label}`) }).click();
    await page.getByRole('heading', { name: '志愿者', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('reviewing');

    const unreadNotice = notices.items.find((n) => !n.read);
    if (unreadNotice) {
      await page.goto('/admin/inbox');
      const row = page.locator('.ant-list-item', { hasText: unreadNotice.title });
      await row.getByRole('button', { name: '标为已读' }).click();
      await expect.poll(async () => (await api<Notices>('GET', '/api/notifications')).unread).toBe(notices.unread - 1);
      await expect.poll(() => row.getByRole('button', { name: '标为已读' }).count()).toBe(0);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('resident01 on a phone: 我的 → 我的消息, readable at 375 px', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 800 });
    await signIn(page, 'resident01');
    await page.waitForURL('**/m**');
    await page.goto('/m/me');
    await page.getByRole('link', { name: /我的消息/ }).click();
    await page.getByRole('heading', { name: /^消息/, level: 2 }).waitFor();
    await page
      .getByText(/暂无消息|条未读/)
      .first()
      .waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'inbox-m-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
