// Surveys (アンケート, issue 7): definitions, rounds, targets, answering and results. The rules are
// the pure modules (definition.ts, answers.ts, results.ts, anonymity.ts); this file loads, checks
// the state, writes in one transaction with its audit row, and shapes the API's answers
// (common/src/schemas/surveys-api.schema.ts).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext, Actor } from '../../platform/context.ts';
import { AppError, type Messages } from '../../platform/errors.ts';
import { pgTimestampToIso } from '../../platform/time.ts';
import type { RespondentAttributes, SurveyAnswerSet, SurveyDefinition } from '../../../../common/src/schemas/survey-definition.schema.ts';
import type {
  MySurvey,
  MySurveyForm,
  SurveyDefinitionDetail,
  SurveyDefinitionSummary,
  SurveyDraftSaved,
  SurveyGapResponse,
  SurveyQuestionResult,
  SurveyResultsQuery,
  SurveyResultsResponse,
  SurveyRound,
  SurveyRoundInput,
  SurveyRoundPatch,
  SurveySubmitted,
  SurveyTarget,
  SurveyTargetsInput,
} from '../../../../common/src/schemas/surveys-api.schema.ts';
import { allQuestions, parseDefinition } from './definition.ts';
import { checkAnswers, toFieldIssues, visibleQuestions } from './answers.ts';
import { aggregate, compareRounds, gapAnalysis, gapHeadline, headlineOf, type AttributeFilter, type SurveyResponse, type SurveyResults } from './results.ts';
import { anonymousAttributes } from './anonymity.ts';
import { answersFor, respondentScope } from './surveys.policy.ts';
import { surveysRepository as repo, type DefinitionRow, type NewTarget, type RoundWithCounts, type TargetRow } from './surveys.repository.ts';
import ministryTemplate from './templates/ministry-survey-2023.json' with { type: 'json' };
import participantTemplate from './templates/participant-survey-2023.json' with { type: 'json' };

/** The shipped templates (data files): loaded into survey_definitions when first needed. */
export const SURVEY_TEMPLATES: { file: string; json: unknown }[] = [
  { file: 'templates/ministry-survey-2023.json', json: ministryTemplate },
  { file: 'templates/participant-survey-2023.json', json: participantTemplate },
];

const iso = (v: string | null) => (v === null ? null : pgTimestampToIso(v));

const msg = {
  notOpen: (opensOn: string): Messages => ({ ja: `このアンケートはまだ回答を受け付けていません（${opensOn}から）。`, en: `This survey is not open for answers yet (from ${opensOn}).` }),
  closed: (closesOn: string): Messages => ({
    ja: `このアンケートの回答期間は終了しました（${closesOn}まで）。回答は保存されていません。`,
    en: `This survey closed on ${closesOn}. Your answers were not saved.`,
  }),
  alreadySubmitted: (): Messages => ({ ja: 'このアンケートには既に回答が提出されています（回答は1回のみ）。', en: 'An answer to this survey has already been submitted (one answer only).' }),
  draftRoundOnly: (): Messages => ({ ja: '準備中の実施回でのみ変更できます。', en: 'This can only be changed while the round is a draft.' }),
  noTargets: (): Messages => ({ ja: '配布先がないため開始できません。', en: 'The round has no targets, so it cannot be opened.' }),
  notOpenRound: (): Messages => ({ ja: '実施中の実施回ではありません。', en: 'The round is not open.' }),
  notDraft: (): Messages => ({ ja: 'この実施回は既に開始されています。', en: 'This round has already been opened.' }),
  audienceMismatch: (a: string): Messages => ({
    ja: `この実施回の対象（${a === 'organisation' ? '府省等' : '交流参加者'}）と異なる配布先は追加できません。`,
    en: `Targets must match the round's audience (${a === 'organisation' ? 'organisations' : 'participants'}).`,
  }),
  definitionMissing: (): Messages => ({ ja: '設問定義が見つかりません。', en: 'The survey definition was not found.' }),
  definitionExists: (): Messages => ({ ja: 'この設問定義（キーと版）は既に登録されています。新しい版番号を付けてください。', en: 'This definition (key and version) exists already. Use a new version number.' }),
  anonymousRaw: (): Messages => ({ ja: '無記名の実施回の個票は出力できません。', en: 'Raw answers of an anonymous round cannot be exported.' }),
  compareKey: (): Messages => ({ ja: '比較できるのは同じアンケート（キー）の実施回のみです。', en: 'Only rounds of the same survey (key) can be compared.' }),
  stale: (): Messages => ({ ja: '他の更新と競合しました。再読み込みしてください。', en: 'Someone else changed this round. Please reload.' }),
  datesOrder: (): Messages => ({ ja: '終了日は開始日以降にしてください。', en: 'The closing date must be on or after the opening date.' }),
};

export type SurveysDeps = { today: () => string; afterCommit?: () => void };

export function roundView(r: RoundWithCounts, today: string): SurveyRound {
  return {
    id: r.id,
    definition: { id: r.definitionId, key: r.definitionKey, version: r.definitionVersion, title: { ja: r.definitionTitleJa, en: r.definitionTitleEn } },
    title: { ja: r.titleJa, en: r.titleEn },
    audience: r.audience as SurveyRound['audience'],
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    anonymous: r.anonymous,
    minN: r.minN,
    remindDaysBefore: r.remindDaysBefore,
    state: r.state as SurveyRound['state'],
    acceptingAnswers: accepting(r, today),
    openedAt: iso(r.openedAt),
    closedAt: iso(r.closedAt),
    targets: r.targets,
    submitted: r.submitted,
    responseRate: r.targets ? Math.min(1, r.submitted / r.targets) : 0,
    version: r.version,
    createdAt: iso(r.createdAt)!,
  };
}

/**
 * The participant round a gap compares with by default (rounds of the gap's participant survey key):
 * the latest closed one with answers (answer rows: an anonymous round's loaded answers count too) —
 * latest closing date, then latest closed, then the highest id. None when no closed round has answers
 * (an open round's answers are still coming in; an empty one has nothing to compare).
 */
export function defaultParticipantRound<R extends Pick<RoundWithCounts, 'id' | 'state' | 'submitted' | 'closesOn' | 'closedAt'>>(rounds: readonly R[]): R | undefined {
  const closedAt = (r: R) => (r.closedAt ? Date.parse(r.closedAt) : 0);
  return rounds
    .filter((r) => r.state === 'closed' && r.submitted > 0)
    .sort((a, b) => b.closesOn.localeCompare(a.closesOn) || closedAt(b) - closedAt(a) || b.id - a.id)[0];
}

const accepting = (r: { state: string; opensOn: string; closesOn: string }, today: string) => r.state === 'open' && r.opensOn <= today && today <= r.closesOn;

function definitionSummary(d: DefinitionRow): SurveyDefinitionSummary {
  const def = d.body as SurveyDefinition;
  return {
    id: d.id,
    key: d.key,
    version: d.version,
    title: { ja: d.titleJa, en: d.titleEn },
    audience: d.audience as SurveyDefinitionSummary['audience'],
    template: d.template,
    questionCount: allQuestions(def).length,
    frozenAt: iso(d.frozenAt),
    createdAt: iso(d.createdAt)!,
  };
}

const targetName = (t: {
  kind: string;
  orgNameJa: string | null;
  orgNameEn: string | null;
  unitNameJa: string | null;
  unitNameEn: string | null;
  familyName: string | null;
  givenName: string | null;
}): Messages =>
  t.kind === 'person'
    ? { ja: `${t.familyName ?? ''} ${t.givenName ?? ''}`.trim(), en: `${t.givenName ?? ''} ${t.familyName ?? ''}`.trim() }
    : t.kind === 'org_unit'
      ? { ja: `${t.orgNameJa ?? ''}　${t.unitNameJa ?? ''}`, en: `${t.orgNameEn ?? ''}, ${t.unitNameEn ?? ''}` }
      : { ja: t.orgNameJa ?? '', en: t.orgNameEn ?? '' };

/** organisations.kind → the templates' organisationType attribute. */
const organisationType = (kind: string) => (kind === 'execution_agency' ? 'executive_agency' : 'ministry');

const minusYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');

export type ResultRow = {
  section: string;
  questionNo: string;
  questionId: string;
  question: string;
  type: string;
  itemId: string;
  item: string;
  optionId: string;
  option: string;
  count: number | '';
  n: number | '';
  sharePercent: number | '';
  value: string | number;
};

export function createSurveysService(database: Database, deps: SurveysDeps) {
  const { db } = database;
  const today = () => deps.today();

  async function ensureTemplates(): Promise<void> {
    for (const t of SURVEY_TEMPLATES) {
      const parsed = parseDefinition(t.json);
      if (!parsed.ok) throw new Error(`survey template ${t.file} is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
      const d = parsed.definition;
      if (await repo.definition(db, d.key, d.version)) continue;
      await repo.insertDefinition(db, { key: d.key, version: d.version, audience: d.audience, titleJa: d.title.ja, titleEn: d.title.en, body: d, template: t.file, createdBy: null });
    }
  }

  async function roundOr404(id: number): Promise<RoundWithCounts> {
    const r = await repo.round(db, id);
    if (!r) throw new AppError('not_found');
    return r;
  }

  // Inside a transaction pass its executor: PGlite has one connection, and a read on `db` while a
  // transaction holds it waits forever (the embedded server hung on the first submission).
  async function definitionOf(r: { definitionId: number }, executor: typeof db = db): Promise<SurveyDefinition> {
    const d = await repo.definitionById(executor, r.definitionId);
    if (!d) throw new AppError('not_found', { messages: msg.definitionMissing() });
    return d.body as SurveyDefinition;
  }

  const stale = () => new AppError('conflict', { messages: msg.stale(), subcode: 'survey_round_stale' });

  // ---------------------------------------------------------------- results
  // Answer rows are append-only (a response is never changed or deleted) and a round's definition
  // is frozen once it opens, so a round's results are a function of (round, filter, minN, number
  // of responses): they are kept, a few dozen at a time, and recomputed when a response arrives.
  // In-flight computations are shared (the warm-up at start and a first request do the work once).
  const resultsCache = new Map<string, Promise<SurveyResults>>();
  const CACHE_SIZE = 48;
  function computeResults(round: RoundWithCounts, def: SurveyDefinition, filter: AttributeFilter | undefined): Promise<SurveyResults> {
    const key = JSON.stringify([round.id, round.definitionId, round.anonymous, round.minN, round.submitted, filter ?? null]);
    const hit = resultsCache.get(key);
    if (hit) {
      resultsCache.delete(key);
      resultsCache.set(key, hit); // most recently used last
      return hit;
    }
    const p = (async () => {
      const rows = await repo.responses(db, round.id);
      // Kept only when the rows read are the rows counted (a response committed in between: recompute next time).
      if (rows.length !== round.submitted) resultsCache.delete(key);
      return aggregate(def, rows as unknown as SurveyResponse[], { filter, minN: round.anonymous ? round.minN : 0, anonymous: round.anonymous });
    })();
    p.catch(() => resultsCache.delete(key));
    resultsCache.set(key, p);
    if (resultsCache.size > CACHE_SIZE) resultsCache.delete(resultsCache.keys().next().value!);
    return p;
  }

  const filterOf = (q: Pick<SurveyResultsQuery, 'organisationType' | 'direction'>): Record<string, string> => {
    const f: Record<string, string> = {};
    if (q.organisationType) f.organisationType = q.organisationType;
    if (q.direction) f.direction = q.direction;
    return f;
  };

  function questionViews(def: SurveyDefinition, res: SurveyResults): SurveyQuestionResult[] {
    const sectionOf = new Map(def.sections.flatMap((s) => s.questions.map((q) => [q.id, s.id] as const)));
    return res.questions.map((q) => ({ ...q, headline: headlineOf(q), section: sectionOf.get(q.id) ?? '' }) as SurveyQuestionResult);
  }

  async function results(id: number, query: SurveyResultsQuery): Promise<SurveyResultsResponse> {
    const round = await roundOr404(id);
    const def = await definitionOf(round);
    const filter = filterOf(query);
    const res = await computeResults(round, def, Object.keys(filter).length ? filter : undefined);
    const out: SurveyResultsResponse = {
      round: roundView(round, today()),
      filter,
      respondents: res.respondents,
      suppressed: res.suppressed,
      minN: round.anonymous ? round.minN : 0,
      sections: def.sections.map((s) => ({ id: s.id, title: s.title })),
      questions: questionViews(def, res),
    };
    if (query.compareWith !== undefined) {
      const other = await roundOr404(query.compareWith);
      if (other.definitionKey !== round.definitionKey) throw new AppError('transition_blocked', { messages: msg.compareKey(), subcode: 'survey_compare_key' });
      const otherDef = await definitionOf(other);
      const before = await computeResults(other, otherDef, Object.keys(filter).length ? filter : undefined);
      out.comparison = { round: { id: other.id, title: { ja: other.titleJa, en: other.titleEn }, opensOn: other.opensOn }, deltas: compareRounds(before, res) };
    }
    return out;
  }

  /** The results as flat rows (CSV / xlsx): one per question × item × option; numbers and texts as values. */
  function resultRows(r: SurveyResultsResponse, lang: 'ja' | 'en'): ResultRow[] {
    const rows: ResultRow[] = [];
    const sec = new Map(r.sections.map((s) => [s.id, s.title[lang]]));
    const pct = (s: number) => Math.round(s * 1000) / 10;
    for (const q of r.questions) {
      const base = { section: sec.get(q.section) ?? '', questionNo: q.no === undefined ? '' : `${q.no}${q.part ? `-${q.part}` : ''}`, questionId: q.id, question: q.title[lang], type: q.type };
      const n = q.n ?? '';
      if (q.type === 'matrix') {
        for (const it of q.items)
          for (const o of it.options) rows.push({ ...base, itemId: it.id, item: it.label[lang], optionId: o.id, option: o.label[lang], count: o.count, n: it.n ?? '', sharePercent: pct(o.share), value: '' });
      } else if (q.type === 'number') {
        for (const k of ['min', 'max', 'mean', 'median'] as const) rows.push({ ...base, itemId: '', item: '', optionId: k, option: k, count: '', n, sharePercent: '', value: q[k] ?? '' });
      } else if (q.type === 'text') {
        for (const t of q.texts) rows.push({ ...base, itemId: '', item: '', optionId: 'text', option: lang === 'ja' ? '自由記述' : 'Free text', count: '', n, sharePercent: '', value: t });
      } else {
        for (const o of q.options) rows.push({ ...base, itemId: '', item: '', optionId: o.id, option: o.label[lang], count: o.count, n, sharePercent: pct(o.share), value: '' });
      }
      if (q.suppressed) rows.push({ ...base, itemId: '', item: '', optionId: '', option: lang === 'ja' ? '回答数が少ないため非表示' : 'Hidden: too few answers', count: '', n: '', sharePercent: '', value: '' });
    }
    return rows;
  }

  return {
    ensureTemplates,
    today,

    /** Reads the results of the latest rounds with answers into the cache (in the background at start). */
    async warmResults(limit = 4): Promise<void> {
      const rounds = (await repo.listRounds(db)).filter((r) => r.state !== 'draft' && r.submitted > 0).slice(0, limit);
      for (const r of rounds) await computeResults(r, await definitionOf(r), undefined);
    },

    // ---------------------------------------------------------------- definitions
    async listDefinitions(): Promise<{ items: SurveyDefinitionSummary[] }> {
      await ensureTemplates();
      return { items: (await repo.listDefinitions(db)).map(definitionSummary) };
    },

    async definition(key: string, version: number): Promise<SurveyDefinitionDetail> {
      await ensureTemplates();
      const d = await repo.definition(db, key, version);
      if (!d) throw new AppError('not_found', { messages: msg.definitionMissing() });
      return { ...definitionSummary(d), definition: d.body as SurveyDefinition };
    },

    async importDefinition(ctx: RequestContext, input: unknown): Promise<SurveyDefinitionDetail> {
      const parsed = parseDefinition(input);
      if (!parsed.ok) throw new AppError('validation_failed', { fields: parsed.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) });
      const d = parsed.definition;
      await ensureTemplates();
      return inTransaction(db, async (tx) => {
        const row = await repo.insertDefinition(tx, { key: d.key, version: d.version, audience: d.audience, titleJa: d.title.ja, titleEn: d.title.en, body: d, template: null, createdBy: ctx.actor?.accountId ?? null });
        if (!row) throw new AppError('duplicate', { messages: msg.definitionExists(), subcode: 'survey_definition_exists' });
        await writeAudit(tx, ctx, { action: 'survey_definition.create', recordType: 'survey_definition', recordId: row.id, after: { key: d.key, version: d.version } });
        return { ...definitionSummary(row), definition: d };
      });
    },

    // ---------------------------------------------------------------- rounds
    async listRounds(): Promise<{ items: SurveyRound[] }> {
      const t = today();
      return { items: (await repo.listRounds(db)).map((r) => roundView(r, t)) };
    },

    async round(id: number): Promise<SurveyRound> {
      return roundView(await roundOr404(id), today());
    },

    async createRound(ctx: RequestContext, input: SurveyRoundInput): Promise<SurveyRound> {
      await ensureTemplates();
      const d = await repo.definition(db, input.definitionKey, input.definitionVersion);
      if (!d) throw new AppError('not_found', { messages: msg.definitionMissing() });
      const id = await inTransaction(db, async (tx) => {
        const r = await repo.insertRound(tx, {
          definitionId: d.id,
          titleJa: input.title.ja,
          titleEn: input.title.en,
          audience: d.audience,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          anonymous: input.anonymous,
          minN: input.minN,
          remindDaysBefore: input.remindDaysBefore,
          createdBy: ctx.actor?.accountId ?? null,
        });
        await writeAudit(tx, ctx, { action: 'survey_round.create', recordType: 'survey_round', recordId: r.id, after: { ...input } });
        return r.id;
      });
      return roundView(await roundOr404(id), today());
    },

    async patchRound(ctx: RequestContext, id: number, patch: SurveyRoundPatch): Promise<SurveyRound> {
      await inTransaction(db, async (tx) => {
        const r = await repo.lockRound(tx, id);
        if (!r) throw new AppError('not_found');
        if (patch.version !== undefined && patch.version !== r.version) throw stale();
        if (r.state === 'closed') throw new AppError('transition_blocked', { messages: msg.draftRoundOnly(), subcode: 'survey_round_closed' });
        if (r.state === 'open' && (patch.anonymous !== undefined || patch.minN !== undefined || patch.opensOn !== undefined)) {
          throw new AppError('transition_blocked', { messages: msg.draftRoundOnly(), subcode: 'survey_round_not_draft' });
        }
        const opensOn = patch.opensOn ?? r.opensOn;
        const closesOn = patch.closesOn ?? r.closesOn;
        if (closesOn < opensOn) throw new AppError('validation_failed', { fields: [{ path: 'closesOn', code: 'survey.closes_before_opens', message: msg.datesOrder() }] });
        const set = {
          ...(patch.title ? { titleJa: patch.title.ja, titleEn: patch.title.en } : {}),
          ...(patch.opensOn ? { opensOn } : {}),
          ...(patch.closesOn ? { closesOn } : {}),
          ...(patch.anonymous !== undefined ? { anonymous: patch.anonymous } : {}),
          ...(patch.minN !== undefined ? { minN: patch.minN } : {}),
          ...(patch.remindDaysBefore !== undefined ? { remindDaysBefore: patch.remindDaysBefore } : {}),
        };
        const after = await repo.updateRound(tx, id, r.version, set);
        if (!after) throw stale();
        await writeAudit(tx, ctx, { action: 'survey_round.update', recordType: 'survey_round', recordId: id, before: r, after });
      });
      return roundView(await roundOr404(id), today());
    },

    async openRound(ctx: RequestContext, id: number, version?: number): Promise<SurveyRound> {
      await inTransaction(db, async (tx) => {
        const r = await repo.lockRound(tx, id);
        if (!r) throw new AppError('not_found');
        if (version !== undefined && version !== r.version) throw stale();
        if (r.state !== 'draft') throw new AppError('transition_blocked', { messages: msg.notDraft(), subcode: 'survey_round_not_draft' });
        const counted = await repo.round(tx, id);
        if (!counted?.targets) throw new AppError('transition_blocked', { messages: msg.noTargets(), subcode: 'survey_round_no_targets' });
        await repo.freezeDefinition(tx, r.definitionId);
        await repo.updateRound(tx, id, r.version, { state: 'open', openedAt: new Date().toISOString() });
        await writeAudit(tx, ctx, { action: 'survey_round.open', recordType: 'survey_round', recordId: id, before: { state: r.state }, after: { state: 'open', targets: counted.targets } });
      });
      return roundView(await roundOr404(id), today());
    },

    async closeRound(ctx: RequestContext, id: number, version?: number): Promise<SurveyRound> {
      await inTransaction(db, async (tx) => {
        const r = await repo.lockRound(tx, id);
        if (!r) throw new AppError('not_found');
        if (version !== undefined && version !== r.version) throw stale();
        if (r.state !== 'open') throw new AppError('transition_blocked', { messages: msg.notOpenRound(), subcode: 'survey_round_not_open' });
        await repo.updateRound(tx, id, r.version, { state: 'closed', closedAt: new Date().toISOString() });
        await writeAudit(tx, ctx, { action: 'survey_round.close', recordType: 'survey_round', recordId: id, before: { state: r.state }, after: { state: 'closed' } });
      });
      const closed = await roundOr404(id);
      // NPA looks at the results next: read them now, in the background.
      void definitionOf(closed)
        .then((def) => computeResults(closed, def, undefined))
        .catch(() => {});
      return roundView(closed, today());
    },

    // ---------------------------------------------------------------- targets
    async targets(id: number): Promise<{ items: SurveyTarget[] }> {
      await roundOr404(id);
      const rows = await repo.targets(db, id);
      return {
        items: rows.map((r) => ({
          id: r.target.id,
          kind: r.target.kind as SurveyTarget['kind'],
          name: targetName({ kind: r.target.kind, ...r }),
          organisationId: r.target.organisationId,
          orgUnitId: r.target.orgUnitId,
          personId: r.target.personId,
          attributes: r.target.attributes as SurveyTarget['attributes'],
          submitted: r.target.submitted,
          hasDraft: Boolean(r.hasDraft),
          lastRemindedOn: r.target.lastRemindedOn,
        })),
      };
    },

    async addTargets(ctx: RequestContext, id: number, input: SurveyTargetsInput) {
      return inTransaction(db, async (tx) => {
        const r = await repo.lockRound(tx, id);
        if (!r) throw new AppError('not_found');
        if (r.state === 'closed') throw new AppError('transition_blocked', { messages: msg.draftRoundOnly(), subcode: 'survey_round_closed' });
        const orgInput = input.allOrganisations || input.organisationIds.length > 0 || input.orgUnitIds.length > 0;
        const personInput = input.personIds.length > 0 || input.returnedWithinYears !== undefined;
        if ((r.audience === 'organisation' && personInput) || (r.audience === 'participant' && orgInput)) {
          throw new AppError('validation_failed', { fields: [{ path: r.audience === 'organisation' ? 'personIds' : 'organisationIds', code: 'survey.audience_mismatch', message: msg.audienceMismatch(r.audience) }] });
        }
        const asOf = today() > r.opensOn ? today() : r.opensOn;
        const rows: NewTarget[] = [];
        if (r.audience === 'organisation') {
          const orgs = input.allOrganisations
            ? (await repo.organisations(tx, 'all')).filter((o) => input.includeAgencies || o.kind === 'ministry')
            : await repo.organisations(tx, input.organisationIds);
          if (!input.allOrganisations && orgs.length !== new Set(input.organisationIds).size) throw new AppError('not_found');
          const units = await repo.orgUnits(tx, input.orgUnitIds);
          if (units.length !== new Set(input.orgUnitIds).size) throw new AppError('not_found');
          const orgIds = [...new Set([...orgs.map((o) => o.id), ...units.map((u) => u.organisationId)])];
          const last = await repo.lastExchangeDays(tx, orgIds, asOf);
          const lastOf = (orgId: number, direction: string) => last.find((l) => l.organisationId === orgId && l.direction === direction)?.last ?? null;
          const attrs = (orgId: number, kind: string) => ({ organisationType: organisationType(kind), lastDispatchOn: lastOf(orgId, 'dispatch'), lastHireOn: lastOf(orgId, 'hire') });
          for (const o of orgs) rows.push({ roundId: id, kind: 'organisation', subject: `organisation:${o.id}`, organisationId: o.id, attributes: attrs(o.id, o.kind) });
          for (const u of units) rows.push({ roundId: id, kind: 'org_unit', subject: `org_unit:${u.id}`, organisationId: u.organisationId, orgUnitId: u.id, attributes: attrs(u.organisationId, u.kind) });
        } else {
          const chosen = await repo.people(tx, input.personIds);
          if (chosen.length !== new Set(input.personIds).size) throw new AppError('not_found');
          const latest = await repo.latestExchange(tx, chosen.map((p) => p.id));
          const byPerson = new Map<number, string | null>(chosen.map((p) => [p.id, latest.find((l) => l.personId === p.id)?.direction ?? null]));
          if (input.returnedWithinYears !== undefined) {
            for (const p of await repo.returnedPeople(tx, minusYears(asOf, input.returnedWithinYears), asOf, input.direction)) byPerson.set(p.personId, p.direction);
          }
          for (const [personId, direction] of byPerson) rows.push({ roundId: id, kind: 'person', subject: `person:${personId}`, personId, attributes: { direction } });
        }
        const added = await repo.insertTargets(tx, rows);
        const total = (await repo.round(tx, id))?.targets ?? 0;
        await writeAudit(tx, ctx, { action: 'survey_round.add_targets', recordType: 'survey_round', recordId: id, after: { ...input, added, total } });
        return { added, alreadyTargeted: rows.length - added, total };
      });
    },

    async removeTarget(ctx: RequestContext, id: number, targetId: number): Promise<void> {
      await inTransaction(db, async (tx) => {
        const r = await repo.lockRound(tx, id);
        if (!r) throw new AppError('not_found');
        if (r.state !== 'draft') throw new AppError('transition_blocked', { messages: msg.draftRoundOnly(), subcode: 'survey_round_not_draft' });
        const gone = await repo.deleteTarget(tx, id, targetId);
        if (!gone) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'survey_round.remove_target', recordType: 'survey_target', recordId: targetId, after: { roundId: id } });
      });
    },

    // ---------------------------------------------------------------- results
    results,
    resultRows,

    async gaps(id: number, participantRound?: number): Promise<SurveyGapResponse> {
      const round = await roundOr404(id);
      const def = await definitionOf(round);
      const orgRes = await computeResults(round, def, undefined);
      let pRound: RoundWithCounts | undefined;
      const gaps: SurveyGapResponse['gaps'] = [];
      for (const g of def.gaps) {
        if (participantRound !== undefined) pRound ??= await roundOr404(participantRound);
        else pRound ??= defaultParticipantRound(await repo.roundsOfKey(db, g.participantSurvey));
        if (pRound && pRound.definitionKey !== g.participantSurvey) throw new AppError('transition_blocked', { messages: msg.compareKey(), subcode: 'survey_compare_key' });
        const orgQ = orgRes.questions.find((q) => q.id === g.organisationQuestion);
        if (!orgQ) continue;
        let rows: ReturnType<typeof gapAnalysis> = [];
        if (pRound) {
          const pDef = await definitionOf(pRound);
          const pRes = await computeResults(pRound, pDef, undefined);
          const pQ = pRes.questions.find((q) => q.id === g.participantQuestion);
          if (pQ) rows = gapAnalysis(g, orgQ, pQ);
        } else {
          const empty = { ...orgQ, n: null, suppressed: true } as typeof orgQ;
          rows = gapAnalysis(g, orgQ, empty);
        }
        gaps.push({ id: g.id, no: g.no, title: g.title, headline: gapHeadline(rows), rows });
      }
      return {
        organisationRound: { id: round.id, title: { ja: round.titleJa, en: round.titleEn } },
        participantRound: pRound ? { id: pRound.id, title: { ja: pRound.titleJa, en: pRound.titleEn } } : null,
        gaps,
      };
    },

    /** Identified rounds only; every read audited. Rows: respondent, submitted at, attributes, one column per question (matrix: per item). */
    async rawAnswers(ctx: RequestContext, id: number, lang: 'ja' | 'en') {
      const round = await roundOr404(id);
      if (round.anonymous) throw new AppError('transition_blocked', { messages: msg.anonymousRaw(), subcode: 'survey_anonymous' });
      const def = await definitionOf(round);
      const rows = await repo.identifiedResponses(db, id);
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, { action: 'survey_round.read_raw_answers', recordType: 'survey_round', recordId: id, after: { responses: rows.length, lang } }),
      );
      const qs = allQuestions(def);
      const columns: { header: string; value: (r: (typeof rows)[number]) => string | number }[] = [
        { header: lang === 'ja' ? '回答者' : 'Respondent', value: (r) => targetName(r)[lang] },
        { header: lang === 'ja' ? '提出日時' : 'Submitted at', value: (r) => iso(r.response.submittedAt) ?? '' },
        ...def.attributes.map((a) => ({ header: a.label[lang], value: (r: (typeof rows)[number]) => String((r.response.attributes as RespondentAttributes)[a.id] ?? '') })),
      ];
      const labelOf = (q: (typeof qs)[number], id: string) => {
        const opts = q.type === 'scale' || q.type === 'matrix' ? null : 'options' in q ? q.options : null;
        if (opts) return opts.find((o) => o.id === id)?.label[lang] ?? id;
        return id;
      };
      for (const q of qs) {
        const head = `${q.no ?? ''}${q.part ? `-${q.part}` : ''} ${q.title[lang]}`.trim();
        if (q.type === 'matrix') {
          for (const it of q.items) columns.push({ header: `${head}：${it.label[lang]}`, value: (r) => String(((r.response.answers as SurveyAnswerSet)[q.id] as Record<string, string> | undefined)?.[it.id] ?? '') });
        } else {
          columns.push({
            header: head,
            value: (r) => {
              const v = (r.response.answers as SurveyAnswerSet)[q.id];
              if (v === undefined || v === null) return '';
              if (Array.isArray(v)) return v.map((x) => labelOf(q, x)).join('；');
              if (typeof v === 'string') return q.type === 'text' ? v : labelOf(q, v);
              return typeof v === 'number' ? v : JSON.stringify(v);
            },
          });
        }
      }
      return { columns, rows, round };
    },

    // ---------------------------------------------------------------- answering
    async mySurveys(ctx: RequestContext): Promise<{ items: MySurvey[] }> {
      const scope = respondentScope(ctx.actor!);
      if (!scope) return { items: [] };
      const t = today();
      const rows = await repo.targetsOf(db, scope);
      return { items: rows.map((r) => mySurvey(r, t)) };
    },

    async myForm(ctx: RequestContext, targetId: number): Promise<MySurveyForm> {
      const { target, row } = await ownTarget(ctx.actor!, targetId);
      const def = await definitionOf(row.round);
      let answers: SurveyAnswerSet = {};
      if (target.submitted) {
        if (!row.round.anonymous) answers = ((await repo.responseOfTarget(db, target.id))?.answers ?? {}) as SurveyAnswerSet;
      } else answers = ((await repo.draft(db, target.id))?.answers ?? {}) as SurveyAnswerSet;
      const attributes = target.attributes as RespondentAttributes;
      return {
        ...mySurvey(row, today()),
        definition: def,
        attributes: attributes as MySurveyForm['attributes'],
        answers,
        visible: visibleQuestions(def, attributes, answers),
      };
    },

    async saveDraft(ctx: RequestContext, targetId: number, answers: SurveyAnswerSet): Promise<SurveyDraftSaved> {
      const actor = ctx.actor!;
      return inTransaction(db, async (tx) => {
        const { target, row } = await ownTarget(actor, targetId, tx);
        const round = await repo.lockRound(tx, row.round.id, 'share');
        assertAccepting(round!);
        if (target.submitted) throw new AppError('conflict', { messages: msg.alreadySubmitted(), subcode: 'survey_already_submitted' });
        const def = await definitionOf(round!, tx);
        const attrs = target.attributes as RespondentAttributes;
        const check = checkAnswers(def, attrs, answers, 'draft');
        if (!check.ok) throw new AppError('validation_failed', { fields: toFieldIssues(check.issues) });
        const saved = await repo.saveDraft(tx, target.id, check.answers, actor.accountId);
        const pending = checkAnswers(def, attrs, check.answers, 'submit').issues;
        await writeAudit(tx, ctx, { action: 'survey.save_draft', recordType: 'survey_target', recordId: target.id, after: { roundId: round!.id } });
        return { savedAt: iso(saved.updatedAt)!, visible: check.visible, pending };
      });
    },

    async submit(ctx: RequestContext, targetId: number, answers: SurveyAnswerSet): Promise<SurveySubmitted> {
      const actor = ctx.actor!;
      return inTransaction(db, async (tx) => {
        const { target, row } = await ownTarget(actor, targetId, tx);
        // FOR SHARE: a concurrent close waits for this submission (or this one sees it closed).
        const round = (await repo.lockRound(tx, row.round.id, 'share'))!;
        assertAccepting(round);
        if (target.submitted) throw new AppError('conflict', { messages: msg.alreadySubmitted(), subcode: 'survey_already_submitted' });
        const def = await definitionOf(round, tx);
        const attrs = target.attributes as RespondentAttributes;
        const check = checkAnswers(def, attrs, answers, 'submit');
        if (!check.ok) throw new AppError('validation_failed', { fields: toFieldIssues(check.issues) });
        // The marker first: a second submission racing this one finds it set and gets 409.
        if (!(await repo.markSubmitted(tx, target.id))) throw new AppError('conflict', { messages: msg.alreadySubmitted(), subcode: 'survey_already_submitted' });
        const responseId = randomUUID();
        if (round.anonymous) {
          await repo.insertResponse(tx, { id: responseId, roundId: round.id, anonymous: true, attributes: anonymousAttributes(def, attrs), answers: check.answers });
        } else {
          await repo.insertResponse(tx, { id: responseId, roundId: round.id, anonymous: false, targetId: target.id, submittedBy: actor.accountId, submittedAt: new Date().toISOString(), attributes: attrs, answers: check.answers });
        }
        await repo.deleteDraft(tx, target.id);
        // Anonymous rounds: the trail records that the target answered, never which response is theirs.
        await writeAudit(tx, ctx, {
          action: 'survey.submit',
          recordType: 'survey_target',
          recordId: target.id,
          after: round.anonymous ? { roundId: round.id, anonymous: true } : { roundId: round.id, responseId, dropped: check.dropped },
        });
        return { submitted: true as const, dropped: check.dropped, submittedAt: round.anonymous ? null : new Date().toISOString() };
      });
    },
  };

  function assertAccepting(r: { state: string; opensOn: string; closesOn: string }) {
    const t = today();
    if (r.state === 'closed' || t > r.closesOn) throw new AppError('transition_blocked', { messages: msg.closed(r.closesOn), subcode: 'survey_closed' });
    if (r.state !== 'open' || t < r.opensOn) throw new AppError('transition_blocked', { messages: msg.notOpen(r.opensOn), subcode: 'survey_not_open' });
  }

  async function ownTarget(actor: Actor, targetId: number, executor = db) {
    const scope = respondentScope(actor);
    if (!scope) throw new AppError('not_found');
    const target = await repo.target(executor, targetId);
    if (!target || !answersFor(actor, target)) throw new AppError('not_found');
    const row = (await repo.targetsOf(executor, scope)).find((r) => r.target.id === targetId);
    if (!row) throw new AppError('not_found'); // a draft round's targets are not visible yet
    return { target, row };
  }

  function mySurvey(r: Awaited<ReturnType<typeof repo.targetsOf>>[number], t: string): MySurvey {
    return {
      targetId: r.target.id,
      round: { id: r.round.id, title: { ja: r.round.titleJa, en: r.round.titleEn }, opensOn: r.round.opensOn, closesOn: r.round.closesOn, anonymous: r.round.anonymous, acceptingAnswers: accepting(r.round, t) },
      respondent: targetName({ kind: r.target.kind, ...r }),
      status: r.target.submitted ? 'submitted' : r.draftSavedAt ? 'draft' : 'not_started',
      draftSavedAt: r.target.submitted ? null : iso(r.draftSavedAt),
    };
  }
}

export type SurveysService = ReturnType<typeof createSurveysService>;
export type { TargetRow };
