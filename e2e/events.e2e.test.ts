// Information sessions (説明会) in a real browser: the demo company's HR opens the upcoming event
// from the menu, tries its full first session and is told why it cannot register (in Japanese,
// then in English), registers for the second session instead, sees its registration and the seats
// left go down, and is refused a second registration for the same session. Each page is checked
// with axe. Screenshots go to $KORYU_SHOTS when set.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, shot, switchLanguage, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
// A fresh browser context logged in as `email`, closed after the tests.
const { as } = useBrowser(baseUrl);

const mainNav = (p: Page) => p.getByRole('navigation', { name: /メインメニュー|Main menu/ });
const h1 = (p: Page) => p.locator('main h1').first().textContent();

const switchTo = (p: Page, lang: 'ja' | 'en') => switchLanguage(p, lang, { stored: true });

describe('information sessions', () => {
  it('a company is refused a full session with a clear message, then registers for another one', async () => {
    const page = await as('company-hr@demo.koryu.jp');
    await mainNav(page).getByRole('link', { name: '説明会', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('官民人事交流に関する説明会');
    const event = page.getByTestId('events-list').locator('article').first();
    await expect.poll(() => event.innerText()).toContain('満席');
    await event.getByRole('link').first().click();
    await page.getByTestId('register-form').waitFor();
    await expectAccessible(page, 'event detail ja');

    // The first session is full: the server refuses, and the form says why.
    await page.getByRole('radio', { name: /第1部/ }).check();
    await page.getByLabel('参加者1の氏名').fill('交流 太郎');
    await page.getByLabel('参加者1の役職').fill('人事部長');
    await page.getByTestId('register-submit').click();
    const form = page.getByTestId('register-form').locator('..');
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('この回は満席のため申し込めません');
    await expectAccessible(page, 'full session ja');
    await shot(page, 'events-full-ja');
    await switchTo(page, 'en');
    await page.getByTestId('register-submit').click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('This session is full');
    await switchTo(page, 'ja');

    // The second session has seats.
    const seats = page.getByTestId('event-sessions').locator('tbody tr').nth(1).locator('td').nth(2);
    const before = Number((await seats.innerText()).replace(/\D/g, ''));
    await page.getByRole('radio', { name: /第2部/ }).check();
    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.getByTestId('register-outcome').innerText()).toContain('申込みを受け付けました。');
    const row = page.getByTestId('own-registrations').locator('tbody tr').first();
    await expect.poll(() => row.innerText()).toContain('第2部');
    expect(await row.innerText()).toContain('交流 太郎');
    await expect.poll(async () => Number((await seats.innerText()).replace(/\D/g, ''))).toBe(before - 1);
    await expectAccessible(page, 'registered ja');
    await shot(page, 'events-registered-ja');

    // The same session again: refused as a duplicate.
    await page.getByRole('radio', { name: /第2部/ }).check();
    await page.getByLabel('参加者1の氏名').fill('交流 次郎');
    await page.getByTestId('register-submit').click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('貴社はこの回に既に申し込んでいます');
  });
});
