import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialogsSettled, type Harness, hasBrowser, openTab, screenshot, seriousA11yViolations, signIn, startHarness, type Tab } from './browser';

/** China wall-clock parts of an instant, whatever zone the test machine is in. */
function china(at: Date): { day: string; time: string; month: string } {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16), month: iso.slice(0, 7) };
}

const STATION = '金银社区新时代文明实践站';
const TITLE = `敬老助老上门探访（浏览器测试 ${Date.now() % 100000}）`;

/**
 * An activity from start to end, across the console and two phones: station01 plans and publishes
 * it, two volunteers sign up on their phones, volunteer01 checks in by opening the organiser's QR
 * link, the activity runs its course (the server's clock moves), the organiser ends it and
 * confirms the verified hours, the volunteer sees them, and the monthly table counts it.
 */
describe.skipIf(!hasBrowser)('activities: plan, sign up, check in, end', () => {
  let h: Harness;
  let staff: Tab;
  let v1: Tab;
  let v2: Tab;
  let activityUrl = '';
  let volunteerName = '';
  let countBefore = 0;
  // Starts in 30 minutes: sign-up is still open, and check-in already is (it opens an hour before).
  const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
  const end = new Date(start.getTime() + 2 * 3600_000);
  const thisMonth = china(new Date()).month;

  beforeAll(async () => {
    h = await startHarness();
    staff = await openTab(h, { width: 1280, height: 900 });
    v1 = await openTab(h, { width: 375, height: 812 });
    v2 = await openTab(h, { width: 375, height: 812 });
  });
  afterAll(async () => {
    await Promise.all([staff?.context.close(), v1?.context.close(), v2?.context.close()]);
    await h?.close();
  });

  const monthlyCell = () => staff.page.locator(`td[data-unit="${STATION}"][data-month="${thisMonth}"]`);
  // The cell reads "3" or, while the month runs, "3＋计划 2": the activities held, then those still planned.
  const heldThisMonth = async () => Number(((await monthlyCell().textContent()) ?? '').match(/^\s*(\d+)/)?.[1] ?? Number.NaN);

  it('station01 reads the monthly table, then creates and publishes an activity', async () => {
    const { page } = staff;
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: '各实践站每月开展活动情况' }).waitFor();
    await monthlyCell().waitFor();
    countBefore = await heldThisMonth();

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '活动', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '活动' }).waitFor();
    await page.getByRole('button', { name: '新建活动' }).click();
    await page.getByRole('heading', { level: 1, name: '新建活动' }).waitFor();

    // The unit defaults to the person's own station.
    await page.getByText(STATION, { exact: true }).first().waitFor();
    await page.getByLabel('活动名称').fill(TITLE);
    await page.getByLabel('活动内容').fill('两人一组，上门看望辖区空巢老人，帮助打扫卫生、测量血压。');
    for (const [label, at] of [
      ['开始时间', start],
      ['结束时间', end],
    ] as const) {
      const input = page.getByLabel(label, { exact: true });
      await input.click();
      await input.fill(`${china(at).day} ${china(at).time}`);
      await input.press('Enter');
    }
    // Credited hours follow the duration until someone types their own.
    await expect.poll(() => page.getByLabel('计入服务时长（小时）').inputValue()).toBe('2.00');
    await page.getByLabel('第 1 个岗位名称').fill('探访志愿者');
    await page.locator('#activity_contactName').fill('张晓燕');

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/admin\/activities\/[0-9a-f-]{36}$/);
    activityUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('草稿', { exact: true }).first().waitFor();

    // Lifecycle buttons come from allowedActions: a draft can be published or cancelled.
    await page
      .getByRole('group', { name: '活动操作' })
      .getByRole('button', { name: /^发\s?布$/ })
      .click();
    await page.getByRole('dialog').waitFor();
    await dialogsSettled(page);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^发\s?布$/ })
      .click();
    await page.getByText('招募中', { exact: true }).first().waitFor();

    // It is on the month calendar.
    await page.goto('/admin/activities');
    await page
      .getByRole('link', { name: new RegExp(TITLE.slice(0, 8)) })
      .first()
      .waitFor();
    await screenshot(page, 'admin-activities-1280.png');
    expect(staff.pageErrors).toEqual([]);
  });

  it('two volunteers sign up on their phones', async () => {
    for (const [tab, username] of [
      [v1, 'volunteer01'],
      [v2, 'leader01'],
    ] as const) {
      const { page } = tab;
      await signIn(page, username);
      await page.waitForURL((u) => u.pathname === '/m' || u.pathname === '/admin');
      await page.goto('/m/activities');
      await page.getByRole('link', { name: new RegExp(TITLE.slice(0, 8)) }).click();
      await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
      await page.getByRole('button', { name: '我要报名' }).click();
      await page.getByText('报名成功').waitFor();
      await page.getByText('您已报名').waitFor();
    }
    const me = await v1.page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
    volunteerName = me.account.displayName;

    // The list shows the sign-up as a badge, and "my sign-ups" has it.
    await v1.page.goto('/m/activities');
    const card = v1.page.getByRole('link', { name: new RegExp(TITLE.slice(0, 8)) });
    await card.getByText('已报名').waitFor();
    expect(await v1.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(v1.page)).toEqual([]);
    await v1.page.getByRole('button', { name: '我的报名' }).click();
    await v1.page
      .getByRole('link', { name: new RegExp(TITLE.slice(0, 8)) })
      .getByText('已报名')
      .waitFor();
    await v1.page.getByRole('button', { name: '获取日历订阅链接' }).waitFor();
    await screenshot(v1.page, 'm-activities-375.png');

    expect(v1.pageErrors).toEqual([]);
    expect(v2.pageErrors).toEqual([]);
  });

  it('the organiser sees both on the list and shows the check-in QR; volunteer01 opens it and is checked in', async () => {
    const { page } = staff;
    await page.goto(activityUrl);
    await page.getByRole('tab', { name: '报名名单' }).waitFor();
    await page.getByRole('row').filter({ hasText: volunteerName }).getByText('已报名').waitFor();
    await page.getByRole('row').filter({ hasText: '吴国庆' }).getByText('已报名').waitFor();

    await page.getByRole('tab', { name: '现场签到' }).click();
    const qr = page.locator('img[data-checkin-url]');
    await qr.waitFor();
    const url = (await qr.getAttribute('data-checkin-url')) ?? '';
    expect(url).toMatch(/\/m\/checkin\?a=[0-9a-f-]{36}&t=/);
    // The 6-digit code for phones that cannot scan, and the countdown to the next QR code.
    await page.getByText(/^\d{6}$/).waitFor();
    await page.getByText(/秒后刷新/).waitFor();
    await page.waitForTimeout(400); // let the tab's underline finish moving
    await screenshot(page, 'admin-activity-checkin-1280.png');

    await v1.page.goto(url);
    await v1.page.getByText('签到成功').waitFor();
    // The one-use token is gone from the address, so a reload cannot replay it.
    expect(v1.page.url()).not.toContain('&t=');
    await screenshot(v1.page, 'm-checkin-375.png');
    expect(await seriousA11yViolations(v1.page)).toEqual([]);
    expect(v1.pageErrors).toEqual([]);
  });

  it('the activity runs its course; the organiser ends it and confirms the hours; the volunteer sees them', async () => {
    // What volunteer01 has before: approved hours on the phone.
    await v1.page.goto('/m/volunteer');
    const hoursBefore = Number(((await v1.page.getByTestId('approved-hours').textContent()) ?? '').replace(/[^\d.]/g, ''));

    // The server's clock moves past the end; volunteer01 never checked out (it closes at the end, flagged).
    h.advance(end.getTime() - Date.now() + 5 * 60_000);
    const { page } = staff;
    await signIn(page, 'station01'); // the staff session idled out while the clock moved
    await page.waitForURL('**/admin');
    await page.goto(activityUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('group', { name: '活动操作' }).getByRole('button', { name: '结束活动' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '结束活动' }).click();
    await page
      .getByText('已结束', { exact: true })
      .first()
      .waitFor()
      .catch(async (err) => {
        await screenshot(page, 'debug-end-activity.png');
        throw err;
      });
    await page.getByRole('tab', { name: '报名名单' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: volunteerName })
      .getByText(/（扫码）/)
      .waitFor();
    // leader01 never checked in: a no-show once the activity ended.
    await page.getByRole('row').filter({ hasText: '吴国庆' }).getByText('未到场').waitFor();

    // The organiser confirms the verified record the attendance produced (2 hours, present throughout).
    await page.goto('/admin/hours');
    await page.getByRole('button', { name: `认定 ${volunteerName} ${TITLE}`, exact: true }).click();
    await page.getByRole('button', { name: /^认\s?定$/ }).click();
    await page.getByText(`已认定：${volunteerName}`).first().waitFor();

    // The volunteer's hours and star progress move.
    await v1.page.goto('/m/volunteer');
    await expect
      .poll(async () => Number(((await v1.page.getByTestId('approved-hours').textContent()) ?? '').replace(/[^\d.]/g, '')))
      .toBeCloseTo(hoursBefore + 2, 1);
    await v1.page.getByTestId('star-explanation').waitFor();
    expect(staff.pageErrors).toEqual([]);
  });

  it('the home page counts the activity for the station this month', async () => {
    const { page } = staff;
    await page.goto('/admin');
    await monthlyCell().waitFor();
    if (china(start).month === thisMonth) {
      await expect.poll(heldThisMonth).toBe(countBefore + 1);
    }
    await monthlyCell().scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-home-monthly-1280.png');

    await page.goto('/admin/venues');
    await page.getByRole('heading', { level: 1, name: '阵地' }).waitFor();
    await page.getByText('地图', { exact: true }).click();
    const map = page.locator('[data-map-mode="plot"] svg[role="img"]');
    await map.waitFor();
    // A station admin sees the institute's venues and their own station's.
    await expect.poll(() => map.locator('circle').count()).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'venues-map-1280.png');
    expect(staff.pageErrors).toEqual([]);
  });
});
