// Generated respondents for tests, benches and the demo: organisations with the seed's attribute split
// (templates/respondents-2023.json) and participants, each answering every question they see with
// a valid answer. Where the seed publishes a share (templates/demo-shares-2023.json, with the seed's
// lines), generateResponses gives the answers that share to within one respondent (quotas: each
// option is chosen when its running count falls behind share × respondents so far, from a random
// offset); the other answers are random. Deterministic for a seed (seeded PRNG), pure.
import type { RespondentAttributes, SurveyAnswerSet, SurveyAnswerValue, SurveyDefinition, SurveyQuestion } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { evaluateCondition } from './answers.ts';
import { allQuestions, optionsOf, positiveOptionIds } from './definition.ts';
import type { SurveyResponse } from './results.ts';
import splits from './templates/respondents-2023.json' with { type: 'json' };
import demoShares from './templates/demo-shares-2023.json' with { type: 'json' };

export type Rng = () => number;
/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The 49 organisations' attributes: exactly the seed's 16 with a dispatch and 34 with a hire since 2021-11-01. */
export function organisationAttributes(seed = 1): RespondentAttributes[] {
  const r = rng(seed);
  const o = splits.organisations;
  const dispatchOnly = o.withDispatchSince - o.withBoth;
  const hireOnly = o.withHireSince - o.withBoth;
  const out: RespondentAttributes[] = [];
  const within = () => addDays(o.since, Math.floor(r() * 700)); // between the cut-off and the fielding
  const before = () => (r() < 0.5 ? null : addDays(o.since, -1 - Math.floor(r() * 2000))); // never, or before the cut-off
  for (let i = 0; i < o.total; i++) {
    const dispatch = i < o.withBoth || (i >= o.withBoth && i < o.withBoth + dispatchOnly);
    const hire = i < o.withBoth || (i >= o.withBoth + dispatchOnly && i < o.withBoth + dispatchOnly + hireOnly);
    out.push({
      organisationType: i % 7 === 3 && out.filter((x) => x.organisationType === 'executive_agency').length < o.executiveAgencies ? 'executive_agency' : 'ministry',
      lastDispatchOn: dispatch ? within() : before(),
      lastHireOn: hire ? within() : before(),
    });
  }
  return out;
}

export function participantAttributes(counts: { hire: number; dispatch: number } = splits.participants): RespondentAttributes[] {
  return [...Array.from({ length: counts.hire }, () => ({ direction: 'hire' })), ...Array.from({ length: counts.dispatch }, () => ({ direction: 'dispatch' }))];
}

/** The published shares of one question (templates/demo-shares-2023.json). */
export type QuestionShares = {
  seed: string;
  /** Share of よく + やや当てはまる: per matrix item, or of a scale question. */
  positive?: number | Record<string, number>;
  /** Single / best choice: share of n per option; the rest spread over the other options. */
  shares?: Record<string, number>;
  /** Multiple / up-to-N choice: share of n choosing the option. */
  chosen?: Record<string, number>;
  /** Multiple / up-to-N choice: the chance of each option without a published share (ASSUMED). */
  others?: number;
};
export type DefinitionShares = Record<string, QuestionShares>;

/** The published shares for a definition (key and version), or undefined. */
export function seedShares(def: Pick<SurveyDefinition, 'key' | 'version'>): DefinitionShares | undefined {
  return (demoShares.surveys as Record<string, DefinitionShares>)[`${def.key}@${def.version}`];
}

/** Running quotas over a generated set of respondents: per question (and matrix item) and option. */
export class Quotas {
  private readonly state = new Map<string, { seen: number; counts: Map<string, number>; offsets: Map<string, number> }>();
  constructor(private readonly r: Rng) {}
  private of(key: string) {
    let s = this.state.get(key);
    if (!s) this.state.set(key, (s = { seen: 0, counts: new Map(), offsets: new Map() }));
    return s;
  }
  private offset(s: { offsets: Map<string, number> }, option: string): number {
    let u = s.offsets.get(option);
    if (u === undefined) s.offsets.set(option, (u = this.r()));
    return u;
  }
  /** One option of a distribution (shares summing to 1): the one furthest behind its quota. */
  pick(key: string, dist: [string, number][]): string {
    const s = this.of(key);
    let best = dist[0]![0];
    let bestDeficit = -Infinity;
    for (const [o, p] of dist) {
      const deficit = (s.seen + 1) * p + this.offset(s, o) - (s.counts.get(o) ?? 0);
      if (deficit > bestDeficit) [best, bestDeficit] = [o, deficit];
    }
    s.seen++;
    s.counts.set(best, (s.counts.get(best) ?? 0) + 1);
    return best;
  }
  /** Whether the next respondent takes an option chosen by a share p of respondents; confirm with `took`. */
  due(key: string, option: string, p: number): boolean {
    const s = this.of(key);
    return (s.counts.get(option) ?? 0) < Math.floor((s.seen + 1) * p + this.offset(s, option));
  }
  /** Records one respondent of a choice question and the options kept. */
  took(key: string, options: string[]): void {
    const s = this.of(key);
    s.seen++;
    for (const o of options) s.counts.set(o, (s.counts.get(o) ?? 0) + 1);
  }
}

/**
 * A valid answer to every question the respondent sees (required or not, ~90% for optional ones):
 * with the published shares when `shares` and `quotas` are given, otherwise random.
 */
export function generateAnswers(def: SurveyDefinition, attrs: RespondentAttributes, r: Rng, shares?: DefinitionShares, quotas?: Quotas): SurveyAnswerSet {
  const answers: SurveyAnswerSet = {};
  const visible = new Set<string>();
  for (const q of allQuestions(def)) {
    if (q.condition && !evaluateCondition(q.condition, attrs, answers, visible)) continue;
    visible.add(q.id);
    if (!q.required && r() < 0.1) continue;
    const spec = shares?.[q.id];
    answers[q.id] = spec && quotas ? sharedAnswer(q, spec, r, quotas) : randomAnswer(q, r);
  }
  return answers;
}

/** A scale's distribution with a positive share p: よく 55% / やや 45% of p, the rest falling off over the other options. */
function positiveDistribution(ids: string[], positive: readonly string[], p: number): [string, number][] {
  const rest = ids.filter((id) => !positive.includes(id));
  const weights = rest.map((_, i) => rest.length - i);
  const sum = weights.reduce((a, b) => a + b, 0);
  const [first, second] = positive;
  return [[first!, 0.55 * p], [second!, 0.45 * p], ...rest.map((id, i) => [id, ((1 - p) * weights[i]!) / sum] as [string, number])];
}

/** Given shares over some options: the rest spread evenly over the other options. */
function completeDistribution(ids: string[], given: Record<string, number>): [string, number][] {
  const known = ids.filter((id) => id in given);
  const rest = ids.filter((id) => !(id in given));
  const left = Math.max(0, 1 - known.reduce((a, id) => a + given[id]!, 0));
  return ids.map((id) => [id, id in given ? given[id]! : rest.length ? left / rest.length : 0]);
}

function sharedAnswer(q: SurveyQuestion, spec: QuestionShares, r: Rng, quotas: Quotas): SurveyAnswerValue {
  switch (q.type) {
    case 'scale': {
      if (typeof spec.positive !== 'number') return randomAnswer(q, r);
      return quotas.pick(q.id, positiveDistribution(optionsOf(q).map((o) => o.id), positiveOptionIds(q), spec.positive));
    }
    case 'matrix': {
      const random = randomAnswer(q, r) as Record<string, string>;
      const positive = typeof spec.positive === 'object' ? spec.positive : {};
      const ids = optionsOf(q).map((o) => o.id);
      return Object.fromEntries(q.items.map((it) => [it.id, it.id in positive ? quotas.pick(`${q.id}/${it.id}`, positiveDistribution(ids, positiveOptionIds(q), positive[it.id]!)) : random[it.id]!]));
    }
    case 'single':
    case 'best':
      if (!spec.shares) return randomAnswer(q, r);
      return quotas.pick(q.id, completeDistribution(optionsOf(q).map((o) => o.id), spec.shares));
    case 'multiple':
    case 'upTo': {
      const chosen = spec.chosen ?? {};
      const exclusive = q.options.filter((o) => o.exclusive);
      // An exclusive option (特になし, 該当なし) with a share: alone, when due.
      for (const o of exclusive) {
        if (o.id in chosen && quotas.due(q.id, o.id, chosen[o.id]!)) {
          quotas.took(q.id, [o.id]);
          return [o.id];
        }
      }
      // The others' shares are of all n too (the quota counts every respondent, so it catches up among those left).
      const plain = q.options.filter((o) => !o.exclusive);
      const given = plain.filter((o) => o.id in chosen).map((o) => o.id);
      let picked = given.filter((id) => quotas.due(q.id, id, chosen[id]!));
      let extra = plain.filter((o) => !(o.id in chosen) && r() < (spec.others ?? 0.15)).map((o) => o.id);
      const max = q.type === 'upTo' ? q.max : plain.length;
      while (picked.length + extra.length > max) {
        if (extra.length) extra.splice(Math.floor(r() * extra.length), 1);
        else picked = [...picked].sort((a, b) => chosen[b]! - chosen[a]!).slice(0, max);
      }
      let out = [...picked, ...extra];
      if (!out.length) {
        const none = exclusive.filter((o) => !(o.id in chosen));
        const others = plain.filter((o) => !(o.id in chosen));
        out = [pick(r, none.length ? none : others.length ? others : plain).id];
      }
      quotas.took(q.id, out);
      const order = new Map(q.options.map((o, i) => [o.id, i]));
      return out.sort((a, b) => order.get(a)! - order.get(b)!);
    }
    default:
      return randomAnswer(q, r);
  }
}

function randomAnswer(q: SurveyQuestion, r: Rng): SurveyAnswerValue {
  // Skewed towards the first options (the positive end of the scales), as in the seed's charts.
  const skewed = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(r() * r() * xs.length * 1.6))]!;
  switch (q.type) {
    case 'scale':
    case 'single':
    case 'best':
      return skewed(optionsOf(q).map((o) => o.id));
    case 'matrix':
      return Object.fromEntries(q.items.map((it) => [it.id, skewed(optionsOf(q).map((o) => o.id))]));
    case 'multiple':
    case 'upTo': {
      const exclusive = q.options.filter((o) => o.exclusive);
      if (exclusive.length && r() < 0.2) return [pick(r, exclusive).id];
      const plain = q.options.filter((o) => !o.exclusive);
      const max = q.type === 'upTo' ? q.max : plain.length;
      const k = 1 + Math.floor(r() * max);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(k, plain.length)) chosen.add(pick(r, plain).id);
      return plain.filter((o) => chosen.has(o.id)).map((o) => o.id);
    }
    case 'number': {
      const min = q.min ?? 0;
      const max = q.max ?? min + 100;
      const v = min + r() * (max - min);
      return q.integer ? Math.round(v) : v;
    }
    case 'text':
      return pick(r, ['丁寧な説明があり助かりました。', '人脈形成の機会がもっと欲しい。', 'More feedback from my superiors would help.', '特になし']).slice(0, q.maxLength);
  }
}

/** Answers for each respondent; with the published shares of the definition when the seed gives them (pass null for all random). */
export function generateResponses(def: SurveyDefinition, attributes: RespondentAttributes[], seed = 7, shares: DefinitionShares | null | undefined = seedShares(def)): SurveyResponse[] {
  const r = rng(seed);
  const quotas = shares ? new Quotas(r) : undefined;
  return attributes.map((a) => ({ attributes: a, answers: generateAnswers(def, a, r, shares ?? undefined, quotas) }));
}
