// The facts the 交流基準 read, in a real browser, as the NPA: a contracts CSV with one bad line is
// refused as a whole with that line's errors in Japanese and English; the corrected file goes in and
// its total shows in the list; a sales figure typed with full-width digits goes on the company's page;
// the stored check then finds the company dependent on the ministry's contracts. The past-exchange
// page, a unit's licensing jurisdiction and an official's licensing duties, posts and contract
// involvement are shown, changed and checked with axe. Screenshots go to $KORYU_SHOTS when set.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, loginAs, newPage, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;

type Picked = { company: { id: number; name: string; corporateNumber: string }; person: { id: number; name: string; unitId: number }; metiId: number; fy: number };
let picked: Picked;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launch());
  ({ context, page } = await newPage(browser, baseUrl));
});
afterAll(async () => {
  await context?.close();
  await closeBrowser?.();
});

/** Logs in as the NPA once and picks the records the tests use (each test can start the file). */
async function ready(): Promise<Picked> {
  if (picked) return picked;
  await loginAs(page, 'npa@demo.koryu.jp');
  picked = await page.evaluate(async () => {
    const get = async (url: string) => {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    };
    const meti = (await get('/api/organisations')).items.find((o: { code: string }) => o.code === 'meti');
    // A stock company with no contracts and no sales on record (the demo criteria facts use others).
    const companies = (await get('/api/companies?q=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE&pageSize=60')).items as { id: number; name: string; corporateNumber: string; status: string }[];
    let company = null;
    for (const c of companies.slice(20)) {
      if (c.status !== 'active') continue;
      const contracts = await get(`/api/contracts?companyId=${c.id}`);
      const sales = await get(`/api/companies/${c.id}/sales`);
      if (contracts.total === 0 && sales.items.length === 0) {
        company = c;
        break;
      }
    }
    // A METI official with a current post whose name finds only them.
    const people = (await get('/api/people?pageSize=200')).items as { id: number; kind: string; organisationId: number | null; familyName: string; givenName: string }[];
    let person = null;
    for (const p of people.filter((x) => x.kind === 'official' && x.organisationId === meti.id).slice(1)) {
      const detail = await get(`/api/people/${p.id}`);
      const current = detail.posts.find((x: { endDate: string | null }) => x.endDate === null);
      const same = await get(`/api/people?q=${encodeURIComponent(p.familyName + p.givenName)}`);
      if (current && same.total === 1) {
        person = { id: p.id, name: `${p.familyName} ${p.givenName}`, unitId: current.unitId };
        break;
      }
    }
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const fy = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0) - 1;
    return { company: company!, person: person!, metiId: meti.id, fy };
  });
  expect(picked.company).toBeTruthy();
  expect(picked.person).toBeTruthy();
  return picked;
}

const mainNav = (p: Page) => p.getByRole('navigation', { name: /メインメニュー|Main menu/ });
const h1 = (p: Page) => p.locator('main h1').first().textContent();
const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');
const overflowsSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const csv = (lines: string[]) => ({ name: 'contracts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8') });
const apiTotal = (p: Page, url: string) => p.evaluate(async (u) => (await (await fetch(u)).json()).total as number, url);

async function switchTo(p: Page, lang: 'ja' | 'en') {
  await p.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => p.locator('html').getAttribute('lang')).toBe(lang);
}

describe('criteria data', () => {
  it('imports contract totals all or nothing, with each bad line explained in Japanese and English', async () => {
    const { company, fy } = await ready();
    await mainNav(page).getByRole('link', { name: '府省等との契約' }).click();
    await expect.poll(() => h1(page)).toBe('府省等との契約');
    await page.getByTestId('contracts-table').waitFor();
    await expectAccessible(page, 'contracts ja');
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, 'criteria-data-contracts-ja');

    await page.goto(`/criteria/contracts?companyId=${company.id}`);
    const listStatus = page.locator('section[aria-labelledby="contracts-results-heading"] [role="status"]');
    await expect.poll(() => listStatus.innerText()).toBe('条件に合う契約額は登録されていません。');
    await expect.poll(() => page.getByTestId('contracts-filter-company-selected').innerText()).toContain(company.name);

    // No file: the summary names the field and leads to it.
    const panel = page.getByTestId('contracts-import');
    await panel.getByTestId('contracts-import-submit').click();
    const summary = panel.getByTestId('error-summary');
    await expect.poll(() => summary.innerText()).toContain('取り込むファイル：ファイルを選択してください。');
    await summary.getByRole('link').click();
    await expect.poll(() => focused(page)).toBe('contracts-import-file');

    // One good line, one bad: nothing goes in, and line 3's two errors are listed.
    await panel.getByTestId('contracts-import-file').setInputFiles(
      csv(['府省等,法人番号,年度,契約額', `meti,${company.corporateNumber},${fy},"30,000,000"`, `経済産業省,12345,${fy}年度,-5`]),
    );
    await panel.getByTestId('contracts-import-submit').click();
    const errors = panel.getByTestId('contracts-import-errors');
    await errors.waitFor();
    await expect.poll(() => focused(page)).toBe('contracts-import-result');
    const result = await panel.getByTestId('contracts-import-result').innerText();
    expect(result).toContain('ファイルに誤りのある行があるため、何も登録しませんでした。');
    expect(result).toContain('contracts.csvに誤りが2件あります。');
    const rowsJa = await errors.locator('tbody tr').allInnerTexts();
    expect(rowsJa).toHaveLength(2);
    expect(rowsJa.join('\n')).toMatch(/3行目\s+法人番号\s+法人番号は13桁の数字で入力してください。/);
    expect(rowsJa.join('\n')).toMatch(/3行目\s+契約額\s+0以上の整数で入力してください。/);
    expect(await apiTotal(page, `/api/contracts?companyId=${company.id}`)).toBe(0);
    expect(await listStatus.innerText()).toBe('条件に合う契約額は登録されていません。');
    await expectAccessible(page, 'contracts import rejected ja');
    await shot(page, 'criteria-data-import-rejected-ja');

    await switchTo(page, 'en');
    await expect.poll(() => errors.locator('tbody').innerText()).toContain('The corporate number must be 13 digits.');
    const rowsEn = (await errors.locator('tbody tr').allInnerTexts()).join('\n');
    expect(rowsEn).toMatch(/Line 3\s+Corporate number \(法人番号\)\s+The corporate number must be 13 digits\./);
    expect(rowsEn).toMatch(/Line 3\s+Amount \(契約額\)\s+Enter a whole number of 0 or more\./);
    expect(await panel.getByTestId('contracts-import-result').innerText()).toContain('The file has invalid rows, so nothing was imported.');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'contracts import rejected en');
    await shot(page, 'criteria-data-import-rejected-en');
    await switchTo(page, 'ja');

    // The corrected file goes in, and the list shows its total.
    await panel.getByTestId('contracts-import-file').setInputFiles(csv(['府省等,法人番号,年度,契約額', `meti,${company.corporateNumber},${fy},"30,000,000"`]));
    await panel.getByTestId('contracts-import-submit').click();
    await expect.poll(() => panel.getByTestId('contracts-import-result').innerText()).toContain('contracts.csvの1行を登録しました（新規1件、置き換え0件）。');
    expect(await panel.getByTestId('contracts-import-errors').count()).toBe(0);
    const table = page.getByTestId('contracts-table');
    await table.waitFor();
    const row = await table.locator('tbody tr').first().innerText();
    expect(row).toContain(company.name);
    expect(row).toContain('経済産業省');
    expect(row).toContain(`${fy}年度（令和${fy - 2018}年度）`);
    expect(row).toContain('30,000,000円');
    expect(row).toContain('import:contracts.csv');
    expect(await apiTotal(page, `/api/contracts?companyId=${company.id}`)).toBe(1);
    await expectAccessible(page, 'contracts imported');
    await shot(page, 'criteria-data-import-done-ja');
  });

  it('records a sales figure on the company page, and the stored check finds the company dependent on the contracts', async () => {
    const { company, person, fy } = await ready();
    await page.goto(`/companies/${company.id}`);
    await expect.poll(() => h1(page)).toBe(company.name);
    const sales = page.getByTestId('company-sales');
    await sales.getByTestId('sales-form').waitFor();
    await expect.poll(() => sales.innerText()).toContain('登録されている売上額等はありません。');
    await page.getByTestId('division-revenue').waitFor();
    await page.getByTestId('sanction-form').waitFor();

    // Words in the amount: the summary links to the field.
    const form = sales.getByTestId('sales-form');
    await form.getByLabel('年度').fill(String(fy));
    await form.getByLabel('売上額等（円）').fill('五千万円');
    await form.getByTestId('sales-submit').click();
    const summary = sales.getByTestId('error-summary');
    await expect.poll(() => summary.innerText()).toContain('売上額等（円）：金額は数字で入力してください（例：1,234,567）。');
    await expect.poll(() => focused(page)).toBe('error-summary');
    await expectAccessible(page, 'sales error ja');
    await shot(page, 'criteria-data-sales-error-ja');
    await summary.getByRole('link').click();
    await expect.poll(() => focused(page)).toBe('f-sales-amountYen');

    // Full-width digits and separators are fine.
    await form.getByLabel('売上額等（円）').fill('５０，０００，０００');
    await form.getByTestId('sales-submit').click();
    await expect.poll(() => sales.getByTestId('sales-outcome').innerText()).toContain(`${fy}年度（令和${fy - 2018}年度）の売上額等を50,000,000円として登録しました。`);
    await expect.poll(() => focused(page)).toBe('sales-outcome');
    const row = await sales.getByTestId('sales-table').locator('tbody tr').first().innerText();
    expect(row).toContain(`${fy}年度（令和${fy - 2018}年度）`);
    expect(row).toContain('50,000,000円');
    // "Edit" brings the amount into the form, ready to change; "stop editing" goes back to the row.
    await sales.getByRole('button', { name: /を編集する$/ }).click();
    await expect.poll(() => focused(page)).toBe('f-sales-amountYen');
    expect(await page.locator('#f-sales-amountYen').inputValue()).toBe('50,000,000');
    await sales.getByRole('button', { name: '修正をやめる' }).click();
    await expect.poll(() => focused(page)).toBe(`sales-edit-${fy}`);
    // A division's revenue from government work: more than the total is refused, then 75% is shown.
    await page.getByLabel('部門名').fill('受託調査事業部');
    await page.getByRole('button', { name: '追加する' }).click();
    const revenue = page.getByTestId('revenue-form');
    await revenue.getByLabel('部門').selectOption({ label: '受託調査事業部' });
    await revenue.getByLabel('年度').fill(`令和${fy - 2018}年度`);
    await revenue.getByLabel('国等の事務・事業による収益（円）').fill('130,000,000');
    await revenue.getByLabel('総収益（円）').fill('120,000,000');
    await revenue.getByTestId('revenue-submit').click();
    await expect
      .poll(() => page.getByTestId('division-revenue').getByTestId('error-summary').innerText())
      .toContain('国等の事務・事業による収益（円）：国等の事務・事業による収益が総収益を超えています。');
    await shot(page, 'criteria-data-revenue-error-ja');
    await revenue.getByLabel('国等の事務・事業による収益（円）').fill('90000000');
    await revenue.getByTestId('revenue-submit').click();
    await expect.poll(() => page.getByTestId('revenue-outcome').innerText()).toContain('受託調査事業部の');
    expect(await page.getByTestId('revenue-outcome').innerText()).toContain('（国等の事務・事業による収益の割合：75.00%）');
    await expect.poll(() => page.getByTestId('division-revenue').locator('tbody').innerText()).toContain('90,000,000円');
    expect(await page.getByTestId('division-revenue').locator('tbody').innerText()).toContain('75.00%');
    // Two dispositions of one case are shown together.
    const sanction = page.getByTestId('sanction-form');
    for (const [kind, date] of [
      ['business_suspension', '2025-06-01'],
      ['surcharge_order', '2025-09-01'],
    ] as const) {
      await sanction.getByLabel('事案の識別名').fill('E2E-入札談合');
      await sanction.getByLabel('区分').selectOption(kind);
      await sanction.getByLabel('起訴・処分の日').fill(date);
      await sanction.getByRole('button', { name: '登録する' }).click();
      await expect.poll(() => page.getByTestId('sanctions-outcome').innerText()).toContain(`事案「E2E-入札談合」に`);
    }
    await expect.poll(() => page.getByTestId('sanction-case').locator('caption').innerText()).toBe('事案：E2E-入札談合（2件）');
    expect(await page.getByTestId('sanction-case').innerText()).toContain('課徴金納付命令');
    // Deleting asks first, then says what went and takes focus to that message.
    await page.getByTestId('sanction-case').getByRole('button', { name: /業務停止命令.*を削除/ }).click();
    await page.getByTestId('sanction-case').getByRole('button', { name: '削除を確定' }).click();
    await expect.poll(() => page.getByTestId('sanctions-outcome').innerText()).toContain('事案「E2E-入札談合」の記録を1件削除しました。');
    await expect.poll(() => focused(page)).toBe('sanctions-outcome');
    await expect.poll(() => page.getByTestId('sanction-case').locator('caption').innerText()).toBe('事案：E2E-入札談合（1件）');
    await expectAccessible(page, 'company criteria data ja');
    await shot(page, 'criteria-data-company-ja');
    await switchTo(page, 'en');
    await expect.poll(() => sales.getByTestId('sales-table').innerText()).toContain(`FY${fy} (Reiwa ${fy - 2018})`);
    expect(await sales.getByTestId('sales-table').innerText()).toContain('¥50,000,000');
    expect(await sales.getByTestId('sales-outcome').innerText()).toContain(`Sales for FY${fy} (Reiwa ${fy - 2018}) recorded as ¥50,000,000.`);
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'company criteria data en');
    await shot(page, 'criteria-data-company-en');
    await switchTo(page, 'ja');

    // The stored check: 30,000,000 of 50,000,000 yen is 60% of sales.
    await mainNav(page).getByRole('link', { name: '交流基準チェック' }).click();
    await page.getByTestId('stored-form').waitFor();
    const pickPerson = page.getByTestId('pick-person');
    await pickPerson.getByRole('searchbox').fill(person.name.replace(' ', ''));
    await pickPerson.getByRole('searchbox').press('Enter');
    await pickPerson.getByRole('radio', { name: person.name }).check();
    await expect.poll(() => page.locator('#f-check-unitId').inputValue()).toBe(String(person.unitId));
    const pickCompany = page.getByTestId('pick-company');
    await pickCompany.getByRole('searchbox').fill(company.corporateNumber);
    await pickCompany.getByRole('searchbox').press('Enter');
    await pickCompany.getByRole('radio', { name: company.name }).check();
    await page.getByTestId('criteria-submit').click();
    await page.getByTestId('criteria-result').waitFor();
    const rule = await page.getByTestId('rule-contract_dependence').innerText();
    expect(rule).toContain('抵触');
    expect(rule).toContain(`${fy}年度に、府省等との契約総額が30,000,000円`);
    expect(rule).toContain('売上額等50,000,000円の60.00%');
    await shot(page, 'criteria-data-check-ja');
  });

  it('lists and records past exchanges, a unit’s licensing jurisdiction and an official’s licensing duties', async () => {
    const { company, person, metiId } = await ready();
    // 過去の交流実績
    await mainNav(page).getByRole('link', { name: '過去の交流実績' }).click();
    await expect.poll(() => h1(page)).toBe('過去の交流実績');
    await page.getByTestId('history-table').waitFor();
    const form = page.getByTestId('history-form');
    await form.getByRole('button', { name: '登録する' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.innerText()).toContain('民間企業等：選択してください。');
    expect(await summary.innerText()).toContain('開始日：入力してください。');
    await expectAccessible(page, 'history errors');
    await shot(page, 'criteria-data-history-errors-ja');
    await form.getByTestId('history-company').getByRole('searchbox').fill(company.corporateNumber);
    await form.getByTestId('history-company').getByRole('searchbox').press('Enter');
    await form.getByTestId('history-company').getByRole('radio', { name: company.name }).check();
    await form.getByLabel('府省等').selectOption(String(metiId));
    await form.getByLabel('課等').selectOption(String(person.unitId));
    await form.getByLabel('開始日').fill('2018-04-01');
    await form.getByLabel('終了日').fill('2020-03-31');
    await form.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => page.getByTestId('history-outcome').innerText()).toContain(`${company.name}と`);
    await page.goto(`/criteria/exchange-history?companyId=${company.id}`);
    await expect.poll(() => page.getByTestId('history-table').innerText()).toContain('平成30年4月1日（2018年4月1日）');
    await expectAccessible(page, 'history ja');
    await shot(page, 'criteria-data-history-ja');

    // 所管関係 on the organisation page.
    await page.goto(`/organisations/${metiId}`);
    const juris = page.getByTestId('unit-jurisdictions');
    await juris.getByRole('combobox', { name: '課等' }).selectOption(String(person.unitId));
    await juris.getByTestId('jurisdiction-open').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe(String(person.unitId));
    await juris.getByTestId('jurisdiction-form').waitFor();
    const jform = juris.getByTestId('jurisdiction-form');
    await jform.getByTestId('jurisdiction-company').getByRole('searchbox').fill(company.corporateNumber);
    await jform.getByTestId('jurisdiction-company').getByRole('searchbox').press('Enter');
    await jform.getByTestId('jurisdiction-company').getByRole('radio', { name: company.name }).check();
    await jform.getByLabel('開始日').fill('2024-04-01');
    await jform.getByLabel('終了日').fill('2023-04-01');
    await jform.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => juris.getByTestId('error-summary').innerText()).toContain('終了日：終了日は開始日以降の日付にしてください。');
    await jform.getByLabel('終了日').fill('');
    await jform.getByLabel('根拠').fill('電気事業法（工事計画の届出）');
    await jform.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => juris.getByTestId('jurisdiction-outcome').innerText()).toContain(`${company.name}の許認可等を所掌していることを登録しました。`);
    expect(await juris.getByTestId('jurisdiction-table').innerText()).toContain('電気事業法（工事計画の届出）');
    await expectAccessible(page, 'jurisdictions ja');
    await shot(page, 'criteria-data-jurisdictions-ja');

    // The official's licensing duties (saved at once, kept after a reload) and contract involvement.
    await page.goto(`/people/${person.id}`);
    const box = page.getByTestId('person-posts').locator('input[type="checkbox"]').first();
    await box.waitFor();
    const before = await box.isChecked();
    await box.setChecked(!before);
    await expect.poll(() => page.getByTestId('licensing-status').innerText()).toContain(before ? '許認可等の事務を所掌しない官職として保存しました' : '許認可等の事務を所掌する官職として保存しました');
    await page.reload();
    await expect.poll(() => page.getByTestId('person-posts').locator('input[type="checkbox"]').first().isChecked()).toBe(!before);
    await page.getByTestId('person-posts').locator('input[type="checkbox"]').first().setChecked(before);
    await expect.poll(() => page.getByTestId('licensing-status').innerText()).not.toBe('');
    const inv = page.getByTestId('contract-involvements');
    const iform = inv.getByTestId('involvement-form');
    await iform.getByTestId('involvement-company').getByRole('searchbox').fill(company.corporateNumber);
    await iform.getByTestId('involvement-company').getByRole('searchbox').press('Enter');
    await iform.getByTestId('involvement-company').getByRole('radio', { name: company.name }).check();
    await iform.getByLabel('開始日').fill('2019-04-01');
    await iform.getByLabel('役割').fill('契約の履行（調査委託）');
    await iform.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => inv.getByTestId('involvements-outcome').innerText()).toContain(`${company.name}との契約への関与を登録しました。`);
    expect(await inv.getByTestId('involvements-table').innerText()).toContain('契約の履行（調査委託）');
    await expectAccessible(page, 'person criteria data ja');
    await shot(page, 'criteria-data-person-ja');
    await switchTo(page, 'en');
    await expect.poll(() => inv.innerText()).toContain('Involvement in contracts');
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, 'criteria-data-person-en');
    await switchTo(page, 'ja');
    await expect.poll(async () => (await page.evaluate(async () => (await fetch('/api/auth/session')).json())).account.locale).toBe('ja');
  });

  it('adds a post to an official’s history (an end date before the start is refused) and deletes it', async () => {
    const { person } = await ready();
    await page.goto(`/people/${person.id}`);
    const posts = page.getByTestId('person-posts');
    await posts.waitFor();
    const rowsBefore = await posts.locator('tbody tr').count();
    const form = page.getByTestId('post-form');
    await expect.poll(() => form.locator('h3').innerText()).toBe('官職を追加');

    // Nothing filled in: the summary names each field (the official's ministry is already chosen).
    await form.getByRole('button', { name: '追加する' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.innerText()).toContain('課等：選択してください。');
    expect(await summary.innerText()).toContain('官職名：入力してください。');
    expect(await summary.innerText()).toContain('開始日：入力してください。');
    await expect.poll(() => focused(page)).toBe('error-summary');
    await expectAccessible(page, 'post form required ja');

    // An end date before the start: the summary links to the end date.
    await form.getByRole('combobox', { name: '課等' }).selectOption(String(person.unitId));
    await form.locator('#f-post-postTitleJa').fill('E2E併任調査官');
    await form.getByLabel('官職名（英語）').fill('E2E Research Officer');
    await form.getByLabel('開始日').fill('2025-04-01');
    await form.getByLabel('終了日').fill('2025-03-31');
    expect(await form.getByRole('checkbox', { name: '許認可等の事務を所掌' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: '追加する' }).click();
    await expect.poll(() => summary.innerText()).toContain('終了日：終了日は開始日以降の日付にしてください。');
    expect(await summary.innerText()).not.toContain('官職名：');
    await expect.poll(() => page.locator('#f-post-endDate').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'post form end date ja');
    await shot(page, 'criteria-data-post-error-ja');
    await summary.getByRole('link').click();
    await expect.poll(() => focused(page)).toBe('f-post-endDate');

    // Corrected, the post goes in (handling licensing by default), and the message takes focus.
    await form.getByLabel('終了日').fill('2026-03-31');
    await form.getByRole('button', { name: '追加する' }).click();
    const outcome = page.getByTestId('posts-outcome');
    await expect.poll(() => outcome.innerText()).toContain('E2E併任調査官を官職歴に追加しました。');
    await expect.poll(() => focused(page)).toBe('posts-outcome');
    expect(await outcome.getByRole('status').count()).toBe(1);
    await expect.poll(() => posts.locator('tbody tr').count()).toBe(rowsBefore + 1);
    const row = posts.locator('tbody tr', { hasText: 'E2E併任調査官' });
    expect(await row.innerText()).toContain('令和7年4月1日');
    expect(await row.locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await form.locator('#f-post-postTitleJa').inputValue()).toBe('');
    await expectAccessible(page, 'post added ja');
    await shot(page, 'criteria-data-post-added-ja');
    await switchTo(page, 'en');
    await expect.poll(() => form.locator('h3').innerText()).toBe('Add a post');
    expect(await posts.locator('tbody tr', { hasText: 'E2E Research Officer' }).innerText()).toContain('2025-04-01');
    expect(await outcome.innerText()).toContain('E2E Research Officer');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'post added en');
    await shot(page, 'criteria-data-post-added-en');
    await switchTo(page, 'ja');

    // Deleting asks first, then says what went and takes focus to that message.
    await row.getByRole('button', { name: /E2E併任調査官.*を削除/ }).click();
    await row.getByRole('button', { name: '削除を確定' }).click();
    await expect.poll(() => outcome.innerText()).toContain('E2E併任調査官を官職歴から削除しました。');
    await expect.poll(() => focused(page)).toBe('posts-outcome');
    await expect.poll(() => posts.locator('tbody tr').count()).toBe(rowsBefore);
    const stored = await page.evaluate(async (id) => (await (await fetch(`/api/people/${id}`)).json()).posts as { postTitleJa: string }[], person.id);
    expect(stored.map((p) => p.postTitleJa)).not.toContain('E2E併任調査官');
    await expectAccessible(page, 'post deleted ja');
  });

  it('shows each role only what it may see and change', async () => {
    // Company HR: its own company's figures, editable; no sanctions form; no contracts pages.
    {
      const { context: c, page: p } = await newPage(browser, baseUrl);
      await loginAs(p, 'company-hr@demo.koryu.jp');
      expect(await mainNav(p).getByRole('link', { name: '府省等との契約' }).count()).toBe(0);
      const own = await p.evaluate(async () => (await (await fetch('/api/auth/session')).json()).account.companyId as number);
      await p.goto(`/companies/${own}`);
      await p.getByTestId('sales-form').waitFor();
      await expect.poll(() => p.getByTestId('sales-table').innerText()).toContain('円');
      await p.getByTestId('company-sanctions').waitFor();
      expect(await p.getByTestId('sanction-form').count()).toBe(0);
      await expectAccessible(p, 'company criteria data as company HR');
      await shot(p, 'criteria-data-company-hr-ja');
      await p.goto('/criteria/contracts');
      await expect.poll(() => h1(p)).toBe('このページを表示する権限がありません');
      await c.close();
    }
    // The center reads the contracts but neither records, deletes nor imports them.
    {
      const { context: c, page: p } = await newPage(browser, baseUrl);
      await loginAs(p, 'center@demo.koryu.jp');
      await mainNav(p).getByRole('link', { name: '府省等との契約' }).click();
      await p.getByTestId('contracts-table').waitFor();
      expect(await p.getByTestId('contract-form').count()).toBe(0);
      expect(await p.getByTestId('contracts-import').count()).toBe(0);
      expect(await p.getByTestId('contracts-table').getByRole('button', { name: /削除/ }).count()).toBe(0);
      await c.close();
    }
    // A ministry's HR records and imports for its own ministry only.
    {
      const { context: c, page: p } = await newPage(browser, baseUrl);
      await loginAs(p, 'meti-hr@demo.koryu.jp');
      await mainNav(p).getByRole('link', { name: '府省等との契約' }).click();
      await p.getByTestId('contracts-import').waitFor();
      expect(await p.getByTestId('contracts-import').innerText()).toContain('自府省等の行のみ取り込めます。');
      // The choices arrive with the organisations list: wait for them rather than read too early.
      await expect.poll(() => p.getByTestId('contract-form').getByLabel('府省等').locator('option').allInnerTexts()).toEqual(['経済産業省']);
      await expectAccessible(p, 'contracts as ministry HR');
      await shot(p, 'criteria-data-contracts-meti-ja');
      await c.close();
    }
  });
});
