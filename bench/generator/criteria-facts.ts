// Seeded generator of the facts the criteria engine (交流基準) reads from the database, on top of
// the companies, divisions, officials and units that generate.ts produced: licensing jurisdiction
// (所管関係), ministry contract totals per fiscal year, company sales, sanctions (起訴・不利益処分),
// officials' involvement in contracts, past exchanges and division revenue.
// Pure (no database): the loader (criteria-facts-load.ts) reads the universe and inserts the rows.
//
// Shape, at national scale (defaults; see bench/README.md):
//   licensing_jurisdictions ~30,000: ~190 licensing units (bureaus, divisions, regional offices of
//     the regulating ministries; not 大臣官房/人事/総務/会計) × companies of the industries each
//     ministry regulates (建設・運輸・不動産 → 国交省, 医療・福祉 → 厚労省, 金融 → 金融庁, …).
//     Units are Zipf-skewed: the largest hold thousands of companies, most a few dozen.
//   ministry_contracts ~200,000 over FY2017–FY2024: (organisation, company) relationships drawn with
//     weight ~ employees^0.9, so a few large companies contract with many ministries every year;
//     amounts are a share of the company's sales (median ~1%), and ~3% of contractors depend on one
//     ministry (25–80% of sales).
//   company_sales: FY2016–FY2024 for ~95% of the contractors (the rest unknown).
//   company_sanctions ~3,000 events in ~2,000 cases over FY2018–FY2024: single-company cases (an
//     officer's prosecution, a business suspension, …) and cartel cases (談合: one case, 3–8
//     companies with surcharge orders); ~15% are minor dispositions that do not restrict.
//   contract_involvements ~50,000: officials of the contracting ministry (a small pool per ministry,
//     so some officials have many) on one contract-year each.
//   exchange_history ~20,000: 40% on jurisdiction pairs in streaks of 1–4 (some beyond the limit
//     of three in a row), the rest between large companies and any unit.
//   division_revenue ~5,000: divisions of `*` entity types (医療法人, 学校法人, 一般社団法人 …),
//     FY2018–FY2024; ~20% of them earn mainly (over 50%) from government work.
import { Rng, Weighted } from './rng.ts';

// ---------------------------------------------------------------- inputs

/** What the generator draws from, as read from the database (parallel arrays; 1M companies fit). */
export type FactsUniverse = {
  companies: { ids: ArrayLike<number>; employees: ArrayLike<number>; legalTypes: ArrayLike<string>; industries: ArrayLike<string | null> };
  divisions: { ids: ArrayLike<number>; companyIds: ArrayLike<number> };
  organisations: ReadonlyArray<{ id: number; code: string }>;
  units: ReadonlyArray<{ id: number; organisationId: number; code: string; kind: string }>;
  officials: { ids: ArrayLike<number>; organisationIds: ArrayLike<number> };
};

export type FactsCounts = {
  jurisdictions: number;
  contracts: number;
  sanctionCases: number;
  involvements: number;
  exchanges: number;
  divisionRevenue: number;
};

export const FACTS_SCALES: Readonly<Record<'demo' | 'national', FactsCounts>> = {
  national: { jurisdictions: 30_000, contracts: 200_000, sanctionCases: 2_000, involvements: 50_000, exchanges: 20_000, divisionRevenue: 5_000 },
  demo: { jurisdictions: 600, contracts: 3_000, sanctionCases: 40, involvements: 800, exchanges: 300, divisionRevenue: 140 },
};

export type FactsOptions = {
  seed: number;
  counts: FactsCounts;
  /** The data's "today": the last complete fiscal year is the one before it. Default 2025-04-01. */
  asOf?: string;
  /** Legal-entity types marked `*` (public-revenue divisions excluded): their divisions get revenue rows. */
  starredLegalTypes?: readonly string[];
};

// ---------------------------------------------------------------- rows (column order = load order)

export type JurisdictionRow = { unitId: number; companyId: number; startDate: string | null; endDate: string | null; basis: string };
export type ContractRow = { organisationId: number; companyId: number; fiscalYear: number; amountYen: number; source: string };
export type SalesRow = { companyId: number; fiscalYear: number; amountYen: number; source: string };
export type SanctionKind = 'prosecution' | 'business_suspension' | 'surcharge_order' | 'other_serious_disposition' | 'other_disposition';
export type SanctionRow = { companyId: number; caseRef: string; kind: SanctionKind; subject: 'company' | 'officer'; occurredOn: string; description: string };
export type InvolvementRow = { personId: number; organisationId: number; companyId: number; startDate: string; endDate: string | null; role: string };
export type ExchangeRow = { companyId: number; unitId: number; direction: 'dispatch' | 'hire'; startDate: string; endDate: string | null; personId: number | null; note: string };
export type DivisionRevenueRow = { divisionId: number; fiscalYear: number; publicYen: number; totalYen: number };

export type CriteriaFactsRows = {
  jurisdictions: JurisdictionRow[];
  contracts: ContractRow[];
  sales: SalesRow[];
  sanctions: SanctionRow[];
  involvements: InvolvementRow[];
  exchanges: ExchangeRow[];
  divisionRevenue: DivisionRevenueRow[];
};

export const DEFAULT_STARRED_TYPES: readonly string[] = [
  'audit_corporation', 'legal_professional_corporation', 'non_life_rating_organisation', 'medical_corporation',
  'school_corporation', 'social_welfare_corporation', 'japanese_red_cross', 'authorised_fi_association',
  'self_regulatory_organisation', 'consumer_cooperative', 'consumer_cooperative_federation', 'npo_corporation',
  'general_incorporated_association', 'general_incorporated_foundation',
];

// ---------------------------------------------------------------- model

// Which ministries license which industries (JSIC major groups), and how much each contracts.
const REGULATES: Readonly<Record<string, readonly string[]>> = {
  mlit: ['D', 'H', 'K'], jta: ['M', 'N'], meti: ['E', 'I', 'G'], enecho: ['F', 'E'], chusho: ['E', 'I'], jpo: ['E'],
  mhlw: ['P', 'M', 'R'], maff: ['A', 'E', 'I'], rinya: ['A'], jfa: ['B', 'A'], fsa: ['J'], mof: ['J', 'I'], nta: ['I', 'E'],
  mic: ['G', 'J'], mext: ['O'], env: ['R', 'E'], nra: ['F'], police: ['R', 'N'], caa: ['I', 'N'], jftc: ['E', 'D', 'I'],
};
const CONTRACT_BUDGET: Readonly<Record<string, number>> = {
  mod: 10, mlit: 10, mhlw: 4, maff: 3, mext: 3, meti: 3, mof: 2, moj: 2, mic: 2, env: 2, police: 2, jcg: 2, nta: 1.5, digital: 1.5,
};
const NON_LICENSING_UNIT = /(^|\.)(sec|hr|gad|acct|general|admin)(\.|$)/;
const BASIS: Readonly<Record<string, string>> = {
  mlit: '建設業法・道路運送法等', jta: '旅行業法', meti: '電気事業法・製造業に係る許認可', enecho: '電気事業法・ガス事業法', chusho: '中小企業等経営強化法',
  jpo: '特許法', mhlw: '医療法・介護保険法・食品衛生法', maff: '農地法・食品表示法', rinya: '森林法', jfa: '漁業法', fsa: '銀行法・金融商品取引法',
  mof: '酒税法・関税法', nta: '酒税法', mic: '電気通信事業法・電波法', mext: '私立学校法', env: '廃棄物処理法', nra: '原子炉等規制法',
  police: '警備業法・風営法', caa: '景品表示法', jftc: '独占禁止法',
};

const CONTRACT_FYS = 8; // FY(asOf)-8 … FY(asOf)-1
const SALES_FYS = 9;
const REVENUE_FYS = 7;

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const fyStartDay = (fy: number): number => toDay(`${fy}-04-01`);
const fiscalYearOf = (iso: string): number => (Number(iso.slice(5, 7)) >= 4 ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1);
const roundYen = (x: number, unit = 1000): number => Math.max(unit, Math.round(x / unit) * unit);

// ---------------------------------------------------------------- generator

export function generateCriteriaFacts(u: FactsUniverse, opts: FactsOptions): CriteriaFactsRows {
  const root = new Rng(opts.seed, 'criteria-facts');
  // One stream per table: changing one count never changes another table.
  const rJur = root.fork('jurisdictions');
  const rCon = root.fork('contracts');
  const rSan = root.fork('sanctions');
  const rInv = root.fork('involvements');
  const rExc = root.fork('exchanges');
  const rDiv = root.fork('division-revenue');
  const asOf = opts.asOf ?? '2025-04-01';
  const asOfDay = toDay(asOf);
  const lastFy = fiscalYearOf(asOf) - 1;
  const c = u.companies;
  const nCompanies = c.ids.length;
  if (nCompanies === 0) throw new Error('no companies: load companies first');
  const orgCode = new Map(u.organisations.map((o) => [o.id, o.code]));

  // Company pools by industry, weighted by size (licensed companies lean towards larger ones).
  const byIndustry = new Map<string, [number, number][]>();
  for (let i = 0; i < nCompanies; i++) {
    const ind = c.industries[i] ?? '-';
    let list = byIndustry.get(ind);
    if (!list) byIndustry.set(ind, (list = []));
    list.push([i, Math.sqrt(1 + c.employees[i]!)]);
  }
  const industryPool = new Map([...byIndustry].map(([k, v]) => [k, new Weighted(v)]));
  const anyCompany = new Weighted(Array.from({ length: nCompanies }, (_, i) => [i, Math.sqrt(1 + c.employees[i]!)] as const));
  const bigCompany = new Weighted(Array.from({ length: nCompanies }, (_, i) => [i, Math.pow(1 + c.employees[i]!, 1.1)] as const));

  // ---- licensing jurisdiction
  const licensingUnits = u.units.filter((x) => x.kind !== 'office' && REGULATES[orgCode.get(x.organisationId) ?? ''] && !NON_LICENSING_UNIT.test(x.code));
  const jurisdictions: JurisdictionRow[] = [];
  const jurisdictionPairs: [unitIndex: number, companyIndex: number][] = [];
  if (licensingUnits.length && opts.counts.jurisdictions > 0) {
    const ranks = rJur.shuffle(licensingUnits.map((_, i) => i));
    const weights = licensingUnits.map((unit, k) => Math.pow(ranks[k]! + 1, -0.9) * (unit.kind === 'division' ? 0.5 : 1));
    const unitIndex = new Map(u.units.map((x, i) => [x.id, i]));
    const total = weights.reduce((s, w) => s + w, 0);
    licensingUnits.forEach((unit, k) => {
      const want = Math.max(1, Math.round((opts.counts.jurisdictions * weights[k]!) / total));
      const code = orgCode.get(unit.organisationId)!;
      const pools = REGULATES[code]!.map((ind) => industryPool.get(ind)).filter((p): p is Weighted<number> => !!p);
      const seen = new Set<number>();
      for (let tries = 0; seen.size < want && tries < want * 4; tries++) {
        const ci = pools.length ? rJur.pick(pools).pick(rJur) : anyCompany.pick(rJur);
        if (seen.has(ci)) continue;
        seen.add(ci);
        const started = rJur.chance(0.3) ? isoDay(fyStartDay(rJur.int(2000, lastFy - 2)) + rJur.int(0, 364)) : null;
        const ended = rJur.chance(0.08) ? isoDay(asOfDay - rJur.int(30, 3_000)) : null;
        const endDate = ended && started && ended < started ? null : ended;
        jurisdictions.push({ unitId: unit.id, companyId: c.ids[ci]!, startDate: started, endDate, basis: BASIS[code] ?? '許認可' });
        jurisdictionPairs.push([unitIndex.get(unit.id)!, ci]);
      }
    });
  }

  // ---- sales (size-based), then contracts as a share of sales
  const budget = new Weighted(u.organisations.map((o) => [o, CONTRACT_BUDGET[o.code] ?? 1] as const));
  const salesLevel = new Map<number, number>(); // company index → FY(lastFy) sales
  const dependent = new Set<number>();
  const dependentAssigned = new Set<number>(); // a dependent company depends on one ministry
  const salesOf = (ci: number): number => {
    let s = salesLevel.get(ci);
    if (s === undefined) {
      s = roundYen((1 + c.employees[ci]!) * 15_000_000 * rCon.logNormal(0, 0.6), 1_000_000);
      salesLevel.set(ci, s);
      if (c.employees[ci]! < 300 && rCon.chance(0.02)) dependent.add(ci);
    }
    return s;
  };
  const growth = (ci: number, fy: number): number => {
    // Deterministic per company and year: ±4% a year around a company trend.
    const h = ((c.ids[ci]! * 2654435761) >>> 0) / 2 ** 32;
    return Math.pow(1 + (h - 0.4) * 0.1, fy - lastFy);
  };
  const contracts: ContractRow[] = [];
  const contractors = new Set<number>(); // company indexes with at least one contract row
  const pairSeen = new Set<string>();
  for (let tries = 0; contracts.length < opts.counts.contracts && tries < opts.counts.contracts * 4; tries++) {
    const ci = bigCompany.pick(rCon);
    const org = budget.pick(rCon);
    const key = `${org.id}:${ci}`;
    if (pairSeen.has(key)) continue;
    pairSeen.add(key);
    const sales = salesOf(ci);
    const isDependent = dependent.has(ci) && !dependentAssigned.has(ci);
    if (isDependent) dependentAssigned.add(ci);
    // A standing relationship (most years), or a run of 1–4 years anywhere in the window.
    const standing = rCon.chance(0.35);
    const first = standing ? lastFy - CONTRACT_FYS + 1 : lastFy - CONTRACT_FYS + 1 + rCon.int(-3, CONTRACT_FYS - 1);
    const last = standing ? lastFy : first + rCon.int(0, 3);
    for (let fy = Math.max(first, lastFy - CONTRACT_FYS + 1); fy <= Math.min(last, lastFy) && contracts.length < opts.counts.contracts; fy++) {
      if (standing && !isDependent && rCon.chance(0.15)) continue;
      const share = isDependent ? 0.25 + rCon.next() * 0.55 : Math.min(0.2, rCon.logNormal(Math.log(0.01), 1.2));
      contractors.add(ci);
      contracts.push({
        organisationId: org.id,
        companyId: c.ids[ci]!,
        fiscalYear: fy,
        amountYen: roundYen(sales * growth(ci, fy) * share),
        source: '調達情報（合成）',
      });
    }
  }
  const contractorIdx = [...contractors].sort((a, b) => a - b);
  const sales: SalesRow[] = [];
  for (const ci of contractorIdx) {
    if (!dependent.has(ci) && rCon.chance(0.05)) continue; // not known
    for (let fy = lastFy - SALES_FYS + 1; fy <= lastFy; fy++) {
      sales.push({ companyId: c.ids[ci]!, fiscalYear: fy, amountYen: roundYen(salesLevel.get(ci)! * growth(ci, fy)), source: '有価証券報告書等（合成）' });
    }
  }

  // ---- sanctions
  const sanctions: SanctionRow[] = [];
  const firstSanctionDay = fyStartDay(lastFy - 6);
  const contractorPool = contractorIdx.length ? new Weighted(contractorIdx.map((ci) => [ci, 1] as const)) : anyCompany;
  for (let k = 0; k < opts.counts.sanctionCases; k++) {
    const day = rSan.int(firstSanctionDay, asOfDay - 1);
    const caseRef = `${fiscalYearOf(isoDay(day))}-${String(k + 1).padStart(5, '0')}`;
    if (rSan.chance(0.12)) {
      // 談合: surcharge orders for 3–8 companies, sometimes a prosecution of the leader's officers first.
      const n = rSan.int(3, 8);
      const members = new Set<number>();
      while (members.size < n) members.add(contractorPool.pick(rSan));
      const list = [...members];
      if (rSan.chance(0.3)) sanctions.push({ companyId: c.ids[list[0]!]!, caseRef, kind: 'prosecution', subject: 'officer', occurredOn: isoDay(day), description: '入札談合（独占禁止法違反）で役員が起訴' });
      const orderDay = Math.min(asOfDay - 1, day + rSan.int(30, 400));
      for (const ci of list) sanctions.push({ companyId: c.ids[ci]!, caseRef, kind: 'surcharge_order', subject: 'company', occurredOn: isoDay(orderDay), description: '課徴金納付命令（入札談合）' });
      continue;
    }
    const ci = rSan.chance(0.5) ? contractorPool.pick(rSan) : anyCompany.pick(rSan);
    const kind = rSan.pick(['prosecution', 'prosecution', 'business_suspension', 'business_suspension', 'other_serious_disposition', 'other_disposition', 'other_disposition'] as const);
    const subject = kind === 'prosecution' && rSan.chance(0.6) ? 'officer' : 'company';
    sanctions.push({ companyId: c.ids[ci]!, caseRef, kind, subject, occurredOn: isoDay(day), description: DESCRIPTIONS[kind] });
    // A follow-up event of the same case (one clock: the first event counts).
    if (rSan.chance(0.3) && day + 60 < asOfDay) {
      const later = rSan.int(day + 30, Math.min(asOfDay - 1, day + 500));
      const k2: SanctionKind = kind === 'prosecution' ? 'business_suspension' : 'other_disposition';
      sanctions.push({ companyId: c.ids[ci]!, caseRef, kind: k2, subject: 'company', occurredOn: isoDay(later), description: DESCRIPTIONS[k2] });
    }
  }

  // ---- contract involvements: officials of the contracting ministry (a small pool per ministry)
  const officialsByOrg = new Map<number, number[]>();
  for (let i = 0; i < u.officials.ids.length; i++) {
    const org = u.officials.organisationIds[i]!;
    let list = officialsByOrg.get(org);
    if (!list) officialsByOrg.set(org, (list = []));
    list.push(u.officials.ids[i]!);
  }
  const procurement = new Map<number, number[]>();
  const contractsByOrg = new Map<number, number>();
  for (const x of contracts) contractsByOrg.set(x.organisationId, (contractsByOrg.get(x.organisationId) ?? 0) + 1);
  for (const [org, ids] of officialsByOrg) {
    // 4% of the ministry's officials, or more where it contracts a lot (about six records each).
    const expected = (opts.counts.involvements * (contractsByOrg.get(org) ?? 0)) / Math.max(1, contracts.length);
    const k = Math.max(1, Math.min(ids.length, Math.max(Math.ceil(ids.length * 0.04), Math.ceil(expected / 6))));
    procurement.set(org, rInv.sample(ids.length, k).map((j) => ids[j]!));
  }
  const involvements: InvolvementRow[] = [];
  const withOfficials = contracts.filter((x) => procurement.has(x.organisationId));
  for (let k = 0; k < opts.counts.involvements && withOfficials.length; k++) {
    const ct = rInv.pick(withOfficials);
    const from = fyStartDay(ct.fiscalYear) + rInv.int(0, 300);
    const to = Math.min(asOfDay + 200, from + rInv.int(20, 400));
    involvements.push({
      personId: rInv.pick(procurement.get(ct.organisationId)!),
      organisationId: ct.organisationId,
      companyId: ct.companyId,
      startDate: isoDay(from),
      endDate: to > asOfDay ? null : isoDay(to),
      role: rInv.chance(0.6) ? '契約の締結' : '契約の履行',
    });
  }

  // ---- exchange history
  const exchanges: ExchangeRow[] = [];
  const personFor = (unitIndex: number): number | null => {
    const list = officialsByOrg.get(u.units[unitIndex]!.organisationId);
    return list && list.length ? rExc.pick(list) : null;
  };
  const onJurisdiction = Math.round(opts.counts.exchanges * 0.4);
  while (exchanges.length < onJurisdiction && jurisdictionPairs.length) {
    const [ui, ci] = rExc.pick(jurisdictionPairs);
    // A streak going back from a recent end: 1–4 exchanges of 2–3 years, gaps under two years.
    const n = rExc.pick([1, 1, 2, 2, 3, 3, 4]);
    let end = asOfDay - rExc.int(-400, 1_500);
    const streak: ExchangeRow[] = [];
    for (let k = 0; k < n; k++) {
      const start = end - rExc.int(2, 3) * 365 + 1;
      const direction = rExc.chance(0.6) ? 'dispatch' : 'hire';
      streak.unshift({
        companyId: c.ids[ci]!,
        unitId: u.units[ui]!.id,
        direction,
        startDate: isoDay(start),
        endDate: end > asOfDay ? null : isoDay(end),
        personId: direction === 'dispatch' ? personFor(ui) : null,
        note: '過去の交流（合成）',
      });
      end = start - rExc.int(30, 600);
    }
    exchanges.push(...streak);
  }
  while (exchanges.length < opts.counts.exchanges) {
    const ui = rExc.int(0, u.units.length - 1);
    const ci = bigCompany.pick(rExc);
    const start = asOfDay - rExc.int(400, 7_000);
    const direction = rExc.chance(0.6) ? 'dispatch' : 'hire';
    exchanges.push({
      companyId: c.ids[ci]!,
      unitId: u.units[ui]!.id,
      direction,
      startDate: isoDay(start),
      endDate: isoDay(start + rExc.int(1, 3) * 365 - 1),
      personId: direction === 'dispatch' ? personFor(ui) : null,
      note: '過去の交流（合成）',
    });
  }
  exchanges.length = Math.min(exchanges.length, opts.counts.exchanges);

  // ---- division revenue: divisions of `*` entity types
  const starred = new Set(opts.starredLegalTypes ?? DEFAULT_STARRED_TYPES);
  const companyIndexById = new Map<number, number>();
  for (let i = 0; i < nCompanies; i++) if (starred.has(c.legalTypes[i]!)) companyIndexById.set(c.ids[i]!, i);
  const starredDivisions: number[] = [];
  for (let i = 0; i < u.divisions.ids.length; i++) if (companyIndexById.has(u.divisions.companyIds[i]!)) starredDivisions.push(i);
  const divisionRevenue: DivisionRevenueRow[] = [];
  const wantDivisions = Math.min(starredDivisions.length, Math.ceil(opts.counts.divisionRevenue / REVENUE_FYS));
  for (const j of rDiv.sample(starredDivisions.length, wantDivisions)) {
    const di = starredDivisions[j]!;
    const ci = companyIndexById.get(u.divisions.companyIds[di]!)!;
    const mainlyPublic = rDiv.chance(0.2);
    const base = (1 + c.employees[ci]!) * 8_000_000 * rDiv.logNormal(0, 0.5);
    for (let fy = lastFy - REVENUE_FYS + 1; fy <= lastFy && divisionRevenue.length < opts.counts.divisionRevenue; fy++) {
      const totalYen = roundYen(base * (0.9 + rDiv.next() * 0.2));
      const share = mainlyPublic ? 0.4 + rDiv.next() * 0.55 : rDiv.next() * 0.45; // a mainly-public division dips under 50% some years
      divisionRevenue.push({ divisionId: u.divisions.ids[di]!, fiscalYear: fy, publicYen: Math.min(totalYen, roundYen(totalYen * share)), totalYen });
    }
  }

  return { jurisdictions, contracts, sales, sanctions, involvements, exchanges, divisionRevenue };
}

const DESCRIPTIONS: Readonly<Record<SanctionKind, string>> = {
  prosecution: '刑事事件で起訴',
  business_suspension: '業務停止命令',
  surcharge_order: '課徴金納付命令',
  other_serious_disposition: '重大な不利益処分（許可の取消し等）',
  other_disposition: '指示処分（重大でないもの）',
};
