// Issue 8 "done when": a ministry (meti-hr) registers a dispatch that will pass 5 years; activation
// is refused with the 5-year rule's message; it files the consultation (協議); the NPA agrees; the
// ministry activates; the dispatch counts in that fiscal year's figures (the figure's table row).
// axe on the registry form and the figures page; screenshots in ja and en to $KORYU_SHOTS.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, shot, switchLanguage, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as } = useBrowser(baseUrl);

const h1 = (p: Page) => p.locator('main h1').first().textContent();
// A fiscal year no demo dispatch reaches, so the figure's row for it is this dispatch alone.
const FY = 2035;
const START = `${FY}-04-01`;
const PLANNED_END = `${FY + 6}-03-31`; // six years: beyond the 5-year mark

/** The dispatched figure of FY in the figures page's table (0 when the year has no row). */
async function dispatchedIn(page: Page): Promise<number> {
  await page.goto('/international/figures');
  await expect.poll(() => h1(page)).toBe('派遣の年度別数値');
  const table = page.getByTestId('figures-series');
  await table.or(page.getByText('集計できる派遣の記録はまだありません。')).first().waitFor();
  const row = table.getByRole('row', { name: new RegExp(`（${FY}年度）`) });
  if ((await row.count()) === 0) return 0;
  const cells = await row.locator('td').allInnerTexts();
  return Number(cells[0]!.replace(/[^0-9]/g, ''));
}

describe('international dispatch beyond 5 years', () => {
  let ministry: Page;
  let dispatchUrl = '';

  it('ministry HR registers a dispatch that passes 5 years (form checked with axe)', async () => {
    ministry = await as('meti-hr@demo.koryu.jp');
    await ministry.getByRole('link', { name: '国際機関等派遣', exact: true }).click();
    await expect.poll(() => h1(ministry)).toBe('国際機関等派遣の登録簿');
    await ministry.getByTestId('new-dispatch').click();
    await expect.poll(() => h1(ministry)).toBe('派遣を登録する');

    // Empty submit: the summary lists the required fields.
    await ministry.getByTestId('dispatch-submit').click();
    await expect.poll(() => ministry.getByTestId('error-summary').innerText()).toContain('派遣職員');
    await expectAccessible(ministry, 'registry form ja');

    const person = ministry.locator('#f-personId');
    await expect.poll(() => person.locator('option').count()).toBeGreaterThan(1);
    await person.selectOption({ index: 1 });
    const host = ministry.locator('#f-hostOrganisationId');
    await expect.poll(() => host.locator('option').count()).toBeGreaterThan(1);
    await host.selectOption({ index: 1 });
    await expect.poll(() => ministry.locator('#f-region').inputValue()).not.toBe('');
    await ministry.locator('#f-post').fill('Policy Analyst');
    await ministry.locator('#f-start').fill(START);
    await ministry.locator('#f-plannedEnd').fill(PLANNED_END);
    await ministry.locator('#f-consentRecordedOn').check();
    await expect.poll(() => ministry.getByTestId('five-year-status').innerText()).toContain('協議が必要');
    await shot(ministry, 'international-form-ja');
    await ministry.getByTestId('dispatch-submit').click();
    await expect.poll(() => h1(ministry)).toMatch(/さんの派遣$/);
    dispatchUrl = new URL(ministry.url()).pathname;
    await expect.poll(() => ministry.getByTestId('five-year-checks').innerText()).toContain('協議が必要');
  });

  it('activation is refused with the rule message; the ministry files the consultation', async () => {
    await ministry.getByTestId('activate').click();
    const refused = ministry.getByTestId('activation-refused');
    await expect.poll(() => refused.innerText()).toContain('協議');
    await shot(ministry, 'international-refused-ja');
    await expectAccessible(ministry, 'dispatch detail ja');
    await ministry.locator('#consultation-reason').fill('後任の選考中であり、事業の完了まで引き続き派遣する必要があるため。');
    await ministry.getByTestId('consultation-submit').click();
    await expect.poll(() => ministry.getByTestId('dispatch-consultations').innerText()).toContain('回答待ち');
  });

  it('the NPA agrees the consultation from its queue', async () => {
    const npa = await as('npa@demo.koryu.jp');
    await npa.goto('/international/consultations');
    await expect.poll(() => h1(npa)).toBe('派遣の協議');
    await npa.getByTestId('consultation-queue').waitFor();
    await expectAccessible(npa, 'consultations ja');
    const item = npa.getByTestId('consultation-queue').locator('li', { has: npa.locator(`a[href="${dispatchUrl}"]`) });
    await item.getByRole('button', { name: '同意する' }).click();
    await expect.poll(() => npa.getByTestId('consultation-queue').locator(`a[href="${dispatchUrl}"]`).count()).toBe(0);
    await shot(npa, 'international-consultations-ja');
  });

  it('the ministry activates it and it counts in the year figures (figures page checked with axe)', async () => {
    const before = await dispatchedIn(ministry);
    await ministry.goto(dispatchUrl);
    await expect.poll(() => ministry.getByTestId('dispatch-consultations').innerText()).toContain('協議済み（同意）');
    await ministry.getByTestId('activate').click();
    await expect.poll(() => ministry.getByTestId('dispatch-state').innerText()).toBe('派遣中');
    expect(await dispatchedIn(ministry)).toBe(before + 1);
    await ministry.getByTestId('figures-region').waitFor();
    await expectAccessible(ministry, 'figures ja');
    await shot(ministry, 'international-figures-ja');

    await switchLanguage(ministry, 'en');
    await expect.poll(() => h1(ministry)).toBe('Dispatch figures by year');
    const row = ministry.getByTestId('figures-series').getByRole('row', { name: new RegExp(`^FY${FY}`) });
    await expect.poll(() => row.count()).toBe(1);
    await expectAccessible(ministry, 'figures en');
    await shot(ministry, 'international-figures-en');
    await switchLanguage(ministry, 'ja');
  });
});
