import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

const TITLE = '社区运动会图片集';

/** 成果展示: a station admin makes a gallery with an image and publishes it; the portal shows it at 375 px. */
describe.skipIf(!hasBrowser)('showcase (成果展示)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) station01 creates a gallery with an image in the console and publishes it', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '成果展示', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '成果展示' }).waitFor();
    await page.getByRole('row').filter({ hasText: '邻里一家亲' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'showcase-admin-1280.png');

    await page.getByRole('button', { name: '新建展示' }).click();
    const dialog = page.getByRole('dialog', { name: '新建成果展示' });
    await dialog.getByLabel('标题', { exact: true }).fill(TITLE);
    await dialog.getByLabel('说明', { exact: true }).fill('居民趣味运动会，志愿者维持秩序、发放饮用水。');
    const png = await QRCode.toBuffer('社区运动会', { width: 120 });
    // The second picker is the gallery's (the first is the cover's).
    await dialog.locator('input[type=file]').nth(1).setInputFiles({ name: '运动会.png', mimeType: 'image/png', buffer: png });
    await dialog.getByText('运动会.png').waitFor();
    await expect
      .poll(() => dialog.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').count())
      .toBeGreaterThan(0);
    await dialog.getByLabel('图片说明').fill('拔河比赛');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('草稿').waitFor();
    await row.getByRole('button', { name: `发布 ${TITLE}` }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^发\s?布$/ })
      .click();
    await page.getByText(`已发布：${TITLE}`).waitFor();
    await row.getByText('已发布').waitFor();
    await screenshot(page, 'showcase-admin-published-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) /showcase at 375 px shows the published gallery, its photo opens large; drafts stay off', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await page.goto('/showcase');
    await page.getByRole('heading', { level: 1, name: '成果展示' }).waitFor();
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await page.getByRole('heading', { level: 2, name: '新时代文明实践宣传折页' }).waitFor();
    expect(await page.getByText('待补同意记录').count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'showcase-portal-375.png');

    await page.getByRole('button', { name: '图片集', exact: true }).click();
    await page.getByRole('button', { name: '查看大图：拔河比赛' }).click();
    const box = page.getByRole('dialog');
    await box.getByRole('img', { name: '拔河比赛' }).waitFor();
    await expect.poll(() => box.getByRole('img', { name: '拔河比赛' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'showcase-portal-lightbox-375.png');
    await box.getByRole('button', { name: '关闭' }).click();
    await box.waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
