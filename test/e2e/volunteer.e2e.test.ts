import { chinaDay } from '../../src/shared/china-time';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/shared/rules/id-number';
import {
  type Harness,
  hasBrowser,
  openTab,
  PASSWORD,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
  type Tab,
  apiSession,
  noSideScroll,
  pickOption,
  dialogsSettled,
} from './browser';

const NAME = '龚晓梅';
const PHONE = '13912345678';
const ID_NUMBER = makeIdNumber('500102', '1988-05-20', 321);
const VOLUNTEER_PASSWORD = 'Zhiyuan#2026';
const REVIEWER = 'station01b';
const REVIEWER_PASSWORD = 'Shenhe#Jinyin2026';

/**
 * A resident registers on the phone, the station approves them, one staff member backfills 3 hours
 * with evidence and a second one approves them; the volunteer sees the hours and stars, issues a
 * certificate, and its QR code leads to the public check page saying 有效.
 */
describe.skipIf(!hasBrowser)('volunteer journey', () => {
  let h: Harness;
  let phone: Tab;
  const serviceDay = chinaDay(new Date(Date.now() - 86_400_000));

  beforeAll(async () => {
    h = await startHarness();
    // A second staff member at 金银社区: the one who enters hours may not approve them.
    const station01 = await apiSession(h.url, 'station01', PASSWORD);
    const units = await station01<{ items: { id: string; name: string; kind: string }[] } | { id: string; name: string; kind: string }[]>(
      'GET',
      '/api/org/units',
    );
    const list = Array.isArray(units) ? units : units.items;
    const jinyin = list.find((u) => u.kind === 'station' && u.name.includes('金银'));
    if (!jinyin) throw new Error('金银社区 station missing from the seed');
    const created = await station01<{ oneTimePassword: string }>('POST', '/api/accounts', {
      username: REVIEWER,
      displayName: '何审核',
      role: 'station_admin',
      unitId: jinyin.id,
    });
    const reviewer = await apiSession(h.url, REVIEWER, created.oneTimePassword);
    await reviewer('POST', '/api/auth/password', { currentPassword: created.oneTimePassword, newPassword: REVIEWER_PASSWORD });
  });

  afterAll(async () => {
    await phone?.context.close();
    await h?.close();
  });

  it('(1) a resident registers on /m/register in three steps and lands on 我的志愿 as 待审核', async () => {
    phone = await openTab(h, { width: 375, height: 812 });
    const { page } = phone;
    await page.goto('/m/register');
    await page.getByRole('heading', { level: 2, name: /第 1 步/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('姓名').fill(NAME);
    // A wrong check digit is caught on the phone, before anything is sent.
    await page.getByLabel('身份证号').fill(`${ID_NUMBER.slice(0, 17)}${ID_NUMBER[17] === '1' ? '2' : '1'}`);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('校验位').first().waitFor();
    await page.getByLabel('身份证号').fill(ID_NUMBER);
    // Birth date, age and gender come from the number.
    await page.getByText('1988年5月20日').waitFor();
    await page.getByLabel('手机号').fill(PHONE);
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { level: 2, name: /第 2 步/ }).waitFor();
    const station = page.getByLabel('所在实践站');
    await station.locator('option').nth(20).waitFor({ state: 'attached' });
    const jinyin = await station.locator('option', { hasText: '金银' }).first().getAttribute('value');
    await station.selectOption(jinyin ?? '');
    await page.getByText('热心群众', { exact: true }).click();
    await page.getByText('助老助残', { exact: true }).click();
    await page.getByText('文化惠民', { exact: true }).click();
    await page.getByLabel('特长（可不填）').fill('理发、摄影');
    await page.getByRole('button', { name: '周六上午' }).click();
    await expect.poll(() => page.getByRole('button', { name: '周六上午' }).getAttribute('aria-pressed')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-register-375.png');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { level: 2, name: /第 3 步/ }).waitFor();
    await page.getByText('第二十一条').waitFor();
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('请阅读并勾选同意后再提交').waitFor();
    await page.getByLabel(/我已阅读以上说明/).check();
    await page.getByLabel('设置登录密码').fill(VOLUNTEER_PASSWORD);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'm-register-consent-375.png');
    await page.getByRole('button', { name: '提交注册' }).click();

    await page.waitForURL((u) => u.pathname === '/m/volunteer');
    await page
      .getByTestId('volunteer-status')
      .filter({ hasText: /^待审核$/ })
      .waitFor();
    await page.getByText('金银', { exact: false }).first().waitFor();
    // Signed in now, with 志愿 current in the bottom navigation.
    await expect.poll(() => page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '志愿' }).getAttribute('aria-current')).toBe('page');
    expect(phone.pageErrors).toEqual([]);
  });

  it('(2) station01 approves the registration in the talent pool and backfills 3 hours with evidence', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '志愿者' }).click();
    await page.getByRole('heading', { level: 1, name: '志愿者' }).waitFor();
    await page.getByLabel('姓名 / 编号 / 手机号').fill(NAME);
    await page.getByLabel('姓名 / 编号 / 手机号').press('Enter');
    const row = page.getByRole('row').filter({ hasText: NAME });
    await row.getByText('待审核').waitFor();
    await row.getByRole('button', { name: `审核通过 ${NAME}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await row.getByText('已认证').waitFor();
    await screenshot(page, 'admin-volunteers-1280.png');

    // The (masked) CSV export follows the same filters and downloads with the session cookie.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csv = await downloading;
    expect(csv.suggestedFilename()).toBe('志愿者名册.csv');
    const text = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(text).toContain('姓名');
    expect(text).toContain(NAME);
    expect(text).not.toContain(ID_NUMBER);

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '服务记录' }).click();
    await page.getByRole('heading', { level: 1, name: '服务记录' }).waitFor();
    await page.getByRole('button', { name: '补录' }).click();
    const dialog = page.getByRole('dialog', { name: '补录服务记录' });
    await dialog.getByLabel('志愿者', { exact: true }).fill(NAME);
    await pickOption(page, dialog.locator('.ant-form-item', { has: page.getByLabel('志愿者', { exact: true }) }), NAME);
    // The volunteer's station lands in 组织单位 (the picker's own hidden live region names it too).
    await dialog.locator('.ant-form-item').filter({ hasText: '组织单位' }).getByText('金银社区', { exact: false }).filter({ visible: true }).first().waitFor();
    await dialog.getByLabel('活动 / 项目名称').fill('共享邻里情·敬老助老');
    await dialog.getByLabel('服务日期').fill(serviceDay);
    await dialog.getByLabel('服务日期').press('Enter');
    await dialog.getByLabel('开始时间').fill('09:00');
    await dialog.getByLabel('开始时间').press('Enter');
    await dialog.getByLabel('结束时间').fill('12:00');
    await dialog.getByLabel('结束时间').press('Enter');
    await dialog.getByLabel('服务内容').fill('上门探望空巢老人，打扫卫生、陪伴聊天');
    await dialog.getByLabel('服务地点').fill('金银路 18 号');
    const png = await QRCode.toBuffer('纸质签到表（测试）', { width: 120 });
    await dialog.locator('input[type=file]').setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: png });
    await dialog.locator('.ant-upload-list-item-done').waitFor();
    await dialog.getByLabel('补录原因').fill('现场网络故障，使用纸质签到表');
    await dialog.getByRole('button', { name: '提交审核' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const record = page.getByRole('row').filter({ hasText: NAME });
    await record.getByText('3 小时').waitFor();
    // The person who entered it cannot approve it.
    await record.getByText('待他人审核').waitFor();
    await screenshot(page, 'admin-hours-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(3) a second staff member approves the backfilled record', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, REVIEWER, REVIEWER_PASSWORD);
    await page.waitForURL('**/admin');
    await page.goto('/admin/hours');
    const record = page.getByRole('row').filter({ hasText: NAME });
    await record.getByRole('button', { name: new RegExp(`^认定 ${NAME}`) }).click();
    // The confirmation's OK button (antd spaces two-character labels: 认 定), once it has stopped zooming in.
    await page.getByRole('button', { name: /^认\s?定$/ }).waitFor();
    await dialogsSettled(page);
    await page.getByRole('button', { name: /^认\s?定$/ }).click();
    await page.getByText(`已认定：${NAME} 3 小时`).waitFor();
    await page.getByRole('tab', { name: '已认定' }).click();
    await page.getByRole('row').filter({ hasText: NAME }).getByText('何审核').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(4) the volunteer sees 3 approved hours and star progress, issues a certificate and its QR code verifies as 有效', async () => {
    const { page, context } = phone;
    await page.goto('/m/volunteer');
    await page.getByTestId('approved-hours').filter({ hasText: '3' }).waitFor();
    await expect.poll(() => page.getByTestId('volunteer-status').textContent()).toBe('已认证');
    await expect.poll(() => page.getByTestId('star-explanation').textContent()).toContain('累计 3 小时');
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-volunteer-375.png');

    await page.getByLabel('开始日期').fill(`${serviceDay.slice(0, 4)}-01-01`);
    await page.getByRole('button', { name: '开具证明' }).click();
    const pdfLink = page.getByTestId('certificate-pdf').first();
    await pdfLink.waitFor();
    const pdfUrl = await pdfLink.getAttribute('href');
    expect(pdfUrl).toMatch(/^\/api\/certificates\/.+\/pdf$/);

    const response = await page.request.get(pdfUrl ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shijian-cert-'));
    try {
      writeFileSync(path.join(dir, 'cert.pdf'), await response.body());
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', path.join(dir, 'cert.pdf'), path.join(dir, 'page')]);
      const image = readdirSync(dir).find((f) => f.endsWith('.png'));
      expect(image).toBeTruthy();
      const decoded = execFileSync('zbarimg', ['-q', '--raw', path.join(dir, image ?? '')], { encoding: 'utf8' }).trim();
      const url = new URL(decoded);
      expect(url.pathname).toMatch(/^\/verify\//);

      // The QR code names the server that made the PDF; open the same path on this test server.
      await page.goto(`${h.url}${url.pathname}`);
      await page.getByRole('heading', { level: 2, name: '有效' }).waitFor();
      await page.getByText(/^龚\*梅$/).waitFor();
      await page.getByText('3 小时').waitFor();
      expect(await noSideScroll(page)).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'verify-375.png');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Anyone can check without signing in; an unknown number says so.
    const anonymous = await openTab(h, { width: 375, height: 812 });
    await anonymous.page.goto('/verify/SJ0000-NOTREAL');
    await anonymous.page.getByRole('heading', { level: 2, name: '未找到' }).waitFor();
    expect(anonymous.pageErrors).toEqual([]);
    await anonymous.context.close();

    expect(phone.pageErrors).toEqual([]);
    await context.close();
  });
});
