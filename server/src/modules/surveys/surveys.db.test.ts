// Surveys over the API (issue 7): NPA makes a round of the 2023 ministry template, targets and
// opens it; a ministry's HR answers a condition-dependent path (drafts, refused submissions that
// store nothing, one submission only, closed rounds refuse); NPA's results have the right n.
// 49 organisation and 552 participant generated answers: every view and export (JSON, CSV, xlsx,
// raw answers, gap analysis, filters) counts exactly what the raw answers say. Anonymous rounds:
// the answer rows hold no link to a person, account, target or time (checked column by column).
// Reminders: mailed once to non-respondents.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq, like, sql } from 'drizzle-orm';
import { auditLog, mailOutbox, organisations, orgUnits, surveyDrafts, surveyResponses, surveyRounds, surveyTargets } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { createAccount, createPerson, login, loginAs, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { expectBilingual } from '../../test/expect.ts';
import { runReminders } from '../exchanges/reminders.runner.ts';
import type { SurveyAnswerSet, SurveyDefinition } from '../../../../common/src/schemas/survey-definition.schema.ts';
import type { MySurveyForm, MySurvey, SurveyGapResponse, SurveyResultsResponse, SurveyRound } from '../../../../common/src/schemas/surveys-api.schema.ts';
import { allQuestions } from './definition.ts';
import { generateAnswers, generateResponses, organisationAttributes, participantAttributes, rng } from './generate.ts';
import { loadAnswers } from './surveys.load.ts';
import ministry from './templates/ministry-survey-2023.json' with { type: 'json' };
import participant from './templates/participant-survey-2023.json' with { type: 'json' };
import { parseDefinition } from './definition.ts';

const parsed = (j: unknown) => {
  const p = parseDefinition(j);
  if (!p.ok) throw new Error('template');
  return p.definition;
};
const ministryDef: SurveyDefinition = parsed(ministry);
const participantDef: SurveyDefinition = parsed(participant);

let t: TestApp;
let npa: Session;
let metiHr: Session;
let metiId = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-surveys-'));
const clockFile = path.join(tmp, 'today');
const setToday = (d: string) => fs.writeFileSync(clockFile, d);
const noSmtp = { smtpUrl: undefined, mailFrom: 'koryu <no-reply@koryu.test>' };

const responsesCount = async () => Number((await t.db.db.select({ n: count() }).from(surveyResponses))[0]!.n);
const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

async function newRound(body: Record<string, unknown>): Promise<SurveyRound> {
  return ok<SurveyRound>(
    await npa.req('POST', '/api/surveys/rounds', {
      definitionKey: 'ministry_survey',
      definitionVersion: 2023,
      title: { ja: '令和5年度 各府省等アンケート', en: 'Ministry survey 2023' },
      opensOn: '2023-11-08',
      closesOn: '2023-12-21',
      ...body,
    }),
    201,
  );
}

beforeAll(async () => {
  setToday('2023-11-10');
  t = await testApp({ KORYU_CLOCK_FILE: clockFile });
  npa = await loginAs(t, 'npa');
  metiId = await orgId(t, '経済産業省');
  metiHr = await loginAs(t, 'ministry_hr', { organisationId: metiId });
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('answering the 2023 ministry survey (condition-dependent path)', () => {
  let round: SurveyRound;
  let targetId = 0;
  // METI had a hire since 2021-11-01 but no dispatch: questions 9–13 and 15 are shown, 1–6 are not.
  const attributes = { organisationType: 'ministry', lastDispatchOn: '2020-03-31', lastHireOn: '2023-06-30' };

  it('NPA sees the shipped templates and previews one', async () => {
    const list = ok<{ items: { key: string; version: number; questionCount: number; template: string | null }[] }>(await npa.req('GET', '/api/surveys/definitions'));
    expect(list.items.map((d) => `${d.key}@${d.version}`).sort()).toEqual(['ministry_survey@2023', 'participant_survey@2023']);
    const d = ok<{ definition: SurveyDefinition }>(await npa.req('GET', '/api/surveys/definitions/ministry_survey/2023'));
    expect(allQuestions(d.definition)).toHaveLength(20);
    // respondents and other roles may not manage
    expectBilingual(await metiHr.req('GET', '/api/surveys/definitions'), 403);
  });

  it('NPA creates a round, targets organisations and opens it', async () => {
    round = await newRound({});
    expect(round.state).toBe('draft');
    const mof = await orgId(t, '財務省');
    // opening without targets is refused
    expectBilingual(await npa.req('POST', `/api/surveys/rounds/${round.id}/open`, {}), 422);
    const added = ok<{ added: number; total: number }>(await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { organisationIds: [metiId, mof] }));
    expect(added).toMatchObject({ added: 2, total: 2 });
    // again: nothing new
    expect(ok<{ added: number; alreadyTargeted: number }>(await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { organisationIds: [metiId] }))).toMatchObject({ added: 0, alreadyTargeted: 1 });
    // participants cannot be added to an organisation round
    expectBilingual(await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { personIds: [1] }), 400);
    const targets = ok<{ items: { id: number; organisationId: number; attributes: Record<string, unknown> }[] }>(await npa.req('GET', `/api/surveys/rounds/${round.id}/targets`));
    targetId = targets.items.find((x) => x.organisationId === metiId)!.id;
    expect(targets.items[0]!.attributes).toMatchObject({ organisationType: 'ministry', lastHireOn: null, lastDispatchOn: null });
    // the exchange records of the test database are empty: set what they would say
    await t.db.db.update(surveyTargets).set({ attributes }).where(eq(surveyTargets.id, targetId));
    // a draft round is not visible to respondents
    expect(ok<{ items: MySurvey[] }>(await metiHr.req('GET', '/api/surveys/my')).items).toHaveLength(0);
    round = ok<SurveyRound>(await npa.req('POST', `/api/surveys/rounds/${round.id}/open`, { version: round.version }));
    expect(round).toMatchObject({ state: 'open', acceptingAnswers: true, targets: 2, submitted: 0 });
    const audit = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'survey_round.open'));
    expect(audit).toHaveLength(1);
    // the definition is frozen
    const defs = ok<{ items: { key: string; frozenAt: string | null }[] }>(await npa.req('GET', '/api/surveys/definitions'));
    expect(defs.items.find((d) => d.key === 'ministry_survey')!.frozenAt).not.toBeNull();
  });

  it('the HR user sees the survey, saves a draft and gets the form back', async () => {
    const mine = ok<{ items: MySurvey[] }>(await metiHr.req('GET', '/api/surveys/my'));
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ targetId, status: 'not_started', respondent: { ja: '経済産業省' } });
    const form = ok<MySurveyForm>(await metiHr.req('GET', `/api/surveys/my/${targetId}`));
    expect(form.visible).toContain('q09_hire_reasons');
    expect(form.visible).not.toContain('q01_dispatch_reasons');
    expect(form.visible).not.toContain('q16b_hire_why_not'); // shown only after answering q16 with neutral / reduce
    const draft = ok<{ visible: string[]; pending: unknown[] }>(await metiHr.req('PUT', `/api/surveys/my/${targetId}/draft`, { answers: { q16_hire_intention: 'neutral' } }));
    expect(draft.visible).toContain('q16b_hire_why_not');
    expect(draft.pending.length).toBeGreaterThan(0);
    const again = ok<MySurveyForm>(await metiHr.req('GET', `/api/surveys/my/${targetId}`));
    expect(again.status).toBe('draft');
    expect(again.answers).toEqual({ q16_hire_intention: 'neutral' });
    // another ministry's HR does not see it (404, as if missing)
    const mofHr = await loginAs(t, 'ministry_hr', { organisationId: await orgId(t, '総務省') });
    expectBilingual(await mofHr.req('GET', `/api/surveys/my/${targetId}`), 404);
    expectBilingual(await mofHr.req('POST', `/api/surveys/my/${targetId}/submit`, { answers: {} }), 404);
  });

  const fullAnswers = (): SurveyAnswerSet => {
    const a = generateAnswers(ministryDef, attributes, rng(3));
    a.q16_hire_intention = 'neutral';
    a.q16b_hire_why_not = ['no_post', 'coordination_burden'];
    a.q17b_hire_qualities = ['adaptability', 'expertise'];
    return a;
  };

  it('refuses too many choices, a missing required answer, with ja/en per question, storing nothing', async () => {
    const tooMany = { ...fullAnswers(), q17b_hire_qualities: ['adaptability', 'expertise', 'communication', 'initiative'] };
    const e1 = expectBilingual(await metiHr.req('POST', `/api/surveys/my/${targetId}/submit`, { answers: tooMany }), 400);
    expect(e1.code).toBe('validation_failed');
    expect(e1.fields).toEqual([expect.objectContaining({ path: 'answers.q17b_hire_qualities', code: 'survey.too_many_choices' })]);
    expect(e1.fields![0]!.message.ja).toContain('上位3つまで');

    const missing = fullAnswers();
    delete missing.q16b_hire_why_not; // required once q16 is neutral
    const e2 = expectBilingual(await metiHr.req('POST', `/api/surveys/my/${targetId}/submit`, { answers: missing }), 400);
    expect(e2.fields).toEqual([expect.objectContaining({ path: 'answers.q16b_hire_why_not', code: 'survey.required' })]);

    expect(await responsesCount()).toBe(0);
    const [target] = await t.db.db.select().from(surveyTargets).where(eq(surveyTargets.id, targetId));
    expect(target!.submitted).toBe(false);
    // the draft is still there
    expect(await t.db.db.select().from(surveyDrafts).where(eq(surveyDrafts.targetId, targetId))).toHaveLength(1);
  });

  it('submits once; the draft is gone; a second submission is refused', async () => {
    const answers = { ...fullAnswers(), q01_dispatch_reasons: { skills: 'strongly_agree' } }; // hidden: dropped
    const r = ok<{ submitted: boolean; dropped: string[]; submittedAt: string | null }>(await metiHr.req('POST', `/api/surveys/my/${targetId}/submit`, { answers }));
    expect(r.dropped).toEqual(['q01_dispatch_reasons']);
    expect(r.submittedAt).not.toBeNull();
    expect(await responsesCount()).toBe(1);
    expect(await t.db.db.select().from(surveyDrafts).where(eq(surveyDrafts.targetId, targetId))).toHaveLength(0);
    const [resp] = await t.db.db.select().from(surveyResponses);
    expect(resp).toMatchObject({ anonymous: false, targetId, roundId: round.id });
    expect((resp!.answers as SurveyAnswerSet).q01_dispatch_reasons).toBeUndefined();

    const e = expectBilingual(await metiHr.req('POST', `/api/surveys/my/${targetId}/submit`, { answers }), 409);
    expect(e.code).toBe('survey_already_submitted');
    expectBilingual(await metiHr.req('PUT', `/api/surveys/my/${targetId}/draft`, { answers: {} }), 409);
    expect(await responsesCount()).toBe(1);
    const form = ok<MySurveyForm>(await metiHr.req('GET', `/api/surveys/my/${targetId}`));
    expect(form.status).toBe('submitted');
    expect(form.answers.q16_hire_intention).toBe('neutral');
    const audit = (await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'survey.submit')))[0]!;
    expect(audit.recordId).toBe(String(targetId));
  });

  it('NPA sees the results with the right n', async () => {
    const r = ok<SurveyResultsResponse>(await npa.req('GET', `/api/surveys/rounds/${round.id}/results`));
    expect(r.respondents).toBe(1);
    expect(r.round).toMatchObject({ targets: 2, submitted: 1 });
    const q = (id: string) => r.questions.find((x) => x.id === id)!;
    expect(q('q09_hire_reasons').n).toBe(1);
    expect(q('q01_dispatch_reasons')).toMatchObject({ n: 0, eligible: 0 });
    expect(q('q16b_hire_why_not')).toMatchObject({ n: 1, eligible: 1 });
    const q16b = q('q16b_hire_why_not');
    if (q16b.type !== 'multiple') throw new Error('type');
    expect(q16b.options.filter((o) => o.count === 1).map((o) => o.id)).toEqual(['no_post', 'coordination_burden']);
    // respondents may not read results
    expectBilingual(await metiHr.req('GET', `/api/surveys/rounds/${round.id}/results`), 403);
  });

  it('after closing (by NPA or by the date) answers are refused with a clear message and nothing stored', async () => {
    const mofTarget = ok<{ items: { id: number; organisationId: number }[] }>(await npa.req('GET', `/api/surveys/rounds/${round.id}/targets`)).items.find((x) => x.organisationId !== metiId)!;
    const mofHr = await loginAs(t, 'ministry_hr', { organisationId: mofTarget.organisationId });
    const answers = generateAnswers(ministryDef, { organisationType: 'ministry', lastDispatchOn: null, lastHireOn: null }, rng(5));
    // past the closing date
    setToday('2023-12-22');
    const e = expectBilingual(await mofHr.req('POST', `/api/surveys/my/${mofTarget.id}/submit`, { answers }), 422);
    expect(e.code).toBe('survey_closed');
    expect(e.message.ja).toContain('2023-12-21');
    setToday('2023-11-10');
    ok(await npa.req('POST', `/api/surveys/rounds/${round.id}/close`, {}));
    const e2 = expectBilingual(await mofHr.req('POST', `/api/surveys/my/${mofTarget.id}/submit`, { answers }), 422);
    expect(e2.code).toBe('survey_closed');
    expectBilingual(await mofHr.req('PUT', `/api/surveys/my/${mofTarget.id}/draft`, { answers }), 422);
    expect(await responsesCount()).toBe(1);
    expect(await t.db.db.select().from(surveyDrafts)).toHaveLength(0);
  });
});

// ---------------------------------------------------------------- 49 + 552 generated answers

type Tally = Map<string, number>; // "question|item|option" → count
function rawTally(def: SurveyDefinition, answers: SurveyAnswerSet[]) {
  const counts: Tally = new Map();
  const n = new Map<string, number>(); // "question|item" → n
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const a of answers) {
    for (const q of allQuestions(def)) {
      const v = a[q.id];
      if (v === undefined || v === null) continue;
      if (q.type === 'matrix') {
        for (const [item, opt] of Object.entries(v as Record<string, string>)) {
          add(counts, `${q.id}|${item}|${opt}`);
          add(n, `${q.id}|${item}`);
        }
      } else if (Array.isArray(v)) {
        for (const o of v) add(counts, `${q.id}||${o}`);
        add(n, `${q.id}|`);
      } else if (typeof v === 'string' && q.type !== 'text') {
        add(counts, `${q.id}||${v}`);
        add(n, `${q.id}|`);
      } else add(n, `${q.id}|`);
    }
  }
  return { counts, n };
}

function apiTally(r: SurveyResultsResponse) {
  const counts: Tally = new Map();
  const n = new Map<string, number>();
  for (const q of r.questions) {
    if (q.type === 'matrix') {
      for (const it of q.items) {
        if (it.n) n.set(`${q.id}|${it.id}`, it.n);
        for (const o of it.options) if (o.count) counts.set(`${q.id}|${it.id}|${o.id}`, o.count);
      }
    } else {
      if (q.n) n.set(`${q.id}|`, q.n);
      if (q.type !== 'number' && q.type !== 'text') for (const o of q.options) if (o.count) counts.set(`${q.id}||${o.id}`, o.count);
    }
  }
  return { counts, n };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

/** CSV / xlsx rows (header: …, 設問ID, 形式, 項目ID, …, 選択肢ID, …, 回答数, n, …) → tally. */
function exportTally(rows: (string | number | null)[][]) {
  const [header, ...body] = rows;
  const col = (name: string) => header!.indexOf(name);
  const [qi, ii, oi, ci, ni, ti] = [col('設問ID'), col('項目ID'), col('選択肢ID'), col('回答数'), col('n'), col('形式')];
  const counts: Tally = new Map();
  const n = new Map<string, number>();
  for (const r of body) {
    const count = Number(r[ci] ?? 0);
    const key = `${r[qi]}|${r[ii] ?? ''}`;
    if (r[ti] !== 'number' && r[ti] !== 'text' && count) counts.set(`${key}|${r[oi]}`, count);
    if (r[ni] !== '' && r[ni] !== null && Number(r[ni])) n.set(key, Number(r[ni]));
  }
  return { counts, n };
}

describe('49 organisations and 552 participants: every view and export equals the raw answers', () => {
  let orgRound: SurveyRound;
  let partRound: SurveyRound;
  const orgAnswers: SurveyAnswerSet[] = [];
  const orgAttrs = organisationAttributes(1);
  let partAnswers: SurveyAnswerSet[] = [];

  beforeAll(async () => {
    // 42 organisations + 7 HR lines answering separately = 49 respondents (seed 004 line 7: ４９組織)
    orgRound = await newRound({ title: { ja: '各府省等アンケート（生成）', en: 'Ministry survey (generated)' }, opensOn: '2023-11-01', closesOn: '2023-11-30' });
    const units = await t.db.db.select({ id: orgUnits.id }).from(orgUnits).innerJoin(organisations, eq(organisations.id, orgUnits.organisationId)).where(eq(orgUnits.kind, 'bureau')).limit(7);
    expect(units).toHaveLength(7);
    ok(await npa.req('POST', `/api/surveys/rounds/${orgRound.id}/targets`, { allOrganisations: true, orgUnitIds: units.map((u) => u.id) }));
    const targets = await t.db.db.select().from(surveyTargets).where(eq(surveyTargets.roundId, orgRound.id)).orderBy(surveyTargets.id);
    expect(targets).toHaveLength(49);
    const generated = generateResponses(ministryDef, orgAttrs, 11);
    await inTransaction(t.db.db, async (tx) => {
      for (const [i, tg] of targets.entries()) await tx.update(surveyTargets).set({ attributes: orgAttrs[i]! }).where(eq(surveyTargets.id, tg.id));
      await loadAnswers(tx, { id: orgRound.id, anonymous: false }, ministryDef, generated.map((g, i) => ({ targetId: targets[i]!.id, ...g })));
    });
    orgAnswers.push(...generated.map((g) => g.answers));
    ok(await npa.req('POST', `/api/surveys/rounds/${orgRound.id}/open`, {}));
    ok(await npa.req('POST', `/api/surveys/rounds/${orgRound.id}/close`, {}));

    partRound = ok<SurveyRound>(
      await npa.req('POST', '/api/surveys/rounds', {
        definitionKey: 'participant_survey',
        definitionVersion: 2023,
        title: { ja: '交流採用者アンケート（生成）', en: 'Participant survey (generated)' },
        opensOn: '2023-11-01',
        closesOn: '2023-11-30',
        anonymous: true,
        minN: 10,
      }),
      201,
    );
    const pr = generateResponses(participantDef, participantAttributes(), 12);
    await inTransaction(t.db.db, (tx) => loadAnswers(tx, { id: partRound.id, anonymous: true }, participantDef, pr));
    partAnswers = pr.map((p) => p.answers);
  }, 60_000);

  it('JSON results: counts and n equal the raw answers', async () => {
    const r = ok<SurveyResultsResponse>(await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/results`));
    expect(r.respondents).toBe(49);
    const raw = rawTally(ministryDef, orgAnswers);
    const api = apiTally(r);
    expect(api.counts).toEqual(raw.counts);
    expect(api.n).toEqual(raw.n);
    // the seed's splits: 16 asked the dispatch questions, 34 the hire questions
    expect(r.questions.find((q) => q.id === 'q01_dispatch_reasons')!.eligible).toBe(16);
    expect(r.questions.find((q) => q.id === 'q09_hire_reasons')!.eligible).toBe(34);
    const p = ok<SurveyResultsResponse>(await npa.req('GET', `/api/surveys/rounds/${partRound.id}/results`));
    expect(p.respondents).toBe(552);
    expect(p.questions.find((q) => q.id === 'p03_support_wanted')!.n).toBe(552);
    const praw = rawTally(participantDef, partAnswers);
    expect(apiTally(p).counts).toEqual(praw.counts);
    expect(apiTally(p).n).toEqual(praw.n);
    const texts = p.questions.find((q) => q.id === 'p04_comments')!;
    expect(texts.type === 'text' && texts.texts.length).toBe(partAnswers.filter((a) => typeof a.p04_comments === 'string').length);
  });

  it('filters: ministries only, and executive agencies only, each equal the raw subset', async () => {
    for (const type of ['ministry', 'executive_agency'] as const) {
      const r = ok<SurveyResultsResponse>(await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/results?organisationType=${type}`));
      const subset = orgAnswers.filter((_, i) => orgAttrs[i]!.organisationType === type);
      expect(r.respondents).toBe(subset.length);
      const raw = rawTally(ministryDef, subset);
      expect(apiTally(r).counts).toEqual(raw.counts);
      expect(apiTally(r).n).toEqual(raw.n);
    }
  });

  it('CSV and xlsx exports equal the raw answers', async () => {
    const raw = rawTally(ministryDef, orgAnswers);
    const csv = await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/results.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const fromCsv = exportTally(parseCsv(csv.body));
    expect(fromCsv.counts).toEqual(raw.counts);
    expect(fromCsv.n).toEqual(raw.n);

    const xlsx = await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('集計')!;
    const rows: (string | number | null)[][] = [];
    ws.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1).map((v) => (v === undefined ? '' : v))));
    const fromXlsx = exportTally(rows);
    expect(fromXlsx.counts).toEqual(raw.counts);
    expect(fromXlsx.n).toEqual(raw.n);

    // participants (anonymous) too
    const pcsv = await npa.req('GET', `/api/surveys/rounds/${partRound.id}/results.csv`);
    expect(exportTally(parseCsv(pcsv.body)).counts).toEqual(rawTally(participantDef, partAnswers).counts);
  });

  it('raw answers (identified round): 49 rows, audited; refused for the anonymous round', async () => {
    const before = Number((await t.db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'survey_round.read_raw_answers')))[0]!.n);
    const csv = await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/answers.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = parseCsv(csv.body);
    expect(rows).toHaveLength(50);
    // q07 (single, asked of everyone): the column's labels count as the raw answers
    const header = rows[0]!;
    const col = header.findIndex((h) => h.startsWith('7 '));
    expect(col).toBeGreaterThan(0);
    const expand = ministryDef.sections[0]!.questions.find((q) => q.id === 'q07_dispatch_intention')!;
    const label = 'options' in expand ? expand.options.find((o) => o.id === 'expand')!.label.ja : '';
    expect(rows.slice(1).filter((r) => r[col] === label).length).toBe(orgAnswers.filter((a) => a.q07_dispatch_intention === 'expand').length);
    const after = Number((await t.db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'survey_round.read_raw_answers')))[0]!.n);
    expect(after).toBe(before + 1);
    const x = await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/answers.xlsx`);
    expect(x.statusCode).toBe(200);
    expectBilingual(await npa.req('GET', `/api/surveys/rounds/${partRound.id}/answers.csv`), 422);
  });

  it('gap analysis: participant and organisation shares equal the raw counts', async () => {
    const g = ok<SurveyGapResponse>(await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/gaps?participantRound=${partRound.id}`));
    expect(g.gaps).toHaveLength(1);
    const rows = g.gaps[0]!.rows;
    const culture = rows.find((r) => r.organisationOption === 'culture_rules')!;
    const pCount = partAnswers.filter((a) => (a.p03_support_wanted as string[] | undefined)?.includes('culture_rules')).length;
    const oCount = orgAnswers.filter((a) => (a.q13_hire_support as string[] | undefined)?.includes('culture_rules')).length;
    expect(culture.participant).toMatchObject({ count: pCount, n: 552 });
    expect(culture.organisation).toMatchObject({ count: oCount, n: orgAnswers.filter((a) => a.q13_hire_support).length });
    expect(g.gaps[0]!.headline === null || g.gaps[0]!.headline.ja.length > 0).toBe(true);
  });

  it('gap analysis without a participant round: the latest closed one with answers, not an open empty one; the rounds list counts its answer rows', async () => {
    // The participant round closes (its 552 answers were loaded without targets), and a later
    // anonymous round of the same survey is open with no answers yet (as in the demo).
    await t.db.db.update(surveyRounds).set({ state: 'closed', openedAt: '2023-11-01T00:00:00Z', closedAt: '2023-11-30T15:00:00Z' }).where(eq(surveyRounds.id, partRound.id));
    const later = await newRound({ definitionKey: 'participant_survey', title: { ja: '交流経験者アンケート（受付中）', en: 'Participants (open)' }, opensOn: '2024-11-01', closesOn: '2099-11-30', anonymous: true, minN: 5 });
    await t.db.db.update(surveyRounds).set({ state: 'open', openedAt: '2024-11-01T00:00:00Z' }).where(eq(surveyRounds.id, later.id));

    const g = ok<SurveyGapResponse>(await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/gaps`));
    expect(g.participantRound!.id).toBe(partRound.id);
    const culture = g.gaps[0]!.rows.find((r) => r.organisationOption === 'culture_rules')!;
    const pCount = partAnswers.filter((a) => (a.p03_support_wanted as string[] | undefined)?.includes('culture_rules')).length;
    expect(culture.participant).toMatchObject({ count: pCount, n: 552 });
    // the generated answers have the seed's ~60% (seed 004 line 698), and the gap has a headline
    expect(Math.abs(culture.participant!.share - 0.6)).toBeLessThan(0.01);
    expect(g.gaps[0]!.headline?.ja).toBeTruthy();

    // the rounds list and the round: the anonymous round's 552 answer rows, with no targets (not 0/0)
    const rounds = (ok<{ items: SurveyRound[] }>(await npa.req('GET', '/api/surveys/rounds'))).items;
    expect(rounds.find((r) => r.id === partRound.id)).toMatchObject({ submitted: 552, targets: 0, anonymous: true });
    expect(rounds.find((r) => r.id === later.id)).toMatchObject({ submitted: 0, targets: 0 });
    expect(rounds.find((r) => r.id === orgRound.id)).toMatchObject({ submitted: 49, targets: 49, responseRate: 1 });
    expect(ok<SurveyRound>(await npa.req('GET', `/api/surveys/rounds/${partRound.id}`))).toMatchObject({ submitted: 552, targets: 0 });
    const rows = Number((await t.db.db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.roundId, partRound.id)))[0]!.n);
    expect(rows).toBe(552);
  });

  it('PDF report with charts', async () => {
    const pdf = await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/report.pdf?lang=ja`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const en = await npa.req('GET', `/api/surveys/rounds/${partRound.id}/report.pdf?lang=en`);
    expect(en.statusCode).toBe(200);
  }, 60_000);

  it('comparison across rounds of the same survey', async () => {
    const first = ok<SurveyRound[]>(await npa.req('GET', '/api/surveys/rounds').then((r) => ({ ...r, json: () => (r.json() as { items: SurveyRound[] }).items })));
    const earlier = first.find((r) => r.definition.key === 'ministry_survey' && r.id !== orgRound.id)!;
    const r = ok<SurveyResultsResponse>(await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/results?compareWith=${earlier.id}`));
    expect(r.comparison!.round.id).toBe(earlier.id);
    expect(r.comparison!.deltas.length).toBeGreaterThan(0);
    expectBilingual(await npa.req('GET', `/api/surveys/rounds/${orgRound.id}/results?compareWith=${partRound.id}`), 422);
  });
});

// ---------------------------------------------------------------- anonymity at the database level

describe('anonymous rounds store no link from an answer to its respondent', () => {
  it('answer rows: no target, account, person or time; attributes coarsened; audit names no response', async () => {
    const personId = await createPerson(t, metiId);
    const acc = await createAccount(t, 'participant', { personId });
    const person = await login(t, acc.email);
    const round = ok<SurveyRound>(
      await npa.req('POST', '/api/surveys/rounds', {
        definitionKey: 'participant_survey',
        definitionVersion: 2023,
        title: { ja: '無記名テスト', en: 'Anonymous test' },
        opensOn: '2023-11-01',
        closesOn: '2023-12-31',
        anonymous: true,
        minN: 3,
      }),
      201,
    );
    ok(await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { personIds: [personId] }));
    ok(await npa.req('POST', `/api/surveys/rounds/${round.id}/open`, {}));
    const mine = ok<{ items: MySurvey[] }>(await person.req('GET', '/api/surveys/my'));
    const targetId = mine.items.find((m) => m.round.id === round.id)!.targetId;
    const answers = generateAnswers(participantDef, { direction: 'hire' }, rng(9));
    ok(await person.req('PUT', `/api/surveys/my/${targetId}/draft`, { answers }));
    const sub = ok<{ submittedAt: string | null }>(await person.req('POST', `/api/surveys/my/${targetId}/submit`, { answers }));
    expect(sub.submittedAt).toBeNull();

    // every column of survey_responses, as the database has them
    const columns = rowsOf<{ column_name: string }>(
      await t.db.db.execute(sql`select column_name from information_schema.columns where table_name = 'survey_responses' order by ordinal_position`),
    ).map((c) => c.column_name);
    expect(columns).toEqual(['id', 'round_id', 'anonymous', 'target_id', 'submitted_by', 'submitted_at', 'attributes', 'answers']);
    const rows = rowsOf<Record<string, unknown>>(await t.db.db.execute(sql`select * from survey_responses where round_id = ${round.id}`));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.target_id).toBeNull();
    expect(row.submitted_by).toBeNull();
    expect(row.submitted_at).toBeNull();
    expect(row.anonymous).toBe(true);
    expect(String(row.id)).toMatch(/^[0-9a-f-]{36}$/); // random, no order
    expect(Object.keys(row.attributes as object)).toEqual(['direction']);
    // no column (nor attribute) holds the account, person or target id
    const ids = new Set([person.accountId, personId, targetId].map(String));
    const values = [...Object.entries(row).filter(([k]) => k !== 'answers' && k !== 'attributes' && k !== 'round_id').map(([, v]) => v), ...Object.values(row.attributes as object)];
    for (const v of values) expect(ids.has(String(v))).toBe(false);
    // the check constraint refuses a link even from code that tried
    await expect(
      t.db.db.insert(surveyResponses).values({ id: 'x-linked', roundId: round.id, anonymous: true, targetId, attributes: {}, answers: {} }),
    ).rejects.toThrow();
    // the marker is on the target, with no time; the draft is gone
    const [tg] = await t.db.db.select().from(surveyTargets).where(eq(surveyTargets.id, targetId));
    expect(tg!.submitted).toBe(true);
    expect(await t.db.db.select().from(surveyDrafts).where(eq(surveyDrafts.targetId, targetId))).toHaveLength(0);
    const audit = (await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'survey.submit'), eq(auditLog.recordId, String(targetId)))))[0]!;
    expect(audit.after).toEqual({ roundId: round.id, anonymous: true });
    // the form after submission shows no answers
    expect(ok<MySurveyForm>(await person.req('GET', `/api/surveys/my/${targetId}`)).answers).toEqual({});
    // results: n = 1 < minN 3 → suppressed
    const r = ok<SurveyResultsResponse>(await npa.req('GET', `/api/surveys/rounds/${round.id}/results`));
    expect(r).toMatchObject({ suppressed: true, respondents: null });
    expect(r.questions.every((q) => q.suppressed && q.n === null)).toBe(true);
  });

  it('date attributes are coarsened to the thresholds the conditions test', async () => {
    const round = await newRound({ title: { ja: '無記名（府省）', en: 'Anonymous (ministries)' }, anonymous: true, minN: 1 });
    ok(await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { organisationIds: [metiId] }));
    const [tg] = await t.db.db.select().from(surveyTargets).where(eq(surveyTargets.roundId, round.id));
    await t.db.db.update(surveyTargets).set({ attributes: { organisationType: 'ministry', lastDispatchOn: '2019-05-07', lastHireOn: '2023-06-30' } }).where(eq(surveyTargets.id, tg!.id));
    ok(await npa.req('POST', `/api/surveys/rounds/${round.id}/open`, {}));
    const answers = generateAnswers(ministryDef, { organisationType: 'ministry', lastDispatchOn: '2019-05-07', lastHireOn: '2023-06-30' }, rng(4));
    ok(await metiHr.req('POST', `/api/surveys/my/${tg!.id}/submit`, { answers }));
    const [row] = await t.db.db.select().from(surveyResponses).where(eq(surveyResponses.roundId, round.id));
    expect(row!.attributes).toEqual({ organisationType: 'ministry', lastDispatchOn: '0001-01-01', lastHireOn: '2021-11-01' });
    const r = ok<SurveyResultsResponse>(await npa.req('GET', `/api/surveys/rounds/${round.id}/results`));
    expect(r.questions.find((q) => q.id === 'q09_hire_reasons')!.n).toBe(1);
    expect(r.questions.find((q) => q.id === 'q01_dispatch_reasons')!.eligible).toBe(0);
  });
});

describe('reminders for non-respondents', () => {
  it('mails the HR of organisations that have not answered, once per stage', async () => {
    const round = await newRound({ title: { ja: '督促テスト', en: 'Reminder test' }, opensOn: '2023-11-01', closesOn: '2023-11-20', remindDaysBefore: 7 });
    const mof = await orgId(t, '財務省');
    const mofAcc = await createAccount(t, 'ministry_hr', { organisationId: mof });
    ok(await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { organisationIds: [metiId, mof] }));
    ok(await npa.req('POST', `/api/surveys/rounds/${round.id}/open`, {}));
    const mine = ok<{ items: MySurvey[] }>(await metiHr.req('GET', '/api/surveys/my'));
    const metiTarget = mine.items.find((m) => m.round.id === round.id)!.targetId;
    ok(await metiHr.req('POST', `/api/surveys/my/${metiTarget}/submit`, { answers: generateAnswers(ministryDef, { organisationType: 'ministry', lastDispatchOn: null, lastHireOn: null }, rng(8)) }));
    const mails = () => t.db.db.select().from(mailOutbox).where(like(mailOutbox.dedupeKey, `survey.reminder:round=${round.id}:%`));
    await runReminders(t.db, noSmtp, '2023-11-10'); // before the window
    expect(await mails()).toHaveLength(0);
    const first = await runReminders(t.db, noSmtp, '2023-11-14');
    const m = await mails();
    // every active HR account of the ministry that has not answered (財務省 has two by now), none of METI's
    expect(m.map((x) => x.toAddress)).toContain(mofAcc.email);
    expect(m.some((x) => x.toAccountId === metiHr.accountId)).toBe(false);
    const perStage = m.length;
    expect(first.byKind['survey_reminder' as never]).toBe(perStage);
    await runReminders(t.db, noSmtp, '2023-11-15');
    expect(await mails()).toHaveLength(perStage); // deduplicated
    await runReminders(t.db, noSmtp, '2023-11-20'); // the last day
    expect(await mails()).toHaveLength(2 * perStage);
    const [tg] = await t.db.db.select().from(surveyTargets).where(and(eq(surveyTargets.roundId, round.id), eq(surveyTargets.organisationId, mof)));
    expect(tg!.lastRemindedOn).toBe('2023-11-20');
    void desc;
  });
});
