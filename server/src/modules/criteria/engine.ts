// The exchange criteria engine (交流基準): pure functions, no HTTP, no SQL, no clock.
// Every rule is evaluated (never stopping at the first failure) and explains itself: the facts
// it used, the parameters in force on the planned start (with their citations), the windows it
// applied, and — for a failing rule — the earliest start date on which it would pass.
import type {
  Citation,
  CompanyFacts,
  CriteriaRequest,
  Decision,
  Outcome,
  Overall,
  RuleId,
  RuleResult,
  UsedParameter,
} from '../../../../common/src/schemas/criteria.schema.ts';
import {
  addDays,
  firstStartClear,
  fiscalYearEnd,
  fiscalYearsBetween,
  lookback,
  overlaps,
  periodEnd,
  toDays,
  type IsoDate,
} from './dates.ts';
import type { ParameterSet } from './parameters.ts';
import rulesData from './rules.json' with { type: 'json' };

export const ENGINE_VERSION = '2026.11.1';

type Msg = { ja: string; en: string };
type RuleMeta = {
  id: RuleId;
  title: Msg;
  exception: { available: boolean; citation?: Citation; note?: Msg };
  citations: Citation[];
};
export const ruleCatalog = rulesData.rules as RuleMeta[];

type EntityType = { code: string; starred: boolean; nameJa: string; nameEn: string };

// ---------------------------------------------------------------- per-rule result builder

class RuleBuilder {
  readonly reasons: { code: string; message: Msg }[] = [];
  readonly factsUsed: { path: string; value: unknown }[] = [];
  readonly parameters: UsedParameter[] = [];
  readonly windows: { label: Msg; from: string; to: string }[] = [];
  earliestPassDate: string | null = null;
  exceptionAvailable: boolean;

  constructor(
    private readonly params: ParameterSet,
    private readonly asOf: IsoDate,
    meta: RuleMeta,
  ) {
    this.exceptionAvailable = meta.exception.available;
  }

  param<T>(id: string): T {
    const r = this.params.resolve<T>(id, this.asOf);
    this.parameters.push({ id: r.id, value: r.value, effectiveFrom: r.effectiveFrom, citation: r.citation });
    return r.value;
  }
  private readonly secondary: { code: string; message: Msg }[] = [];
  reason(code: string, ja: string, en: string): void {
    this.reasons.push({ code, message: { ja, en } });
  }
  /** A reason that explains an indeterminate part; listed after the decisive reasons. */
  note(code: string, ja: string, en: string): void {
    this.secondary.push({ code, message: { ja, en } });
  }
  ordered(): { code: string; message: Msg }[] {
    return [...this.reasons, ...this.secondary];
  }
  fact(path: string, value: unknown): void {
    this.factsUsed.push({ path, value });
  }
  window(ja: string, en: string, from: string, to: string): void {
    this.windows.push({ label: { ja, en }, from, to });
  }
  missing(path: string, ja: string, en: string): Outcome {
    this.reason('facts.missing', `必要な事実が不足しています: ${ja}`, `A needed fact is missing: ${en}`);
    this.fact(path, null);
    return 'indeterminate';
  }
}

type Ctx = {
  req: CriteriaRequest;
  params: ParameterSet;
  start: IsoDate;
  end: IsoDate;
  companies: Map<string, CompanyFacts>;
  target: CompanyFacts | undefined;
  /** The company and every company above it (a 子会社 is barred wherever its parent is). */
  lineage: string[];
};

const yen = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const nameOf = (ctx: Ctx, id: string) => ctx.companies.get(id)?.name ?? id;

function lineageOf(companies: Map<string, CompanyFacts>, id: string): string[] {
  const out = [id];
  const seen = new Set(out);
  let cur = companies.get(id)?.parentId;
  while (cur != null && !seen.has(cur)) {
    out.push(cur);
    seen.add(cur);
    cur = companies.get(cur)?.parentId;
  }
  return out;
}

// ---------------------------------------------------------------- rules

// 刑事起訴等を受けた民間企業等との人事交流
function prosecution(ctx: Ctx, b: RuleBuilder): Outcome {
  const years = b.param<number>('prosecution.restriction_years');
  const kinds = b.param<string[]>('prosecution.restricting_kinds');
  const sanctions = ctx.req.facts.sanctions;
  if (!sanctions) return b.missing('facts.sanctions', '起訴・不利益処分の記録', 'prosecutions and dispositions');
  const firstByCase = new Map<string, string>();
  for (const s of sanctions) {
    if (s.companyId !== ctx.req.exchange.companyId || !kinds.includes(s.kind) || s.date > ctx.start) continue;
    const prev = firstByCase.get(s.caseId);
    if (prev === undefined || s.date < prev) firstByCase.set(s.caseId, s.date);
  }
  if (firstByCase.size === 0) {
    b.fact('facts.sanctions', []);
    b.reason('prosecution.none', '交流制限の対象となる起訴・処分はありません。', 'No prosecution or serious disposition restricts this exchange.');
    return 'pass';
  }
  let failing = false;
  let latestEnd = '';
  for (const [caseId, first] of firstByCase) {
    // 民法第140条: the day of the event is not counted, so the year runs from the next day.
    const until = periodEnd(addDays(first, 1), years);
    b.fact(`facts.sanctions[case=${caseId}]`, { firstEvent: first, restrictedUntil: until });
    b.window(`事案 ${caseId} の交流制限期間`, `Restriction for case ${caseId}`, first, until);
    if (ctx.start <= until) {
      failing = true;
      if (until > latestEnd) latestEnd = until;
      b.reason(
        'prosecution.within_restriction',
        `事案 ${caseId} の最初の起訴・処分（${first}）から${years}年以内（${until}まで）に開始するため、交流できません。`,
        `The exchange starts within ${years} year(s) of the first prosecution or disposition in case ${caseId} (${first}; restricted until ${until}).`,
      );
    }
  }
  if (failing) {
    b.earliestPassDate = addDays(latestEnd, 1);
    return 'fail';
  }
  b.reason('prosecution.expired', `起訴・処分の記録はありますが、交流制限期間（${years}年）は終了しています。`, `Recorded prosecutions or dispositions are older than the ${years}-year restriction.`);
  return 'pass';
}

// 許認可権限等を有する国の機関と民間企業等との間の人事交流
function licensingPost(ctx: Ctx, b: RuleBuilder): Outcome {
  const years = b.param<number>('licensing_post.lookback_years');
  const { exchange } = ctx.req;
  const barred = new Set(ctx.lineage);
  b.fact('company.lineage', ctx.lineage);
  const describe = (hits: string[]) => ({
    ja: hits.map((id) => (id === exchange.companyId ? nameOf(ctx, id) : `${nameOf(ctx, id)}（親会社）`)).join('、'),
    en: hits.map((id) => (id === exchange.companyId ? nameOf(ctx, id) : `${nameOf(ctx, id)} (parent company)`)).join(', '),
  });

  if (exchange.direction === 'hire') {
    const licensing = exchange.post?.licensingCompanyIds;
    if (!licensing) return b.missing('exchange.post.licensingCompanyIds', '受入れポストが許認可等を所掌する企業', 'companies the receiving post handles licences for');
    b.fact('exchange.post.licensingCompanyIds', licensing);
    const hits = licensing.filter((id) => barred.has(id));
    if (hits.length) {
      b.earliestPassDate = null;
      b.reason(
        'licensing_post.hire_into_licensing_post',
        `受入れポストは ${describe(hits).ja} に対する許認可等の事務を所掌しているため、その企業（及びその子会社）の従業員を受け入れられません。`,
        `The receiving post handles licences or dispositions for ${describe(hits).en}, so an employee of that company (or its subsidiaries) cannot be hired into it.`,
      );
      return 'fail';
    }
    if (!ctx.target) return b.missing('facts.companies', '交流元企業の親会社', "the home company's parent company");
    b.reason('licensing_post.none', '受入れポストは交流元企業に対する許認可等を所掌していません。', 'The receiving post handles no licences or dispositions for the home company.');
    return 'pass';
  }

  const history = ctx.req.facts.postHistory;
  if (!history) return b.missing('facts.postHistory', '職員の官職歴', "the official's post history");
  const w = lookback(ctx.start, years);
  b.window(`実施前${years}年間`, `The ${years} years before the start`, w.from, w.to);
  const posts = history;
  let failing = false;
  let lastEnd: string | null = '';
  posts.forEach((p, i) => {
    if (!overlaps(p.from, p.to, w.from, w.to)) return;
    const hits = p.licensingCompanyIds.filter((id) => barred.has(id));
    if (!hits.length) return;
    failing = true;
    b.fact(`facts.postHistory[${i}]`, p);
    if (p.to == null) lastEnd = null;
    else if (lastEnd !== null && p.to > lastEnd) lastEnd = p.to;
    const title = p.title ?? p.unitId;
    b.reason(
      'licensing_post.held_licensing_post',
      `実施前${years}年間（${w.from}〜${w.to}）に、${describe(hits).ja} に対する許認可等の事務を所掌するポスト（${title}、${p.from}〜${p.to ?? '在職中'}）に就いていたため、この企業及びその子会社へ派遣できません。所管関係のない別のポストであれば派遣できます。`,
      `In the ${years} years before the start (${w.from} to ${w.to}) the official held a post handling licences or dispositions for ${describe(hits).en} (${title}, ${p.from} to ${p.to ?? 'present'}), so cannot be dispatched to that company or its subsidiaries. Officials in posts without that jurisdiction can.`,
    );
  });
  if (failing) {
    b.earliestPassDate = lastEnd === null ? null : firstStartClear(lastEnd, years);
    return 'fail';
  }
  if (!ctx.target) return b.missing('facts.companies', '派遣先企業の親会社', "the company's parent company");
  b.fact('facts.postHistory', `${history.length} posts`);
  b.reason('licensing_post.none', `実施前${years}年間に、この企業又はその親会社の許認可等を所掌するポストに就いていません。`, `No post in the ${years} years before the start handled licences for this company or its parents.`);
  return 'pass';
}

// 同一の民間企業等との継続的な人事交流
function consecutiveExchanges(ctx: Ctx, b: RuleBuilder): Outcome {
  const max = b.param<number>('consecutive.max_in_a_row');
  const gap = b.param<number>('consecutive.gap_years');
  const { exchange, facts } = ctx.req;
  if (!facts.jurisdictions) return b.missing('facts.jurisdictions', '所管関係（許認可等を所掌する課等）', 'licensing jurisdiction');
  const active = facts.jurisdictions.filter(
    (j) => j.unitId === exchange.unitId && j.companyId === exchange.companyId && (j.from == null || j.from <= ctx.start) && (j.to == null || j.to >= ctx.start),
  );
  b.fact('facts.jurisdictions[unit,company]', active);
  if (!active.length) {
    b.reason('consecutive.no_jurisdiction', 'この課等はこの企業に対する許認可等を所掌していないため、適用されません。', 'The unit has no licensing jurisdiction over the company, so the rule does not apply.');
    return 'not_applicable';
  }
  if (!facts.priorExchanges) return b.missing('facts.priorExchanges', 'この企業と課等との過去の交流', 'past exchanges between the company and the unit');
  const priors = facts.priorExchanges
    .filter((p) => p.companyId === exchange.companyId && p.unitId === exchange.unitId && p.start < ctx.start)
    .sort((a, c) => (a.start < c.start ? -1 : a.start > c.start ? 1 : 0));
  // Exchanges (either direction, possibly overlapping) form a row while each starts less than
  // `gap` years after the latest end so far: on or before the last day of the gap period that
  // begins the day after that end. Ongoing exchanges (no end) keep the row open.
  const lastDayInRow = (end: string | null | undefined) => (end == null ? null : periodEnd(addDays(end, 1), gap));
  let row: typeof priors = [];
  let latestEnd: string | null | undefined;
  for (const p of priors) {
    const until = row.length ? lastDayInRow(latestEnd) : undefined;
    if (row.length && until !== null && p.start > until!) row = [];
    if (!row.length) latestEnd = p.end;
    else if (latestEnd != null && (p.end == null || p.end > latestEnd)) latestEnd = p.end;
    row.push(p);
  }
  const until = row.length ? lastDayInRow(latestEnd) : undefined;
  if (row.length && until !== null && ctx.start > until!) row = [];
  for (const p of row) b.fact(`facts.priorExchanges[${p.start}]`, p);
  if (row.length && until) b.window(`前回までの交流（${latestEnd}終了）から連続とみなす期間`, `Counts as consecutive after the exchanges ending ${latestEnd}`, addDays(latestEnd!, 1), until);
  const nth = row.length + 1;
  if (nth > max) {
    b.earliestPassDate = until ? addDays(until, 1) : null;
    b.reason(
      'consecutive.too_many',
      `この交流は同一の課等との${nth}回目の連続交流となり、上限（${max}回）を超えます（前回の終了から${gap}年未満の開始は連続とみなします）。`,
      `This would be exchange no. ${nth} in a row between the company and the same unit, above the limit of ${max} (an exchange starting less than ${gap} years after the previous one ended counts as consecutive).`,
    );
    return 'fail';
  }
  b.reason('consecutive.within_limit', `同一の課等との連続交流は${nth}回目で、上限（${max}回）以内です。`, `This would be exchange no. ${nth} in a row with the same unit, within the limit of ${max}.`);
  return 'pass';
}

// 契約の締結に携わった職員等に係る人事交流
function contractInvolvement(ctx: Ctx, b: RuleBuilder): Outcome {
  const years = b.param<number>('contract_involvement.lookback_years');
  const { exchange, facts } = ctx.req;
  if (!facts.contractInvolvements && !exchange.personId) {
    // A post screened before anyone is chosen: this rule is about the person, checked once named.
    b.reason('contract_involvement.no_person', '交流する人が未定のため、この基準は候補者が決まってから確認します。', 'No person is named yet: this rule is checked once a candidate is chosen.');
    return 'not_applicable';
  }
  if (!facts.contractInvolvements) return b.missing('facts.contractInvolvements', '契約の締結・履行への関与歴', 'involvement in contracts');
  const w = lookback(ctx.start, years);
  b.window(`実施前${years}年間`, `The ${years} years before the start`, w.from, w.to);
  let lastEnd: string | null = '';
  let failing = false;
  facts.contractInvolvements.forEach((c, i) => {
    // Dispatch: a contract between any 府省等 and the company bars going to the company.
    // Hire: a contract between the company and the receiving 府省等 bars joining that 府省等.
    if (exchange.direction === 'hire' && c.organisationId !== exchange.organisationId) return;
    if (c.companyId !== exchange.companyId || !overlaps(c.from, c.to, w.from, w.to)) return;
    failing = true;
    b.fact(`facts.contractInvolvements[${i}]`, c);
    if (c.to == null) lastEnd = null;
    else if (lastEnd !== null && c.to > lastEnd) lastEnd = c.to;
    b.reason(
      'contract_involvement.involved',
      `実施前${years}年間に、府省等とこの企業との契約の締結又は履行に携わった期間（${c.from}〜${c.to ?? '継続中'}）があるため、${exchange.direction === 'dispatch' ? 'この企業へ派遣' : 'この府省等へ採用'}できません。`,
      `In the ${years} years before the start this person was involved in concluding or performing a contract between the ministry and the company (${c.from} to ${c.to ?? 'ongoing'}), so cannot be ${exchange.direction === 'dispatch' ? 'dispatched to the company' : 'hired by the ministry'}.`,
    );
  });
  if (failing) {
    b.earliestPassDate = lastEnd === null ? null : firstStartClear(lastEnd, years);
    return 'fail';
  }
  b.fact('facts.contractInvolvements', `${facts.contractInvolvements.length} records`);
  b.reason(
    'contract_involvement.none',
    exchange.direction === 'dispatch'
      ? `実施前${years}年間に、府省等とこの企業との契約に携わった期間はありません。`
      : `実施前${years}年間に、この府省等とこの企業との契約に携わった期間はありません。`,
    exchange.direction === 'dispatch'
      ? `No involvement in contracts between any ministry and the company in the ${years} years before the start.`
      : `No involvement in contracts between the ministry and the company in the ${years} years before the start.`,
  );
  return 'pass';
}

// 契約関係にある国の機関と民間企業等との間の人事交流
function contractDependence(ctx: Ctx, b: RuleBuilder): Outcome {
  const years = b.param<number>('contract_dependence.lookback_years');
  const minTotal = b.param<number>('contract_dependence.min_total_yen');
  const share = b.param<number>('contract_dependence.share_percent');
  const shareLarge = b.param<number>('contract_dependence.share_percent_large');
  const minCapital = b.param<number>('large_company.min_capital_yen');
  const minEmployees = b.param<number>('large_company.min_employees');
  const { exchange, facts } = ctx.req;
  if (!facts.contracts) return b.missing('facts.contracts', '府省等とこの企業との年度別契約額', "the ministry's contracts with the company per fiscal year");
  const w = lookback(ctx.start, years);
  const fys = fiscalYearsBetween(w.from, w.to);
  b.window(`実施前${years}年間に係る年度（${fys[0]}〜${fys[fys.length - 1]}年度）`, `Fiscal years overlapping the ${years} years before (FY${fys[0]}–FY${fys[fys.length - 1]})`, w.from, w.to);
  const totals = new Map<number, bigint>();
  for (const c of facts.contracts) {
    if (c.organisationId !== exchange.organisationId || c.companyId !== exchange.companyId) continue;
    totals.set(c.fiscalYear, (totals.get(c.fiscalYear) ?? 0n) + BigInt(c.amountYen));
  }
  const t = ctx.target;
  const capital = t?.capitalYen;
  const employees = t?.employees;
  // 大企業: both thresholds met; known "not large" as soon as either is known to fall short.
  const large: boolean | null =
    capital != null && employees != null
      ? capital >= minCapital && employees >= minEmployees
      : (capital != null && capital < minCapital) || (employees != null && employees < minEmployees)
        ? false
        : null;
  let failFy = -1;
  let unknown = false;
  for (const fy of fys) {
    const total = totals.get(fy) ?? 0n;
    if (total < BigInt(minTotal)) continue;
    const sales = t?.sales?.find((s) => s.fiscalYear === fy)?.amountYen;
    if (sales === undefined) {
      unknown = true;
      b.fact(`contracts[FY${fy}]`, { totalYen: Number(total), salesYen: null });
      b.note('contract_dependence.sales_missing', `${fy}年度の契約総額は${yen(Number(total))}円ですが、同年度の売上額等が不明です。`, `Contracts in FY${fy} total ${yen(Number(total))} yen, but the company's sales for that year are not known.`);
      continue;
    }
    const lhs = total * 100n;
    const meetsShare = lhs >= BigInt(sales) * BigInt(share);
    const meetsLarge = lhs >= BigInt(sales) * BigInt(shareLarge);
    b.fact(`contracts[FY${fy}]`, { totalYen: Number(total), salesYen: sales, large });
    const pct = sales === 0 ? '∞' : (Number((lhs * 100n) / BigInt(sales)) / 100).toFixed(2);
    if (meetsShare || (meetsLarge && large === true)) {
      failFy = Math.max(failFy, fy);
      const limit = meetsShare ? share : shareLarge;
      b.reason(
        'contract_dependence.dependent',
        `${fy}年度に、府省等との契約総額が${yen(Number(total))}円（${yen(minTotal)}円以上）で、売上額等${yen(sales)}円の${pct}%（${limit}%以上${limit === shareLarge ? '、大企業' : ''}）を占めるため、交流できません。`,
        `In FY${fy} the ministry's contracts total ${yen(Number(total))} yen (at least ${yen(minTotal)}) and make up ${pct}% of sales of ${yen(sales)} yen (at least ${limit}%${limit === shareLarge ? ' for a large company' : ''}).`,
      );
    } else if (meetsLarge && large === null) {
      unknown = true;
      b.note(
        'contract_dependence.size_unknown',
        `${fy}年度の契約額は売上額等の${pct}%で、大企業（資本の額等${yen(minCapital)}円以上かつ従業員${minEmployees}人以上）なら基準（${shareLarge}%）に該当しますが、資本の額等又は従業員数が不明です。`,
        `In FY${fy} contracts are ${pct}% of sales: that meets the ${shareLarge}% limit for a large company (capital ≥ ${yen(minCapital)} yen and ≥ ${minEmployees} employees), but capital or headcount is not known.`,
      );
    }
  }
  if (failFy >= 0) {
    b.earliestPassDate = firstStartClear(fiscalYearEnd(failFy), years);
    return 'fail';
  }
  if (unknown) return 'indeterminate';
  b.fact('contracts', Object.fromEntries([...totals].filter(([fy]) => fys.includes(fy)).map(([fy, v]) => [fy, Number(v)])));
  b.reason('contract_dependence.none', `実施前${years}年間に係るいずれの年度も、契約関係の基準に該当しません。`, `No fiscal year in the ${years}-year look-back meets the contract-dependence thresholds.`);
  return 'pass';
}

const isMainlyPublic = (r: { publicYen: number; totalYen: number }, sharePct: number) =>
  BigInt(r.publicYen) * 100n > BigInt(r.totalYen) * BigInt(sharePct);

// 国等の事務又は事業の実施等によって収益を得ている法人との人事交流
function publicRevenueDivision(ctx: Ctx, b: RuleBuilder): Outcome {
  const types = b.param<EntityType[]>('entity_types.eligible');
  const t = ctx.target;
  if (!t?.legalTypeCode) return b.missing('company.legalTypeCode', '法人の種類', 'legal-entity type');
  const type = types.find((x) => x.code === t.legalTypeCode);
  b.fact('company.legalTypeCode', t.legalTypeCode);
  if (!type?.starred) {
    b.reason(
      'public_revenue.not_starred',
      type ? `この法人の種類（${type.nameJa}、*印なし）には適用されません。` : '対象外の法人の種類のため適用されません（法人の種類の基準を参照）。',
      type ? `Does not apply to this type of legal entity (${type.nameEn}, not marked *).` : 'Does not apply: the legal-entity type is not eligible (see the entity-type rule).',
    );
    return 'not_applicable';
  }
  const years = b.param<number>('public_revenue.lookback_years');
  const sharePct = b.param<number>('public_revenue.main_share_percent');
  const w = lookback(ctx.start, years);
  const fys = fiscalYearsBetween(w.from, w.to);
  b.window(`実施前${years}年間に係る年度`, `Fiscal years overlapping the ${years} years before`, w.from, w.to);
  const divisions = ctx.req.facts.divisions?.filter((d) => d.companyId === t.id);
  if (!divisions) return b.missing('facts.divisions', '部門別の収益', 'revenue per division');
  // A fiscal year still running on the start has no final revenue yet: counted only if recorded.
  const inProgress = (fy: number) => fiscalYearEnd(fy) >= ctx.start;
  const assess = (d: (typeof divisions)[number]) => {
    let mainFy = -1;
    let unknown = 0;
    for (const fy of fys) {
      const r = d.revenue?.find((x) => x.fiscalYear === fy);
      if (!r) {
        if (!inProgress(fy)) unknown++;
      }
      else if (isMainlyPublic(r, sharePct)) mainFy = Math.max(mainFy, fy);
    }
    return { mainFy, unknown };
  };
  const divisionId = ctx.req.exchange.divisionId;
  if (divisionId) {
    const d = divisions.find((x) => x.id === divisionId);
    if (!d) return b.missing(`facts.divisions[${divisionId}]`, '交流する部門の収益', 'revenue of the division concerned');
    const { mainFy, unknown } = assess(d);
    b.fact(`facts.divisions[${d.id}]`, d);
    if (mainFy >= 0) {
      b.earliestPassDate = firstStartClear(fiscalYearEnd(mainFy), years);
      b.reason(
        'public_revenue.division_excluded',
        `部門「${d.name ?? d.id}」は${mainFy}年度に収益の主たる部分（${sharePct}%超）を国等の事務・事業から得ているため、この部門との交流はできません。他の部門とは交流できます。`,
        `Division "${d.name ?? d.id}" earned the main part of its revenue (over ${sharePct}%) from national or local government work in FY${mainFy}, so no exchange with this division; other divisions are fine.`,
      );
      return 'fail';
    }
    if (unknown) {
      b.reason('public_revenue.revenue_missing', `部門「${d.name ?? d.id}」の収益が${unknown}年度分不明です。`, `Revenue of division "${d.name ?? d.id}" is missing for ${unknown} fiscal year(s).`);
      return 'indeterminate';
    }
    b.reason('public_revenue.division_ok', `部門「${d.name ?? d.id}」の収益の主たる部分は国等の事務・事業によるものではありません。`, `Division "${d.name ?? d.id}" does not earn mainly from government work.`);
    return 'pass';
  }
  const excluded = divisions.filter((d) => assess(d).mainFy >= 0);
  if (excluded.length) {
    b.fact('facts.divisions(excluded)', excluded.map((d) => d.name ?? d.id));
    b.reason(
      'public_revenue.division_required',
      `国等の事務・事業から主に収益を得ている部門（${excluded.map((d) => d.name ?? d.id).join('、')}）があります。交流する部門を指定してください。`,
      `Some divisions earn mainly from government work (${excluded.map((d) => d.name ?? d.id).join(', ')}); name the division the exchange is with.`,
    );
    return 'indeterminate';
  }
  if (!divisions.length || divisions.some((d) => assess(d).unknown > 0)) {
    b.reason('public_revenue.revenue_missing', '部門別の収益が記録されていない年度があります。', 'Revenue per division is missing for some fiscal years.');
    return 'indeterminate';
  }
  b.reason('public_revenue.none', '国等の事務・事業から主に収益を得ている部門はありません。', 'No division earns mainly from government work.');
  return 'pass';
}

// 対象となる民間企業等
function entityType(ctx: Ctx, b: RuleBuilder): Outcome {
  const types = b.param<EntityType[]>('entity_types.eligible');
  const code = ctx.target?.legalTypeCode;
  if (!code) return b.missing('company.legalTypeCode', '法人の種類', 'legal-entity type');
  b.fact('company.legalTypeCode', code);
  const match = types.find((t) => t.code === code);
  if (match) {
    b.reason('entity_type.eligible', `法人の種類（${match.nameJa}）は${ctx.start}時点で対象です。`, `The legal-entity type (${match.nameEn}) is eligible on ${ctx.start}.`);
    return 'pass';
  }
  const later = ctx.params.all
    .find((p) => p.id === 'entity_types.eligible')
    ?.values.find((v) => v.from > ctx.start && (v.value as EntityType[]).some((t) => t.code === code));
  const named = (later?.value as EntityType[] | undefined)?.find((t) => t.code === code);
  b.earliestPassDate = later?.from ?? null;
  b.reason(
    'entity_type.ineligible',
    `法人の種類（${named?.nameJa ?? code}）は${ctx.start}時点で官民人事交流の対象ではありません。${later ? `${later.from}から対象です。` : ''}`,
    `The legal-entity type (${named?.nameEn ?? code}) is not eligible on ${ctx.start}.${later ? ` It is eligible from ${later.from}.` : ''}`,
  );
  return 'fail';
}

// 交流派遣の期間 (法第8条) / 交流採用の任期 (法第19条)
function duration(ctx: Ctx, b: RuleBuilder): Outcome {
  const max = b.param<number>('duration.max_years');
  const maxTotal = b.param<number>('duration.max_total_years');
  const { start, end } = ctx;
  b.fact('exchange.plannedStart', start);
  b.fact('exchange.plannedEnd', end);
  if (end < start) {
    b.exceptionAvailable = false;
    b.reason('duration.end_before_start', '終了予定日が開始予定日より前です。', 'The planned end is before the planned start.');
    return 'fail';
  }
  const principle = periodEnd(start, max);
  const absolute = periodEnd(start, maxTotal);
  b.window(`原則の期間（${max}年）`, `Term in principle (${max} years)`, start, principle);
  b.window(`延長を含む上限（${maxTotal}年）`, `Maximum with extensions (${maxTotal} years)`, start, absolute);
  if (end <= principle) {
    b.reason('duration.within', `期間は${max}年以内（${principle}まで）です。`, `The term is within ${max} years (until ${principle}).`);
    return 'pass';
  }
  if (end > absolute) {
    b.exceptionAvailable = false;
    b.reason('duration.beyond_absolute', `終了予定日（${end}）が開始から${maxTotal}年（${absolute}）を超えています。延長しても${maxTotal}年を超えることはできません。`, `The planned end (${end}) is more than ${maxTotal} years from the start (limit ${absolute}); no extension can go beyond that.`);
    return 'fail';
  }
  if (ctx.req.exchange.extensionApprovedByNpa) {
    b.fact('exchange.extensionApprovedByNpa', true);
    b.reason('duration.extension_approved', `${max}年を超える期間は人事院の承認済みの延長で、開始から${maxTotal}年以内です。`, `The term beyond ${max} years is an NPA-approved extension within ${maxTotal} years of the start.`);
    return 'pass';
  }
  b.reason('duration.beyond_principle', `終了予定日（${end}）が原則の${max}年（${principle}）を超えています。延長には人事院の承認が必要です（開始から${maxTotal}年以内）。`, `The planned end (${end}) is beyond ${max} years (${principle}); an extension needs NPA approval (within ${maxTotal} years of the start).`);
  return 'fail';
}

const ruleFns: Record<RuleId, (ctx: Ctx, b: RuleBuilder) => Outcome> = {
  prosecution,
  licensing_post: licensingPost,
  consecutive_exchanges: consecutiveExchanges,
  contract_involvement: contractInvolvement,
  contract_dependence: contractDependence,
  public_revenue_division: publicRevenueDivision,
  entity_type: entityType,
  duration,
};

// ---------------------------------------------------------------- evaluate

export function evaluate(req: CriteriaRequest, params: ParameterSet): Decision {
  const start = req.exchange.plannedStart;
  const companies = new Map<string, CompanyFacts>();
  for (const c of req.facts.companies ?? []) companies.set(c.id, c);
  const ctx: Ctx = {
    req,
    params,
    start,
    end: req.exchange.plannedEnd,
    companies,
    target: companies.get(req.exchange.companyId),
    lineage: lineageOf(companies, req.exchange.companyId),
  };
  const approved = new Map((req.approvedExceptions ?? []).map((e) => [e.ruleId, e.reference]));

  const rules: RuleResult[] = ruleCatalog.map((meta) => {
    const b = new RuleBuilder(params, start, meta);
    const outcome = ruleFns[meta.id](ctx, b);
    if (outcome === 'fail' && b.earliestPassDate !== null) b.earliestPassDate = confirmEarliest(ctx, meta, b.earliestPassDate);
    const available = outcome === 'fail' && b.exceptionAvailable;
    const reference = available ? approved.get(meta.id) : undefined;
    if (available) {
      b.reasons.push(
        reference !== undefined
          ? { code: 'exception.approved', message: { ja: `人事院が例外を承認済みです（${reference}）。`, en: `The NPA has approved an exception (${reference}).` } }
          : { code: 'exception.available', message: meta.exception.note ?? { ja: '人事院の承認により例外が認められる場合があります。', en: 'The NPA may approve an exception.' } },
      );
    }
    return {
      ruleId: meta.id,
      title: meta.title,
      outcome,
      reasons: b.ordered(),
      factsUsed: b.factsUsed,
      parameters: b.parameters,
      windows: b.windows,
      earliestPassDate: outcome === 'fail' ? b.earliestPassDate : null,
      exception: { available, approved: reference !== undefined, ...(reference !== undefined ? { reference } : {}) },
      citations: available && meta.exception.citation ? [...meta.citations, meta.exception.citation] : meta.citations,
    };
  });

  const overall = overallOf(rules);
  return { overall, asOf: start, engineVersion: ENGINE_VERSION, summary: summaryOf(overall, rules), rules };
}

/**
 * A failing rule's first passing start date, checked: the rule is run again as of that date
 * (same length of exchange) and, while it still fails — a later event, a later fiscal year —
 * moved to the next date it gives. null when no date can be found.
 */
function confirmEarliest(ctx: Ctx, meta: RuleMeta, first: string): string | null {
  let date: string | null = first;
  const length = toDays(ctx.end) - toDays(ctx.start);
  for (let i = 0; i < 12 && date !== null; i++) {
    const b = new RuleBuilder(ctx.params, date, meta);
    const later = { ...ctx, start: date, end: addDays(date, length) };
    if (ruleFns[meta.id](later, b) !== 'fail') return date;
    if (b.earliestPassDate === null || b.earliestPassDate <= date) return null;
    date = b.earliestPassDate;
  }
  return null;
}

export function overallOf(rules: readonly RuleResult[]): Overall {
  let review = false;
  for (const r of rules) {
    if (r.outcome === 'fail') {
      if (r.exception.approved) continue;
      if (!r.exception.available) return 'ineligible';
      review = true;
    } else if (r.outcome === 'indeterminate') review = true;
  }
  return review ? 'needs_review' : 'eligible';
}

function summaryOf(overall: Overall, rules: readonly RuleResult[]): Msg {
  const failing = rules.filter((r) => r.outcome === 'fail' && !r.exception.approved);
  const open = rules.filter((r) => r.outcome === 'indeterminate');
  if (overall === 'eligible') return { ja: '交流基準上、この交流は可能です。', en: 'The exchange criteria allow this exchange.' };
  if (overall === 'ineligible')
    return {
      ja: `交流基準に抵触するため、この交流はできません（${failing.map((r) => r.title.ja).join('／')}）。`,
      en: `The exchange criteria bar this exchange (${failing.map((r) => r.title.en).join('; ')}).`,
    };
  return {
    ja: `確認が必要です：${[...failing.map((r) => `${r.title.ja}（人事院の承認が必要）`), ...open.map((r) => `${r.title.ja}（事実が不足）`)].join('／')}。`,
    en: `Needs review: ${[...failing.map((r) => `${r.title.en} (needs NPA approval)`), ...open.map((r) => `${r.title.en} (facts missing)`)].join('; ')}.`,
  };
}
