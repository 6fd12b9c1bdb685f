import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dialogsSettled,
  type Harness,
  hasBrowser,
  openTab,
  screenshot,
  seriousA11yViolations,
  signIn,
  startHarness,
  type Tab,
  apiSession,
  noSideScroll,
  pickOption,
} from './browser';

const NEED = '腿摔伤了下不了楼，想请人帮忙买 10 斤米和一桶油（浏览器测试）';
const REPORT = '已购买大米 10 斤、菜籽油 1 桶送到家中，老人行动不便，建议下周再次探访。';

const smallPng = (text: string) => QRCode.toBuffer(text, { width: 96 });

/**
 * 点单 → 审单 → 派单 → 接单 → 结项 → 评单: resident01 orders on the phone with a photo, station01
 * verifies it by phone and puts it in the 抢单池, volunteer01 takes it and completes it with a report
 * and a photo, resident01 gives 5 stars, and the service becomes a verified hours record pending
 * confirmation. The public portal form and the care-recipient page are checked on the way.
 */
describe.skipIf(!hasBrowser)('orders journey', () => {
  let h: Harness;
  let resident: Tab;
  let orderId = '';
  let orderNumber = '';

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await resident?.context.close();
    await h?.close();
  });

  it('(1) resident01 places an order on /m/orders/new with a photo', async () => {
    resident = await openTab(h, { width: 375, height: 812 });
    const { page } = resident;
    await signIn(page, 'resident01');
    await page.waitForURL((u) => u.pathname === '/m');
    // 点单 sits in the bottom navigation.
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '点单' }).click();
    await page.getByRole('link', { name: '我要点单' }).click();
    await page.waitForURL((u) => u.pathname === '/m/orders/new');
    await page.getByText(/向 .*金银.* 点单/).waitFor();
    const item = page.getByRole('button', { name: /^代购代办/ });
    await item.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Nothing picked yet: the phone says what is missing before anything is sent.
    await page.getByRole('button', { name: '提交点单' }).click();
    await page.getByText('请选择一项服务，或选“其他需求”').waitFor();

    await item.click();
    await expect.poll(() => item.getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel(/说说您的需要/).fill(NEED);
    await page.getByText('可以用输入法的语音输入').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'need.png', mimeType: 'image/png', buffer: await smallPng('需求照片') });
    await page.getByRole('img', { name: '照片 1' }).waitFor();
    await page.getByLabel(/服务地址/).fill('金银路 18 号 3 单元 2 楼');
    await page.getByRole('button', { name: '明天上午' }).click();
    await page.getByText(/希望 \d+月\d+日 09:00 前后服务/).waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'm-order-new-375.png');
    // 长辈版: one card per row, bigger type, nothing sideways.
    await page.getByRole('button', { name: '长辈版' }).click();
    const cardBox = await item.boundingBox();
    expect(cardBox?.width ?? 0).toBeGreaterThan(300);
    expect(Math.min(cardBox?.width ?? 0, cardBox?.height ?? 0)).toBeGreaterThanOrEqual(60);
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-order-new-375-elder.png');
    await page.getByRole('button', { name: '长辈版' }).click();

    await page.getByRole('button', { name: '提交点单' }).click();
    await page.waitForURL((u) => /^\/m\/orders\/[0-9a-f-]{36}$/.test(u.pathname));
    orderId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByText(/点单成功！单号 D\d{8}-\d{4}/).waitFor();
    orderNumber = (await page.getByText(/点单成功！单号/).textContent())?.match(/D\d{8}-\d{4}/)?.[0] ?? '';
    expect(orderNumber).not.toBe('');
    await expect.poll(() => page.getByTestId('order-status').textContent()).toBe('已点单');
    await expect.poll(() => page.getByRole('list', { name: '办理进度' }).locator('[aria-current="step"]').textContent()).toContain('审单');
    // Before acceptance the resident may cancel.
    await page.getByRole('button', { name: '取消点单' }).waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-order-status-375.png');
    expect(resident.pageErrors).toEqual([]);
  });

  it('(2) station01 verifies the requester by phone and dispatches to the 抢单池', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    // The home page reminds admins of care recipients nobody has contacted for a while.
    await page.getByRole('heading', { level: 2, name: /关爱对象提醒/ }).waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '群众点单' }).click();
    await page.getByRole('heading', { level: 1, name: '群众点单' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: orderNumber });
    await row.getByText('待核实').waitFor();
    await screenshot(page, 'admin-orders-1280.png');
    await row.getByRole('link', { name: `查看需求单 ${orderNumber}` }).click();

    await page.getByRole('heading', { level: 1, name: `需求单 ${orderNumber}` }).waitFor();
    await page.getByText(NEED).waitFor();
    await page.getByRole('img', { name: '居民上传的照片 1' }).waitFor();
    // Only what the server allows is offered: no 派单 before 审单.
    expect(await page.getByRole('button', { name: '派单' }).count()).toBe(0);

    await page.getByRole('button', { name: '开始审单' }).click();
    const review = page.getByRole('dialog', { name: /开始审单/ });
    await review.waitFor();
    await dialogsSettled(page);
    await review.getByLabel('已电话核实身份和需求').check();
    await review.getByLabel(/核实情况/).fill('已电话联系本人，需求属实，明天上午在家');
    await review.getByRole('button', { name: '确认开始审单' }).click();
    await review.waitFor({ state: 'hidden' });
    await page.getByRole('main').getByText('审单中').first().waitFor();

    await page.getByRole('button', { name: '派单', exact: true }).click();
    const dispatch = page.getByRole('dialog', { name: /派单/ });
    await dispatch.waitFor();
    await dialogsSettled(page);
    // A named volunteer comes with scored suggestions and the reasons behind each score.
    await dispatch.getByText('指定志愿者').click();
    await dispatch.getByTestId('suggestions').waitFor();
    expect(
      await dispatch
        .getByTestId('suggestions')
        .getByText(/匹配度 \d+/)
        .count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'admin-order-dispatch-1280.png');
    await dispatch.getByText('抢单池', { exact: true }).click();
    await dispatch.getByRole('button', { name: '确认派单' }).click();
    await dispatch.waitFor({ state: 'hidden' });
    await page.getByRole('main').getByText('已派单').first().waitFor();
    await page
      .getByText(/剩 \d+ (天|小时|分钟)/)
      .first()
      .waitFor();
    await page.getByText('派给抢单池').first().waitFor();
    await screenshot(page, 'admin-order-detail-1280.png');

    // 关爱对象: the sensitive-data banner first, and the long-no-contact flags.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '关爱对象' }).click();
    await page.getByText('访问记录会被审计；仅本站工作人员和实践所管理员可见').waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await screenshot(page, 'admin-care-1280.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(3) volunteer01 takes it in /m/tasks and completes it with a report and a photo', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await signIn(page, 'volunteer01');
    await page.waitForURL((u) => u.pathname === '/m');
    await page.goto('/m/tasks');
    await page.getByRole('heading', { level: 2, name: /可以接的单/ }).waitFor();
    // Orders named to me come first; the pool may sit behind 再看 N 张.
    const more = page.getByRole('button', { name: /^再看 \d+ 张$/ });
    if (await more.count()) await more.click();
    const card = page.getByRole('article').filter({ hasText: NEED });
    await card.waitFor();
    await card.getByText('抢单池（先到先得）').waitFor();
    await card.getByRole('button', { name: '婉拒' }).click();
    await card.getByText('婉拒不影响您的任何记录').waitFor();
    await card.getByRole('button', { name: '返回' }).click();
    await card.getByRole('button', { name: '接单' }).click();
    await page.getByText('接单成功').waitFor();

    const held = page.getByRole('article').filter({ hasText: NEED });
    await held.getByTestId('order-status').filter({ hasText: '已接单' }).waitFor();
    // Once accepted, the volunteer sees the full phone number to arrange the visit.
    await held.getByRole('link', { name: /^1[3-9]\d{9}$/ }).waitFor();
    await held.getByRole('button', { name: '开始服务' }).click();
    await page.getByText('已开始服务').waitFor();
    // Orders I hold come first on a fresh visit, above a short list of ones I could take.
    await page.reload();
    await held.getByTestId('order-status').filter({ hasText: '服务中' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^再看 \d+ 张$/ }).count()).toBe(1);
    await held.getByRole('button', { name: '完成服务' }).click();
    await held.getByLabel('服务情况').fill(REPORT);
    await held.locator('input[type=file]').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: await smallPng('现场照片') });
    await held.getByRole('img', { name: '照片 1' }).waitFor();
    await held.getByRole('button', { name: '1.5 小时' }).click();
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'm-tasks-375.png');
    await held.getByRole('button', { name: '提交结项' }).click();
    await page.getByText(/已结项！/).waitFor();
    await page.getByRole('article').filter({ hasText: NEED }).getByTestId('order-status').filter({ hasText: '已结项' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(4) resident01 rates it 5 stars with big star buttons in 长辈版', async () => {
    const { page } = resident;
    await page.goto(`/m/orders/${orderId}`);
    await page.getByRole('heading', { name: '为这次服务评价' }).waitFor();
    await page.getByRole('button', { name: '长辈版' }).click();
    const five = page.getByRole('button', { name: '5 星：非常满意' });
    const box = await five.boundingBox();
    expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(60);
    await five.click();
    await expect.poll(() => five.getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel(/想说的话/).fill('志愿者很细心，谢谢！');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('谢谢您的评价！').waitFor();
    await expect.poll(() => page.getByTestId('order-status').textContent()).toBe('已评价');
    await page.getByRole('img', { name: '5 星' }).waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'm-order-rated-375.png');
    await page.getByRole('button', { name: '长辈版' }).click();
    expect(resident.pageErrors).toEqual([]);
  });

  it('(5) the service is a verified hours record for volunteer01, pending confirmation at the station', async () => {
    const station01 = await apiSession(h.url, 'station01');
    const order = await station01<{ volunteer: { id: string; name: string } | null; status: string; rating: number | null }>('GET', `/api/orders/${orderId}`);
    expect(order.status).toBe('rated');
    expect(order.rating).toBe(5);
    const records = await station01<{ items: { title: string; volunteerId: string; hours: number; source: string; status: string }[] }>(
      'GET',
      `/api/hours?source=verified&status=pending&volunteerId=${order.volunteer?.id}&pageSize=100&page=1`,
    );
    const record = records.items.find((r) => r.title === '群众点单：代购代办');
    expect(record).toMatchObject({ volunteerId: order.volunteer?.id, hours: 1.5, source: 'verified', status: 'pending' });

    // And in the console, where staff confirm it.
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'station01');
    await page.waitForURL('**/admin');
    await page.goto('/admin/hours');
    await page
      .getByRole('row')
      .filter({ hasText: '群众点单：代购代办' })
      .filter({ hasText: order.volunteer?.name ?? '' })
      .first()
      .waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(6) the institute admin keeps the menu: adds a service item, then takes it off', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 2, name: /关爱对象提醒：\d+ 人超过 \d+ 天未联系/ }).waitFor();

    // 需求清单: add an item, then take it off the menu.
    await page.goto('/admin/orders/menu');
    await page.getByRole('heading', { level: 1, name: '需求清单' }).waitFor();
    await page.getByRole('row').filter({ hasText: '上门理发' }).first().waitFor();
    await page.getByRole('button', { name: '新增服务项目' }).click();
    const add = page.getByRole('dialog', { name: '新增服务项目' });
    await add.waitFor();
    await dialogsSettled(page);
    // Pick the institute as a person does: open the list, wait until it has finished sliding open (a
    // click during the animation can miss), choose, and see the choice in the field before going on.
    await add.getByLabel('提供单位').click();
    const unitOption = page.locator('.ant-select-item-option').filter({ hasText: '实践所' }).first();
    await unitOption.waitFor();
    await expect.poll(() => page.locator('.ant-select-dropdown[class*="slide-up-"]').count()).toBe(0);
    const unitName = ((await unitOption.textContent()) ?? '').trim();
    await unitOption.click();
    // The choice has landed in the form before anything else is typed (the dropdown lives outside the dialog).
    await add.getByText(unitName, { exact: true }).filter({ visible: true }).first().waitFor();
    await add.getByLabel('项目名称').fill('上门量血压');
    await add.getByLabel('服务内容').fill('为行动不便的老人上门测量血压、血糖');
    await add.getByLabel(/接单时限/).fill('24');
    await add
      .getByRole('button', { name: '保 存' })
      .or(add.getByRole('button', { name: '保存' }))
      .click();
    await add.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '上门量血压' });
    await row.getByText('24 小时').waitFor();
    await screenshot(page, 'admin-order-menu-1280.png');
    await row.getByRole('button', { name: '停用 上门量血压' }).click();
    await page.getByRole('button', { name: /^停\s?用$/ }).click();
    await page.getByText('已停用：上门量血压').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(7) the institute admin records a care visit and orders on behalf of the care recipient', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');

    // 关爱对象: a visit clears nothing silently; it is recorded with who and when.
    await page.goto('/admin/care?flagged=true');
    await page.getByText('访问记录会被审计').waitFor();
    const first = page.getByRole('row').nth(1).getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByLabel('情况记录').fill('上门看望，身体尚好，需要代购药品');
    await page.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('已记录走访').waitFor();
    await page.getByRole('main').getByText('上门看望，身体尚好，需要代购药品').waitFor();
    await screenshot(page, 'admin-care-detail-1280.png');

    // 代为点单 for this person: the name comes from the record; the order is verified and linked back.
    await page.getByRole('button', { name: '为TA代为点单' }).click();
    const place = page.getByRole('dialog', { name: '代为点单' });
    await place.waitFor();
    await dialogsSettled(page);
    await expect.poll(() => place.getByLabel('居民姓名').inputValue()).toBe(name);
    await place.getByLabel('服务项目').click();
    // As in (6): choose once the list has finished loading and sliding open, and see the choice land.
    await pickOption(page, place.locator('.ant-form-item', { has: page.getByLabel('服务项目') }), /^代购代办（.*小时内接单）$/);
    await place.getByLabel('需求描述').fill('需要代购降压药，老人行动不便');
    await screenshot(page, 'admin-place-order-1280.png');
    await place.getByRole('button', { name: '提交需求单' }).click();
    await page.waitForURL((u) => /^\/admin\/orders\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText('电话代点').first().waitFor();
    await page.getByRole('main').getByText('已核实').first().waitFor();
    await page.getByRole('link', { name: '查看关爱对象档案' }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(8) the institute admin issues an Open311 key, shown once, and revokes it', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 });
    await signIn(page, 'admin');
    await page.waitForURL('**/admin');

    // Open311 api_key: shown once, then only its name; revocable.
    await page.goto('/admin/settings');
    await page.getByRole('heading', { level: 2, name: 'Open311 接口密钥' }).waitFor();
    await page.getByText(/\/open311\/discovery\.json/).waitFor();
    await page.getByRole('button', { name: '签发密钥' }).click();
    const issue = page.getByRole('dialog', { name: /Open311 密钥/ });
    await issue.waitFor();
    await dialogsSettled(page);
    await issue.getByLabel('用途 / 对接方').fill('涪陵区 12345 市民服务热线');
    await issue.getByRole('button', { name: /签\s?发/ }).click();
    await page.getByTestId('open311-api-key').waitFor();
    expect(((await page.getByTestId('open311-api-key').textContent()) ?? '').length).toBeGreaterThan(16);
    await screenshot(page, 'admin-open311-key-1280.png');
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    const keyRow = page.getByRole('row').filter({ hasText: '涪陵区 12345 市民服务热线' });
    await keyRow.getByText('有效').waitFor();
    await keyRow.getByRole('button', { name: '作废 涪陵区 12345 市民服务热线' }).click();
    await page.getByRole('button', { name: /^作\s?废$/ }).click();
    await keyRow.getByText(/已作废/).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('(9) anyone can place an order on the portal at /order and is told the station will call back', async () => {
    const { page, context, pageErrors } = await openTab(h, { width: 375, height: 812 });
    await page.goto('/');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '群众点单' }).click();
    await page.getByRole('heading', { level: 1, name: '群众点单' }).waitFor();
    const station = page.getByLabel('所在社区实践站');
    await station.locator('option').nth(20).waitFor({ state: 'attached' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '提交需求' }).click();
    await page.getByText('请勾选同意后再提交').waitFor();

    await station.selectOption((await station.locator('option', { hasText: '金银' }).first().getAttribute('value')) ?? '');
    const item = page.getByLabel(/服务项目/);
    await item.locator('option', { hasText: '上门理发' }).first().waitFor({ state: 'attached' });
    await item.selectOption({ label: (await item.locator('option', { hasText: '上门理发' }).first().textContent()) ?? '' });
    await page.getByLabel('您的姓名').fill('周大爷');
    await page.getByLabel('手机号').fill('13812345678');
    await page.getByLabel('需要什么帮助').fill('老伴行动不便，想请志愿者上门理发');
    await page.getByLabel(/我同意实践站为办理这次需求使用/).check();
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-order-375.png');
    await page.getByRole('button', { name: '提交需求' }).click();
    await page.getByText('实践站工作人员会电话联系您核实').waitFor();
    await expect.poll(() => page.getByTestId('order-number').textContent()).toMatch(/^D\d{8}-\d{4}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-order-done-375.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
