import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday, mondayOf } from '../../src/shared/china-time';
import { apiSession, type Harness, hasBrowser, noSideScroll, openTab, PASSWORD, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

interface Listed {
  id: string;
  title: string;
  status: string;
  minAge: number | null;
  requiredSkills: string[];
  insuranceRequired: boolean;
  positions: { headcount: number; taken: number }[];
  mySignup: unknown;
}

/**
 * The public face of activities and the phone home by role (issue 11): an anonymous visitor browses
 * next week and is asked to log in only at 我要报名; resident01 orders from the home in three taps.
 */
describe.skipIf(!hasBrowser)('portal activity calendar and the mobile home', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) an anonymous visitor browses next week, opens an activity, logs in only at 我要报名, lands back and signs up', async () => {
    // An activity next week that volunteer01 can take: open, places left, no age/skill/insurance condition, not yet signed up.
    const nextMonday = addDays(mondayOf(chinaToday()), 7);
    const asVolunteer = await apiSession(h.url, 'volunteer01');
    const listed = await asVolunteer<{ items: Listed[] }>('GET', `/api/activities?from=${nextMonday}&to=${addDays(nextMonday, 6)}&pageSize=200`);
    const pick = listed.items.find(
      (x) =>
        x.status === 'published' &&
        !x.mySignup &&
        x.minAge === null &&
        x.requiredSkills.length === 0 &&
        !x.insuranceRequired &&
        x.positions.length === 1 &&
        x.positions[0].taken < x.positions[0].headcount,
    );
    expect(pick, 'the demo has an open activity next week').toBeTruthy();
    const target = pick as Listed;

    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await page.goto('/activities');
    await page.getByRole('heading', { level: 1, name: '活动日历' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^本周/ }).waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '下一周' }).click();
    await page.getByRole('heading', { level: 2, name: /^下周/ }).waitFor();
    const card = page.locator(`a[href="/activities/${target.id}"]`);
    await card.waitFor();
    await screenshot(page, 'calendar-next-week-375.png');
    await card.click();

    await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
    await page
      .getByText(/还剩 \d+ 个名额/)
      .first()
      .waitFor();
    // Browsing never asks for a login: no password field until 我要报名 is pressed.
    expect(new URL(page.url()).pathname).toBe(`/activities/${target.id}`);
    expect(await page.getByLabel('密码', { exact: true }).count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'calendar-activity-375.png');

    await page.getByRole('button', { name: '我要报名' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel('账号/手机号').fill('volunteer01');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();

    // Back on the same activity, signed in: one more tap signs up.
    await page.waitForURL((u) => u.pathname === `/activities/${target.id}`);
    await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
    await page.getByRole('button', { name: '我要报名' }).click();
    await page
      .getByRole('status')
      .getByText(/报名成功|已报名|候补/)
      .waitFor();
    await page.getByRole('link', { name: '查看我的报名与签到' }).waitFor();
    await screenshot(page, 'calendar-signed-up-375.png');

    const after = await asVolunteer<{ mySignup: { status: string } | null }>('GET', `/api/activities/${target.id}`);
    expect(after.mySignup?.status).toBe('confirmed');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(a2) at 1280 px the week is a 7-column grid; a resident who is not a volunteer is sent to register', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await page.goto('/activities');
    await page.getByRole('heading', { level: 2, name: /^本周/ }).waitFor();
    const days = page.getByRole('list', { name: /每天的活动$/ }).locator(':scope > li');
    await expect.poll(() => days.count()).toBe(7);
    const tops = await Promise.all((await days.all()).map(async (d) => (await d.boundingBox())?.y ?? -1));
    expect(new Set(tops.map((y) => Math.round(y))).size).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'calendar-week-1280.png');

    await signIn(page, 'resident01');
    await page.waitForURL((u) => u.pathname === '/m');
    await page.goto('/activities');
    await page.getByRole('button', { name: '下一周' }).click();
    await page.getByRole('heading', { level: 2, name: /^下周/ }).waitFor();
    const first = page
      .getByRole('list', { name: /每天的活动$/ })
      .getByRole('link')
      .first();
    await first.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: '我要报名' }).click();
    await page.getByRole('alert').getByText('需要先注册成为志愿者').waitFor();
    await page.getByRole('link', { name: '注册成为志愿者' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) resident01 places an order from the mobile home in 3 taps', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await signIn(page, 'resident01');
    await page.waitForURL((u) => u.pathname === '/m');
    await page.getByRole('heading', { level: 2, name: '我的点单' }).waitFor();
    await page.getByTestId('order-status').first().waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'm-home-resident-375.png');

    let taps = 0;
    const tap = async (click: Promise<void>) => {
      await click;
      taps++;
    };
    await tap(page.getByRole('main').getByRole('link', { name: '我要点单', exact: true }).click());
    await page.waitForURL((u) => u.pathname === '/m/orders/new');
    const service = page.locator('#order-menu').getByRole('button').first();
    await service.waitFor();
    await tap(service.click());
    await tap(page.getByRole('button', { name: '提交点单' }).click());
    await page.waitForURL((u) => /^\/m\/orders\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByTestId('order-status').first().waitFor();
    expect(taps).toBeLessThanOrEqual(3);
    await screenshot(page, 'm-order-placed-375.png');

    // Back home, the new order is the latest of three.
    await page.goto('/m');
    await page.getByRole('heading', { level: 2, name: '我的点单' }).waitFor();
    await page.getByTestId('order-status').first().getByText('已点单').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) the home by role passes axe, elder mode on: visitor, resident, volunteer', async () => {
    const check = async (page: Page, heading: string, name: string) => {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      expect(await noSideScroll(page)).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, name);
    };
    for (const who of [null, 'resident01', 'volunteer01'] as const) {
      const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
      await context.addInitScript(() => window.localStorage.setItem('shijian.elderMode', '1'));
      if (who) {
        await signIn(page, who);
        await page.waitForURL((u) => u.pathname === '/m');
      }
      await page.goto('/m');
      await expect.poll(() => page.getByRole('button', { name: '长辈版' }).getAttribute('aria-pressed')).toBe('true');
      if (who === null) {
        await page.getByRole('link', { name: '登录', exact: true }).waitFor();
        await page
          .getByText(/还剩 \d+ 个名额|名额已满|活动进行中/)
          .first()
          .waitFor();
        await check(page, '近期活动', 'm-home-visitor-elder-375.png');
      } else if (who === 'resident01') {
        await page.getByTestId('order-status').first().waitFor();
        await check(page, '我的点单', 'm-home-resident-elder-375.png');
      } else {
        await page
          .getByTestId('task-counts')
          .getByText(/可接 \d+ 单/)
          .waitFor();
        await check(page, '我的下一场活动', 'm-home-volunteer-elder-375.png');
        await page.getByRole('link', { name: /身边的实践站/ }).click();
        await page.getByRole('heading', { level: 2, name: /身边的实践站/ }).waitFor();
        await page.getByText('我的站点').waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });
});
