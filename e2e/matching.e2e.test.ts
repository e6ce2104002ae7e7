// Matching suggestions and matching rounds in a real browser, on the demo data (demo-wishes.ts,
// demo-matching.ts): METI's HR opens its dispatch wish, follows 「マッチング候補を見る」, sees the
// ranked company sheets with each term explained and the pair the exchange criteria bar with its
// reason; ranks company sheets in the open dispatch round; the center sees the run hire round's
// proposals, the algorithm in plain words and the figures, and a create form with bad input is
// refused with an error summary. Each page is checked with axe. Screenshots go to $KORYU_SHOTS.
import { describe, expect, inject, it } from 'vitest';
import { demoWishes } from '../server/src/cli/demo-wishes.ts';
import { expectAccessible, loginAs, newPage, shot, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const { browser } = useBrowser(baseUrl);

describe('matching suggestions and rounds', () => {
  it('a ministry sees its wish’s suggestions explained, the barred pair with its reason, and ranks in a round', async () => {
    const { context, page } = await newPage(browser(), baseUrl);
    try {
      await loginAs(page, 'meti-hr@demo.koryu.jp');
      await page.goto('/my-wishes');
      await page.getByRole('link', { name: demoWishes.ministrySheetTitle }).first().click();
      await page.getByTestId('wish-suggestions-link').click();
      await expect.poll(() => page.locator('main h1').first().textContent()).toContain('マッチング候補');
      const ranked = page.getByTestId('suggestions-ranked').getByTestId('suggestion');
      await ranked.first().waitFor();
      expect(await ranked.count()).toBeGreaterThan(1);
      // The first suggestion's terms are explained in words, each with its weight.
      const first = ranked.first();
      await expect.poll(() => first.getByRole('rowheader').allTextContents()).toEqual(['分野・業種', '知識・技能', '年齢層', '期間', '開始時期']);
      expect(await first.locator('tbody').innerText()).toMatch(/希望分野\d件のうち/);
      expect(await first.innerText()).toMatch(/\d+点（100点満点）/);
      // The company with contracts with METI above a quarter of its sales is listed, last, with the rule.
      const barred = page.getByTestId('suggestions-barred').getByTestId('suggestion');
      expect(await barred.count()).toBe(1);
      expect(await barred.getByTestId('barred-reason').innerText()).toContain('契約関係にある国の機関');
      await expectAccessible(page, 'suggestions ja');
      await shot(page, 'matching-01-suggestions');
      // Each suggestion links to the other sheet's public page.
      const href = await first.getByRole('heading').getByRole('link').getAttribute('href');
      expect(href).toMatch(/^\/wishes\/WS-\d{6}$/);

      // The open dispatch round: rank two company sheets, move the second up, save.
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'マッチングラウンド' }).click();
      await page.getByTestId('rounds').getByRole('link', { name: /交流派遣マッチング/ }).click();
      const editor = page.locator('[data-testid^=ranking-editor-]').first();
      await editor.waitFor();
      await expect.poll(() => page.getByTestId('algorithm').innerText()).toContain('受入保留方式');
      for (let i = 0; i < 2; i++) {
        await editor.getByLabel('順位に加えるシート').selectOption({ index: 1 });
        await editor.getByRole('button', { name: '末尾に加える' }).click();
      }
      const names = await editor.locator('ol > li span.flex-1').allTextContents();
      await editor.getByRole('button', { name: /第2希望）を一つ上へ/ }).click();
      await editor.getByRole('button', { name: '希望順位を保存' }).click();
      await editor.getByRole('status').waitFor();
      expect(await editor.locator('ol > li span.flex-1').allTextContents()).toEqual([names[1], names[0]]);
      await expectAccessible(page, 'matching round, ranking ja');
      await shot(page, 'matching-02-ranking');
    } finally {
      await context.close();
    }
  });

  it('the center sees a run round’s proposals, the algorithm and the figures; a bad new round is refused', async () => {
    const { context, page } = await newPage(browser(), baseUrl);
    try {
      await loginAs(page, 'center@demo.koryu.jp');
      await page.goto('/matching');
      await page.getByTestId('rounds').getByRole('link', { name: /交流採用マッチング/ }).click();
      await page.getByTestId('proposals').waitFor();
      expect(await page.getByTestId('proposals').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('algorithm').innerText()).toContain('拘束力はありません');
      expect(await page.locator('main').innerText()).toContain('ラウンドの数値（透明性レポート）');
      expect(await page.getByTestId('participant-report').locator('tbody tr').count()).toBeGreaterThan(1);
      await expectAccessible(page, 'matching round report ja');
      await shot(page, 'matching-03-report');

      await page.goto('/matching');
      await page.getByTestId('create-round').click();
      await page.getByTestId('error-summary').waitFor();
      expect(await page.getByTestId('error-summary').innerText()).toContain('名称');
      await page.getByLabel(/^名称/).fill('テストラウンド');
      await page.getByLabel(/希望順位の上限/).fill('0');
      await page.getByTestId('create-round').click();
      await expect.poll(() => page.getByTestId('error-summary').innerText()).toContain('1〜20');
      await expectAccessible(page, 'matching create errors ja');
      await shot(page, 'matching-04-create-errors');

      // English.
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Matching rounds');
    } finally {
      await context.close();
    }
  });
});
