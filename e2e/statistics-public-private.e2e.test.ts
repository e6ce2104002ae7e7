// 官民人事交流の実施状況（記録に基づく集計）in a real browser, as the NPA: the series figure with 和暦 +
// western labels, one breakdown switched by the filter, the comparison with the published 2024
// table (423), download links, Japanese and English, axe; a ministry account is refused.
// Screenshots go to $KORYU_SHOTS when set.
import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, shot, switchLanguage, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const b = useBrowser(baseUrl);

describe('public-private statistics from records (NPA)', () => {
  it('shows the series, a breakdown and the comparison, in Japanese and English', async () => {
    const page = await b.as('npa@demo.koryu.jp');
    await page.goto('/statistics/public-private?year=2024&window=3&dimension=industry');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('官民人事交流の実施状況（記録に基づく集計）');
    const series = page.getByTestId('pp-series');
    await expect.poll(() => series.getByRole('row', { name: /令和6年（2024）/ }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('pp-breakdown').innerText()).toContain('業種別の交流状況（令和4年～6年、新規開始）');
    const comparison = page.getByTestId('pp-comparison');
    await expect.poll(() => comparison.getByRole('row', { name: /^計/ }).innerText()).toMatch(/423/);
    const csv = page.getByTestId('pp-breakdown').getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toContain('format=csv');
    const res = await page.request.get(new URL((await csv.getAttribute('href'))!, baseUrl).toString());
    expect(res.status()).toBe(200);
    expect((await res.text()).charCodeAt(0)).toBe(0xfeff);
    await page.getByLabel('内訳', { exact: true }).selectOption('age');
    await expect.poll(() => page.getByTestId('pp-breakdown').innerText()).toContain('年齢別（開始時）の交流状況');
    await page.getByTestId('pp-breakdown').locator('[data-chart-state=ready]').waitFor();
    await expectAccessible(page, 'public-private ja');
    await shot(page, 'statistics-public-private-ja');

    await switchLanguage(page, 'en');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Public-private personnel exchanges from case records');
    await expect.poll(() => series.getByRole('row', { name: /^2024/ }).count()).toBe(1);
    await expectAccessible(page, 'public-private en');
    await shot(page, 'statistics-public-private-en');
    await switchLanguage(page, 'ja', { stored: true });
  });

  it('is for the NPA only', async () => {
    const page = await b.as('meti-hr@demo.koryu.jp');
    await page.goto('/statistics/public-private');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('このページを表示する権限がありません');
    expect((await page.request.get(new URL('/api/statistics/public-private/series', baseUrl).toString())).status()).toBe(403);
  });
});
