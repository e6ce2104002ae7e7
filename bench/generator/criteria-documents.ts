// Seeded facts documents for the criteria engine (交流基準) benchmarks: the request body of
// POST /api/criteria/evaluate, of realistic size. No database, no clock: the same seed gives the
// same documents.
//
// Three classes:
//   clean    every rule passes (overall `eligible`), yet every rule has real work to do: ~15 posts
//            with licensing lists (for other companies), 5–50 contract totals under the thresholds,
//            a few sanctions (other companies, old, or not restricting), a family of 3–5 companies,
//            jurisdiction and past exchanges within the limit, divisions with revenue per year.
//   failing  the same shape, with 3–5 rules failing (licensing post, contract dependence,
//            prosecution, contract involvement, consecutive exchanges, duration).
//   large    the upper end: ~40 posts licensing 100–300 companies each, ~2,000 contract totals,
//            ~3,000 jurisdiction rows, ~150 companies, ~60 divisions; half clean, half failing.
import type { CriteriaRequest } from '../../common/src/schemas/criteria.schema.ts';
import { Rng } from './rng.ts';

export type DocumentClass = 'clean' | 'failing' | 'large';

type Facts = CriteriaRequest['facts'];
type Company = NonNullable<Facts['companies']>[number];
type Post = NonNullable<Facts['postHistory']>[number];

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso: string, n: number): string => isoDay(toDay(iso) + n);
const addYears = (iso: string, n: number): string => {
  const y = Number(iso.slice(0, 4)) + n;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}${iso.slice(4) === '-02-29' && !leap ? '-02-28' : iso.slice(4)}`;
};
const fyOf = (iso: string): number => (Number(iso.slice(5, 7)) >= 4 ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1);

const ORGANISATIONS = ['meti', 'mlit', 'mhlw', 'maff', 'mof', 'mext', 'moe', 'mic'];
const PLAIN_TYPES = ['kabushiki_kaisha', 'kabushiki_kaisha', 'kabushiki_kaisha', 'kabushiki_kaisha', 'godo_kaisha', 'tokurei_yugen_kaisha', 'shinkin_bank'];
const STARRED_TYPES = ['medical_corporation', 'general_incorporated_association', 'school_corporation', 'audit_corporation'];
const TITLES = ['係員', '主任', '係長', '課長補佐', '企画官', '室長', '課長', '審議官'];
const DIVISIONS = ['営業本部', '公共事業部', '研究開発部', 'システム事業部', '医療サービス部', '調査部', '管理部'];
const SANCTION_KINDS = ['prosecution', 'business_suspension', 'surcharge_order', 'other_serious_disposition'] as const;

export type DocumentOptions = { seed: number; count: number; kind: DocumentClass };

/** Distinct string ids: companies from 1,000,000 upwards (so they never look like the case files' "c1"). */
class Ids {
  private next: number;
  constructor(start: number) {
    this.next = start;
  }
  take(): string {
    return String(this.next++);
  }
}

function plannedStart(rng: Rng): string {
  // Quarter starts in FY2025–FY2027; 1 April most often (most exchanges start with the fiscal year).
  const year = rng.int(2025, 2027);
  const month = rng.chance(0.6) ? 4 : rng.pick([7, 10, 1]);
  return `${month === 1 ? year + 1 : year}-${String(month).padStart(2, '0')}-01`;
}

function salesSeries(rng: Rng, fromFy: number, toFy: number, base: number): { fiscalYear: number; amountYen: number }[] {
  const out: { fiscalYear: number; amountYen: number }[] = [];
  let level = base;
  for (let fy = fromFy; fy <= toFy; fy++) {
    level = Math.max(1_000_000, Math.round(level * (0.9 + rng.next() * 0.25)));
    out.push({ fiscalYear: fy, amountYen: Math.round(level / 1000) * 1000 });
  }
  return out;
}

function company(rng: Rng, id: string, parentId: string | null, fy: [number, number], opts: { type?: string; large?: boolean }): Company {
  const large = opts.large ?? rng.chance(0.25);
  const capital = large ? rng.pick([300_000_000, 500_000_000, 1_000_000_000, 5_000_000_000]) : rng.pick([3_000_000, 10_000_000, 30_000_000, 100_000_000]);
  const employees = large ? rng.int(300, 20_000) : rng.int(5, 299);
  const sales = Math.round((large ? rng.logNormal(24, 1) : rng.logNormal(20.5, 1)) / 1000) * 1000;
  return {
    id,
    name: `株式会社ベンチ${id}`,
    legalTypeCode: opts.type ?? rng.pick(PLAIN_TYPES),
    capitalYen: capital,
    employees,
    parentId,
    sales: salesSeries(rng, fy[0], fy[1], Math.max(50_000_000, sales)),
  };
}

function careerPosts(rng: Rng, start: string, unitId: string, count: number, licensingPerPost: [number, number], ids: Ids): Post[] {
  // Consecutive posts on quarter starts ending the day before the planned start (the last one is current).
  const lengths = Array.from({ length: count }, () => rng.pick([4, 6, 8, 8, 8, 12])); // quarters
  let from = toDay(start);
  const posts: Post[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const startDay = toDay(isoDay(from - lengths[i]! * 91)); // approximate quarters
    const n = rng.int(licensingPerPost[0], licensingPerPost[1]);
    const licensing = Array.from({ length: n }, () => ids.take());
    posts.unshift({
      unitId: i === count - 1 ? unitId : `u${rng.int(100, 999)}`,
      title: TITLES[Math.min(TITLES.length - 1, Math.floor((i * TITLES.length) / count))]!,
      from: isoDay(startDay),
      ...(i === count - 1 ? { to: null } : { to: isoDay(from - 1) }),
      licensingCompanyIds: licensing,
    });
    from = startDay;
  }
  return posts;
}

type Shape = {
  posts: number;
  licensingPerPost: [number, number];
  contracts: [number, number];
  sanctions: [number, number];
  family: [number, number];
  divisions: [number, number];
  jurisdictions: [number, number];
  priors: [number, number];
  involvements: [number, number];
  extraCompanies: number;
};

const NORMAL: Shape = {
  posts: 15,
  licensingPerPost: [0, 6],
  contracts: [5, 50],
  sanctions: [1, 4],
  family: [3, 5],
  divisions: [2, 5],
  jurisdictions: [3, 20],
  priors: [1, 6],
  involvements: [0, 5],
  extraCompanies: 0,
};
const LARGE: Shape = {
  posts: 40,
  licensingPerPost: [100, 300],
  contracts: [1_500, 2_500],
  sanctions: [50, 150],
  family: [5, 5],
  divisions: [40, 80],
  jurisdictions: [2_000, 4_000],
  priors: [100, 300],
  involvements: [50, 150],
  extraCompanies: 150,
};

function document(rng: Rng, failing: boolean, shape: Shape): CriteriaRequest {
  const ids = new Ids(1_000_000 + rng.int(0, 8_000_000));
  const start = plannedStart(rng);
  const years = rng.pick([2, 2, 2, 3]);
  const end = addDays(addYears(start, years), -1);
  const fyStart = fyOf(start);
  const fyRange: [number, number] = [fyStart - 7, fyStart + 1];
  const organisationId = rng.pick(ORGANISATIONS);
  const unitId = `u${rng.int(1000, 9999)}`;

  // A family: grandparent → parent → target, plus siblings under the parent.
  const familySize = rng.int(shape.family[0], shape.family[1]);
  const grand = ids.take();
  const parent = ids.take();
  const target = ids.take();
  const starred = rng.chance(0.2);
  const companies: Company[] = [
    company(rng, grand, null, fyRange, { large: true }),
    company(rng, parent, grand, fyRange, { large: true }),
    company(rng, target, parent, fyRange, starred ? { type: rng.pick(STARRED_TYPES) } : {}),
  ];
  for (let i = 3; i < familySize; i++) companies.push(company(rng, ids.take(), parent, fyRange, {}));
  for (let i = 0; i < shape.extraCompanies; i++) companies.push(company(rng, ids.take(), rng.chance(0.3) ? companies[rng.int(0, companies.length - 1)]!.id : null, fyRange, {}));
  const t = companies[2]!;
  const others = companies.filter((c) => c.id !== grand && c.id !== parent && c.id !== target).map((c) => c.id);
  const otherCompany = () => (others.length && rng.chance(0.5) ? rng.pick(others) : ids.take());

  const postHistory = careerPosts(rng, start, unitId, shape.posts + rng.int(-3, 3), shape.licensingPerPost, ids);

  // Contract totals: the target with this and other ministries, and other companies; under the thresholds.
  const nContracts = rng.int(shape.contracts[0], shape.contracts[1]);
  const contracts: NonNullable<Facts['contracts']> = [];
  const seen = new Set<string>();
  for (let i = 0; i < nContracts; i++) {
    const forTarget = i < Math.min(8, nContracts / 2);
    const org = forTarget && rng.chance(0.6) ? organisationId : rng.pick(ORGANISATIONS);
    const companyId = forTarget ? target : otherCompany();
    const fiscalYear = rng.int(fyStart - 6, fyStart);
    const key = `${org}|${companyId}|${fiscalYear}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sales = t.sales!.find((s) => s.fiscalYear === fiscalYear)!.amountYen;
    // Under 20M yen, or under 10% of the target's sales (below both shares).
    const amountYen = forTarget ? Math.min(Math.round(sales * rng.next() * 0.09), rng.chance(0.5) ? 19_000_000 : Number.MAX_SAFE_INTEGER) : rng.int(1, 500) * 1_000_000;
    contracts.push({ organisationId: org, companyId, fiscalYear, amountYen });
  }

  // Sanctions: other companies, old ones of the target (more than a year before), non-restricting ones.
  const nSanctions = rng.int(shape.sanctions[0], shape.sanctions[1]);
  const sanctions: NonNullable<Facts['sanctions']> = [];
  for (let i = 0; i < nSanctions; i++) {
    const which = rng.int(0, 2);
    const caseId = `K-${rng.int(10_000, 99_999)}`;
    if (which === 0) sanctions.push({ companyId: otherCompany(), caseId, kind: rng.pick(SANCTION_KINDS), subject: 'company', date: addDays(start, -rng.int(1, 900)) });
    else if (which === 1) sanctions.push({ companyId: target, caseId, kind: rng.pick(SANCTION_KINDS), subject: rng.chance(0.3) ? 'officer' : 'company', date: addDays(start, -rng.int(400, 2_000)) });
    else sanctions.push({ companyId: target, caseId, kind: 'other_disposition', subject: 'company', date: addDays(start, -rng.int(1, 300)) });
  }

  // Jurisdiction: the unit over the target (so the consecutive-exchange rule applies) and over others.
  const nJur = rng.int(shape.jurisdictions[0], shape.jurisdictions[1]);
  const jurisdictions: NonNullable<Facts['jurisdictions']> = [{ unitId, companyId: target, from: '2010-04-01', to: null }];
  for (let i = 1; i < nJur; i++) jurisdictions.push({ unitId: rng.chance(0.5) ? unitId : `u${rng.int(1000, 9999)}`, companyId: otherCompany(), from: rng.chance(0.5) ? null : '2015-04-01', to: null });

  // Past exchanges: at most two in a row with this unit (the limit is three), others elsewhere.
  const nPriors = rng.int(shape.priors[0], shape.priors[1]);
  const priorExchanges: NonNullable<Facts['priorExchanges']> = [];
  const streak = Math.min(2, nPriors);
  let pEnd = addDays(start, -rng.int(30, 300));
  for (let i = 0; i < streak; i++) {
    const pStart = addDays(addYears(pEnd, -2), 1);
    priorExchanges.push({ companyId: target, unitId, direction: 'dispatch', start: pStart, end: pEnd });
    pEnd = addDays(pStart, -rng.int(30, 400));
  }
  // An older exchange after a gap of more than two years ends the streak.
  if (nPriors > streak) {
    const oldEnd = addYears(pEnd, -3);
    priorExchanges.push({ companyId: target, unitId, direction: 'hire', start: addDays(addYears(oldEnd, -2), 1), end: oldEnd });
  }
  for (let i = priorExchanges.length; i < nPriors; i++) {
    const s = addDays(start, -rng.int(400, 5_000));
    priorExchanges.push({ companyId: otherCompany(), unitId: rng.chance(0.5) ? unitId : `u${rng.int(1000, 9999)}`, direction: rng.chance(0.7) ? 'dispatch' : 'hire', start: s, end: addDays(addYears(s, 2), -1) });
  }

  // Involvements: with other companies or other ministries, or before the 5-year look-back.
  const nInv = rng.int(shape.involvements[0], shape.involvements[1]);
  const contractInvolvements: NonNullable<Facts['contractInvolvements']> = [];
  for (let i = 0; i < nInv; i++) {
    const s = addDays(start, -rng.int(100, 3_000));
    if (rng.chance(0.5)) contractInvolvements.push({ organisationId, companyId: otherCompany(), from: s, to: addDays(s, rng.int(30, 700)), role: '契約の締結' });
    else contractInvolvements.push({ organisationId, companyId: target, from: addDays(addYears(start, -5), -rng.int(800, 1_500)), to: addDays(addYears(start, -5), -rng.int(2, 700)), role: '履行' });
  }

  // Divisions of the target (and its siblings) with revenue for the look-back years; mainly private.
  const nDiv = rng.int(shape.divisions[0], shape.divisions[1]);
  const divisions: NonNullable<Facts['divisions']> = [];
  for (let i = 0; i < nDiv; i++) {
    const revenue = [];
    for (let fy = fyStart - 6; fy <= fyStart; fy++) {
      const totalYen = rng.int(10, 5_000) * 1_000_000;
      revenue.push({ fiscalYear: fy, publicYen: Math.floor(totalYen * rng.next() * 0.45), totalYen });
    }
    divisions.push({ id: ids.take(), companyId: i < 3 || !others.length ? target : rng.pick(others), name: DIVISIONS[i % DIVISIONS.length]!, revenue });
  }
  const ownDivision = divisions[0]!.id;

  const req: CriteriaRequest = {
    exchange: {
      direction: 'dispatch',
      organisationId,
      unitId,
      companyId: target,
      personId: `p${rng.int(1, 300_000)}`,
      plannedStart: start,
      plannedEnd: end,
      ...(starred ? { divisionId: ownDivision } : {}),
    },
    facts: { companies, postHistory, contractInvolvements, contracts, sanctions, jurisdictions, priorExchanges, divisions },
  };
  if (failing) makeFail(rng, req, shape === LARGE);
  return req;
}

/** Breaks 3–5 rules of a clean document. */
function makeFail(rng: Rng, req: CriteriaRequest, all: boolean): void {
  const { exchange: x, facts: f } = req;
  const start = x.plannedStart;
  const fyStart = fyOf(start);
  const parent = f.companies![2]!.parentId!;
  const breakers: (() => void)[] = [
    // licensing_post: a post in the last two years handled the parent company.
    () => {
      const posts = f.postHistory!;
      posts[posts.length - 1]!.licensingCompanyIds.push(rng.chance(0.5) ? parent : x.companyId); // the current post
    },
    // contract_dependence: contracts worth 30% of sales in one look-back year.
    () => {
      const fy = fyStart - rng.int(1, 4);
      const sales = f.companies![2]!.sales!.find((s) => s.fiscalYear === fy)!.amountYen;
      f.contracts = f.contracts!.filter((c) => !(c.organisationId === x.organisationId && c.companyId === x.companyId && c.fiscalYear === fy));
      f.contracts.push({ organisationId: x.organisationId, companyId: x.companyId, fiscalYear: fy, amountYen: Math.max(20_000_000, Math.round(sales * 0.3)) });
    },
    // prosecution: an indictment five months before the start.
    () => f.sanctions!.push({ companyId: x.companyId, caseId: `K-${rng.int(100_000, 999_999)}`, kind: 'prosecution', subject: 'officer', date: addDays(start, -rng.int(30, 300)) }),
    // contract_involvement: involved in a contract with the company two years ago.
    () => {
      const s = addDays(start, -rng.int(400, 1_200));
      f.contractInvolvements!.push({ organisationId: x.organisationId, companyId: x.companyId, from: s, to: addDays(s, rng.int(60, 300)), role: '契約の締結' });
    },
    // consecutive_exchanges: a third exchange in the streak.
    () => {
      const priors = f.priorExchanges!.filter((p) => !(p.companyId === x.companyId && p.unitId === x.unitId));
      let end = addDays(start, -rng.int(30, 300));
      for (let i = 0; i < 3; i++) {
        const s = addDays(addYears(end, -2), 1);
        priors.push({ companyId: x.companyId, unitId: x.unitId, direction: i === 1 ? 'hire' : 'dispatch', start: s, end });
        end = addDays(s, -rng.int(30, 400));
      }
      f.priorExchanges = priors;
    },
    // duration: four years without an approved extension.
    () => {
      x.plannedEnd = addDays(addYears(start, 4), -1);
    },
  ];
  const order = rng.shuffle([...breakers.keys()]);
  const n = all ? breakers.length : rng.int(3, 5);
  for (const i of order.slice(0, n)) breakers[i]!();
}

export function generateDocuments(opts: DocumentOptions): CriteriaRequest[] {
  const rng = new Rng(opts.seed, `criteria-documents:${opts.kind}`);
  const out: CriteriaRequest[] = [];
  for (let i = 0; i < opts.count; i++) {
    const doc = rng.fork(String(i));
    if (opts.kind === 'large') out.push(document(doc, i % 2 === 1, LARGE));
    else out.push(document(doc, opts.kind === 'failing', NORMAL));
  }
  return out;
}
