// The public wish sheets (交流希望情報) in a real browser, logged out: a search with a full-width
// word (ＤＸ推進) finds the demo company's sheet, whose page has a stable URL; the search stays in
// the address; in the print view the site's header, navigation and buttons are gone and the sheet
// remains. Each page is checked with axe. Screenshots go to $KORYU_SHOTS when set.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { demoWishes } from '../server/src/cli/demo-wishes.ts';
import { expectAccessible, launch, newPage, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launch());
});
afterAll(async () => {
  await context?.close();
  await closeBrowser?.();
});

describe('public wish sheets', () => {
  it('finds a sheet with a full-width word, opens its stable URL and prints it without the site around it', async () => {
    const opened = await newPage(browser, baseUrl);
    context = opened.context;
    const page = opened.page;
    await page.goto('/');
    await page.evaluate(() => window.localStorage.setItem('koryu.locale', 'ja'));

    // Logged out, the public listing is in the main menu.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '交流希望情報' }).click();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('交流希望情報');
    await page.getByTestId('wish-results').waitFor();
    await expectAccessible(page, 'wishes list ja');

    // The sheet says 「DX推進」 in half-width letters; the search is typed in full width.
    await page.getByTestId('wish-search-q').fill(demoWishes.searchWordFullWidth);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(demoWishes.searchWordFullWidth);
    const cards = page.getByTestId('wish-card');
    const card = cards.filter({ hasText: demoWishes.companySheetTitle });
    await expect.poll(() => card.count()).toBe(1);
    // The count of results is announced politely (a status region).
    const status = page.locator('#wishes-results-heading ~ [role=status]');
    await expect.poll(() => status.innerText()).toMatch(/全\d+件中/);
    await shot(page, 'wishes-search-fullwidth-ja');

    // A bad period is refused in the form, not sent: the field says why and takes focus.
    await page.getByTestId('wish-search-period').fill('９９');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wish-search-period');
    expect(await page.locator('#wish-search-period-error').innerText()).toContain('1から60まで');
    expect(new URL(page.url()).searchParams.get('period')).toBeNull();
    await page.getByTestId('wish-search-period').fill('');

    // The sheet's own page: a stable URL by its reference.
    await card.getByRole('link', { name: demoWishes.companySheetTitle }).click();
    await page.getByTestId('wish-sheet').waitFor();
    const reference = new URL(page.url()).pathname.split('/').pop()!;
    expect(reference).toMatch(/^WS-\d{6,}$/);
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe(demoWishes.companySheetTitle);
    expect(await page.locator('main').innerText()).toContain(reference);
    // Logged out: no action area for inquiries or suggestions.
    expect(await page.locator('#wish-actions').count()).toBe(0);
    await expectAccessible(page, 'wish sheet ja');

    // Reloading the URL shows the same sheet (nothing depends on how one got there).
    await page.goto(`/wishes/${reference}`);
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe(demoWishes.companySheetTitle);

    // On screen: the menu and the print button; in print: neither, the sheet alone.
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.isVisible()).toBe(true);
    expect(await page.getByTestId('wish-print').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.getByTestId('wish-print').isVisible()).toBe(false);
    expect(await page.getByTestId('wish-sheet').isVisible()).toBe(true);
    expect(await page.locator('main h1').first().isVisible()).toBe(true);
    // Black on white.
    const colours = await page.locator('main h1').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.color, getComputedStyle(document.body).backgroundColor];
    });
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await shot(page, 'wish-sheet-print-ja');
    await page.emulateMedia({ media: 'screen' });
    expect(await nav.isVisible()).toBe(true);

    // An unknown or unpublished reference says so, with the way back.
    await page.goto('/wishes/WS-999999');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('交流希望シートが見つかりません');
  });
});
