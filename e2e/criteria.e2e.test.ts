// The 交流基準 screens in a real browser: the NPA pastes the pamphlet's example (a division director
// dispatched to a company the division licenses) and reads the failing rule's reason and citation in
// Japanese and English; a document with a non-existent date and a negative amount gets bilingual
// field errors that lead to the place in the text; the parameters page shows the 20,000,000 yen
// threshold; a ministry's HR checks stored records and screens companies for one official; the
// center may only paste. Screenshots go to $KORYU_SHOTS when set.
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

const mainNav = (page: Page) => page.getByRole('navigation', { name: /メインメニュー|Main menu/ });
const h1 = (page: Page) => page.locator('main h1').first().textContent();
const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/** Long lists and citations wrap inside the page instead of widening it. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function switchTo(page: Page, lang: 'ja' | 'en') {
  await page.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** Leaves the account's stored language as Japanese for whichever test logs in next. */
async function backToJapanese(page: Page) {
  await switchTo(page, 'ja');
  await expect.poll(async () => (await page.evaluate(async () => (await fetch('/api/auth/session')).json())).account.locale).toBe('ja');
}

describe('exchange criteria', () => {
  it('the NPA pastes the pamphlet example, reads why it fails in Japanese and English, then fixes a bad document', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'npa@demo.koryu.jp');
    await mainNav(page).getByRole('link', { name: '交流基準チェック' }).click();
    await expect.poll(() => h1(page)).toBe('交流基準チェック');
    await page.getByTestId('stored-form').waitFor();
    await page.getByTestId('mode-paste').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('paste');

    await page.getByTestId('load-example').click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '例を読み込みました' }).count()).toBe(1);
    await page.getByTestId('criteria-submit').click();
    await page.getByTestId('criteria-result').waitFor();
    await expect.poll(() => focusedId(page)).toBe('criteria-result-heading');
    await expect.poll(() => text(page, 'criteria-verdict')).toContain('判定：交流不可');

    // Fails come first; the card gives the reason, the earliest start that passes, and the citations.
    const cards = page.getByTestId('criteria-result').locator('article');
    expect(await cards.count()).toBe(8);
    expect(await cards.first().getAttribute('data-testid')).toBe('rule-licensing_post');
    const licensing = page.getByTestId('rule-licensing_post');
    // Parameter names come with the parameter list, which may arrive just after the decision.
    await expect.poll(() => licensing.innerText()).toContain('許認可等ポストの遡及期間');
    const ja = await licensing.innerText();
    expect(ja).toContain('許認可権限等を有する国の機関と民間企業等との間の人事交流');
    expect(ja).toContain('抵触');
    expect(ja).toContain('に対する許認可等の事務を所掌するポスト');
    expect(ja).toContain('この企業及びその子会社へ派遣できません');
    expect(ja).toContain('令和10年4月1日（2028年4月1日）');
    const citations = await licensing.getByTestId('rule-citations').innerText();
    expect(citations).toContain('官民人事交流法 (平成11年法律第224号)');
    expect(citations).toContain('第5条第1項');
    expect(citations).toContain('条番号確認済み');
    expect(citations).toContain('条番号未確認');
    expect(citations).toContain('官民人事交流実施前2年間にこれらの処分等に関する事務を所掌するポストに就いていた国の職員');
    expect(await page.getByTestId('rule-prosecution').innerText()).toContain('適合');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'criteria result ja');
    await shot(page, 'criteria-paste-result-ja');

    await switchTo(page, 'en');
    await expect.poll(() => text(page, 'criteria-verdict')).toContain('Verdict: Not eligible');
    const en = await licensing.innerText();
    expect(en).toContain('Posts with licensing authority over the company');
    expect(en).toContain('Fail');
    expect(en).toContain('held a post handling licences or dispositions for 株式会社サンプル');
    expect(en).toContain('cannot be dispatched to that company or its subsidiaries');
    expect(en).toContain('1 April 2028 (2028-04-01)');
    const citationsEn = await licensing.getByTestId('rule-citations').innerText();
    expect(citationsEn).toContain('官民人事交流法 (平成11年法律第224号)');
    expect(citationsEn).toContain('第5条第1項');
    expect(citationsEn).toContain('Article verified');
    expect(citationsEn).toContain('Article unverified');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'criteria result en');
    await shot(page, 'criteria-paste-result-en');

    // A date that does not exist and a negative amount: both fields named, in both languages.
    await switchTo(page, 'ja');
    const example = await page.getByTestId('criteria-document').inputValue();
    const bad = example.replace('"plannedStart": "2026-04-01"', '"plannedStart": "2026-02-30"').replace('"amountYen": 1000000000', '"amountYen": -1');
    expect(bad).not.toBe(example);
    await page.getByTestId('criteria-document').fill(bad);
    await page.getByTestId('criteria-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await page.getByTestId('criteria-result').count()).toBe(0);
    const errorsJa = await summary.innerText();
    expect(errorsJa).toMatch(/exchange\.plannedStart（\d+行目）：存在しない日付です。/);
    expect(errorsJa).toMatch(/facts\.companies\.0\.sales\.0\.amountYen（\d+行目）：0以上の整数で入力してください。/);
    await expectAccessible(page, 'criteria bad document ja');
    await shot(page, 'criteria-paste-errors-ja');
    // Each error leads to its place in the document.
    await summary.getByRole('link', { name: /amountYen/ }).click();
    await expect
      .poll(() => page.evaluate(() => {
        const el = document.activeElement as HTMLTextAreaElement;
        return `${el.id}:${el.value.slice(el.selectionStart, el.selectionEnd)}`;
      }))
      .toBe('f-criteria-document:-1');

    await switchTo(page, 'en');
    const errorsEn = await summary.innerText();
    expect(errorsEn).toMatch(/exchange\.plannedStart \(line \d+\): This date does not exist\./);
    expect(errorsEn).toMatch(/facts\.companies\.0\.sales\.0\.amountYen \(line \d+\): Enter a whole number of 0 or more\./);
    await shot(page, 'criteria-paste-errors-en');

    // JSON that does not parse is caught before it is sent, with the line and column.
    await switchTo(page, 'ja');
    await page.getByTestId('criteria-document').fill('{\n  "exchange": {\n    "direction" "dispatch"\n  }\n}');
    await page.getByTestId('criteria-submit').click();
    await expect.poll(() => summary.innerText()).toContain('JSONの書き方に誤りがあります（3行目 17文字目の付近）');
    await shot(page, 'criteria-paste-syntax-ja');

    // The parameters, with their dated values and citations.
    await mainNav(page).getByRole('link', { name: '交流基準パラメータ' }).click();
    await expect.poll(() => h1(page)).toBe('交流基準パラメータ');
    const threshold = page.getByTestId('param-contract_dependence-min_total_yen');
    await threshold.waitFor();
    await expect.poll(() => threshold.innerText()).toContain('20,000,000円（2,000万円）');
    expect(await threshold.innerText()).toContain('契約の総額が2千万円以上');
    expect(await threshold.innerText()).toContain('平成12年3月21日（2000年3月21日）');
    await expectAccessible(page, 'criteria parameters ja');
    await shot(page, 'criteria-parameters-ja');
    await switchTo(page, 'en');
    await expect.poll(() => threshold.innerText()).toContain('¥20,000,000');
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, 'criteria-parameters-en');
    await backToJapanese(page);
    await context.close();
  });

  it("a ministry's HR checks stored records and screens companies for one of its officials", async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'meti-hr@demo.koryu.jp');
    await mainNav(page).getByRole('link', { name: '交流基準チェック' }).click();
    await page.getByTestId('stored-form').waitFor();

    // Nothing chosen: the summary names each missing field and links to it.
    await page.getByTestId('criteria-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('対象者：選択してください。');
    await summary.getByRole('link', { name: /民間企業等/ }).click();
    await expect.poll(() => focusedId(page)).toBe('f-check-companyId');
    await expectAccessible(page, 'stored check errors');

    const person = page.getByTestId('pick-person');
    await person.getByRole('button', { name: '対象者を検索' }).click();
    await person.getByRole('radio').first().check();
    // The official's current post fills in the unit.
    await expect.poll(() => page.locator('#f-check-unitId').inputValue()).not.toBe('');
    const company = page.getByTestId('pick-company');
    await company.getByRole('searchbox').fill('株式会社');
    await company.getByRole('searchbox').press('Enter');
    await company.getByRole('radio').first().check();
    await page.getByTestId('criteria-submit').click();
    await page.getByTestId('criteria-result').waitFor();
    await expect.poll(() => focusedId(page)).toBe('criteria-result-heading');
    expect(await text(page, 'criteria-verdict')).toMatch(/判定：(交流可|交流不可|要確認)/);
    await expectAccessible(page, 'stored check result');
    await shot(page, 'criteria-stored-result-ja');

    // The facts gathered from the records open in the paste mode and give the same verdict there.
    const verdict = (await text(page, 'criteria-verdict')).split('\n')[0];
    await page.getByText('判定に用いた交流の内容と事実（登録済みの記録から作成）').click();
    await page.getByRole('button', { name: 'この内容を「事実を貼り付けて確認」で開く' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('paste');
    expect(await page.getByTestId('criteria-document').inputValue()).toContain('"postHistory"');
    await page.getByTestId('criteria-submit').click();
    await page.getByTestId('criteria-result').waitFor();
    expect((await text(page, 'criteria-verdict')).split('\n')[0]).toBe(verdict);

    // Screening: the official from the URL-backed form, then a status filter.
    await mainNav(page).getByRole('link', { name: '交流基準スクリーニング' }).click();
    await expect.poll(() => h1(page)).toBe('交流基準スクリーニング');
    const official = page.getByTestId('pick-official');
    await official.getByRole('button', { name: '職員を検索' }).click();
    await official.getByRole('radio').first().check();
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('personId')).toMatch(/^\d+$/);
    const results = page.getByTestId('screening-results');
    await results.waitFor();
    expect(await page.getByTestId('screening-counts').innerText()).toContain('判定した民間企業等');
    expect(await results.locator('tbody tr th a').first().getAttribute('href')).toMatch(/^\/companies\/\d+$/);
    await expectAccessible(page, 'screening ja');
    await shot(page, 'criteria-screening-ja');
    await page.getByLabel('判定', { exact: true }).selectOption('needs_review');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('needs_review');
    await page.getByTestId('screening-conditions').waitFor();
    await switchTo(page, 'en');
    await expect.poll(() => page.getByTestId('screening-counts').innerText()).toContain('Companies checked');
    await shot(page, 'criteria-screening-en');
    await backToJapanese(page);
    await context.close();
  });

  it("the NPA screens a ministry unit's post: from which companies could it hire (交流採用)", async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'npa@demo.koryu.jp');
    await mainNav(page).getByRole('link', { name: '交流基準スクリーニング' }).click();
    await expect.poll(() => h1(page)).toBe('交流基準スクリーニング');
    await page.getByRole('group', { name: '調べる内容' }).getByRole('radio', { name: /ポストの受入れ元を調べる/ }).check();
    await page.getByTestId('pick-post').waitFor();
    expect(await page.getByTestId('pick-official').count()).toBe(0);
    expect(await page.getByTestId('screening-section').innerText()).toContain('府省等と課等を選んで「検索」を押すと');

    // No unit: the summary takes focus and leads to the ministry's list first.
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await summary.innerText()).toContain('府省等：選択してください。');
    expect(await page.locator('#screening-unitId-error').innerText()).toContain('府省等を選んでから、課等を選んでください。');
    await summary.getByRole('link', { name: /府省等/ }).click();
    await expect.poll(() => focusedId(page)).toBe('screening-organisationId');
    await expectAccessible(page, 'screening post errors');
    await shot(page, 'criteria-screening-post-errors-ja');

    await page.locator('#screening-organisationId').selectOption({ label: '経済産業省' });
    const unit = page.locator('#screening-unitId');
    await expect.poll(() => unit.locator('option').count()).toBeGreaterThan(2);
    await unit.selectOption({ index: 2 });
    const unitText = (await unit.locator('option:checked').innerText()).trim();
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('post');
    expect(new URL(page.url()).searchParams.get('unitId')).toMatch(/^\d+$/);
    expect(new URL(page.url()).searchParams.get('personId')).toBeNull();
    const results = page.getByTestId('screening-results');
    await results.waitFor();
    expect(await summary.count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('screening-results-heading');
    const heading = await page.locator('#screening-results-heading').innerText();
    expect(heading).toContain('経済産業省');
    expect(heading).toContain(unitText);
    expect(heading).toContain('ポストの受入れ元（交流採用）');
    const counts = await page.getByTestId('screening-counts').innerText();
    expect(counts).toContain('判定した民間企業等');
    expect(counts).toMatch(/交流可\s*[\d,]+件/);
    expect(await page.getByTestId('screening-post-note').innerText()).toContain('「契約の締結・履行への関与」の基準はこの判定に含めていません');
    expect(await results.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await results.locator('tbody tr th a').first().getAttribute('href')).toMatch(/^\/companies\/\d+$/);
    expect(await results.innerText()).not.toContain('契約の締結・履行への関与');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'screening post ja');
    await shot(page, 'criteria-screening-post-ja');

    // The mode is in the URL: a reload (or a shared link) opens the same screening.
    await page.reload();
    await results.waitFor();
    expect(await page.getByTestId('screening-mode-post').isChecked()).toBe(true);
    expect(await page.locator('#screening-unitId').inputValue()).toBe(new URL(page.url()).searchParams.get('unitId'));

    await switchTo(page, 'en');
    await expect.poll(() => page.locator('#screening-results-heading').innerText()).toContain('could hire from (交流採用)');
    expect(await page.getByTestId('screening-counts').innerText()).toContain('Companies checked');
    expect(await page.getByTestId('screening-post-note').innerText()).toContain('checked once a candidate is chosen');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'screening post en');
    await shot(page, 'criteria-screening-post-en');
    await backToJapanese(page);
    await context.close();
  });

  it('the center may only paste facts, and is refused the screening', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await loginAs(page, 'center@demo.koryu.jp');
    expect(await mainNav(page).getByRole('link', { name: '交流基準スクリーニング' }).count()).toBe(0);
    await mainNav(page).getByRole('link', { name: '交流基準チェック' }).click();
    await page.getByTestId('paste-form').waitFor();
    expect(await page.getByTestId('mode-stored').count()).toBe(0);
    await page.goto('/criteria/screening');
    await expect.poll(() => h1(page)).toBe('このページを表示する権限がありません');
    await context.close();
  });
});
