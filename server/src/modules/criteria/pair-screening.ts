// Pair screening (組合せの交流基準チェック): which organisation × company pairs the exchange criteria
// (交流基準) bar before any official or post is chosen — for matching suggestions and rounds.
// Every verdict comes from the engine, on a facts document per pair:
//  - Evaluated as bars: the rules that depend on the pair alone — prosecution (起訴・処分),
//    contract_dependence (契約関係), entity_type (対象法人). A rule that fails bars the pair, with
//    the engine's reason; prosecution's "the NPA may approve an exception" is carried in the reason.
//    One the stored facts cannot decide (indeterminate) is reported for review, not as a bar.
//  - Not evaluated here: the rules about a person or a post (licensing_post, contract_involvement,
//    consecutive_exchanges) and the division rule (public_revenue_division, which needs the
//    division) — they are checked when the exchange case names them. Licensing jurisdiction of one
//    of the organisation's units over the company is reported as a caution, not a bar: only the
//    officials who held those posts (dispatch) or the posts in those units (hire) are restricted.
//  - duration is about the plan, not the pair, and is left out.
// Speed: one organisation against 100,000 companies must not cost 100,000 documents. Set-based
// SQL finds the few companies with any fact those rules could fail on (contract totals at the
// threshold, restricting sanctions, ineligible types); only they get a document. Every other
// company passes them on the stored facts. For few companies (a company's own sheet against every
// ministry, a matching round) each company gets its document and the engine's decision is shared
// by the organisations it has no contracts with.
import type { CompanyFacts, CriteriaRequest, Decision, Direction, RuleId } from '../../../../common/src/schemas/criteria.schema.ts';
import type { Messages } from '../../platform/errors.ts';
import { screeningWindows } from './criteria.repository.ts';
import type { ParameterSet } from './parameters.ts';
import type { PairFacts, PairScreeningRepository } from './pair-screening.repository.ts';

/** The rules that can bar a pair before a person or post is named. */
export const PAIR_RULES: readonly RuleId[] = ['prosecution', 'contract_dependence', 'entity_type'];

export type PairBar = { ruleId: RuleId; title: Messages; reason: Messages; earliestPassDate: string | null; exceptionAvailable: boolean };
export type PairReview = { ruleId: RuleId; title: Messages; reason: Messages };
/** `bars` non-empty: the pair is barred; else `reviews` lists what the stored facts cannot decide. */
export type PairVerdict = { bars: PairBar[]; reviews: PairReview[]; message: Messages };
export type PairCaution = { code: 'licensing_jurisdiction'; units: Messages[]; message: Messages };

/** One organisation's pairs with a set of companies, for one planned exchange. */
export type PairGroup = {
  organisationId: number;
  direction: Direction;
  plannedStart: string;
  plannedEnd: string;
  companyIds: Iterable<number>;
};

type Deps = {
  repo: PairScreeningRepository;
  params: ParameterSet;
  evaluate: (req: CriteriaRequest) => Decision;
  /** Up to this many distinct companies, every company gets a document (no candidate queries). */
  directLimit?: number;
};

/**
 * What one decision says about a pair: the failing pair rules (bars) and the pair rules the
 * stored facts cannot decide (to review, e.g. contracts at the threshold but sales unknown).
 * null when neither.
 */
export function pairVerdict(d: Decision): PairVerdict | null {
  const rules = d.rules.filter((r) => PAIR_RULES.includes(r.ruleId));
  const bars: PairBar[] = rules
    .filter((r) => r.outcome === 'fail')
    .map((r) => {
      const decisive = r.reasons.find((x) => !x.code.startsWith('exception.')) ?? r.reasons[0]!;
      const exception = r.exception.available ? r.reasons.find((x) => x.code === 'exception.available') : undefined;
      return {
        ruleId: r.ruleId,
        title: r.title,
        reason: exception
          ? { ja: `${decisive.message.ja}（${exception.message.ja}）`, en: `${decisive.message.en} (${exception.message.en})` }
          : decisive.message,
        earliestPassDate: r.earliestPassDate,
        exceptionAvailable: r.exception.available,
      };
    });
  const reviews = rules
    .filter((r) => r.outcome === 'indeterminate')
    .map((r) => ({ ruleId: r.ruleId, title: r.title, reason: (r.reasons.find((x) => x.code !== 'facts.missing') ?? r.reasons[0]!).message }));
  if (!bars.length && !reviews.length) return null;
  return {
    bars,
    reviews,
    message: bars.length
      ? {
          ja: bars.map((b) => `交流基準「${b.title.ja}」に該当：${b.reason.ja}`).join('／'),
          en: bars.map((b) => `Exchange criteria, "${b.title.en}": ${b.reason.en}`).join(' / '),
        }
      : {
          ja: reviews.map((b) => `交流基準「${b.title.ja}」は確認が必要：${b.reason.ja}`).join('／'),
          en: reviews.map((b) => `Exchange criteria, "${b.title.en}" needs review: ${b.reason.en}`).join(' / '),
        },
  };
}

function document(f: Indexed, organisationId: number, companyId: number, g: Omit<PairGroup, 'companyIds'>): CriteriaRequest {
  const c = f.companies.get(companyId)!;
  const key = String;
  const company: CompanyFacts = {
    id: key(companyId),
    name: c.name,
    legalTypeCode: c.legalTypeCode,
    capitalYen: c.capitalYen,
    employees: c.employees,
    parentId: null, // the pair rules look at the company itself
    sales: (f.sales.get(companyId) ?? []).map((s) => ({ fiscalYear: s.fiscalYear, amountYen: s.amountYen })),
  };
  return {
    exchange: {
      direction: g.direction,
      organisationId: key(organisationId),
      unitId: 'organisation', // no unit chosen yet: no jurisdiction or past exchange applies
      companyId: key(companyId),
      plannedStart: g.plannedStart,
      plannedEnd: g.plannedEnd,
    },
    facts: {
      companies: [company],
      // No person: the person's facts are left out (their rules are checked once a person is named).
      contracts: (f.contracts.get(companyId) ?? [])
        .filter((x) => x.organisationId === organisationId)
        .map((x) => ({ organisationId: key(organisationId), companyId: key(companyId), fiscalYear: x.fiscalYear, amountYen: x.amountYen })),
      sanctions: (f.sanctions.get(companyId) ?? []).map((s) => ({
        companyId: key(companyId),
        caseId: s.caseRef,
        kind: s.kind as NonNullable<CriteriaRequest['facts']['sanctions']>[number]['kind'],
        subject: s.subject as 'company' | 'officer',
        date: s.date,
        ...(s.description != null ? { description: s.description } : {}),
      })),
      jurisdictions: [],
      priorExchanges: [],
    },
  };
}

type Indexed = {
  companies: Map<number, PairFacts['companies'][number]>;
  sales: Map<number, PairFacts['sales']>;
  contracts: Map<number, PairFacts['contracts']>;
  sanctions: Map<number, PairFacts['sanctions']>;
};
function index(f: PairFacts): Indexed {
  const group = <T extends { companyId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of list) {
      const g = m.get(r.companyId);
      if (g) g.push(r);
      else m.set(r.companyId, [r]);
    }
    return m;
  };
  return { companies: new Map(f.companies.map((c) => [c.id, c])), sales: group(f.sales), contracts: group(f.contracts), sanctions: group(f.sanctions) };
}

/**
 * The barred pairs of each group: for group i, result[i] maps a company id to its verdict (absent:
 * not barred on the stored facts). Companies not in the registry are left out.
 */
export async function screenPairs(deps: Deps, groups: readonly PairGroup[]): Promise<Map<number, PairVerdict>[]> {
  const sets = groups.map((g) => (g.companyIds instanceof Set ? (g.companyIds as Set<number>) : new Set(g.companyIds)));
  const distinct = new Set<number>();
  let direct = true;
  for (const s of sets) {
    for (const id of s) {
      distinct.add(id);
      if (distinct.size > (deps.directLimit ?? 2000)) {
        direct = false;
        break;
      }
    }
    if (!direct) break;
  }

  // Which companies of each group get a document.
  const toEvaluate: number[][] = [];
  if (direct) for (const s of sets) toEvaluate.push([...s]);
  else {
    const byStart = new Map<string, { start: string; orgs: Set<number>; candidates?: Set<number> }>();
    for (const g of groups) {
      const e = byStart.get(g.plannedStart) ?? { start: g.plannedStart, orgs: new Set<number>() };
      e.orgs.add(g.organisationId);
      byStart.set(g.plannedStart, e);
    }
    for (const e of byStart.values()) e.candidates = await deps.repo.candidates([...e.orgs], e.start, screeningWindows(e.start, deps.params));
    groups.forEach((g, i) => {
      const candidates = byStart.get(g.plannedStart)!.candidates!;
      const s = sets[i]!;
      const ids: number[] = [];
      if (candidates.size < s.size) {
        for (const id of candidates) if (s.has(id)) ids.push(id);
      } else for (const id of s) if (candidates.has(id)) ids.push(id);
      toEvaluate.push(ids);
    });
  }

  const companyIds = [...new Set(toEvaluate.flat())].sort((a, b) => a - b);
  const organisationIds = [...new Set(groups.map((g) => g.organisationId))].sort((a, b) => a - b);
  const facts = index(await deps.repo.facts(companyIds, organisationIds));

  // The pair rules read the company's facts, its contracts with the organisation and the start —
  // not the direction or the end — so one decision serves every organisation the company has no
  // contracts with, and every direction and end.
  const memo = new Map<string, PairVerdict | null>();
  return groups.map((g, i) => {
    const out = new Map<number, PairVerdict>();
    for (const companyId of toEvaluate[i]!) {
      if (!facts.companies.has(companyId)) continue;
      const hasContracts = (facts.contracts.get(companyId) ?? []).some((x) => x.organisationId === g.organisationId);
      const key = `${companyId}|${hasContracts ? g.organisationId : '*'}|${g.plannedStart}`;
      let v = memo.get(key);
      if (v === undefined) {
        v = pairVerdict(deps.evaluate(document(facts, g.organisationId, companyId, g)));
        memo.set(key, v);
      }
      if (v) out.set(companyId, v);
    }
    return out;
  });
}

/** Cautions (not bars): units of the organisation with licensing jurisdiction over the company on the start. */
export async function jurisdictionCautions(
  deps: Pick<Deps, 'repo' | 'params'>,
  q: { organisationIds: readonly number[] | null; companyIds: readonly number[] | null; asOf: string },
): Promise<Map<string, PairCaution>> {
  const years = deps.params.resolve<number>('licensing_post.lookback_years', q.asOf).value;
  const rows = await deps.repo.jurisdictions(q.organisationIds, q.companyIds, q.asOf);
  const byPair = new Map<string, Messages[]>();
  for (const r of rows) {
    const k = cautionKey(r.organisationId, r.companyId);
    const list = byPair.get(k) ?? [];
    list.push({ ja: r.unitNameJa, en: r.unitNameEn });
    byPair.set(k, list);
  }
  const out = new Map<string, PairCaution>();
  for (const [k, units] of byPair) {
    out.set(k, {
      code: 'licensing_jurisdiction',
      units,
      message: {
        ja: `${units.map((u) => u.ja).join('、')}がこの企業等に対する許認可等を所掌しています。交流派遣では実施前${years}年間にそのポストにあった職員、交流採用ではその課等のポストへの採用が制限されます（人選の段階で確認します）。`,
        en: `${units.map((u) => u.en).join(', ')} handle${units.length === 1 ? 's' : ''} licences or dispositions for this company. For a dispatch, officials who held those posts in the ${years} years before cannot go; for a hire, the posts in those units are closed to its employees (checked when the person or post is chosen).`,
      },
    });
  }
  return out;
}

export const cautionKey = (organisationId: number, companyId: number) => `${organisationId}:${companyId}`;
