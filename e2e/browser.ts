// Debian's Chromium driven by playwright-core (npm cannot download browsers here).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  // playwright gives every launch a fresh, temporary user-data-dir of its own.
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
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page; returns serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } };
    return w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  })) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.KORYU_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export const DEMO_PASSWORD = 'koryu-demo-2026';

/** Logs in through the form as a demo account and waits for its dashboard, in Japanese. */
export async function loginAs(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  // The account keeps the last language chosen (other browser tests switch to English); a choice
  // made on this device wins at sign-in, so start in Japanese.
  await page.evaluate(() => window.localStorage.setItem('koryu.locale', 'ja'));
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  const requests: string[] = [];
  const onResponse = (r: { url(): string; status(): number }) => {
    if (r.url().includes('/api/')) requests.push(`${r.status()} ${r.url()}`);
  };
  page.on('response', onResponse);
  await page.getByTestId('login-submit').click();
  try {
    await page.getByTestId('dashboard').waitFor();
  } catch (err) {
    // Say what the page showed instead (an error from the server, a stuck page…).
    const shown = await page.locator('main').innerText().catch(() => '(no main)');
    const fields = await page.evaluate(() => [...document.querySelectorAll('input')].map((i) => `${i.name || i.id}=${i.type === 'password' ? i.value.length : i.value}`).join(' '));
    throw new Error(
      `login as ${email} did not reach the dashboard; API responses: ${requests.join(', ') || 'none'}; inputs: ${fields}; the page showed:\n${shown.slice(0, 400)}`,
      { cause: err },
    );
  } finally {
    page.off('response', onResponse);
  }
  await expect.poll(() => page.locator('main h1').first().textContent()).toBe('ダッシュボード');
}

export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axe(page);
  expect(violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Logs in through the form with a password of its own (an account registered during the test), in Japanese. */
export async function loginWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.evaluate(() => window.localStorage.setItem('koryu.locale', 'ja'));
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard').waitFor();
}

/**
 * A fresh browser context logged in as `email` (demo password, or the one given); the context is
 * added to `contexts` so the test file can close them all after.
 */
export async function openAs(browser: Browser, baseURL: string, contexts: BrowserContext[], email: string, password?: string): Promise<Page> {
  const { context, page } = await newPage(browser, baseURL);
  contexts.push(context);
  if (password) await loginWithPassword(page, email, password);
  else await loginAs(page, email);
  return page;
}

/** Switches the language with the header's switch; `stored` also waits until the account keeps the choice. */
export async function switchLanguage(page: Page, lang: 'ja' | 'en', { stored = false }: { stored?: boolean } = {}): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
  // The choice is stored on the account: wait for it, so the next login starts as chosen.
  if (stored)
    await expect
      .poll(async () => (await page.evaluate(async () => (await fetch('/api/auth/session')).json())).account.locale)
      .toBe(lang);
}

/**
 * One browser for a test file: launched before its tests and closed after them, with every context
 * in `contexts` (those `as` opens, and any the test adds). `browser()` is the launched browser.
 */
export function useBrowser(baseURL: string): {
  browser: () => Browser;
  contexts: BrowserContext[];
  as: (email: string, password?: string) => Promise<Page>;
} {
  let launched: { browser: Browser; close: () => Promise<void> } | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    launched = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await launched?.close();
  });
  const browser = () => {
    if (!launched) throw new Error('the browser is launched in beforeAll');
    return launched.browser;
  };
  return { browser, contexts, as: (email, password) => openAs(browser(), baseURL, contexts, email, password) };
}

/**
 * One browser and one page (a fresh context, not logged in) for a test file, opened before its tests
 * and closed after them. `page()` is that page.
 */
export function usePage(baseURL: string): ReturnType<typeof useBrowser> & { page: () => Page } {
  const session = useBrowser(baseURL);
  let opened: Page | undefined;
  beforeAll(async () => {
    const { context, page } = await newPage(session.browser(), baseURL);
    session.contexts.push(context);
    opened = page;
  });
  const page = () => {
    if (!opened) throw new Error('the page is opened in beforeAll');
    return opened;
  };
  return { ...session, page };
}
