import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type Harness, hasBrowser, noSideScroll, openTab, screenshot, seriousA11yViolations, signIn, startHarness } from './browser';

/**
 * Known XSS payloads, each trying to set `window.__xss` (or open a dialog). Stored as news bodies
 * through the API, sanitised on the server, then opened on the portal: none may run.
 */
const PAYLOADS: [name: string, html: string][] = [
  ['script', '<p>正文</p><script>window.__xss = "script"</script>'],
  ['img onerror', '<img src=x onerror="window.__xss=\'img\'">'],
  ['relative img with onerror', '<img src="/favicon.svg" onerror="window.__xss=\'rel-img\'" onload="window.__xss=\'rel-img\'">'],
  ['svg onload', '<svg onload="window.__xss=\'svg\'"><circle r="5"/></svg><p>svg</p>'],
  ['javascript: link', '<a href="javascript:window.__xss=\'link\'" id="xss-link">点我</a>'],
  ['entity javascript: link', '<a href="jav&#x61;script&colon;window.__xss=\'entity\'" id="xss-entity">点我</a>'],
  ['iframe', '<iframe src="javascript:window.__xss=\'iframe\'"></iframe><iframe srcdoc="<script>parent.__xss=\'srcdoc\'</script>"></iframe>'],
  [
    'style expression',
    '<p style="background:url(javascript:window.__xss=1);width:expression(window.__xss=1)">样式</p><style>body{background:url("javascript:window.__xss=1")}</style>',
  ],
  ['data: URL', '<a href="data:text/html,<script>alert(1)</script>" id="xss-data">数据</a><img src="data:image/svg+xml,<svg onload=alert(1)>">'],
  ['nested/malformed', '<<script>script>window.__xss="nested"<</script>/script><p <img src=x onerror=alert(1)>>x</p><scr<script>ipt>alert(1)</script>'],
  ['entity-encoded', '&lt;script&gt;window.__xss="entity"&lt;/script&gt;<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
  ['event attributes', '<p onmouseover="window.__xss=1" onclick="alert(1)">悬停</p><details open ontoggle="window.__xss=\'details\'">d</details>'],
  ['math/form/object', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  [
    'object/embed/base',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)"><base href="javascript:alert(1)//"><form action="javascript:alert(1)"><button>提交</button></form>',
  ],
];

describe.skipIf(!hasBrowser)('news (新闻)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('(a) XSS payloads stored as news never run on the portal', async () => {
    const api = await apiSession(h.url, 'admin');
    const me = await api<{ roles: { role: string; unitId: string }[] }>('GET', '/api/auth/me');
    const unitId = me.roles.find((r) => r.role === 'institute_admin')?.unitId as string;
    const ids: [string, string][] = [];
    for (const [name, html] of PAYLOADS) {
      const n = await api<{ id: string }>('POST', '/api/news', { unitId, title: `XSS 测试：${name}`, category: 'notice', body: `<p>${name}</p>${html}` });
      await api('POST', `/api/news/${n.id}/publication`, {});
      ids.push([name, n.id]);
    }
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const [name, id] of ids) {
      await page.goto(`/news/${id}`);
      await page.getByRole('heading', { level: 1, name: `XSS 测试：${name}` }).waitFor();
      // Hover and click what a visitor could: no handler and no javascript: URL may run.
      for (const link of await page.locator('article a').all()) {
        await link.hover();
        expect((await link.getAttribute('href')) ?? '', name).not.toMatch(/^\s*(javascript|data):/i);
      }
      for (const p of await page.locator('article p').all()) await p.hover();
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), name).toBeUndefined();
      expect(await page.locator('article script, article iframe, article svg, article object, article embed, article style, article form').count(), name).toBe(
        0,
      );
    }
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(b) a station admin writes news with an image and publishes it; it shows on the portal at 375 px', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '新闻宣传' }).click();
    await page.getByRole('heading', { level: 1, name: '新闻宣传' }).waitFor();
    await page.getByRole('button', { name: /撰写新闻/ }).click();
    const dialog = page.getByRole('dialog', { name: '撰写新闻' });
    await dialog.getByLabel('标题').fill('金银社区重阳节敬老志愿活动');
    // Link one of the station's activities: the first the list offers.
    await dialog.getByLabel('关联活动（可不选）').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().waitFor();
    await page.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: '正文', exact: true }).click();
    await page.keyboard.type('重阳节当天，志愿者为社区老人包饺子、理发、测血压。');
    const png = await QRCode.toBuffer('金银社区重阳节敬老志愿活动', { width: 320, margin: 2 });
    await dialog.locator('input[type=file][aria-label="选择要插入的图片"]').setInputFiles({ name: 'chongyang.png', mimeType: 'image/png', buffer: png });
    await dialog.getByRole('textbox', { name: '正文', exact: true }).locator('img').waitFor();
    await page.getByText('图片已插入').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'news-editor-1280.png');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText('已保存为草稿').waitFor();
    const drawer = page.getByRole('dialog', { name: '金银社区重阳节敬老志愿活动' });
    await drawer.getByText('预览').waitFor();
    await drawer.getByRole('button', { name: /^发\s?布$/ }).click();
    await page.getByText('已发布', { exact: true }).first().waitFor();
    await drawer.getByRole('button', { name: '报送专栏' }).click();
    await page.getByText('已报送', { exact: true }).first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '金银社区重阳节敬老志愿活动' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'news-admin-1280.png');
    await page.getByRole('tab', { name: '信息报送统计' }).click();
    await page.getByRole('cell', { name: '合计' }).waitFor();
    await screenshot(page, 'news-counts-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();

    const phone = await openTab(h, { width: 375, height: 812 });
    await phone.page.goto('/');
    await phone.page.getByRole('heading', { level: 2, name: '新闻动态' }).waitFor();
    await phone.page
      .getByRole('link', { name: /金银社区重阳节敬老志愿活动/ })
      .first()
      .click();
    await phone.page.getByRole('heading', { level: 1, name: '金银社区重阳节敬老志愿活动' }).waitFor();
    const img = phone.page.locator('article img').first();
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await phone.page.getByText(/^相关活动：/).waitFor();
    expect(await noSideScroll(phone.page)).toBe(true);
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'news-portal-375.png');
    await phone.page.getByRole('button', { name: '长辈版' }).click();
    expect(await noSideScroll(phone.page)).toBe(true);
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'news-portal-elder-375.png');
    await phone.page.getByRole('link', { name: '← 返回新闻列表' }).click();
    await phone.page.getByRole('heading', { level: 1, name: '新闻' }).waitFor();
    await phone.page.getByRole('link', { name: /金银社区重阳节敬老志愿活动/ }).waitFor();
    expect(await noSideScroll(phone.page)).toBe(true);
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'news-list-375.png');
    expect(phone.pageErrors).toEqual([]);
    await phone.context.close();
  });
});
