// The public call (公募・応募・名簿) in a real browser, as three roles: the demo company's HR applies
// (an empty form first: the error summary names the missing choice); the NPA finds it in its queue
// and accepts it (the demo's 独立行政法人 cannot be accepted: only "return" is offered); METI's HR
// finds the company in the roster with filters kept in the URL, in Japanese and English, and answers
// the demo consultation. Each page is checked with axe. Screenshots go to $KORYU_SHOTS when set.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, shot, switchLanguage, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
// A fresh browser context logged in as `email`, closed after the tests.
const { as } = useBrowser(baseUrl);
let companyName = '';

const mainNav = (p: Page) => p.getByRole('navigation', { name: /メインメニュー|Main menu/ });
const h1 = (p: Page) => p.locator('main h1').first().textContent();
const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');
const overflowsSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

const switchTo = (p: Page, lang: 'ja' | 'en') => switchLanguage(p, lang, { stored: true });

describe('public call', () => {
  it('a company applies: the empty form is refused with a summary, then the application is under review', async () => {
    const page = await as('company-hr@demo.koryu.jp');
    companyName = await page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).account.companyName as string);
    expect(companyName).toBeTruthy();
    await mainNav(page).getByRole('link', { name: '公募への応募' }).click();
    await expect.poll(() => h1(page)).toBe('公募への応募');
    await page.getByTestId('apply-form').waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('まだ応募はありません。');
    await expectAccessible(page, 'apply ja');

    // Nothing chosen: the summary names the choice and leads to it.
    await page.getByTestId('apply-submit').click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.innerText()).toContain('希望する交流の種類：交流派遣・交流採用のいずれか又は両方を選んでください。');
    await expect.poll(() => focused(page)).toBe('error-summary');
    await summary.getByRole('link').first().click();
    await expect.poll(() => focused(page)).toBe('apply-wantsDispatch');
    await expectAccessible(page, 'apply error ja');
    await shot(page, 'public-call-apply-error-ja');

    await page.getByTestId('apply-wantsHire').check();
    await page.getByLabel('参加する部門').fill('E2E 研究開発本部');
    await page.getByLabel('条件等').fill('期間は2年程度、来年4月開始を希望。');
    await page.getByLabel('担当者名').fill('人事部 交流担当');
    await page.getByLabel('メールアドレス').fill('e2e-koryu@example.jp');
    await page.getByLabel('電話番号').fill('０３－１２３４－５６７８');
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => page.getByTestId('apply-outcome').innerText()).toContain('応募を受け付けました。');
    await expect.poll(() => focused(page)).toBe('apply-outcome');
    const row = page.getByTestId('own-applications').locator('tbody tr').first();
    await expect.poll(() => row.innerText()).toContain('審査中');
    expect(await row.innerText()).toContain('交流採用');
    await page.getByTestId('apply-open-notice').waitFor();
    expect(await page.getByTestId('apply-form').count()).toBe(0);
    await expectAccessible(page, 'applied ja');
    await shot(page, 'public-call-applied-ja');
  });

  it('the NPA accepts it from the queue; an ineligible type is offered only "return"', async () => {
    const page = await as('npa@demo.koryu.jp');
    await mainNav(page).getByRole('link', { name: '応募の審査' }).click();
    await expect.poll(() => h1(page)).toBe('応募の審査');
    const table = page.getByTestId('review-table');
    await table.waitFor();
    // The demo's 独立行政法人: marked as not eligible, with the reason and no accept button.
    const agency = table.locator('tbody tr', { hasText: '法人の種類：対象外' }).first();
    await agency.waitFor();
    expect(await agency.getByTestId('eligibility-message').innerText()).toContain('官民人事交流の対象ではありません');
    expect(await agency.getByTestId('accept').count()).toBe(0);
    expect(await agency.getByTestId('return').count()).toBe(1);
    await expectAccessible(page, 'review ja');
    await shot(page, 'public-call-review-ja');

    const row = table.locator('tbody tr', { hasText: companyName });
    expect(await row.innerText()).toContain('法人の種類：対象');
    expect(await row.innerText()).toContain('e2e-koryu@example.jp');
    await row.getByTestId('accept').click();
    await expect.poll(() => page.getByTestId('review-outcome').innerText()).toContain(`${companyName}の応募を受理しました。`);
    await expect.poll(() => table.locator('tbody tr', { hasText: companyName }).count()).toBe(0);

    // Returning needs a reason: the blank form is refused, and the box takes focus.
    await agency.getByTestId('return').click();
    await page.getByTestId('return-form').waitFor();
    await expect.poll(() => focused(page)).toBe('return-reason-input');
    expect(await page.locator('#f-return-reason').inputValue()).toContain('独立行政法人');
    await page.locator('#f-return-reason').fill('');
    await page.getByTestId('return-submit').click();
    await expect.poll(() => page.getByTestId('return-form').locator('..').getByTestId('error-summary').innerText()).toContain('差戻しの理由：入力してください。');
    await expectAccessible(page, 'return error ja');
    await page.getByRole('button', { name: 'キャンセル' }).click();

    await page.goto('/admin/call-applications?status=accepted');
    await expect.poll(() => page.getByTestId('review-table').locator('tbody tr').first().innerText()).toContain(companyName);
  });

  it('a ministry finds the company in the roster with filters in the URL, in Japanese and English', async () => {
    const page = await as('meti-hr@demo.koryu.jp');
    await mainNav(page).getByRole('link', { name: '名簿' }).click();
    await expect.poll(() => h1(page)).toBe('名簿');
    const table = page.getByTestId('roster-table');
    await table.waitFor();
    // Newest acceptance first: the company just accepted heads the list.
    await expect.poll(() => table.locator('tbody tr').first().innerText()).toContain(companyName);

    await page.getByTestId('roster-q').fill(companyName);
    await page.getByTestId('roster-direction').selectOption('hire');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('direction')).toBe('hire');
    expect(new URL(page.url()).searchParams.get('q')).toBe(companyName);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = await table.locator('tbody tr').first().innerText();
    expect(row).toContain(companyName);
    expect(row).toContain('交流採用');
    expect(row).toContain('E2E 研究開発本部');
    expect(row).toContain('03-1234-5678');
    // The same search for dispatches finds nothing.
    await page.getByTestId('roster-direction').selectOption('dispatch');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => page.locator('section[aria-labelledby="roster-results-heading"] [role="status"]').innerText()).toBe('条件に合う企業等はありません。');
    await page.goBack();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    // An end before the start is refused before searching.
    await page.locator('#roster-accepted-from').fill('2026-04-01');
    await page.locator('#roster-accepted-to').fill('2026-03-01');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => focused(page)).toBe('roster-accepted-to');
    expect(await page.locator('#roster-accepted-to-error').innerText()).toContain('終了日は開始日以降の日付にしてください。');
    await page.locator('#roster-accepted-from').fill('');
    await page.locator('#roster-accepted-to').fill('');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'roster ja');
    await shot(page, 'roster-ja');
    await switchTo(page, 'en');
    await expect.poll(() => h1(page)).toBe('Roster');
    await expect.poll(() => table.innerText()).toContain('Hire (交流採用)');
    expect(await page.locator('caption').first().innerText()).toBe('Roster (1, newest acceptance first)');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'roster en');
    await shot(page, 'roster-en');
    await switchTo(page, 'ja');

    // The demo consultation addressed to METI: open it and answer.
    await mainNav(page).getByRole('link', { name: '事前相談' }).click();
    await expect.poll(() => h1(page)).toBe('事前相談');
    await page.getByTestId('consultations-table').getByRole('link', { name: '交流採用の受入れ時期について' }).click();
    await expect.poll(() => h1(page)).toBe('交流採用の受入れ時期について');
    const messages = page.getByTestId('consultation-messages');
    await expect.poll(() => messages.locator('li').count()).toBe(2);
    await page.getByTestId('reply-body').fill('E2E: 受入れ部署の候補を2つお知らせします。');
    await page.getByTestId('reply-submit').click();
    await expect.poll(() => messages.locator('li').count()).toBe(3);
    expect(await messages.locator('li').last().innerText()).toContain('府省等');
    await expectAccessible(page, 'consultation ja');
    await shot(page, 'consultation-thread-ja');
  });
});
