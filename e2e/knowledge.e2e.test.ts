// The public knowledge pages in a real browser, logged out: from the guide's hub, search the Q&A with
// a half-width katakana variant of a word, open the answer, and find the same question through a
// link that keeps the search in the URL; then in English with a full-width variant of an English
// word; and the criteria summary shows its figures from the criteria parameters with their notes.
// Each page is checked with axe. Screenshots go to $KORYU_SHOTS when set.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, newPage, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launch());
  ({ context, page } = await newPage(browser, baseUrl));
});
afterAll(async () => {
  await context?.close();
  await closeBrowser?.();
});

const h1 = (p: Page) => p.locator('main h1').first().textContent();
const mainNav = (p: Page) => p.getByRole('navigation', { name: /メインメニュー|Main menu/ });

describe('knowledge pages (logged out)', () => {
  it('searches the Q&A with a half-width variant and opens the answer, in Japanese', async () => {
    await page.goto('/');
    await page.evaluate(() => window.localStorage.setItem('koryu.locale', 'ja'));
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'ガイド・Q&A' }).click();
    await expect.poll(() => h1(page)).toBe('官民人事交流ガイド');
    await page.getByTestId('guide-section-overview').waitFor();
    await expectAccessible(page, 'guide ja');

    // ベースアップ typed in half-width katakana.
    await page.getByLabel('キーワード').fill('ﾍﾞｰｽｱｯﾌﾟ');
    await page.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => h1(page)).toBe('Q&A（よくある質問）');
    expect(new URL(page.url()).searchParams.get('q')).toBe('ﾍﾞｰｽｱｯﾌﾟ');
    await expect.poll(() => page.getByTestId('qa-count').innerText()).toBe('1件のQ&Aが見つかりました（全20件中）');
    const item = page.getByTestId('qa-item-qa-dispatch-pay-rise');
    const answer = item.getByText('交流派遣先企業の就業規則の定めるところにより支給していただきます');
    expect(await answer.isVisible()).toBe(false);
    await item.getByText('交流派遣職員のベースアップ等の給与引上げは可能ですか。').click();
    await expect.poll(() => answer.isVisible()).toBe(true);
    await expectAccessible(page, 'qa search ja');
    await shot(page, 'knowledge-qa-ja');

    // Nothing found: said plainly, with where to ask.
    await page.getByLabel('キーワード').fill('存在しない語句');
    await page.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => page.getByTestId('qa-count').innerText()).toBe('条件に合うQ&Aはありませんでした（全20件）。');
    await expectAccessible(page, 'qa no result ja');
  });

  it('in English: a full-width variant of an English word finds the question; the criteria summary quotes the parameters', async () => {
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`/guide/qa?q=${encodeURIComponent('ＴＲＡＶＥＬ')}`);
    await expect.poll(() => h1(page)).toBe('Q&A (frequently asked questions)');
    await expect.poll(() => page.getByTestId('qa-count').innerText()).toBe('1 question found (of 20)');
    const item = page.getByTestId('qa-item-qa-dispatch-travel');
    await item.getByText('Who pays the travel expenses of an official on dispatch?').click();
    await expect.poll(() => item.getByText('relocation travel allowance').isVisible()).toBe(true);
    await expectAccessible(page, 'qa search en');

    // The answer's own page, then the criteria summary with figures from the parameters.
    await item.getByRole('link', { name: "Open this question's own page" }).click();
    await expect.poll(() => h1(page)).toBe('Q. Who pays the travel expenses of an official on dispatch?');
    await page.goto('/guide/criteria-summary');
    await expect.poll(() => h1(page)).toBe('Summary of the exchange criteria');
    const body = page.getByTestId('knowledge-body');
    await expect.poll(() => body.locator('[data-param="contract_dependence.min_total_yen"]').innerText()).toBe('¥20,000,000[6]');
    await expect.poll(() => page.getByTestId('parameter-notes').innerText()).toContain('Contract total threshold');
    await expectAccessible(page, 'criteria summary en');
    await shot(page, 'knowledge-criteria-en');
  });
});
