// The single contact window (問合せ窓口) in a real browser, the inquiry part of issue 5's journey:
// the demo company publishes a sheet (through the API); METI's HR asks about it from the sheet's
// public page (an empty form first: the error summary); the center sees it with both names and
// forwards it with a note; the company, which does not see who asked, answers and agrees; METI
// agrees; both see both contacts (in Japanese and English), and nobody else does: not the center
// (it sees only that contacts were exchanged), not another company. Each page is checked with axe.
// Screenshots go to $KORYU_SHOTS when set.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeCorporateNumber } from '../common/src/corporate-number.ts';
import { DEMO_PASSWORD, expectAccessible, newPage, shot, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
// A fresh browser context logged in as `email` (demo password, or the one given), closed after the tests.
const { browser, contexts, as } = useBrowser(baseUrl);
let reference = '';
let inquiryPath = '';

/** A JSON call from the page, with the session's CSRF token. */
const call = (p: Page, method: string, url: string, body?: unknown) =>
  p.evaluate(
    async ({ method, url, body }) => {
      const s = await (await fetch('/api/auth/session')).json();
      const headers: Record<string, string> = { 'x-csrf-token': s.csrfToken ?? '' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: r.status, body: r.status === 204 ? null : await r.json() };
    },
    { method, url, body },
  );

const h1 = (p: Page) => p.locator('main h1').first().textContent();
const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');
const mainText = (p: Page) => p.locator('main').innerText();

describe('inquiries through the contact window', () => {
  it('the demo company publishes a sheet', async () => {
    const page = await as('company-hr@demo.koryu.jp');
    const session = await page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).account);
    const created = await call(page, 'POST', '/api/wishes', {
      kind: 'company',
      companyId: session.companyId,
      title: 'データ分析部での交流派遣の受入れ（E2E問合せ）',
      periodMonths: { min: 12, max: 24 },
      start: { from: '2027-04', to: '2027-10' },
      hosts: [{ place: 'データ分析部', fields: ['data'], duties: '需要予測モデルの構築と社内への展開' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await call(page, 'POST', `/api/wishes/${created.body.id}/publish`, { version: created.body.version });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    reference = created.body.reference;
    // The company does not get the ask form on its own sheet.
    await page.goto(`/wishes/${reference}`);
    await expect.poll(() => h1(page)).toContain('E2E問合せ');
    await page.locator('#wish-actions').waitFor({ state: 'attached' });
    expect(await page.getByTestId('ask-inquiry').count()).toBe(0);
  });

  it('METI asks from the sheet’s page: the empty form is refused, then the thread opens', async () => {
    const page = await as('meti-hr@demo.koryu.jp');
    await page.goto(`/wishes/${reference}`);
    const ask = page.getByTestId('ask-inquiry');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('双方が連絡先の交換に同意するまで');
    await page.getByTestId('ask-submit').click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.innerText()).toContain('件名：入力してください。');
    await expect.poll(() => focused(page)).toBe('error-summary');
    await expectAccessible(page, 'ask error ja');
    await shot(page, 'inquiry-ask-error-ja');

    await page.getByLabel('件名').fill('データ分析部での業務と期間について');
    await page.getByLabel('問合せ内容').fill('当省の課長補佐級職員1名の派遣を検討しています。担当する業務の規模と、1年間での受入れが可能か教えてください。');
    await page.getByTestId('ask-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/inquiries\/\d+$/);
    inquiryPath = new URL(page.url()).pathname;
    await expect.poll(() => mainText(page)).toContain('問合せを送信しました。');
    expect(await page.getByTestId('inquiry-status').innerText()).toContain('受付（窓口で確認中）');
    await expectAccessible(page, 'thread asked ja');
    await shot(page, 'inquiry-asked-ja');
  });

  it('the company cannot see it before the center forwards it', async () => {
    const page = await as('company-hr@demo.koryu.jp');
    const r = await call(page, 'GET', `/api${inquiryPath}`);
    expect(r.status).toBe(404);
    expect(r.body.error.message.ja).toBeTruthy();
  });

  it('the center sees both names and forwards it with a note', async () => {
    const page = await as('center@demo.koryu.jp');
    await page.goto('/inquiries?status=open');
    await expect.poll(() => h1(page)).toBe('問合せ（問合せ窓口）');
    const row = page.getByTestId('inquiries-table').locator('tbody tr', { hasText: 'データ分析部での業務と期間について' });
    await row.waitFor();
    expect(await row.innerText()).toContain('経済産業省');
    await expectAccessible(page, 'inquiries center ja');
    await shot(page, 'inquiries-center-ja');
    await row.getByRole('link', { name: 'データ分析部での業務と期間について' }).click();
    await page.getByTestId('forward-form').waitFor();
    await page.getByTestId('forward-note').fill('回答の目安は1週間です。ご対応をお願いします。');
    await page.getByTestId('forward-submit').click();
    await expect.poll(() => page.getByTestId('inquiry-outcome').innerText()).toContain('回送しました。');
    await expect.poll(() => page.getByTestId('inquiry-status').innerText()).toContain('回送済み');
    expect(await page.getByTestId('forward-form').count()).toBe(0);
    await expectAccessible(page, 'thread forwarded center ja');
    await shot(page, 'inquiry-forwarded-center-ja');
  });

  it('the company answers without seeing who asked, and agrees', async () => {
    const page = await as('company-hr@demo.koryu.jp');
    await page.goto('/inquiries?side=owner');
    await page.getByTestId('inquiries-table').getByRole('link', { name: 'データ分析部での業務と期間について' }).click();
    await expect.poll(() => page.getByTestId('inquiry-asker').innerText()).toBe('府省等（名称は連絡先の交換後に表示）');
    const text = await mainText(page);
    expect(text).toContain('回答の目安は1週間です。ご対応をお願いします。');
    expect(text).not.toContain('経済産業省');
    await page.getByTestId('reply-body').fill('需要予測の案件を2件担当いただく想定です。1年間での受入れも可能です。');
    await page.getByTestId('reply-submit').click();
    await expect.poll(() => page.getByTestId('inquiry-status').innerText()).toContain('回答済み');
    await page.getByTestId('agree').click();
    await page.getByTestId('agree-confirm').click();
    await expect.poll(() => page.getByTestId('inquiry-outcome').innerText()).toContain('相手方が同意すると連絡先が交換されます。');
    await expect.poll(() => page.getByTestId('agreement-mine').innerText(), { timeout: 10_000 }).toBe('同意済み');
    expect(await page.getByTestId('contacts-panel').count()).toBe(0);
    await expectAccessible(page, 'thread owner agreed ja');
    await shot(page, 'inquiry-owner-agreed-ja');
  });

  it('METI agrees: both contacts are shown to METI, in Japanese and English, and to the company', async () => {
    const page = await as('meti-hr@demo.koryu.jp');
    await page.goto(inquiryPath);
    await expect.poll(() => mainText(page), { timeout: 10_000 }).toContain('需要予測の案件を2件担当いただく想定です。');
    expect(await page.getByTestId('agreement-theirs').innerText()).toBe('同意済み');
    await page.getByTestId('agree').click();
    await page.getByTestId('agree-confirm').click();
    const contacts = page.getByTestId('contacts-panel');
    await expect.poll(() => contacts.innerText(), { timeout: 10_000 }).toContain('company-hr@demo.koryu.jp');
    expect(await contacts.innerText()).toContain('meti-hr@demo.koryu.jp');
    expect(await page.getByTestId('inquiry-status').innerText()).toContain('連絡先交換済み');
    await expectAccessible(page, 'contacts ja');
    await shot(page, 'inquiry-contacts-ja');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => contacts.innerText()).toContain('Exchanged contacts');
    expect(await page.getByTestId('inquiry-status').innerText()).toContain('Contacts exchanged');
    await expectAccessible(page, 'contacts en');
    await shot(page, 'inquiry-contacts-en');
    await page.getByTestId('lang-ja').click();

    const company = await as('company-hr@demo.koryu.jp');
    await company.goto(inquiryPath);
    await expect.poll(() => company.getByTestId('contacts-panel').innerText(), { timeout: 10_000 }).toContain('meti-hr@demo.koryu.jp');
    expect(await company.getByTestId('inquiry-asker').innerText()).toBe('府省等（名称は下の「交換された連絡先」に表示）');
    expect(await company.getByTestId('contact-asker').innerText()).toContain('経済産業省');
  });

  it('nobody else sees the contacts: the center sees only that they were exchanged; another company gets not found', async () => {
    const page = await as('center@demo.koryu.jp');
    await page.goto(inquiryPath);
    await expect.poll(() => page.getByTestId('agreement-state').innerText()).toContain('交換済み（連絡先の内容は窓口には表示されません）');
    expect(await page.getByTestId('contacts-panel').count()).toBe(0);
    const text = await mainText(page);
    expect(text).not.toContain('company-hr@demo.koryu.jp');
    expect(text).not.toContain('meti-hr@demo.koryu.jp');
    expect((await call(page, 'GET', `/api${inquiryPath}/contacts`)).status).toBe(403);
    await shot(page, 'inquiry-exchanged-center-ja');

    // A third company registers, the NPA approves it, and it finds nothing.
    const email = `e2e-third-${Date.now()}@example.jp`;
    const password = `${DEMO_PASSWORD}-third`;
    const { context, page: anon } = await newPage(browser(), baseUrl);
    contexts.push(context);
    await anon.goto('/');
    const reg = await call(anon, 'POST', '/api/registrations', {
      company: { corporateNumber: makeCorporateNumber(String(Date.now() + 7).slice(-12).padStart(12, '0')), name: '第三者問合せ試験株式会社', legalTypeCode: 'kabushiki_kaisha' },
      account: { email, displayName: '第三者 人事', password },
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const npa = await as('npa@demo.koryu.jp');
    expect((await call(npa, 'POST', `/api/registrations/${reg.body.accountId}/approve`)).status).toBe(204);
    const third = await as(email, password);
    expect((await call(third, 'GET', `/api${inquiryPath}`)).status).toBe(404);
    expect((await call(third, 'GET', `/api${inquiryPath}/contacts`)).status).toBe(404);
    expect((await call(third, 'GET', '/api/inquiries')).body.total).toBe(0);
    await third.goto(inquiryPath);
    await expect.poll(() => mainText(third)).toContain('ページが見つかりません');
    expect(await mainText(third)).not.toContain('meti-hr@demo.koryu.jp');
  });
});
