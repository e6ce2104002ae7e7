// Survey results (集計): per question, n and counts; for scales, counts per option per item and the
// share of positive answers; for choices, counts and share of n; numbers summarised; free text listed.
// Pure: a definition and the submitted responses in, figures out. The seed's headline style
// ("9割超が肯定的な回答") from thresholds kept as data (headline-rules.json), and the gap analysis
// (認識差, seed 004 question 14) between an organisation question and a participant question.
//
// Decisions (docs/glossary.md, 「アンケート」):
// - n of a question = respondents who saw it (its condition held) and answered it — the seed's
//   「各問のグラフ中の「ｎ」は、それぞれの問に対する有効回答数」 (seed 004 line 13). For a matrix,
//   each item has its own n (those who answered that item); the question's n is those who answered
//   at least one item.
// - Shares are of n. For multiple and up-to-N choices they add up to more than 100%.
// - 分からない is part of n: the seed's question 3 chart (seed 004 lines 111-129) puts 分からない in
//   the same 100% bar as the five scale answers, with ｎ=16 — all the organisations asked. So the
//   share of positive answers (よく + やや当てはまる) is over n including 分からない; the share
//   excluding 分からない is given beside it (`shareExcludingDontKnow`) for those who want it.
// - Anonymous rounds: a question (or, with filters, a subgroup) whose n is below `minN` shows neither
//   counts nor n (`suppressed: true`); free text of anonymous rounds is sorted, so its order says
//   nothing about who answered when.
import type { RespondentAttributes, SurveyAnswerSet, SurveyDefinition, SurveyGap, SurveyLabel, SurveyQuestion } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { DONT_KNOW } from '../../../../common/src/schemas/survey-definition.schema.ts';
import type { Messages } from '../../platform/errors.ts';
import { visibleSet } from './answers.ts';
import { allQuestions, optionsOf, positiveOptionIds } from './definition.ts';
import rules from './headline-rules.json' with { type: 'json' };

export type SurveyResponse = { attributes: RespondentAttributes; answers: SurveyAnswerSet };
export type AttributeFilter = Record<string, string | number | boolean | (string | number | boolean)[]>;
export type AggregateOptions = {
  filter?: AttributeFilter | undefined; // e.g. { organisationType: 'ministry' }, { direction: 'hire' }
  minN?: number | undefined; // small-n suppression threshold (anonymous rounds); 0 or undefined: none
  anonymous?: boolean | undefined;
};

export type OptionCount = { id: string; label: SurveyLabel; count: number; share: number };
export type Positive = { count: number; share: number; dontKnow: number; shareExcludingDontKnow: number | null };
type Base = { id: string; no?: number | undefined; part?: string | undefined; title: SurveyLabel; eligible: number; n: number | null; suppressed: boolean };
export type ChoiceResult = Base & { type: 'scale' | 'single' | 'best' | 'multiple' | 'upTo'; options: OptionCount[]; positive?: Positive | undefined };
export type MatrixItemResult = { id: string; label: SurveyLabel; n: number | null; options: OptionCount[]; positive: Positive | null };
export type MatrixResult = Base & { type: 'matrix'; items: MatrixItemResult[] };
export type NumberResult = Base & { type: 'number'; min: number | null; max: number | null; mean: number | null; median: number | null };
export type TextResult = Base & { type: 'text'; texts: string[] };
export type QuestionResult = ChoiceResult | MatrixResult | NumberResult | TextResult;
export type SurveyResults = { respondents: number | null; suppressed: boolean; questions: QuestionResult[] };

export function matchesFilter(attrs: RespondentAttributes, filter: AttributeFilter | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([k, want]) => {
    const v = attrs[k];
    return Array.isArray(want) ? want.includes(v as string | number | boolean) : v === want;
  });
}

const share = (count: number, n: number) => (n > 0 ? count / n : 0);

export function aggregate(def: SurveyDefinition, responses: readonly SurveyResponse[], opts: AggregateOptions = {}): SurveyResults {
  const minN = opts.minN ?? 0;
  const selected = responses.filter((r) => matchesFilter(r.attributes, opts.filter));
  const qs = allQuestions(def);
  // One pass over the respondents: the answers of those who saw each question.
  const seen = new Map<string, (SurveyAnswerSet[string] | undefined)[]>(qs.map((q) => [q.id, []]));
  for (const r of selected) for (const id of visibleSet(qs, r.attributes, r.answers)) seen.get(id)!.push(r.answers[id]);
  const questions = qs.map((q) => aggregateQuestion(q, seen.get(q.id)!, minN, opts.anonymous ?? false));
  const suppressed = selected.length < minN;
  return { respondents: suppressed ? null : selected.length, suppressed, questions };
}

function aggregateQuestion(q: SurveyQuestion, seen: (SurveyAnswerSet[string] | undefined)[], minN: number, anonymous: boolean): QuestionResult {
  const answered = seen.filter((v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== '');
  const n = answered.length;
  const suppressed = n < minN;
  const base: Base = { id: q.id, no: q.no, part: q.part, title: q.title, eligible: seen.length, n: suppressed ? null : n, suppressed };
  switch (q.type) {
    case 'matrix': {
      const options = optionsOf(q);
      const positives = positiveOptionIds(q);
      const withItems = answered.filter((v): v is Record<string, string> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0);
      const qn = withItems.length;
      const qSuppressed = qn < minN;
      // One pass: item → option → count.
      const tally = new Map<string, Map<string, number>>(q.items.map((it) => [it.id, new Map<string, number>()]));
      for (const v of withItems) {
        for (const item in v) {
          const t = tally.get(item);
          if (t) {
            const opt = v[item]!;
            t.set(opt, (t.get(opt) ?? 0) + 1);
          }
        }
      }
      const items = q.items.map((it): MatrixItemResult => {
        const t = tally.get(it.id)!;
        const itemN = [...t.values()].reduce((a, b) => a + b, 0);
        if (qSuppressed || itemN < minN) return { id: it.id, label: it.label, n: null, options: [], positive: null };
        const counts = options.map((o) => {
          const count = t.get(o.id) ?? 0;
          return { id: o.id, label: o.label, count, share: share(count, itemN) };
        });
        return { id: it.id, label: it.label, n: itemN, options: counts, positive: positiveOf(counts, positives, itemN) };
      });
      return { ...base, n: qSuppressed ? null : qn, suppressed: qSuppressed, type: 'matrix', items };
    }
    case 'scale':
    case 'single':
    case 'best':
    case 'multiple':
    case 'upTo': {
      if (suppressed) return { ...base, type: q.type, options: [] };
      const tally = new Map<string, number>();
      const add = (id: unknown) => {
        if (typeof id === 'string') tally.set(id, (tally.get(id) ?? 0) + 1);
      };
      for (const v of answered) {
        if (!Array.isArray(v)) add(v);
        // a choice is counted once per respondent (stored answers hold no duplicates; older ones might)
        else if (v.length < 2 || new Set(v).size === v.length) for (const id of v) add(id);
        else for (const id of new Set(v)) add(id);
      }
      const counts = optionsOf(q).map((o) => {
        const count = tally.get(o.id) ?? 0;
        return { id: o.id, label: o.label, count, share: share(count, n) };
      });
      return { ...base, type: q.type, options: counts, ...(q.type === 'scale' ? { positive: positiveOf(counts, positiveOptionIds(q), n) } : {}) };
    }
    case 'number': {
      const nums = answered.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
      if (suppressed || !nums.length) return { ...base, type: 'number', min: null, max: null, mean: null, median: null };
      const mid = Math.floor(nums.length / 2);
      const median = nums.length % 2 ? nums[mid]! : (nums[mid - 1]! + nums[mid]!) / 2;
      return { ...base, type: 'number', min: nums[0]!, max: nums[nums.length - 1]!, mean: nums.reduce((a, b) => a + b, 0) / nums.length, median };
    }
    case 'text': {
      const texts = answered.filter((v): v is string => typeof v === 'string');
      if (suppressed) return { ...base, type: 'text', texts: [] };
      return { ...base, type: 'text', texts: anonymous ? [...texts].sort() : texts };
    }
  }
}

function positiveOf(counts: OptionCount[], positives: readonly string[], n: number): Positive {
  const count = counts.filter((c) => positives.includes(c.id)).reduce((a, c) => a + c.count, 0);
  const dontKnow = counts.find((c) => c.id === DONT_KNOW.id)?.count ?? 0;
  return { count, share: share(count, n), dontKnow, shareExcludingDontKnow: n - dontKnow > 0 ? count / (n - dontKnow) : null };
}

// ---------- headlines in the seed's style ----------

const fullWidth = (k: number) => String(k).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** 約７割 / ６割超 / 全て — a share in the seed's words. */
export function shareWords(s: number): Messages {
  if (s >= 1) return { ja: '全て', en: 'all' };
  if (s <= 0) return { ja: 'なし', en: 'none' };
  const k = Math.round(s * 10);
  if (Math.abs(s - k / 10) <= rules.approxTolerance) {
    if (k === 10) return { ja: 'ほぼ全て', en: 'almost all' };
    if (k === 0) return { ja: '１割未満', en: 'under 10%' };
    return { ja: `約${fullWidth(k)}割`, en: `about ${k * 10}%` };
  }
  const f = Math.floor(s * 10);
  if (f === 0) return { ja: '１割未満', en: 'under 10%' };
  return { ja: `${fullWidth(f)}割超`, en: `over ${f * 10}%` };
}

type Named = { label: SurveyLabel; share: number };
const quoteJa = (xs: Named[]) => xs.map((x) => `「${x.label.ja}」`).join('');
const quoteEn = (xs: Named[]) => {
  const q = xs.map((x) => `“${x.label.en}”`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
};

/** 「A」「B」に対して、９割超が肯定的な回答 — for a matrix (or scale questions) by positive share. */
export function positiveHeadline(items: Named[]): Messages | null {
  const sentences: Messages[] = [];
  const used = new Set<Named>();
  for (const band of rules.positiveBands) {
    const hit = items.filter((i) => !used.has(i) && i.share > band.above);
    if (!hit.length) continue;
    hit.forEach((h) => used.add(h));
    sentences.push(
      sentences.length === 0
        ? { ja: `${quoteJa(hit)}に対して、${band.ja}が肯定的な回答`, en: `${band.en[0]!.toUpperCase()}${band.en.slice(1)} answered positively for ${quoteEn(hit)}` }
        : { ja: `${quoteJa(hit)}についても、肯定的な回答が${band.ja}`, en: `for ${quoteEn(hit)}, ${band.en} answered positively too` },
    );
    if (sentences.length >= rules.maxSentences) break;
  }
  if (!sentences.length) return null;
  return { ja: sentences.map((s) => s.ja).join('。'), en: sentences.map((s) => s.en).join('; ') + '.' };
}

/** 「X」との回答が約７割 — the most chosen option of a choice question. */
export function choiceHeadline(r: ChoiceResult): Messages | null {
  if (r.suppressed || !r.n) return null;
  const top = [...r.options].sort((a, b) => b.count - a.count)[0];
  if (!top || top.count === 0) return null;
  const w = shareWords(top.share);
  return { ja: `「${top.label.ja}」との回答が${w.ja}`, en: `${w.en[0]!.toUpperCase()}${w.en.slice(1)} answered “${top.label.en}”` };
}

export function headlineOf(r: QuestionResult): Messages | null {
  if (r.suppressed) return null;
  if (r.type === 'matrix') return positiveHeadline(r.items.filter((i) => i.positive).map((i) => ({ label: i.label, share: i.positive!.share })));
  if (r.type === 'scale') return r.positive ? positiveHeadline([{ label: r.title, share: r.positive.share }]) : null;
  if (r.type === 'number' || r.type === 'text') return null;
  return choiceHeadline(r);
}

// ---------- gap analysis (認識差) ----------

export type GapRow = {
  organisationOption: string;
  participantOption: string;
  organisationLabel: SurveyLabel;
  participantLabel: SurveyLabel;
  organisation: { count: number; n: number; share: number } | null;
  participant: { count: number; n: number; share: number } | null;
  gapPoints: number | null; // participant share − organisation share, in percentage points
};

export function gapAnalysis(gap: SurveyGap, organisation: QuestionResult, participant: QuestionResult): GapRow[] {
  const side = (r: QuestionResult, option: string) => {
    if (r.type === 'matrix' || r.type === 'number' || r.type === 'text' || r.suppressed || r.n === null) return null;
    const o = r.options.find((x) => x.id === option);
    return o ? { count: o.count, n: r.n, share: o.share } : null;
  };
  const label = (r: QuestionResult, option: string): SurveyLabel =>
    (r.type !== 'matrix' && r.type !== 'number' && r.type !== 'text' ? r.options.find((x) => x.id === option)?.label : undefined) ?? { ja: option, en: option };
  const rows = gap.pairs.map((p): GapRow => {
    const o = side(organisation, p.organisationOption);
    const pa = side(participant, p.participantOption);
    return {
      organisationOption: p.organisationOption,
      participantOption: p.participantOption,
      organisationLabel: label(organisation, p.organisationOption),
      participantLabel: label(participant, p.participantOption),
      organisation: o,
      participant: pa,
      gapPoints: o && pa ? Math.round((pa.share - o.share) * 1000) / 10 : null,
    };
  });
  // As the seed's chart: what participants want most first.
  return rows.sort((a, b) => (b.participant?.share ?? -1) - (a.participant?.share ?? -1));
}

/** 約６割の交流採用者が「…」… 力を入れて行っていると回答した組織の割合は… — the widest gap, in words. */
export function gapHeadline(rows: GapRow[]): Messages | null {
  const top = rows.filter((r) => r.gapPoints !== null).sort((a, b) => b.gapPoints! - a.gapPoints!)[0];
  if (!top || !top.participant || !top.organisation || top.gapPoints! <= 0) return null;
  const p = shareWords(top.participant.share);
  const o = shareWords(top.organisation.share);
  return {
    ja: `${p.ja}の回答者が「${top.participantLabel.ja}」を求めている一方、「${top.organisationLabel.ja}」に力を入れている組織は${o.ja}`,
    en: `${p.en[0]!.toUpperCase()}${p.en.slice(1)} of participants want “${top.participantLabel.en}”, while ${o.en} of organisations focus on “${top.organisationLabel.en}”.`,
  };
}

// ---------- comparison across rounds ----------

export type RoundDelta = { question: string; item?: string | undefined; option: string; before: number | null; after: number | null; points: number | null };

/**
 * The change in share (percentage points, one decimal) per question, item and option between two
 * rounds' results, matched by question, item and option ids (a new version keeps the ids of the
 * questions it carries over). Suppressed or missing figures give null.
 */
export function compareRounds(before: SurveyResults, after: SurveyResults): RoundDelta[] {
  const shares = (r: SurveyResults) => {
    const m = new Map<string, number | null>();
    for (const q of r.questions) {
      if (q.type === 'matrix') for (const it of q.items) for (const o of it.options) m.set(`${q.id}\u0000${it.id}\u0000${o.id}`, it.n === null ? null : o.share);
      else if (q.type !== 'number' && q.type !== 'text') for (const o of q.options) m.set(`${q.id}\u0000\u0000${o.id}`, q.suppressed ? null : o.share);
    }
    return m;
  };
  const a = shares(before);
  const b = shares(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.map((k) => {
    const [question, item, option] = k.split('\u0000') as [string, string, string];
    const x = a.get(k) ?? null;
    const y = b.get(k) ?? null;
    return { question, ...(item ? { item } : {}), option, before: x, after: y, points: x !== null && y !== null ? Math.round((y - x) * 1000) / 10 : null };
  });
}
