import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictSummaryView } from '../../src/shared/district';
import {
  apiSession,
  dialogsSettled,
  type Harness,
  hasBrowser,
  noSideScroll,
  openTab,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
} from './browser';

const MAAN = '马鞍街道新时代文明实践所';
const STREET = '江东街道新时代文明实践所';
const STREET_CODE = 'JD-01';
const STREET_ADMIN = 'jiangdong';
const STREET_ADMIN_NAME = '江东 李明';
const STREET_ADMIN_PASSWORD = 'Wenming#Jiedao2026';
const MONTHLY_RULE = '每个实践站每月至少开展文明实践活动（次）';

/** A row of a table on the page, found by the text a person reads in it. */
const rowOf = (scope: Page | Locator, text: string) => scope.getByRole('row').filter({ hasText: text });

/** A rule's card on 规则设置, found by its heading. */
const ruleCard = (page: Page, label: string) => page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: label, exact: true }) });

/**
 * Issue 13, the district admin's console (区级管理): the district admin reads the summary across streets, opens a new
 * street with its first institute admin (one-time password shown once), sets a district default for the monthly rule,
 * drills down to a street's report; the new street's admin signs in, changes the password and sees only their own
 * (empty) street; the read-only district viewer sees the figures and no buttons; the page holds at 375 px.
 */
describe.skipIf(!hasBrowser)('district console', () => {
  let h: Harness;
  /** The demo street's figures as the server reports them: what the summary table must show. */
  let maan: DistrictSummaryView['streets'][number];
  let oneTimePassword = '';

  beforeAll(async () => {
    h = await startHarness();
    const district = await apiSession(h.url, 'district');
    const summary = await district<DistrictSummaryView>('GET', '/api/district/summary');
    const found = summary.streets.find((s) => s.name === MAAN);
    if (!found) throw new Error('the demo street is not in the district summary');
    maan = found;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) the district admin signs in and reads the demo street’s figures in 按街道汇总', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'districtadmin');
    // The demo's accounts have their password set already: no forced change, straight to the console.
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await screenshot(page, 'district-home-1280.png');

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '区级管理' }).click();
    await page.waitForURL('**/admin/district');
    await page.getByRole('heading', { level: 1, name: '区级管理' }).waitFor();

    const row = rowOf(page, MAAN).first();
    await row.waitFor();
    const cells = row.getByRole('cell');
    await expect.poll(() => cells.nth(1).textContent()).toBe(String(maan.stations));
    expect(maan.stations).toBe(20);
    expect(await cells.nth(2).textContent()).toBe(String(maan.volunteers));
    expect(maan.volunteers).toBeGreaterThan(0);
    expect(await cells.nth(3).textContent()).toBe(`${maan.approvedHours} 小时`);
    expect(await cells.nth(4).textContent()).toBe(String(maan.activities));
    expect(await cells.nth(5).textContent()).toBe(`${maan.ordersPlaced}（${maan.ordersDone}）`);
    const rule = maan.monthlyRule;
    await row.getByText(`${rule.stationsMeeting}/${rule.stations} 站达标`).waitFor();
    await row.getByText(`${rule.month}，每站至少 ${rule.minimum} 次`).waitFor();
    // One street: no 全区合计 line yet.
    expect(await rowOf(page, '全区合计').count()).toBe(0);
    await screenshot(page, 'district-summary-1280.png');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) opens a new street with its admin, reads the one-time password once, and can disable and re-enable that admin', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'districtadmin');
    await page.waitForURL('**/admin');
    await page.goto('/admin/district');
    await page.getByRole('heading', { level: 1, name: '区级管理' }).waitFor();

    await page.getByRole('button', { name: '新建街道' }).click();
    const dialog = page.getByRole('dialog', { name: '新建街道（实践所）' });
    await dialog.waitFor();
    await dialogsSettled(page);
    await dialog.getByLabel('实践所名称').fill(STREET);
    await dialog.getByLabel('街道代码').fill(STREET_CODE);
    await dialog.getByLabel('地址').fill('重庆市涪陵区江东街道群沱子路 8 号');
    await dialog.getByLabel('管理员账号名').fill(STREET_ADMIN);
    await dialog.getByLabel('管理员姓名').fill(STREET_ADMIN_NAME);
    await screenshot(page, 'district-street-form-1280.png');
    await dialog.getByRole('button', { name: /^创\s?建$/ }).click();

    const secret = page.getByRole('dialog', { name: `已新建${STREET}` });
    await secret.waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await secret.getByText('一次性密码只显示这一次').waitFor();
    await secret.getByText(STREET_ADMIN, { exact: true }).waitFor();
    oneTimePassword = ((await secret.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(oneTimePassword).toMatch(/^\S{8,}$/);
    await dialogsSettled(page);
    await screenshot(page, 'district-street-secret-1280.png');
    await secret.getByRole('button', { name: '我已记下' }).click();
    await secret.waitFor({ state: 'hidden' });

    // The street is listed with its admin, and the summary has a line for it and a district total.
    const streetsCard = page.locator('.ant-card').filter({ has: page.getByText('街道与管理员', { exact: true }) });
    const street = rowOf(streetsCard, STREET);
    await street.getByText(`${STREET_ADMIN_NAME}（${STREET_ADMIN}）`).waitFor();
    await street.getByText(STREET_CODE, { exact: true }).waitFor();
    await street.getByText('正常', { exact: true }).waitFor();
    const summaryCard = page.locator('.ant-card').filter({ has: page.getByText('按街道汇总', { exact: true }) });
    // A street without stations says so, rather than "0/0".
    await rowOf(summaryCard, STREET).first().getByText('尚无实践站').waitFor();
    await rowOf(summaryCard, '全区合计').waitFor();
    await expect.poll(() => rowOf(summaryCard, '全区合计').getByRole('cell').nth(1).textContent()).toBe(String(maan.stations));

    // Disable the new admin (their sessions would end), then enable them again.
    await street.getByRole('button', { name: /^停\s?用$/ }).click();
    const confirm = page.getByRole('tooltip').filter({ hasText: `停用 ${STREET_ADMIN_NAME} 的账号？` });
    await confirm.waitFor();
    await dialogsSettled(page);
    await confirm.locator('button', { hasText: /^停\s?用$/ }).click();
    await page.getByText(`已停用：${STREET_ADMIN_NAME}`).waitFor();
    await confirm.waitFor({ state: 'hidden' });
    await street.getByText('已停用', { exact: true }).waitFor();
    await dialogsSettled(page);
    await street.getByRole('button', { name: /^启\s?用$/ }).click();
    const again = page.getByRole('tooltip').filter({ hasText: `启用 ${STREET_ADMIN_NAME} 的账号？` });
    await again.waitFor();
    await dialogsSettled(page);
    // By its text: the confirm button is the one that confirmed 停用 a moment ago, and antd may leave the spinner it
    // showed then in the DOM, shrunk to nothing (its exit animation cut short when the popup closed), in its name.
    await again.locator('button', { hasText: /^启\s?用$/ }).click();
    await page.getByText(`已启用：${STREET_ADMIN_NAME}`).waitFor();
    await again.waitFor({ state: 'hidden' });
    await street.getByText('正常', { exact: true }).waitFor();
    await screenshot(page, 'district-streets-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(c) sets a district default for the monthly rule; the summary then counts against it', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'districtadmin');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '规则设置' }).click();
    await page.getByRole('heading', { level: 1, name: '规则设置' }).waitFor();
    await page.getByText('区级默认规则').waitFor();

    const card = ruleCard(page, MONTHLY_RULE);
    await card.getByText('当前值：1 次').waitFor();
    await card.getByLabel(MONTHLY_RULE).fill('2');
    await card.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText(`已保存：${MONTHLY_RULE}`).waitFor();
    await card.getByText('当前值：2 次').waitFor();
    await card.getByText('已调整', { exact: true }).waitFor();
    await screenshot(page, 'district-settings-1280.png');

    // Neither street has a value of its own: both are now measured against the district's 2.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '区级管理' }).click();
    await page.getByRole('heading', { level: 1, name: '区级管理' }).waitFor();
    await rowOf(page, MAAN)
      .first()
      .getByText(/每站至少 2 次/)
      .waitFor();
    await rowOf(page, STREET)
      .first()
      .getByText(/每站至少 2 次/)
      .waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(d) drills down from the summary to the demo street’s report', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'districtadmin');
    await page.waitForURL('**/admin');
    await page.goto('/admin/district');
    await page.getByRole('heading', { level: 1, name: '区级管理' }).waitFor();
    await rowOf(page, MAAN).first().getByRole('link', { name: '工作报表' }).click();
    await page.waitForURL('**/admin/reports?institute=*');
    await page.getByRole('heading', { level: 1, name: '工作报表' }).waitFor();
    await page.getByRole('heading', { level: 2, name: new RegExp(MAAN) }).waitFor();
    await screenshot(page, 'district-drill-report-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(e) the new street’s admin signs in with the one-time password, must change it, and sees only their own empty street', async () => {
    expect(oneTimePassword).not.toBe('');
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, STREET_ADMIN, oneTimePassword);
    await page.waitForURL('**/admin/password');
    await page.getByRole('heading', { level: 1, name: '修改密码' }).waitFor();
    await page.getByText('请先修改密码').waitFor();
    await screenshot(page, 'district-street-admin-password-1280.png');
    await page.getByLabel('当前密码').fill(oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill(STREET_ADMIN_PASSWORD);
    await page.getByLabel('确认新密码').fill(STREET_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.getByRole('main').getByText(`实践所管理员 · ${STREET}`).waitFor();

    // 组织架构: their institute, no stations — nothing of Ma'an.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '组织架构' }).click();
    await page.getByRole('heading', { level: 1, name: '组织架构' }).waitFor();
    await rowOf(page, STREET).waitFor();
    expect(
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: '实践站', exact: true }) })
        .count(),
    ).toBe(0);
    expect(await page.getByText(/马鞍/).count()).toBe(0);
    await screenshot(page, 'district-street-admin-org-1280.png');

    // 志愿者: none yet, and none of Ma'an's.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '志愿者' }).click();
    await page.getByRole('heading', { level: 1, name: '志愿者' }).waitFor();
    await page.getByText(/还没有志愿者/).waitFor();
    expect(await page.getByText(/马鞍/).count()).toBe(0);
    await screenshot(page, 'district-street-admin-volunteers-1280.png');

    // 规则设置: the monthly rule is the district's default, which the street may override.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '规则设置' }).click();
    await page.getByRole('heading', { level: 1, name: '规则设置' }).waitFor();
    const card = ruleCard(page, MONTHLY_RULE);
    await card.getByText('区级默认', { exact: true }).waitFor();
    await card.getByText('当前值：2 次').waitFor();
    await screenshot(page, 'district-street-admin-settings-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(f) the read-only district viewer sees the summary and no buttons to create or change anything', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'district');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '区级管理' }).click();
    await page.getByRole('heading', { level: 1, name: '区级管理' }).waitFor();
    await rowOf(page, MAAN).first().waitFor();
    await rowOf(page, STREET).first().waitFor();
    await rowOf(page, `${STREET_ADMIN_NAME}（${STREET_ADMIN}）`).waitFor();
    await page.getByText('只读', { exact: true }).waitFor();
    await page.getByText(/您的账号只能查看，新建街道、停用账号由区级管理员办理/).waitFor();
    for (const name of ['新建街道', '新增区级账号', /^停\s?用$/, /^启\s?用$/]) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await screenshot(page, 'district-viewer-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(g) at 375 px the district summary page is usable: nothing scrolls sideways, each street’s figures under its name', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await signIn(page, 'districtadmin');
    await page.waitForURL('**/admin');
    await page.goto('/admin/district');
    await page.getByRole('heading', { level: 1, name: '区级管理' }).waitFor();
    const summaryCard = page.locator('.ant-card').filter({ has: page.getByText('按街道汇总', { exact: true }) });
    const row = rowOf(summaryCard, MAAN).first();
    // The phone layout: each figure beside its label, inside the screen, not in columns off to the right.
    const volunteers = row.locator('dl > div').filter({ hasText: '志愿者' });
    await volunteers.getByText(String(maan.volunteers), { exact: true }).waitFor();
    await row.getByText(/每站至少 2 次/).waitFor();
    await row.getByRole('link', { name: '工作报表' }).waitFor();
    await rowOf(summaryCard, '全区合计').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    const inside = async (l: Locator) => {
      const box = await l.boundingBox();
      return !!box && box.x >= 0 && box.x + box.width <= 375;
    };
    expect(await inside(volunteers)).toBe(true);
    expect(await inside(row.getByRole('link', { name: '工作报表' }))).toBe(true);
    // The street admins' buttons are on the screen too, not scrolled away.
    const streetsCard = page.locator('.ant-card').filter({ has: page.getByText('街道与管理员', { exact: true }) });
    const disable = rowOf(streetsCard, STREET).getByRole('button', { name: /^停\s?用$/ });
    await disable.waitFor();
    expect(await inside(disable)).toBe(true);
    const accountsCard = page.locator('.ant-card').filter({ has: page.getByText('区级账号', { exact: true }) });
    const viewer = rowOf(accountsCard, '区中心 高海涛').getByRole('button', { name: /^停\s?用$/ });
    await viewer.waitFor();
    expect(await inside(viewer)).toBe(true);
    await screenshot(page, 'district-summary-375.png');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The new-street dialog fits the phone too.
    await page.getByRole('button', { name: '新建街道' }).click();
    const dialog = page.getByRole('dialog', { name: '新建街道（实践所）' });
    await dialog.waitFor();
    await dialogsSettled(page);
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'district-street-form-375.png');
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
