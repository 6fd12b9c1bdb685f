import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasBrowser, openTab, signIn, startHarness } from './browser';

/**
 * The console honours the system's "reduce motion" setting (lib/reduced-motion.ts): a dialog opens in
 * place, never zooming; without the setting it zooms in as antd's default. Watched with a
 * MutationObserver installed before the click, so what is seen does not depend on how fast the machine is.
 */
describe.skipIf(!hasBrowser)('reduced motion', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const motion of [false, true]) {
    it(motion ? 'without the setting, a dialog zooms in' : 'with "reduce motion", a dialog opens without zooming', async () => {
      const { page, context, pageErrors } = await openTab(h, { width: 1280, height: 900 }, { motion });
      await signIn(page, 'admin');
      await page.waitForURL('**/admin');
      await page.goto('/admin/orders/menu');
      await page.getByRole('heading', { level: 1, name: '需求清单' }).waitFor();
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { zoomSeen: string[] }).zoomSeen = seen;
        new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target as Element;
            // The zoom's running phase (rc-motion's prepare phase is set in both cases and ends at once without motion).
            if (typeof el.className === 'string' && /ant-zoom-(appear|enter)-active/.test(el.className)) seen.push(el.className);
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      });
      await page.getByRole('button', { name: '新增服务项目' }).click();
      await page.getByRole('dialog', { name: '新增服务项目' }).getByLabel('项目名称').waitFor();
      const seen = await page.evaluate(() => (window as unknown as { zoomSeen: string[] }).zoomSeen.length);
      if (motion) expect(seen).toBeGreaterThan(0);
      else expect(seen).toBe(0);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  }
});
