// Exchange cases (交流案件) in a real browser, as the three roles, with the server's "today" moved by
// the test clock (KORYU_CLOCK_FILE, see e2e/global-setup.ts):
// - a dispatch (交流派遣) opened by METI's HR for an official, its input-support sheet uploaded (a
//   broken one first: its errors listed, nothing saved) and its draft agreement made; submission
//   blocked while the start is less than a month away; submitted; the NPA queries, METI answers; 内諾,
//   formal application, certification; the company records the signed agreement; begun on the start
//   date; an interview recorded; extended with the NPA's approval; returned with the post after return;
// - a hire (交流採用・雇用継続型) opened by METI without a person, the company's HR naming its employee on
//   the case (a missing choice first), then walked to its return;
// - a hire into a unit that licenses the employee's company (seeded by the demo): submission refused
//   by the 交流基準 with the rule named, then withdrawn;
// - the ministry's pipeline and list, the company's list, the NPA's queue with the overdue review,
//   CSV and Excel exports carrying the filters; METI's follow-up interview interval set on its list.
//   Screenshots go to $KORYU_SHOTS when set.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, loginAs, newPage, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
const clockFile = inject('clockFile');
let browser: Browser;
let closeBrowser: () => Promise<void>;

// ---------------------------------------------------------------- dates and the test clock

const DAY = 86_400_000;
const realToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const addMonths = (d: string, n: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCMonth(t.getUTCMonth() + n);
  return t.toISOString().slice(0, 10);
};
/** The first of the month four months from now: far enough for the one-month submission rule. */
const start = addMonths(`${realToday.slice(0, 7)}-01`, 4);
const end = addDays(addMonths(start, 24), -1);
const setToday = (d: string) => fs.writeFileSync(clockFile, d);
const realClock = () => fs.rmSync(clockFile, { force: true });

// ---------------------------------------------------------------- page helpers

const h1 = (page: Page) => page.locator('main h1').first().textContent();
const mainNav = (page: Page) => page.getByRole('navigation', { name: /メインメニュー|Main menu/ });
/** Long tables wrap or scroll inside their region instead of widening the page. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function switchTo(page: Page, lang: 'ja' | 'en') {
  await page.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** Back to Japanese, saved on the account, for whichever test signs in next. */
async function backToJapanese(page: Page) {
  await switchTo(page, 'ja');
  await expect.poll(async () => (await page.evaluate(async () => (await fetch('/api/auth/session')).json())).account.locale).toBe('ja');
}

async function openCase(page: Page, id: number) {
  await page.goto(`/exchanges/${id}`);
  await page.getByTestId('case-detail').waitFor();
}

const stateOf = (page: Page) => page.getByTestId('case-detail').getAttribute('data-state');

/** The steps that open a small form (words, dates) before they are taken. */
const withForm = new Set(['query', 'answer', 'reject', 'withdraw', 'begin', 'return', 'end_early']);

type Inputs = { note?: string; returnPost?: string; experienceUse?: string; endReason?: string };

/** Takes a step from 「次の操作」 (filling its form when it has one) and waits for the new state. */
async function act(page: Page, event: string, to: string, inputs: Inputs = {}) {
  const button = page.getByTestId(`action-${event}-button`);
  await button.waitFor();
  expect(await button.isDisabled(), `${event} is enabled`).toBe(false);
  await button.click();
  const form = page.getByTestId(`action-${event}-form`);
  if (withForm.has(event)) {
    await form.waitFor();
    if (inputs.endReason) await form.getByLabel(/中途終了の理由/).selectOption(inputs.endReason);
    if (inputs.returnPost) await form.getByLabel(/復帰後の官職/).fill(inputs.returnPost);
    if (inputs.experienceUse) await form.getByLabel(/交流経験の活用方法/).fill(inputs.experienceUse);
    if (inputs.note) await form.locator('textarea').last().fill(inputs.note);
    await page.getByTestId(`action-${event}-submit`).click();
  }
  await expect.poll(() => page.getByTestId('case-outcome').innerText()).toContain('を行いました');
  await expect.poll(() => stateOf(page)).toBe(to);
  // The message takes focus, so the next Tab continues from it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-outcome');
}

// ---------------------------------------------------------------- the input-support sheet

const sheetValues = (direction: 'dispatch' | 'hire'): Record<string, string | number> => ({
  'company.division': direction === 'dispatch' ? '新規事業開発部' : '経営企画部',
  'duties.purpose': '民間の経営手法を政策立案に活かすため。',
  'duties.description': direction === 'dispatch' ? '新規事業の企画立案と事業化の推進を担当する。' : 'デジタル政策の企画立案を担当する。',
  'duties.selectionReason': '企画立案の経験があり、交流の目的に適うため。',
  'pay.monthlySalaryYen': 420000,
  'pay.payer': direction === 'dispatch' ? '民間企業等' : '国',
  'hours.workingHours': '9:00～17:45（休憩60分）',
  'hours.annualLeaveDays': 20,
  ...(direction === 'dispatch'
    ? { 'constraints.dispatchNoLobbying': 'はい', 'constraints.dispatchConfidentiality': 'はい', 'constraints.dispatchReturn': 'はい' }
    : { 'constraints.hireNoHomeCompanyBusiness': 'はい', 'constraints.hireNoLicensingPost': 'はい', 'constraints.hireNoPayFromHomeCompany': 'はい' }),
  'contacts.ministry.name': '経済産業省 秘書課 人事担当',
  'contacts.ministry.email': 'jinji@meti.example.jp',
  'contacts.ministry.phone': '03-3501-1511',
  'contacts.company.name': '人事部 交流担当',
  'contacts.company.email': 'koryu@company.example.jp',
  'contacts.company.phone': '03-1234-5678',
});

/** Downloads the case's pre-filled sheet (as the user's session) and fills in the rest. */
async function filledSheet(page: Page, id: number, values: Record<string, string | number>): Promise<Buffer> {
  const href = await page.getByTestId('download-sheet').getAttribute('href');
  expect(href).toBe(`/api/exchanges/cases/${id}/input-sheet.xlsx`);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  ws.eachRow((row) => {
    const key = row.getCell(5).value;
    if (typeof key === 'string' && key in values) row.getCell(3).value = values[key]!;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function uploadSheet(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('sheet-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByTestId('sheet-upload-submit').click();
}

/** Fills the sheet on screen instead: the same fields, one control each (selects take the choice's value). */
async function fillSheetOnScreen(page: Page, values: Record<string, string | number>) {
  await page.getByTestId('sheet-on-screen').locator('summary').click();
  const form = page.getByTestId('sheet-form');
  await form.waitFor();
  // Pre-filled from the case: the person's reading comes from the people directory.
  expect(await page.locator('#f-sheet-person-familyNameKana').inputValue()).not.toBe('');
  const choices: Record<string, string> = { 民間企業等: 'company', 国: 'state', はい: 'true' };
  for (const [path, v] of Object.entries(values)) {
    const control = page.locator(`#f-sheet-${path.replace(/\./g, '-')}`);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(choices[String(v)] ?? String(v));
    else await control.fill(String(v));
  }
  await page.getByTestId('sheet-form-submit').click();
  await expect.poll(() => page.getByTestId('case-outcome').innerText()).toContain('入力支援シートを保存しました。');
}

/** The ministry adds the filled-in sheet (uploaded, or on screen) and makes the draft agreement. */
async function prepareDocuments(page: Page, id: number, direction: 'dispatch' | 'hire', how: 'xlsx' | 'screen' = 'xlsx') {
  if (how === 'xlsx') {
    await uploadSheet(page, 'input-sheet.xlsx', await filledSheet(page, id, sheetValues(direction)));
    await expect.poll(() => page.getByTestId('sheet-upload-result').innerText()).toContain('入力支援シート（input-sheet.xlsx）を登録しました。');
  } else {
    await fillSheetOnScreen(page, sheetValues(direction));
  }
  await expect.poll(() => page.getByTestId('doc-status-sheet').innerText()).toContain('登録済み');
  await page.getByTestId('generate-agreement').click();
  await expect.poll(() => page.getByTestId('case-outcome').innerText()).toContain('取決め書（案）を作成しました。');
  await expect.poll(() => page.getByTestId('doc-status-agreement').innerText()).toContain('第1版');
}

// ---------------------------------------------------------------- the three roles

type Role = { context: BrowserContext; page: Page };
let ministry: Role;
let npa: Role;
let company: Role;
let companyName = '';

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launch());
  realClock();
});

// Each test starts on the real date (a failed test may have left the clock moved).
beforeEach(() => realClock());

afterAll(async () => {
  realClock();
  for (const r of [ministry, npa, company]) await r?.context.close();
  await closeBrowser?.();
});

/** Each role signs in once, in its own browser context (called by every test; the first signs in). */
async function signIn() {
  if (ministry) return;
  const [m, n, c] = await Promise.all([newPage(browser, baseUrl), newPage(browser, baseUrl), newPage(browser, baseUrl)]);
  await loginAs(m.page, 'meti-hr@demo.koryu.jp');
  await loginAs(n.page, 'npa@demo.koryu.jp');
  await loginAs(c.page, 'company-hr@demo.koryu.jp');
  companyName = await c.page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).account.companyName as string);
  expect(companyName).not.toBe('');
  [ministry, npa, company] = [m, n, c];
}

describe('exchange cases', { timeout: 180_000 }, () => {
  let dispatchId = 0;
  let hireId = 0;

  it('the ministry sees its pipeline, opens a dispatch with field errors first, and the company sees it', async () => {
    await signIn();
    const { page } = ministry;
    await mainNav(page).getByRole('link', { name: '交流案件', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('交流案件');
    const pipeline = page.getByTestId('pipeline');
    await pipeline.waitFor();
    // The demo's METI cases: one under way, one past its review target.
    expect(Number(await page.getByTestId('pipeline-onExchange').locator('dd').innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('pipeline-overdue').locator('dd').innerText())).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('pipeline-by-state').innerText()).toContain('交流中');
    await page.getByTestId('cases-table').waitFor();

    // Filters live in the URL; the exports carry them.
    await page.getByTestId('cases-search-state-consultation').check();
    await page.getByLabel('種別').selectOption('hire');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?state=consultation&direction=hire');
    await expect.poll(() => page.getByTestId('cases-table').innerText()).toContain('電力安全専門職（デモ）');
    await expect.poll(() => page.getByTestId('export-csv').getAttribute('href')).toBe('/api/exchanges/cases.csv?state=consultation&direction=hire');
    const csv = await page.request.get((await page.getByTestId('export-xlsx').getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('spreadsheetml');
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expectAccessible(page, 'exchange list ja');
    await shot(page, 'exchanges-list-ja');
    await switchTo(page, 'en');
    await expect.poll(() => h1(page)).toBe('Exchange cases');
    await expect.poll(() => page.getByTestId('pipeline-by-state').innerText()).toContain('On exchange');
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, 'exchanges-list-en');
    await backToJapanese(page);

    // A new dispatch: nothing chosen first, so the summary names each missing field.
    await page.getByTestId('new-case').click();
    await expect.poll(() => h1(page)).toBe('交流案件の作成');
    await page.getByTestId('new-case-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('民間企業等：選択してください。');
    expect(await summary.innerText()).toContain('官職');
    await expectAccessible(page, 'new case errors');
    await summary.getByRole('link', { name: /民間企業等/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-case-companyId');

    const person = page.getByTestId('pick-person');
    await person.getByRole('searchbox').fill('北条真澄');
    await person.getByRole('searchbox').press('Enter');
    await person.getByRole('radio', { name: /北条 真澄/ }).check();
    // The official's current post fills in the unit and the post.
    await expect.poll(() => page.locator('#f-case-unitId').inputValue()).not.toBe('');
    await expect.poll(() => page.locator('#f-case-postTitle').inputValue()).toBe('課長補佐');
    const picker = page.getByTestId('pick-company');
    await picker.getByRole('searchbox').fill(companyName);
    await picker.getByRole('searchbox').press('Enter');
    await picker.getByRole('radio', { name: companyName }).check();
    await page.locator('#f-case-plannedStart').fill(start);
    await page.locator('#f-case-plannedEnd').fill(end);
    await page.getByTestId('new-case-submit').click();
    await page.getByTestId('case-detail').waitFor();
    dispatchId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.getByTestId('case-outcome').innerText()).toContain('交流案件を作成しました');
    expect(await stateOf(page)).toBe('consultation');
    expect(await h1(page)).toMatch(/^交流案件 KR-\d{4}-\d{6}$/);

    // Not yet possible: the sheet and the draft agreement are missing, and the button says why.
    const submit = page.getByTestId('action-submit');
    expect(await page.getByTestId('action-submit-button').isDisabled()).toBe(true);
    expect(await submit.innerText()).toContain('入力支援シートを登録してください。');
    expect(await submit.innerText()).toContain('取決め書（案）を作成してください。');
    await expectAccessible(page, 'case detail consultation');

    // The company sees the case in its list.
    await company.page.goto('/exchanges');
    await company.page.getByTestId('cases-table').waitFor();
    const ref = (await h1(page))!.replace('交流案件 ', '');
    await expect.poll(() => company.page.getByTestId('cases-table').innerText()).toContain(ref);
    expect(await company.page.getByTestId('pipeline').count()).toBe(1);
  });

  it('a broken input-support sheet is refused with its errors and nothing saved; then the documents are added', async () => {
    await signIn();
    const { page } = ministry;
    await openCase(page, dispatchId);
    const broken = await filledSheet(page, dispatchId, { ...sheetValues('dispatch'), 'contacts.company.email': 'koryu-at-company', 'hours.annualLeaveDays': 99 });
    await uploadSheet(page, 'broken.xlsx', broken);
    const errors = page.getByTestId('sheet-errors');
    await errors.waitFor();
    expect(await page.getByTestId('sheet-upload-result').innerText()).toContain('何も保存していません');
    const rows = await errors.innerText();
    expect(rows).toContain('企業人事担当者メールアドレス');
    expect(rows).toContain('年次休暇（日数）');
    expect(rows).toMatch(/\d+行目/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sheet-upload-result');
    expect(await page.getByTestId('doc-status-sheet').innerText()).toContain('未登録');
    await expectAccessible(page, 'sheet errors');
    await shot(page, 'exchanges-sheet-errors-ja');
    await prepareDocuments(page, dispatchId, 'dispatch');
    expect(await page.getByTestId('documents-table').innerText()).toContain('取決め書（案）');
  });

  it('submission is blocked when the start is less than a month away, with the reason in Japanese and English', async () => {
    await signIn();
    const { page } = ministry;
    setToday(addDays(start, -20));
    await openCase(page, dispatchId);
    const blocks = page.getByTestId('action-submit-blocks');
    await blocks.waitFor();
    expect(await page.getByTestId('action-submit-button').isDisabled()).toBe(true);
    expect(await blocks.innerText()).toContain(`提出は開始予定日の1か月前（${addMonths(start, -1)}）までに行う必要があります。`);
    expect(await page.getByTestId('action-submit-button').getAttribute('aria-describedby')).toBe('action-submit-reasons');
    await expectAccessible(page, 'blocked action ja');
    await shot(page, 'exchanges-detail-blocked-ja');
    await switchTo(page, 'en');
    await expect.poll(() => blocks.innerText()).toContain(`Submission is due 1 month(s) before the planned start (by ${addMonths(start, -1)}).`);
    expect(await page.getByTestId('case-state').innerText()).toBe('Consultation');
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, 'exchanges-detail-blocked-en');
    await backToJapanese(page);
    realClock();
  });

  it('is submitted; the NPA queries from its queue and the ministry answers; 内諾 to certification; the company records the agreement', async () => {
    await signIn();
    await openCase(ministry.page, dispatchId);
    expect(await ministry.page.getByTestId('action-submit').innerText()).not.toContain('理由');
    await act(ministry.page, 'submit', 'submitted');
    expect(await ministry.page.getByTestId('case-criteria-verdict').innerText()).toContain('判定：交流可');

    // The NPA's queue: by start date, the overdue demo review flagged in words.
    const { page } = npa;
    await mainNav(page).getByRole('link', { name: '審査待ち', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('審査待ち');
    const queue = page.getByTestId('queue-table');
    await queue.waitFor();
    const ref = (await ministry.page.locator('main h1').first().textContent())!.replace('交流案件 ', '');
    await expect.poll(() => queue.innerText()).toContain(ref);
    expect(await queue.innerText()).toContain('審査目標超過');
    const starts = await queue.locator('tbody tr td:nth-child(3) time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(starts).toEqual([...starts].sort());
    await page.getByTestId('queue-search-overdue').check();
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await expect.poll(() => queue.innerText()).not.toContain(ref);
    await expect.poll(() => page.getByTestId('export-csv').getAttribute('href')).toContain('overdue=true');
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expect.poll(() => queue.innerText()).toContain(ref);
    await expectAccessible(page, 'queue ja');
    await shot(page, 'exchanges-queue-ja');
    await switchTo(page, 'en');
    await expect.poll(() => queue.innerText()).toContain('Review overdue');
    await shot(page, 'exchanges-queue-en');
    await backToJapanese(page);

    await page.getByTestId(`case-link-${ref}`).click();
    await page.getByTestId('case-detail').waitFor();
    await act(page, 'start_review', 'under_review');
    await act(page, 'query', 'query_to_ministry', { note: '派遣先での業務内容を具体的に記載してください。' });

    await openCase(ministry.page, dispatchId);
    expect(await ministry.page.getByTestId('case-thread').innerText()).toContain('派遣先での業務内容を具体的に記載してください。');
    await act(ministry.page, 'answer', 'under_review', { note: '新規事業開発部で事業企画を担当します。' });
    const thread = await ministry.page.getByTestId('case-thread').innerText();
    expect(thread).toMatch(/照会[\s\S]*派遣先での業務内容[\s\S]*回答[\s\S]*新規事業開発部で事業企画/);

    await openCase(page, dispatchId);
    await act(page, 'approve_informally', 'informally_approved');
    await openCase(ministry.page, dispatchId);
    await act(ministry.page, 'apply_formally', 'formal_application');
    await openCase(page, dispatchId);
    await act(page, 'certify', 'certified');

    await openCase(company.page, dispatchId);
    expect(await company.page.getByTestId('case-actions').innerText()).toContain('取決めの締結を記録する');
    await act(company.page, 'sign_agreement', 'agreement_signed');
    await expectAccessible(company.page, 'company case');
  });

  it('begins on the start date, records an interview, is extended with NPA approval and returns', async () => {
    await signIn();
    const { page } = ministry;
    setToday(addDays(start, -1));
    await openCase(page, dispatchId);
    expect(await page.getByTestId('action-begin').innerText()).toContain('開始予定日');
    setToday(start);
    await openCase(page, dispatchId);
    await act(page, 'begin', 'active');
    const interviews = page.getByTestId('interviews-table');
    await interviews.waitFor();
    expect(await interviews.locator('tbody tr').count()).toBeGreaterThanOrEqual(7);

    setToday(addMonths(start, 3));
    await openCase(page, dispatchId);
    const first = interviews.locator('tbody tr').first();
    await first.getByRole('button', { name: '記録する' }).click();
    await page.getByLabel('面談の記録').fill('業務に順調に適応している。');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByTestId('case-outcome').innerText()).toContain('面談を実施済みとして記録しました。');
    await expect.poll(() => first.innerText()).toContain('実施済み');

    // Extension: the ministry asks, the NPA approves (which extends the case).
    const newEnd = addDays(addMonths(start, 36), -1);
    const form = page.getByTestId('extension-form');
    await form.getByLabel(/延長後の終了日/).fill(newEnd);
    await form.getByLabel(/延長の理由/).fill('事業化の完了まで');
    await page.getByTestId('extension-submit').click();
    await expect.poll(() => page.getByTestId('case-outcome').innerText()).toContain('延長を申請しました。');
    await openCase(npa.page, dispatchId);
    await npa.page.getByTestId('extension-approve').click();
    await expect.poll(() => npa.page.getByTestId('case-outcome').innerText()).toContain('延長を承認しました。');
    await expect.poll(() => stateOf(npa.page)).toBe('extended');

    setToday(newEnd);
    await openCase(page, dispatchId);
    await act(page, 'return', 'returned', { returnPost: '経済産業省 産業政策局 企画官', experienceUse: '新規事業の知見を政策立案に活かす。' });
    expect(await page.getByTestId('no-actions').innerText()).toContain('いま行える操作はありません');
    expect(await page.getByTestId('case-detail').innerText()).toContain('経済産業省 産業政策局 企画官');
    expect(await page.getByTestId('case-steps').locator('[data-status="done"]').count()).toBe(9);
    expect(await page.getByTestId('case-history').innerText()).toContain('復帰を記録する');
    await expectAccessible(page, 'returned case');
    await shot(page, 'exchanges-detail-returned-ja');
    realClock();
  });

  it('METI opens a hire (雇用継続型) without a person, the company names its employee, and the ministry walks it to the return', async () => {
    await signIn();
    const { page } = ministry;
    await page.goto('/exchanges/new');
    await expect.poll(() => h1(page)).toBe('交流案件の作成');
    await page.getByTestId('direction-hire').check();
    await page.getByTestId('hireType-continued').check();
    // The ministry does not see the company's people: the company names the employee on the case.
    expect(await page.getByTestId('pick-person').count()).toBe(0);
    expect(await page.getByTestId('person-named-by-company').innerText()).toContain('民間企業等の人事担当者が案件の画面で指定します');
    await shot(page, 'exchanges-new-hire-ja');
    await page.locator('#f-case-unitId').selectOption({ label: '秘書課' });
    await page.locator('#f-case-postTitle').fill('専門職（デジタル政策）');
    const picker = page.getByTestId('pick-company');
    await picker.getByRole('searchbox').fill(companyName);
    await picker.getByRole('searchbox').press('Enter');
    await picker.getByRole('radio', { name: companyName }).check();
    await page.locator('#f-case-plannedStart').fill(start);
    await page.locator('#f-case-plannedEnd').fill(end);
    await page.getByTestId('new-case-submit').click();
    await page.getByTestId('case-detail').waitFor();
    hireId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.getByTestId('case-detail').innerText()).toContain('交流採用（雇用継続型）');
    expect(await page.getByTestId('case-person').innerText()).toContain('未指定（交流採用の対象者は、民間企業等の人事担当者が案件の画面で指定します）');
    expect(await page.getByTestId('name-person-section').count()).toBe(0);
    expect(await page.getByTestId('action-submit').innerText()).toContain('交流の対象となる職員・従業員を指定してください。');
    await page.getByTestId('guidance-table').waitFor();
    await shot(page, 'exchanges-hire-unnamed-ja');

    // The company names its employee: nothing chosen first, so the summary points at the list.
    const c = company.page;
    await openCase(c, hireId);
    const section = c.getByTestId('name-person-section');
    await section.waitFor();
    expect(await c.getByTestId('name-person-current').innerText()).toContain('まだ指定されていません');
    await c.getByTestId('name-person-save').click();
    const summary = section.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('対象となる従業員：選択してください。');
    await expect.poll(() => c.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    await summary.getByRole('link', { name: /対象となる従業員/ }).click();
    await expect.poll(() => c.evaluate(() => document.activeElement?.id)).toBe('f-name-person-personId');
    const employee = c.getByLabel(/対象となる従業員/);
    const option = employee.locator('option', { hasText: '早乙女 美咲' });
    expect(await option.count()).toBe(1);
    // Only the company's own employees are offered.
    expect(await employee.locator('option').allInnerTexts()).not.toContain('北条 真澄');
    await employee.selectOption((await option.getAttribute('value'))!);
    await expectAccessible(c, 'name the employee ja');
    await shot(c, 'exchanges-name-person-ja');
    await c.getByTestId('name-person-save').click();
    await expect.poll(() => c.getByTestId('case-outcome').innerText()).toContain('交流採用の対象者を「早乙女 美咲」として保存しました。');
    await expect.poll(() => c.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-outcome');
    await expect.poll(() => c.getByTestId('case-person').innerText()).toBe('早乙女 美咲');
    expect(await c.getByTestId('name-person-current').innerText()).toContain('早乙女 美咲');
    await switchTo(c, 'en');
    await expect.poll(() => section.locator('h2').innerText()).toBe('Employee for this hire');
    expect(await c.getByTestId('case-outcome').innerText()).toContain('Saved 早乙女 美咲 as the employee for this hire.');
    expect(await overflowsSideways(c)).toBe(false);
    await shot(c, 'exchanges-name-person-en');
    await backToJapanese(c);

    // The ministry now sees the name, and the step no longer asks for it.
    await openCase(ministry.page, hireId);
    expect(await ministry.page.getByTestId('case-person').innerText()).toBe('早乙女 美咲');
    expect(await ministry.page.getByTestId('action-submit').innerText()).not.toContain('交流の対象となる職員・従業員を指定してください。');
    await prepareDocuments(ministry.page, hireId, 'hire', 'screen');
    await expectAccessible(ministry.page, 'sheet on screen');
    await shot(ministry.page, 'exchanges-sheet-form-ja');
    await act(ministry.page, 'submit', 'submitted');
    await openCase(npa.page, hireId);
    await act(npa.page, 'start_review', 'under_review');
    await act(npa.page, 'approve_informally', 'informally_approved');
    await openCase(ministry.page, hireId);
    await act(ministry.page, 'apply_formally', 'formal_application');
    await openCase(npa.page, hireId);
    await act(npa.page, 'certify', 'certified');
    // Past 内諾 the company's choice is fixed: the section is gone.
    await openCase(company.page, hireId);
    expect(await company.page.getByTestId('name-person-section').count()).toBe(0);
    await openCase(ministry.page, hireId);
    await act(ministry.page, 'sign_agreement', 'agreement_signed');
    setToday(start);
    await openCase(ministry.page, hireId);
    await act(ministry.page, 'begin', 'active');
    setToday(end);
    await openCase(ministry.page, hireId);
    await act(ministry.page, 'return', 'returned', { returnPost: `${companyName} 経営企画部` });
    realClock();

    // The company's list shows both of its cases, returned.
    await company.page.goto('/exchanges?state=returned');
    await company.page.getByTestId('cases-table').waitFor();
    await expect.poll(async () => (await company.page.getByTestId('cases-table').locator('tbody tr').count())).toBeGreaterThanOrEqual(2);
  });

  it('a hire into a unit that licenses the home company is refused at submission by the 交流基準, then withdrawn', async () => {
    await signIn();
    const { page } = ministry;
    await page.goto('/exchanges?q=%E9%9B%BB%E5%8A%9B%E5%AE%89%E5%85%A8');
    await page.getByTestId('cases-table').waitFor();
    await page.getByTestId('cases-table').locator('tbody tr th a').first().click();
    await page.getByTestId('case-detail').waitFor();
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await prepareDocuments(page, id, 'hire');
    // Not checked yet: the step is offered, and the fresh check at submission refuses it.
    await page.getByTestId('action-submit-button').click();
    const alert = page.getByTestId('case-blocked');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('交流基準に抵触しています');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-outcome');
    expect(await stateOf(page)).toBe('consultation');
    // The kept verdict now names the rule, and the step stays disabled with the reason.
    await expect.poll(() => page.getByTestId('case-criteria-verdict').innerText()).toContain('交流不可');
    const rules = await page.getByTestId('case-criteria-rules').innerText();
    expect(rules).toContain('許認可権限等を有する国の機関と民間企業等との間の人事交流');
    expect(rules).toContain('に対する許認可等の事務を所掌しているため');
    expect(await page.getByTestId('action-submit-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('action-submit-blocks').innerText()).toContain('交流基準に抵触しています');
    await expectAccessible(page, 'criteria refusal');
    await shot(page, 'exchanges-criteria-refused-ja');
    await switchTo(page, 'en');
    await expect.poll(() => page.getByTestId('case-blocked').innerText()).toContain('The exchange criteria bar this exchange');
    await shot(page, 'exchanges-criteria-refused-en');
    await backToJapanese(page);
    await act(page, 'withdraw', 'withdrawn', { note: '受入れポストを見直すため取り下げる。' });
    expect(await page.getByTestId('case-steps-ended').innerText()).toContain('取下げ');
  });

  it('the ministry sets its follow-up interview interval on its list, refused out of range, kept after a reload', async () => {
    await signIn();
    const { page } = ministry;
    await page.goto('/exchanges');
    const settings = page.getByTestId('interview-settings');
    await settings.waitFor();
    const field = page.getByLabel(/フォローアップ面談の間隔（月）/);
    expect(await field.inputValue()).toBe('3');
    await field.fill('25');
    await page.getByTestId('interview-settings-save').click();
    const summary = settings.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('1から24までの整数で入力してください。');
    await field.fill('6');
    await page.getByTestId('interview-settings-save').click();
    await expect.poll(() => page.getByTestId('interview-settings-status').innerText()).toContain('フォローアップ面談の間隔を6か月として保存しました。');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('interview-settings-status');
    await expectAccessible(page, 'interview settings');
    await shot(page, 'exchanges-settings-ja');
    await switchTo(page, 'en');
    await expect.poll(() => page.locator('#settings-heading').innerText()).toBe('Interview settings');
    expect(await page.getByTestId('interview-settings-status').innerText()).toContain('Saved: follow-up interviews every 6 month(s).');
    await shot(page, 'exchanges-settings-en');
    await backToJapanese(page);
    await page.reload();
    await settings.waitFor();
    expect(await page.getByLabel(/フォローアップ面談の間隔（月）/).inputValue()).toBe('6');
    // Other roles are not offered it.
    await company.page.goto('/exchanges');
    await company.page.getByTestId('cases-table').waitFor();
    expect(await company.page.getByTestId('interview-settings').count()).toBe(0);
    // Back to the demo's three months for the browser tests that follow.
    await page.getByLabel(/フォローアップ面談の間隔（月）/).fill('3');
    await page.getByTestId('interview-settings-save').click();
    await expect.poll(() => page.getByTestId('interview-settings-status').innerText()).toContain('3か月');
  });
});
