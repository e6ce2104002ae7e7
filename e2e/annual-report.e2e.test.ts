// The annual report download on /statistics/international: the NPA picks a year and a language and
// gets the PDF (checked: a PDF, the file name); the form is not shown to others. Checked with axe.
import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, shot, useBrowser } from './browser.ts';

const { as } = useBrowser(inject('baseUrl'));

describe('annual report (PDF)', () => {
  it('the NPA downloads the report for a chosen year and language', async () => {
    const page = await as('npa@demo.koryu.jp');
    await page.goto('/statistics/international');
    const section = page.locator('section[aria-labelledby="annual-report-heading"]');
    await section.waitFor();
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('年次報告（PDF）');
    await page.getByLabel('報告の対象年度').selectOption('2022');
    await page.getByLabel('言語', { exact: true }).selectOption('en');
    await expectAccessible(page, 'annual report form');
    await shot(page, 'annual-report-form-ja');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'PDFをダウンロード' }).click()]);
    expect(download.suggestedFilename()).toBe('koryu-annual-report-2022-en.pdf');
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('is not offered to other users', async () => {
    const page = await as('company-hr@demo.koryu.jp');
    await page.goto('/statistics/international');
    await page.locator('main h1').first().waitFor();
    await expect.poll(() => page.getByTestId('intl-figure').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="annual-report-heading"]').count()).toBe(0);
  });
});
