// Demo surveys (アンケート, issue 7), added by `koryu demo load` and `start --demo` after the demo
// accounts and exchanges. Loaded once: a second run finds rounds and changes nothing.
//
// 1. 令和5年度 各府省等アンケート (the 2023 ministry template), closed, identified: 49 respondents —
//    the 42 organisations of the reference data and 7 HR lines (bureaux) answering separately,
//    since the seed counts ４９組織 — with generated answers (modules/surveys/generate.ts: the
//    seed's 16 with a dispatch and 34 with a hire since 2021-11-01), so NPA sees results.
// 2. 交流採用者アンケート 2023 (the participant template), closed, anonymous (minN 10): 552 generated
//    answers (seed 004 line 724: ｎ＝５５２), for the gap analysis (認識差, question 14).
// 3. The ministry template again, open from a week before the day of loading for four weeks, to
//    経済産業省 (meti-hr@demo.koryu.jp answers it) and 財務省; the attributes come from the demo
//    exchange records, except METI's: a hire since 2021-11-01 and no dispatch since then, so
//    meti-hr@ answers 問9–13 and 15 and not 問1–6 (the e2e test's condition-dependent path). And an anonymous participant round open to participant@demo.koryu.jp.
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { accounts, organisations, orgUnits, surveyRounds, surveyTargets } from '../db/schema.ts';
import { inTransaction } from '../db/tx.ts';
import { systemContext } from '../platform/context.ts';
import { todayInJapan } from '../platform/time.ts';
import type { SurveyDefinition } from '../../../common/src/schemas/survey-definition.schema.ts';
import { createSurveysService } from '../modules/surveys/surveys.service.ts';
import { surveysRepository as repo } from '../modules/surveys/surveys.repository.ts';
import { generateResponses, organisationAttributes, participantAttributes } from '../modules/surveys/generate.ts';
import { loadAnswers } from '../modules/surveys/surveys.load.ts';

const DAY = 86_400_000;
/** The demo METI's profile in the open round: last dispatch before the cut-off of 問1–6 (2021-11-01), a recent hire. */
export const METI_PATH = { since: '2021-11-01', lastDispatchOn: '2021-03-31' } as const;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export async function loadDemoSurveys(database: Database, now = Date.now()): Promise<number> {
  const { db } = database;
  if (Number((await db.select({ n: count() }).from(surveyRounds))[0]?.n ?? 0) > 0) return 0;
  const today = todayInJapan(now);
  const s = createSurveysService(database, { today: () => today });
  const ctx = { ...systemContext('demo-surveys'), ip: 'cli' };
  await s.ensureTemplates();
  // a round of the 2023 template `definitionKey`, reminders 7 days before it closes
  const round = (definitionKey: string, title: { ja: string; en: string }, opensOn: string, closesOn: string, privacy: { anonymous: boolean; minN: number }) =>
    s.createRound(ctx, { definitionKey, definitionVersion: 2023, title, opensOn, closesOn, ...privacy, remindDaysBefore: 7 });
  const ministryDef = (await repo.definition(db, 'ministry_survey', 2023))!.body as SurveyDefinition;
  const participantDef = (await repo.definition(db, 'participant_survey', 2023))!.body as SurveyDefinition;

  // 1. the closed 2023 ministry round with 49 generated answers
  const closed = await round('ministry_survey', { ja: '令和5年度 官民人事交流に関する各府省等アンケート', en: 'FY2023 survey of ministries on public-private personnel exchange' }, '2023-11-08', '2023-12-21', { anonymous: false, minN: 5 });
  const units = await db.select({ id: orgUnits.id }).from(orgUnits).innerJoin(organisations, eq(organisations.id, orgUnits.organisationId)).where(eq(orgUnits.kind, 'bureau')).orderBy(orgUnits.id).limit(7);
  await s.addTargets(ctx, closed.id, { allOrganisations: true, includeAgencies: true, organisationIds: [], orgUnitIds: units.map((u) => u.id), personIds: [] });
  const targets = await db.select().from(surveyTargets).where(eq(surveyTargets.roundId, closed.id)).orderBy(surveyTargets.id);
  const attrs = organisationAttributes(1).slice(0, targets.length);
  const generated = generateResponses(ministryDef, attrs, 2023);
  await inTransaction(db, async (tx) => {
    for (const [i, t] of targets.entries()) await repo.setTargetAttributes(tx, t.id, attrs[i]!);
    await loadAnswers(tx, { id: closed.id, anonymous: false }, ministryDef, generated.map((g, i) => ({ targetId: targets[i]!.id, ...g })), '2023-12-15T03:00:00.000Z');
  });
  await s.openRound(ctx, closed.id);
  await s.closeRound(ctx, closed.id);

  // 2. the closed, anonymous participant round with 552 generated answers
  const participants = await round('participant_survey', { ja: '令和5年度 交流採用者アンケート', en: 'FY2023 survey of employees hired through the exchange' }, '2023-11-08', '2023-12-21', { anonymous: true, minN: 10 });
  await inTransaction(db, (tx) => loadAnswers(tx, { id: participants.id, anonymous: true }, participantDef, generateResponses(participantDef, participantAttributes(), 552)));
  await db.update(surveyRounds).set({ state: 'closed', openedAt: '2023-11-08T00:00:00Z', closedAt: '2023-12-21T15:00:00Z' }).where(eq(surveyRounds.id, participants.id));

  // 3. open rounds for the demo respondents
  const open = await round('ministry_survey', { ja: '官民人事交流に関する各府省等アンケート（回答受付中）', en: 'Survey of ministries on public-private personnel exchange (open)' }, shift(today, -7), shift(today, 21), { anonymous: false, minN: 5 });
  const orgIds = (await db.select({ id: organisations.id, nameJa: organisations.nameJa }).from(organisations)).filter((o) => o.nameJa === '経済産業省' || o.nameJa === '財務省').map((o) => o.id);
  await s.addTargets(ctx, open.id, { allOrganisations: false, includeAgencies: true, organisationIds: orgIds, orgUnitIds: [], personIds: [] });
  // meti-hr@ answers the condition-dependent path of the issue: a hire since 2021-11-01 (問9–13, 15)
  // and no dispatch since then (no 問1–6). The demo exchanges give 経済産業省 a running dispatch, so
  // its target's attributes (the snapshot the conditions read) are set to that profile here.
  const meti = (await db.select({ organisationId: accounts.organisationId }).from(accounts).where(eq(accounts.email, 'meti-hr@demo.koryu.jp')))[0];
  for (const t of await db.select().from(surveyTargets).where(eq(surveyTargets.roundId, open.id))) {
    if (t.kind !== 'organisation' || t.organisationId === null || t.organisationId !== meti?.organisationId) continue;
    const a = (t.attributes ?? {}) as Record<string, unknown>;
    const hire = typeof a.lastHireOn === 'string' && a.lastHireOn >= METI_PATH.since ? a.lastHireOn : shift(today, -30);
    await repo.setTargetAttributes(db, t.id, { ...a, lastDispatchOn: METI_PATH.lastDispatchOn, lastHireOn: hire });
  }
  await s.openRound(ctx, open.id);

  const participant = (await db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, 'participant@demo.koryu.jp')))[0];
  let rounds = 3;
  if (participant?.personId) {
    const p = await round('participant_survey', { ja: '交流経験者アンケート（回答受付中・無記名）', en: 'Survey of exchange participants (open, anonymous)' }, shift(today, -7), shift(today, 21), { anonymous: true, minN: 5 });
    await s.addTargets(ctx, p.id, { allOrganisations: false, includeAgencies: true, organisationIds: [], orgUnitIds: [], personIds: [participant.personId] });
    await s.openRound(ctx, p.id);
    rounds++;
  }
  return rounds;
}
