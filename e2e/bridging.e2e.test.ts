// Issue 5's whole bridging journey in a real browser, through the pages a person would use:
//   1. the demo company's HR writes a sheet in the editor — the skill 「ＧＸ戦略」 typed in full width,
//      「ｴﾈﾙｷﾞｰ事業」 in half-width katakana — and publishes it;
//   2. METI's HR finds it in the public listing (交流希望情報) with the half-width 「GX戦略」 and with
//      the half-width katakana 「ｶｰﾎﾞﾝﾆｭｰﾄﾗﾙ」, and opens it by its stable URL;
//   3. METI's HR writes its own hire wish (交流採用希望, asking for 「GX戦略」「エネルギー事業」) and, from
//      it, opens the matching suggestions: the company's sheet is there, its score explained term by
//      term in words (the skills found despite the width and kana differences);
//   4. from the suggestion it opens the sheet and asks about it (問合せ);
//   5. the center (問合せ窓口) forwards it;
//   6. METI agrees to exchange contacts, then the company answers and agrees;
//   7. each side sees the other's e-mail; the center sees only that contacts were exchanged; a third
//      company, registered through /register and approved by the NPA on its page, gets "not found"
//      for the thread and 404 from the thread's and the contacts' APIs.
// Key pages are checked with axe. Screenshots go to $KORYU_SHOTS when set.
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeCorporateNumber } from '../common/src/corporate-number.ts';
import { expectAccessible, newPage, shot, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
// A fresh browser context logged in as `email` (demo password, or the one given), closed after the tests.
const { browser, contexts, as } = useBrowser(baseUrl);

const COMPANY = 'company-hr@demo.koryu.jp';
const METI = 'meti-hr@demo.koryu.jp';
const CENTER = 'center@demo.koryu.jp';
const NPA = 'npa@demo.koryu.jp';

// Distinct per run, so a re-run against the same server (or the other browser tests) cannot confuse them.
const run = Date.now().toString(36).slice(-5);
const sheetTitle = `カーボンニュートラル推進室での交流（橋渡しE2E-${run}）`;
const wishTitle = `GX戦略の企画立案を担う人材（橋渡しE2E-${run}）`;
const subject = `GX戦略の人材交流についての問合せ（橋渡しE2E-${run}）`;

// What the steps hand on.
let reference = ''; // the company's sheet: WS-…
let inquiryPath = ''; // /inquiries/:id

/** An API call from the page, with the session's CSRF token (used only for checks that have no page). */
const call = (p: Page, method: string, url: string) =>
  p.evaluate(
    async ({ method, url }) => {
      const s = await (await fetch('/api/auth/session')).json();
      const r = await fetch(url, { method, headers: { 'x-csrf-token': s.csrfToken ?? '' } });
      return { status: r.status, body: r.status === 204 ? null : await r.json().catch(() => null) };
    },
    { method, url },
  );

const h1 = (p: Page) => p.locator('main h1').first().textContent();
const mainText = (p: Page) => p.locator('main').innerText();
const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true }).click();

/** Opens the thread with our subject from the 問合せ list, reached through the menu. */
async function openThread(p: Page): Promise<void> {
  await nav(p, '問合せ');
  await expect.poll(() => h1(p)).toBe('問合せ（問合せ窓口）');
  await p.getByTestId('inquiries-table').getByRole('link', { name: subject }).click();
  await expect.poll(() => new URL(p.url()).pathname).toBe(inquiryPath);
  await p.getByTestId('inquiry-status').waitFor();
}

async function agree(p: Page): Promise<void> {
  await p.getByTestId('agree').click();
  await p.getByTestId('agree-confirm').click();
}

describe('bridging a company and a ministry: sheet, search, suggestion, inquiry, contacts', () => {
  it('1. the company writes a sheet in the editor and publishes it', async () => {
    const page = await as(COMPANY);
    await nav(page, '自分の交流希望シート');
    await expect.poll(() => h1(page)).toBe('自分の交流希望シート');
    await page.getByTestId('new-wish-company').click();
    await expect.poll(() => h1(page)).toBe('交流希望シートの作成');
    const form = page.getByTestId('wish-form');
    await form.waitFor();
    await expectAccessible(page, 'new company sheet');

    await form.getByLabel('件名').fill(sheetTitle);
    // A place that can host an official (交流派遣) …
    const host = page.getByTestId('wish-host-0');
    await host.getByLabel('部署・業務の名称').fill('GX推進本部 カーボンニュートラル推進室');
    await host.getByLabel('エネルギー・環境').check();
    await host.getByLabel('業務内容').fill('脱炭素投資の事業計画の策定と、排出量の算定・開示の実務。');
    // … and the people it could send (交流採用): the distinctive skill typed in full width, one in half-width katakana.
    await page.getByTestId('wish-add-send').click();
    const send = page.getByTestId('wish-send-0');
    await send.waitFor();
    await send.getByLabel('エネルギー・環境').check();
    await send.getByLabel('政策立案・行政実務').check();
    await send.getByLabel('知識・スキル').fill('ＧＸ戦略、ｴﾈﾙｷﾞｰ事業、脱炭素');
    await send.getByLabel('年齢層').selectOption({ label: '30歳代' });
    await send.getByLabel('職位').selectOption({ label: '課長補佐級' });
    await form.getByLabel('備考').fill('交流派遣・交流採用のどちらも検討しています。');
    await shot(page, 'bridging-editor-ja');

    await page.getByTestId('wish-publish').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/my-wishes\/\d+$/);
    await expect.poll(() => page.getByTestId('wish-outcome').innerText()).toContain('公開しました。');
    expect(await page.getByTestId('wish-state').getAttribute('data-status')).toBe('published');
    const link = page.getByTestId('wish-public-link');
    reference = (await link.getAttribute('href'))!.split('/').pop()!;
    expect(reference).toMatch(/^WS-\d{6,}$/);
    await expectAccessible(page, 'company sheet published');
    await shot(page, 'bridging-published-ja');
  });

  it('2. METI finds it with the half-width 「GX戦略」 and with half-width katakana, and opens its stable URL', async () => {
    const page = await as(METI);
    await nav(page, '交流希望情報');
    await expect.poll(() => h1(page)).toBe('交流希望情報');
    await page.getByTestId('wish-results').waitFor();

    const submit = async (q: string) => {
      await page.getByTestId('wish-search-q').fill(q);
      await page.getByRole('button', { name: '検索', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
    };
    // Each search starts from an empty result (a word on no sheet), so the card showing up is the
    // answer to the search typed, not the listing left from before.
    const nothing = async () => {
      await submit(`存在しない語${run}`);
      await expect.poll(() => mainText(page)).toContain('条件に合う交流希望シートはありません。');
      expect(await page.getByTestId('wish-card').count()).toBe(0);
    };
    const search = async (q: string): Promise<Locator> => {
      await nothing();
      await submit(q);
      const card = page.getByTestId('wish-card').filter({ hasText: sheetTitle });
      await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
      return card;
    };
    // The sheet says 「ＧＸ戦略」 (full width) in a skill only; the search is typed in half width.
    const card = await search('GX戦略');
    expect(await card.getAttribute('data-reference')).toBe(reference);
    await expectAccessible(page, 'wishes search GX');
    await shot(page, 'bridging-search-ja');
    // The title says 「カーボンニュートラル」; half-width katakana finds it too.
    const again = await search('ｶｰﾎﾞﾝﾆｭｰﾄﾗﾙ');

    await again.getByRole('link', { name: sheetTitle }).click();
    await page.getByTestId('wish-sheet').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/wishes/${reference}`);
    await expect.poll(() => h1(page)).toBe(sheetTitle);
    expect(await mainText(page)).toContain('ＧＸ戦略');
    // The URL is stable: opened afresh, logged out, it shows the same sheet.
    const { context, page: anon } = await newPage(browser(), baseUrl);
    contexts.push(context);
    await anon.goto(`/wishes/${reference}`);
    await expect.poll(() => h1(anon)).toBe(sheetTitle);
    await expectAccessible(anon, 'sheet logged out');
  });

  it('3–4. METI writes its own hire wish, sees the company’s sheet suggested with each term explained, and asks about it', async () => {
    const page = await as(METI);
    await nav(page, '自分の交流希望シート');
    await page.getByTestId('new-wish-ministry_hire').click();
    await expect.poll(() => h1(page)).toBe('交流採用希望の作成');
    const form = page.getByTestId('wish-form');
    await form.waitFor();
    // The ministry is its own, fixed.
    expect(await form.innerText()).toContain('経済産業省');
    await form.getByLabel('件名').fill(wishTitle);
    await form.getByLabel('官職').fill('産業技術環境局 環境政策課 課長補佐');
    await form.getByLabel('業務内容').fill('GX推進戦略の企画立案と、企業の脱炭素投資を促す制度の設計。');
    const fields = page.getByTestId('wish-fields');
    await fields.getByLabel('エネルギー・環境').check();
    await fields.getByLabel('政策立案・行政実務').check();
    // Asked in half width and ordinary katakana: the sheet wrote 「ＧＸ戦略」「ｴﾈﾙｷﾞｰ事業」.
    await form.getByLabel('求める知識・スキル').fill('GX戦略、エネルギー事業');
    const ages = page.getByRole('group', { name: /^年齢層/ });
    await ages.getByLabel('30歳代').check();
    await ages.getByLabel('40歳代').check();
    await page.getByRole('group', { name: /^職位/ }).getByLabel('課長補佐級').check();
    await page.getByTestId('wish-publish').click();
    await expect.poll(() => page.getByTestId('wish-outcome').innerText()).toContain('公開しました。');

    await page.getByTestId('wish-suggestions-link').click();
    await expect.poll(() => h1(page)).toBe(`マッチング候補：${wishTitle}`);
    const suggestion = page.getByTestId('suggestion').filter({ has: page.getByRole('link', { name: sheetTitle, exact: true }) });
    await expect.poll(() => suggestion.count(), { timeout: 15_000 }).toBe(1);
    // Among the ranked candidates (not barred by the exchange criteria).
    expect(await page.getByTestId('suggestions-ranked').getByRole('link', { name: sheetTitle, exact: true }).count()).toBe(1);
    const details = suggestion.locator('details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    const rows = suggestion.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    const terms = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
    expect(terms.map((r) => r[0])).toEqual(['分野・業種', '知識・技能', '年齢層', '期間', '開始時期']);
    for (const r of terms) {
      expect(r[1], r.join(' | ')).toMatch(/^\d+%$/); // the weight
      expect(r[3]!.length, r.join(' | ')).toBeGreaterThan(5); // the sentence
    }
    const byTerm = Object.fromEntries(terms.map((r) => [r[0], r[3]]));
    // The two skills asked for were found on the sheet despite width and kana differences.
    expect(byTerm['知識・技能']).toContain('2件のうち2件が一致');
    expect(byTerm['知識・技能']).toContain('GX戦略');
    expect(byTerm['分野・業種']).toContain('2件のうち2件が一致');
    expect(byTerm['年齢層']).toContain('一致');
    expect(byTerm['期間']).toContain('重なります');
    expect(byTerm['開始時期']).toContain('重なります');
    expect(await suggestion.innerText()).toMatch(/\d+点（100点満点）/);
    await expectAccessible(page, 'suggestions');
    await shot(page, 'bridging-suggestions-ja');

    // 4. From the suggestion to the sheet, and the question through the contact window.
    await suggestion.getByRole('link', { name: sheetTitle, exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/wishes/${reference}`);
    const ask = page.getByTestId('ask-inquiry');
    await ask.waitFor();
    await ask.getByLabel('件名').fill(subject);
    await ask.getByLabel('問合せ内容').fill('当省で交流採用を検討しています。GX戦略の経験のある方の送り出しの可能性と、時期の見通しを教えてください。');
    await page.getByTestId('ask-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/inquiries\/\d+$/);
    inquiryPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('inquiry-status').innerText()).toContain('受付（窓口で確認中）');
    await expectAccessible(page, 'inquiry asked');
  });

  it('5. the center forwards it', async () => {
    const page = await as(CENTER);
    await openThread(page);
    // The window sees who asked.
    expect(await mainText(page)).toContain('経済産業省');
    await page.getByTestId('forward-note').fill('GX分野の交流採用のご相談です。ご回答をお願いします。');
    await page.getByTestId('forward-submit').click();
    await expect.poll(() => page.getByTestId('inquiry-status').innerText()).toContain('回送済み');
    await expectAccessible(page, 'inquiry forwarded (center)');
  });

  it('6. both agree, each on the thread page; then each sees the other’s e-mail', async () => {
    const meti = await as(METI);
    await openThread(meti);
    await agree(meti);
    await expect.poll(() => meti.getByTestId('agreement-mine').innerText(), { timeout: 10_000 }).toBe('同意済み');
    expect(await meti.getByTestId('contacts-panel').count()).toBe(0);
    expect(await mainText(meti)).not.toContain(COMPANY);

    const company = await as(COMPANY);
    await openThread(company);
    // Before the exchange the company does not know who asked.
    expect(await company.getByTestId('inquiry-asker').innerText()).toContain('名称は連絡先の交換後に表示');
    expect(await company.getByTestId('agreement-theirs').innerText()).toBe('同意済み');
    expect(await mainText(company)).not.toContain(METI);
    await company.getByTestId('reply-body').fill('GX戦略の経験者1名の送り出しが可能です。来年4月からを想定しています。');
    await company.getByTestId('reply-submit').click();
    await expect.poll(() => company.getByTestId('inquiry-status').innerText()).toContain('回答済み');
    await agree(company);
    const companyContacts = company.getByTestId('contacts-panel');
    await expect.poll(() => companyContacts.innerText().catch(() => ''), { timeout: 10_000 }).toContain(METI);
    expect(await company.getByTestId('contact-asker').innerText()).toContain('経済産業省');
    expect(await company.getByTestId('inquiry-status').innerText()).toContain('連絡先交換済み');
    await expectAccessible(company, 'contacts (company)');
    await shot(company, 'bridging-contacts-company-ja');
    expect((await call(company, 'GET', `/api${inquiryPath}/contacts`)).status).toBe(200);

    await meti.reload();
    const metiContacts = meti.getByTestId('contacts-panel');
    await expect.poll(() => metiContacts.innerText().catch(() => ''), { timeout: 10_000 }).toContain(COMPANY);
    expect(await mainText(meti)).toContain('GX戦略の経験者1名の送り出しが可能です。');
    await expectAccessible(meti, 'contacts (METI)');
    await shot(meti, 'bridging-contacts-meti-ja');
    const contacts = await call(meti, 'GET', `/api${inquiryPath}/contacts`);
    expect(contacts.status).toBe(200);
    expect(JSON.stringify(contacts.body)).toContain(COMPANY);
  });

  it('7. nobody else sees them: not the center, not another company', async () => {
    const center = await as(CENTER);
    await openThread(center);
    await expect.poll(() => center.getByTestId('agreement-state').innerText()).toContain('交換済み（連絡先の内容は窓口には表示されません）');
    expect(await center.getByTestId('contacts-panel').count()).toBe(0);
    const seen = await mainText(center);
    expect(seen).not.toContain(COMPANY);
    expect(seen).not.toContain(METI);
    // No page shows the window the contacts; their API refuses it.
    expect((await call(center, 'GET', `/api${inquiryPath}/contacts`)).status).toBe(403);

    // A third company registers through the public form …
    const email = `e2e-bridging-${run}@example.jp`;
    const password = `bridging-e2e-${run}-password`;
    const companyName = `株式会社橋渡し第三者${run}`;
    const { context, page: reg } = await newPage(browser(), baseUrl);
    contexts.push(context);
    await reg.goto('/');
    await reg.evaluate(() => window.localStorage.setItem('koryu.locale', 'ja'));
    await nav(reg, '民間企業等の登録');
    await reg.getByLabel('法人番号（13桁）').fill(makeCorporateNumber(String(Date.now() + 13).slice(-12).padStart(12, '0')));
    await reg.getByLabel(/^法人名(?!フリガナ)/).fill(companyName);
    await reg.getByLabel('法人の種類').selectOption({ label: '株式会社' });
    await reg.getByLabel('メールアドレス').fill(email);
    await reg.getByLabel('担当者氏名').fill('第三者 人事');
    await reg.getByLabel('パスワード').fill(password);
    await reg.getByTestId('register-submit').click();
    await expect.poll(() => reg.getByText('登録申請を受け付けました').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // … the NPA approves it on its page …
    const npa = await as(NPA);
    await nav(npa, '登録申請の承認');
    await npa.getByTestId('registrations-table').waitFor();
    await npa.getByRole('button', { name: `${companyName}（${email}）の申請を承認する` }).click();
    await expect.poll(() => npa.getByTestId('registration-outcome').innerText()).toContain('承認しました');

    // … and, logged in, finds nothing of the thread.
    const third = await as(email, password);
    await nav(third, '問合せ');
    await expect.poll(() => mainText(third)).toContain('問合せはありません。');
    await third.goto(inquiryPath);
    await expect.poll(() => mainText(third)).toContain('ページが見つかりません');
    const text = await mainText(third);
    expect(text).not.toContain(METI);
    expect(text).not.toContain(COMPANY);
    expect(text).not.toContain(subject);
    await expectAccessible(third, 'thread not found (third company)');
    await shot(third, 'bridging-third-not-found-ja');
    // No page to check the APIs from: called directly.
    expect((await call(third, 'GET', `/api${inquiryPath}`)).status).toBe(404);
    expect((await call(third, 'GET', `/api${inquiryPath}/contacts`)).status).toBe(404);
  });
});
