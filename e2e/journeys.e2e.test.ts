// User journeys in a real browser (Debian Chromium): public pages, each role's dashboard in
// Japanese then English, company registration with a bad then a good 法人番号, cross-company
// access, and axe accessibility checks. Screenshots go to $KORYU_SHOTS when set.
import { describe, expect, inject, it } from 'vitest';
import { makeCorporateNumber } from '../common/src/corporate-number.ts';
import { expectAccessible, loginAs, newPage, shot, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const { browser } = useBrowser(baseUrl);

describe('public pages', () => {
  it('home and contacts in Japanese, then English, accessible', async () => {
    const { context, page } = await newPage(browser(), baseUrl);
    await page.goto('/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    await expectAccessible(page, 'home ja');
    await shot(page, 'home-ja');
    await page.goto('/contacts');
    await expect.poll(() => page.getByText('03-3581-5311').count()).toBeGreaterThan(0); // 人事院 事務総局人事課
    await expectAccessible(page, 'contacts ja');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByText('National Personnel Authority').count()).toBeGreaterThan(0);
    await shot(page, 'contacts-en');
    // The choice persists across a reload.
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});

describe('each demo role logs in and sees its dashboard, in Japanese then English', () => {
  const roles = [
    ['npa', 'npa@demo.koryu.jp'],
    ['center', 'center@demo.koryu.jp'],
    ['ministry_hr', 'meti-hr@demo.koryu.jp'],
    ['company_hr', 'company-hr@demo.koryu.jp'],
    ['participant', 'participant@demo.koryu.jp'],
  ] as const;
  for (const [role, email] of roles) {
    it(role, async () => {
      const { context, page } = await newPage(browser(), baseUrl);
      await loginAs(page, email);
      await expect.poll(() => page.locator('h1').first().textContent()).toContain('ダッシュボード');
      await expectAccessible(page, `dashboard ${role} ja`);
      await shot(page, `dashboard-${role}-ja`);
      await page.getByTestId('lang-en').click();
      await expect.poll(() => page.locator('h1').first().textContent()).toContain('Dashboard');
      await shot(page, `dashboard-${role}-en`);
      // The preference is stored on the account too.
      const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
      expect(session.account.locale).toBe('en');
      await page.getByTestId('logout').click();
      await expect.poll(async () => (await page.evaluate(async () => (await fetch('/api/auth/session')).json())).account).toBeNull();
      await context.close();
    });
  }
});

describe('a slow session read at page load', () => {
  it('does not undo a login that finished first', async () => {
    const { context, page } = await newPage(browser(), baseUrl);
    // Hold the page-load session read until after the login below has completed.
    let held = true;
    await page.route('**/api/auth/session', async (route) => {
      if (!held) return route.continue();
      held = false;
      const response = await route.fetch(); // answered now: not logged in
      await new Promise((r) => setTimeout(r, 2500)); // delivered late, after the login
      await route.fulfill({ response });
    });
    await loginAs(page, 'npa@demo.koryu.jp');
    await page.waitForTimeout(3000); // the held read has now answered "not logged in"
    expect(await page.getByTestId('dashboard').isVisible()).toBe(true);
    const email = await page.evaluate(async () => {
      const s = await (await fetch('/api/auth/session')).json();
      return s.account?.email as string | undefined;
    });
    expect(email).toBe('npa@demo.koryu.jp');
    await context.close();
  });
});

describe('company registration', () => {
  it('shows the check-digit error for a bad 法人番号, then accepts a good one', async () => {
    const { context, page } = await newPage(browser(), baseUrl);
    await page.goto('/register');
    await page.getByLabel('法人番号（13桁）').fill('8000012050002');
    await page.getByLabel(/^法人名(?!フリガナ)/).fill('株式会社ブラウザ試験');
    await page.getByLabel('法人の種類').selectOption({ label: '株式会社' });
    await page.getByLabel('メールアドレス').fill(`e2e-${Date.now()}@example.jp`);
    await page.getByLabel('担当者氏名').fill('試験 太郎');
    await page.getByLabel('パスワード').fill('a-long-enough-password');
    await page.getByTestId('register-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('チェックデジット');
    await expectAccessible(page, 'register with errors');
    await shot(page, 'register-error-ja');

    await page.getByLabel('法人番号（13桁）').fill(makeCorporateNumber(String(Date.now()).slice(-12).padStart(12, '0')));
    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.getByText('登録申請を受け付けました').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, 'register-done-ja');
    await context.close();
  });
});

describe('organisation scope', () => {
  it("a company's HR gets 404 on another company's record, in the browser session", async () => {
    const { context, page } = await newPage(browser(), baseUrl);
    await loginAs(page, 'company-hr@demo.koryu.jp');
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    const own = session.account.companyId as number;
    const ownRes = await page.evaluate(async (id) => (await fetch(`/api/companies/${id}`)).status, own);
    expect(ownRes).toBe(200);
    const other = await page.evaluate(async (id) => {
      const r = await fetch(`/api/companies/${id}`);
      return { status: r.status, body: await r.json() };
    }, own + 1);
    expect([403, 404]).toContain(other.status);
    expect(other.body.error.message.ja).toBeTruthy();
    await page.goto(`/companies/${own + 1}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    await shot(page, 'company-other-denied');
    await context.close();
  });

  it('the company directory searches by name for a ministry HR user', async () => {
    const { context, page } = await newPage(browser(), baseUrl);
    await loginAs(page, 'meti-hr@demo.koryu.jp');
    await page.goto('/companies');
    await page.getByTestId('company-search').waitFor();
    await expectAccessible(page, 'companies');
    await shot(page, 'companies-ja');
    await context.close();
  });
});
