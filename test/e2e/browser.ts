import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestServer } from '../support/server';

/** Debian's chromium; the journeys never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const PASSWORD = 'Shijian#2026';
export const SCREENS = path.resolve('test-results/screens');

/**
 * The browser-required rule: without chromium the journeys are skipped loudly on a developer
 * machine, and fail in CI, where a silent skip would hide a broken pipeline.
 */
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) {
  const message = `Browser journeys need ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei).`;
  if (process.env.CI === 'true') throw new Error(`${message} CI=true, so this is a failure, not a skip.`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING BROWSER JOURNEYS: ${message}\n${'!'.repeat(78)}\n`);
}

export interface Harness {
  url: string;
  browser: Browser;
  /** Moves the server's clock forward (sessions, activity times and hours all follow it). */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** A fresh seeded server (Ma'an demo) and a headless chromium for one test file. */
export async function startHarness(): Promise<Harness> {
  let offset = 0;
  const server = await startTestServer({ clock: { now: () => new Date(Date.now() + offset) } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url: server.url,
    browser,
    advance(ms) {
      offset += ms;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page; a journey ends by asserting there were none. */
  pageErrors: string[];
}

export async function openTab(h: Harness, viewport: { width: number; height: number }): Promise<Tab> {
  const context = await h.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: h.url });
  // Each wait ends as soon as what it waits for is there; the bound only catches a page that never
  // gets there. On a loaded 2-core machine one step can take tens of seconds, so it is generous.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page, pageErrors };
}

/** Sign in through the login form, as a person would. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('账号/手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const file = path.join(SCREENS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core findings that matter: impact serious or critical. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await motionSettled(page);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A signed-in API client for test setup and assertions: the session cookie plus the CSRF header, as the web app sends them. */
export async function apiSession(base: string, username: string, password = PASSWORD) {
  let cookie = '';
  let csrf = '';
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => /^(__Host-)?sid=/.test(c));
    if (setCookie) cookie = setCookie.split(';')[0];
    const data = (await res.json()) as T & { csrfToken?: string };
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data)}`);
    if (data?.csrfToken) csrf = data.csrfToken;
    return data;
  };
  await call('POST', '/api/auth/login', { username, password });
  return call;
}

/** True when the page has no horizontal scroll (the 375-px check). */
export const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Waits until antd has finished moving things: a dialog or popconfirm zooming, a menu sliding, a message fading. A click
 * during the zoom lands on a control that is still moving, and a checkbox clicked then may not change; axe run during a
 * fade measures half-transparent text. A person waits for the page to stand still too. (rc-motion puts
 * `<motion>-appear|enter|leave` classes on an element while it moves and takes them off when it is done.)
 */
export const motionSettled = async (page: Page) => {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[class*="ant-"]')].filter((e) =>
            /\bant-(zoom|fade|move|slide)[\w-]*-(appear|enter|leave)\b/.test(e.className.toString()),
          ).length,
      ),
    )
    .toBe(0);
};

/** The dialog (or confirmation) just opened has stopped zooming: see `motionSettled`. */
export const dialogsSettled = motionSettled;

/**
 * Picks an option of an open antd select as a person does: once the list has finished searching (a list being replaced
 * under the pointer loses the click) and sliding open, then sees the choice in the field (`field`: the form item or
 * the select; a locator in `has:` is relative to the field, so start it from `page`) before going on.
 */
export async function pickOption(page: Page, field: Locator, text: string | RegExp): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor();
  await expect
    .poll(async () => (await field.locator('.anticon-loading').count()) + (await page.locator('.ant-select-dropdown[class*="slide-up-"]').count()))
    .toBe(0);
  await option.click();
  await field.getByText(text).filter({ visible: true }).first().waitFor();
}
