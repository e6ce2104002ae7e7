// Surveys (issue 7) in a real browser. A ministry HR user (meti-hr@) answers the open 2023 ministry
// survey of the demo: its organisation had a hire since 1 Nov 2021 but no dispatch since then, so it
// sees questions 9–13 and 15 and not 1–6 (the form shows exactly the questions the server says are
// visible); question 7-2 appears only after a 「どちらともいえない」 answer to 7; a 4th choice in an
// "up to 3" question is refused; submitting with required answers missing lists them in the error
// summary; then it submits. The NPA (npa@) opens the round's results and sees the chart of question 9
// with n = the number of submissions. axe runs on the form (with errors) and the results page,
// in Japanese and English, desktop and 375 px. Screenshots go to $KORYU_SHOTS when set.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, shot, switchLanguage, useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as } = useBrowser(baseUrl);
const h1 = (p: Page) => p.locator('main h1').first().textContent();

type MyForm = { targetId: number; visible: string[]; attributes: Record<string, unknown>; round: { id: number; title: { ja: string } } };

/** Answers every shown question that has no answer yet with its first option (radios, one checkbox, numbers, text). */
async function answerAllShown(page: Page): Promise<void> {
  const questions = page.locator('[data-testid^="question-"]');
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const radios = q.locator('input[type=radio]');
    if (await radios.count()) {
      const names = await radios.evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
      for (const name of names) {
        const group = q.locator(`input[type=radio][name="${name}"]`);
        if ((await group.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)) === 0) await group.first().check();
      }
      continue;
    }
    const boxes = q.locator('input[type=checkbox]');
    if (await boxes.count()) {
      if ((await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)) === 0) await boxes.first().check();
      continue;
    }
    const text = q.locator('textarea, input[type=text]');
    if ((await text.count()) && !(await text.first().inputValue())) await text.first().fill('1');
  }
}

describe('surveys: a ministry answers the 2023 survey, the NPA reads the results', () => {
  let roundId = 0;
  let targetId = 0;

  it('ministry HR answers along the condition-dependent path', async () => {
    const page = await as('meti-hr@demo.koryu.jp');
    await page.getByRole('navigation').getByRole('link', { name: '回答するアンケート' }).click();
    await expect.poll(() => h1(page)).toBe('回答するアンケート');
    const link = page.getByTestId('my-surveys-open').getByRole('link').first();
    await link.click();
    await page.getByTestId('survey-form').waitFor();
    targetId = Number(new URL(page.url()).pathname.split('/').pop());
    const form = (await page.evaluate(async (id) => (await fetch(`/api/surveys/my/${id}`)).json(), targetId)) as MyForm;
    roundId = form.round.id;

    // The demo organisation (経済産業省) had a hire since 2021-11-01 and no dispatch since then
    // (cli/demo-surveys.ts): the form shows questions 9–13 and 15 and NOT 1–6.
    const since = (d: unknown) => typeof d === 'string' && d >= '2021-11-01';
    expect(since(form.attributes.lastHireOn)).toBe(true);
    expect(since(form.attributes.lastDispatchOn)).toBe(false);
    for (const id of ['q09_hire_reasons', 'q10_hire_org_effects', 'q11_hire_no_effect', 'q12_hire_difficulties', 'q13_hire_support', 'q15_hire_start'])
      await expect.poll(() => page.getByTestId(`question-${id}`).count()).toBe(1);
    for (const id of ['q01_dispatch_reasons', 'q02_dispatch_org_effects', 'q03_dispatch_staff_effects', 'q04_dispatch_no_effect', 'q05_dispatch_positioning', 'q06_dispatch_selection']) {
      expect(await page.getByTestId(`question-${id}`).count(), id).toBe(0);
      expect(form.visible).not.toContain(id);
    }
    // The dispatch section's questions asked of everyone (7, 8) stay; 問1 is not in the page at all.
    await page.getByTestId('question-q07_dispatch_intention').waitFor();
    expect(await page.getByText('問1', { exact: true }).count()).toBe(0);
    // The form shows exactly what the server says is visible (same rules, server/src/modules/surveys/answers.ts).
    const shown = await page.locator('[data-testid^="question-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('question-'.length)));
    expect(shown.sort()).toEqual([...form.visible].sort());

    // 7-2 appears only for 「どちらともいえない」 / 消極的, and goes away again.
    expect(await page.getByTestId('question-q07b_dispatch_why_not').count()).toBe(0);
    await page.getByTestId('question-q07_dispatch_intention').getByLabel('どちらともいえない').check();
    await page.getByTestId('question-q07b_dispatch_why_not').waitFor();
    await expect.poll(() => page.getByTestId('survey-visibility-announce').textContent()).toContain('問7-2');
    await page.getByTestId('question-q07_dispatch_intention').locator('input[type=radio]').first().check();
    await expect.poll(() => page.getByTestId('question-q07b_dispatch_why_not').count()).toBe(0);

    // Up to 3: the 4th choice is refused with a message.
    const upTo = page.getByTestId('question-q17b_hire_qualities');
    const boxes = upTo.locator('input[type=checkbox]');
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await expect.poll(() => page.getByTestId('upto-status-q17b_hire_qualities').textContent()).toContain('3/3 選択中');
    await boxes.nth(3).click();
    expect(await boxes.nth(3).isChecked()).toBe(false);
    await expect.poll(() => page.getByTestId('upto-status-q17b_hire_qualities').textContent()).toContain('選択できるのは3つまでです');

    // Submitting with required answers missing: the summary lists them, the page stays, nothing stored.
    await page.getByTestId('survey-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('問9');
    expect(await summary.textContent()).toContain('必須');
    await expectAccessible(page, 'survey form with errors (ja)');
    await shot(page, 'survey-form-errors-ja');
    // The summary link takes the focus to the question.
    await summary.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^q-/);

    // The server refuses a 4th choice too (a client that skips the form): 400 with the question's message, nothing stored.
    const refused = (await page.evaluate(
      async ({ id, options }) => {
        const { csrfToken } = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
        const r = await fetch(`/api/surveys/my/${id}/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ answers: { q17b_hire_qualities: options } }),
        });
        return { status: r.status, body: await r.json() };
      },
      { id: targetId, options: await boxes.evaluateAll((els) => els.slice(0, 4).map((e) => (e as HTMLInputElement).value)) },
    )) as { status: number; body: { error: { code: string; fields: { path: string; message: { ja: string } }[] } } };
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.find((f) => f.path === 'answers.q17b_hire_qualities')?.message.ja).toContain('上位3つまで');
    expect(((await page.evaluate(async (id) => (await fetch(`/api/surveys/my/${id}`)).json(), targetId)) as { status: string }).status).not.toBe('submitted');

    // Draft, then answer the rest and submit.
    await page.getByTestId('survey-save-draft').click();
    await page.getByTestId('survey-draft-saved').waitFor();
    await answerAllShown(page);
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-submitted').waitFor();
    await expect.poll(() => page.getByTestId('survey-status').textContent()).toContain('回答済み');

    // English and a phone: the submitted answer read-only, the list says submitted.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/surveys');
    await switchLanguage(page, 'en');
    await expect.poll(() => h1(page)).toBe('My surveys');
    await expect.poll(() => page.getByTestId(`my-survey-${targetId}`).locator('xpath=ancestor::tr').textContent()).toContain('Submitted');
    await expectAccessible(page, 'my surveys (en, 375 px)');
    await shot(page, 'my-surveys-en-375');
    await switchLanguage(page, 'ja', { stored: true });
  });

  it('the NPA sees the results chart with the right n', async () => {
    const page = await as('npa@demo.koryu.jp');
    await page.goto('/admin/surveys');
    await expect.poll(() => h1(page)).toBe('アンケートの実施');
    // The anonymous participant round's answers were loaded without targets: the list shows them, not 0/0.
    const listed = (await page.evaluate(async () => (await fetch('/api/surveys/rounds')).json())) as {
      items: { id: number; state: string; anonymous: boolean; submitted: number; targets: number; definition: { key: string } }[];
    };
    const anon = listed.items.find((r) => r.definition.key === 'participant_survey' && r.state === 'closed')!;
    expect(anon).toMatchObject({ anonymous: true, submitted: 552, targets: 0 });
    await expect.poll(() => page.getByTestId(`round-${anon.id}`).locator('xpath=ancestor::tr').textContent()).toContain('552件（対象者の登録なし）');
    // The closed ministry round's gap analysis compares with that round by default, with the seed's headline.
    const ministryClosed = listed.items.find((r) => r.definition.key === 'ministry_survey' && r.state === 'closed')!;
    await page.getByTestId(`round-results-${ministryClosed.id}`).click();
    const gap = page.getByTestId('gap-analysis');
    await gap.waitFor();
    await expect.poll(() => gap.textContent()).toContain('約３割の回答者が');
    await expect.poll(() => page.locator('#gap-participant-round').inputValue()).toBe(String(anon.id));
    await page.goto('/admin/surveys');
    await page.getByTestId(`round-results-${roundId}`).click();
    await page.getByTestId('result-q09_hire_reasons').waitFor();
    const results = (await page.evaluate(async (id) => (await fetch(`/api/surveys/rounds/${id}/results`)).json(), roundId)) as {
      round: { submitted: number };
      questions: { id: string; n: number | null }[];
    };
    const q9 = results.questions.find((q) => q.id === 'q09_hire_reasons')!;
    expect(q9.n).toBeGreaterThanOrEqual(1);
    // n on the page = the server's n; the chart has rendered and its table has one row per item.
    await expect.poll(() => page.getByTestId('result-q09_hire_reasons').getAttribute('data-n')).toBe(String(q9.n));
    await expect.poll(() => page.getByTestId('result-n-q09_hire_reasons').textContent()).toContain(`ｎ＝${q9.n}`);
    const figure = page.getByTestId('figure-q09_hire_reasons');
    await expect.poll(() => figure.locator('[data-chart-state]').getAttribute('data-chart-state')).toBe('ready');
    expect(await figure.locator('svg').count()).toBeGreaterThan(0);
    expect(await figure.locator('tbody tr').count()).toBe(3);
    await expectAccessible(page, 'survey results (ja)');
    await shot(page, 'survey-results-ja');

    // The demo's closed round with answers: every question's n on the page is the server's n.
    const rounds = (await page.evaluate(async () => (await fetch('/api/surveys/rounds')).json())) as { items: { id: number; state: string; submitted: number }[] };
    const closed = rounds.items.find((r) => r.state === 'closed' && r.submitted > 0);
    if (closed) {
      await page.goto(`/admin/surveys/${closed.id}/results`);
      const res = (await page.evaluate(async (id) => (await fetch(`/api/surveys/rounds/${id}/results`)).json(), closed.id)) as { questions: { id: string; n: number | null; suppressed: boolean }[] };
      const shownQ = res.questions.filter((q) => !q.suppressed);
      expect(shownQ.length).toBeGreaterThan(0);
      await page.getByTestId(`result-${shownQ[0]!.id}`).waitFor();
      for (const q of shownQ) expect(await page.getByTestId(`result-${q.id}`).getAttribute('data-n')).toBe(String(q.n));
      await expect.poll(() => page.locator('[data-chart-state="ready"]').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'closed round results (ja)');
      await shot(page, 'survey-results-closed-ja');
    }

    // English on a phone: the same n.
    await page.goto('/admin/surveys');
    await switchLanguage(page, 'en');
    await expect.poll(() => h1(page)).toBe('Survey rounds');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId(`round-results-${roundId}`).click();
    await page.getByTestId('result-q09_hire_reasons').waitFor();
    await expect.poll(() => page.getByTestId('result-n-q09_hire_reasons').textContent()).toContain(`n = ${q9.n}`);
    await expectAccessible(page, 'survey results (en, 375 px)');
    await shot(page, 'survey-results-en-375');
    await switchLanguage(page, 'ja', { stored: true });
  });
});
