// The public statistics pages in a real browser, logged out: /statistics/international in Japanese
// (和暦 + western year labels, FY2012 = 148 dispatched, its history listing the FY2013 report's 143)
// and in English (FY labels, the same figures), and the published-figures page with the 2024
// industry table (423). Each page is checked with axe. Screenshots go to $KORYU_SHOTS when set.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, shot, usePage } from './browser.ts';

const session = usePage(inject('baseUrl'));
let page: Page;
beforeAll(() => {
  page = session.page();
});

const h1 = (p: Page) => p.locator('main h1').first().textContent();

describe('public statistics (logged out)', () => {
  it('shows the international series in Japanese with a figure and its history', async () => {
    await page.goto('/');
    await page.evaluate(() => window.localStorage.setItem('koryu.locale', 'ja'));
    await page.goto('/statistics');
    await expect.poll(() => h1(page)).toBe('統計');
    await page.getByRole('link', { name: '国際機関等派遣の統計' }).first().click();
    await expect.poll(() => h1(page)).toBe('国際機関等派遣の統計');
    const figure = page.getByTestId('intl-figure');
    const row2012 = figure.getByRole('row', { name: /平成24年度 \(2012\)/ });
    await expect.poll(() => row2012.innerText()).toMatch(/148\s+132\s+\(10\)\s+426/);
    await expect.poll(() => page.getByTestId('intl-totals').innerText()).toContain('8,857');
    await expectAccessible(page, 'international ja');
    await shot(page, 'statistics-international-ja');

    await page.getByTestId('history-2012').click();
    const dialog = page.getByTestId('history-dialog-2012');
    await expect.poll(() => dialog.innerText()).toContain('143');
    expect(await dialog.innerText()).toContain('148');
    expect(await dialog.innerText()).toContain('以前の版');
    await expectAccessible(page, 'history ja');
    await dialog.getByRole('button', { name: '閉じる' }).click();
  });

  it('in English: FY labels, the same figure, and its history', async () => {
    await page.getByTestId('lang-en').click();
    await expect.poll(() => h1(page)).toBe('International dispatch statistics');
    const row2012 = page.getByTestId('intl-figure').getByRole('row', { name: /^FY2012/ });
    await expect.poll(() => row2012.innerText()).toMatch(/148\s+132\s+\(10\)\s+426/);
    await page.getByTestId('history-2012').click();
    const dialog = page.getByTestId('history-dialog-2012');
    await expect.poll(() => dialog.innerText()).toContain('NPA Annual Report FY2013');
    expect(await dialog.innerText()).toContain('Earlier version');
    await expectAccessible(page, 'history en');
    await shot(page, 'statistics-international-en');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.goto('/statistics/published');
    await expect.poll(() => page.getByTestId('industry-figure').innerText()).toContain('423');
    await expectAccessible(page, 'published en');
  });
});
