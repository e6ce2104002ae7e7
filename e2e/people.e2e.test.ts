// People directory and person records in a real browser: a ministry's HR searches its officials and
// opens one with the post history; a participant opens their own profile from the dashboard; the
// center (no access to personal data) gets no People link. Screenshots go to $KORYU_SHOTS when set.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launch, loginAs, newPage, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launch());
});
afterAll(async () => closeBrowser?.());


/** Leaves the account's stored language as Japanese for whichever test logs in next. */
async function backToJapanese(page: Page) {
  await page.getByTestId('lang-ja').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
  await expect.poll(async () => (await page.evaluate(async () => (await fetch('/api/auth/session')).json())).account.locale).toBe('ja');
}


const mainNav = (page: Page) => page.getByRole('navigation', { name: /メインメニュー|Main menu/ });
const h1 = (page: Page) => page.locator('main h1').first().textContent();

describe('people', () => {
  it("a ministry's HR searches its officials, opens one and sees the post history, in Japanese then English", async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'meti-hr@demo.koryu.jp');
    await page.getByRole('link', { name: '自府省等の職員' }).waitFor();
    await page.getByTestId('dashboard-officials').waitFor();
    await shot(page, 'people-dashboard-ministry-hr-ja');
    await mainNav(page).getByRole('link', { name: '職員・従業員' }).click();
    await expect.poll(() => h1(page)).toBe('職員・従業員');
    await expect.poll(() => page.getByText('監査ログに記録').count()).toBeGreaterThan(0);
    const rows = page.getByTestId('people-results').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('people-results').getByText('府省等の職員').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'people ja');
    await shot(page, 'people-ja');

    // Search by the first person's family name, written with a space before the given name: the search goes into the URL.
    const first = (await rows.first().locator('th a').textContent())!.trim();
    const [family] = first.split(' ');
    await page.getByTestId('people-search').fill(first);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(first);
    await expect.poll(() => rows.first().locator('th a').textContent()).toContain(family);
    await shot(page, 'people-search-ja');

    await rows.first().locator('th a').click();
    await expect.poll(() => h1(page)).toBe(first);
    const posts = page.getByTestId('person-posts');
    await posts.waitFor();
    expect(await posts.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('この表示は監査ログに記録されました').count()).toBe(1);
    await expectAccessible(page, 'person ja');
    await shot(page, 'person-ja');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => posts.locator('thead').textContent()).toContain('Post');
    await expectAccessible(page, 'person en');
    await shot(page, 'person-en');
    await page.getByRole('link', { name: 'Back to the list of people' }).click();
    await expect.poll(() => h1(page)).toBe('People');
    await page.getByTestId('people-results').waitFor();
    await expectAccessible(page, 'people en');
    await shot(page, 'people-en');

    // Someone outside the ministry (or who does not exist) is a not-found page, not an error.
    await page.goto('/people/999999999');
    await expect.poll(() => h1(page)).toBe('Page not found');
    await backToJapanese(page);
    await expect.poll(() => h1(page)).toBe('ページが見つかりません');
    await context.close();
  });

  it('a participant opens their profile from the dashboard', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'participant@demo.koryu.jp');
    expect(await mainNav(page).getByRole('link', { name: '職員・従業員' }).count()).toBe(0);
    await page.getByTestId('dashboard-posts').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-posts').textContent()).toContain('官職歴の件数');
    await expectAccessible(page, 'dashboard participant ja');
    await shot(page, 'people-dashboard-participant-ja');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('dashboard-posts').textContent()).toContain('Posts in your history');
    await page.getByRole('link', { name: 'My profile' }).waitFor();
    await shot(page, 'people-dashboard-participant-en');
    await page.getByTestId('lang-ja').click();
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    await page.getByRole('link', { name: '自分のプロフィール' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/people/${session.account.personId}`);
    await page.getByTestId('person-posts').waitFor();
    await expect.poll(() => page.getByText('ご自身について登録されている情報です').count()).toBe(1);
    await expectAccessible(page, 'own profile ja');
    await shot(page, 'person-self-ja');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByText('This is what is on record about you').count()).toBe(1);
    await shot(page, 'person-self-en');
    await backToJapanese(page);
    await context.close();
  });

  it('the center sees no People link and is refused the page', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'center@demo.koryu.jp');
    await expect.poll(() => mainNav(page).getByRole('link', { name: '民間企業等' }).count()).toBe(1);
    expect(await mainNav(page).getByRole('link', { name: '職員・従業員' }).count()).toBe(0);
    await page.goto('/people');
    await expect.poll(() => h1(page)).toBe('このページを表示する権限がありません');
    await shot(page, 'people-center-forbidden');
    await context.close();
  });

  it('the NPA reaches the People directory from the dashboard and pages through everyone', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'npa@demo.koryu.jp');
    await page.getByRole('link', { name: '職員・従業員' }).last().click();
    await expect.poll(() => h1(page)).toBe('職員・従業員');
    const rows = page.getByTestId('people-results').locator('tbody tr');
    await rows.first().waitFor();
    await page.getByRole('navigation', { name: 'ページ送り' }).getByRole('link', { name: '次へ' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '21〜40件' }).count()).toBe(1);
    await expectAccessible(page, 'people npa page 2');
    await shot(page, 'people-npa-page2-ja');
    await context.close();
  });

  it("a company's HR finds the People card on the dashboard", async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'company-hr@demo.koryu.jp');
    await expect.poll(() => page.getByTestId('dashboard-employees').textContent()).toContain('従業員（登録済み）');
    await shot(page, 'people-dashboard-company-hr-ja');
    await page.getByRole('link', { name: '自社の従業員' }).click();
    await expect.poll(() => h1(page)).toBe('職員・従業員');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /見つかりました|登録されていません/ }).count()).toBe(1);
    await expectAccessible(page, 'people company_hr');
    await shot(page, 'people-company-hr-ja');
    await context.close();
  });
});
