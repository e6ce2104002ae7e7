// Pure, seeded generators of synthetic rows for companies, divisions, people and post history.
// No database access: the reference data (legal types, industries, prefectures, organisations and
// their units) is passed in, as read from the database by load.ts. Rows come out in batches; the
// batch size only groups rows and never changes them.
import { makeCorporateNumber } from '../../common/src/corporate-number.ts';
import { nameCore, normalizeForSearch } from '../../common/src/text.ts';
import {
  address,
  divisionNames,
  LEGAL_FORMS,
  organisationName,
  pickFamilyName,
  pickGivenName,
  SINGLETONS,
  SUBSIDIARY_WORDS,
  type LegalForm,
  type LegalFormStyle,
  type Part,
} from './names.ts';
import { Rng, Weighted } from './rng.ts';

// ---------------------------------------------------------------- inputs

export type ReferenceData = {
  legalTypes: ReadonlyArray<{ code: string; nameJa: string }>;
  industries: ReadonlyArray<{ code: string }>;
  prefectures: ReadonlyArray<{ code: string; nameJa: string }>;
  organisations: ReadonlyArray<{ id: number; code: string; kind: string; nameJa: string }>;
  orgUnits: ReadonlyArray<{ id: number; organisationId: number; kind: string }>;
};

export const DEFAULT_AS_OF = '2025-04-01';

export type CommonOptions = {
  seed: number;
  /** "Today" for ages, post histories and created_at; fixed so that output does not drift. */
  asOf?: string;
  batchSize?: number;
};

// ---------------------------------------------------------------- rows (column order = load order)

export type CompanyRow = {
  id: number;
  corporateNumber: string;
  name: string;
  nameNormalized: string;
  nameCore: string;
  nameKana: string;
  nameKanaNormalized: string;
  legalTypeCode: string;
  capitalYen: number | null;
  employees: number | null;
  industryCode: string | null;
  prefectureCode: string | null;
  address: string | null;
  parentId: number | null;
  status: 'pending' | 'active' | 'archived';
  createdAt: string;
  updatedAt: string;
};

export type DivisionRow = { id: number; companyId: number; name: string; createdAt: string };

export type PersonRow = {
  id: number;
  kind: 'official' | 'employee';
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  gender: 'female' | 'male' | 'other' | null;
  organisationId: number | null;
  companyId: number | null;
  createdAt: string;
  updatedAt: string;
};

export type PostAssignmentRow = {
  id: number;
  personId: number;
  unitId: number;
  postTitleJa: string;
  postTitleEn: string;
  startDate: string;
  endDate: string | null;
};

export type CompanyBatch = { companies: CompanyRow[]; divisions: DivisionRow[] };
export type PeopleBatch = { people: PersonRow[]; assignments: PostAssignmentRow[] };

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);

function timestampBefore(rng: Rng, asOfDay: number, maxDaysBack: number): string {
  const day = asOfDay - rng.int(1, maxDaysBack);
  const seconds = rng.int(0, 86_399);
  const d = new Date(day * DAY_MS + seconds * 1000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}+00`;
}

// ---------------------------------------------------------------- 法人番号

const HALF = 1_000_000;
const FEISTEL_KEYS = [
  [742_913, 318_277],
  [591_049, 870_331],
  [133_757, 459_613],
  [866_021, 207_409],
] as const;

/**
 * A bijection on [0, 10^12) (a 4-round Feistel network on two 6-digit halves): consecutive ids
 * give numbers spread over the whole range, and distinct ids never collide.
 */
export function spreadBase(n: number): number {
  let left = Math.floor(n / HALF);
  let right = n % HALF;
  for (const [mul, add] of FEISTEL_KEYS) {
    const f = (right * mul + add + (right >>> 3) * 7) % HALF;
    const next = (left + f) % HALF;
    left = right;
    right = next;
  }
  return left * HALF + right;
}

/** Deterministic in the id only (not the seed), so --append runs never collide. */
export function corporateNumberFor(id: number): string {
  return makeCorporateNumber(String(spreadBase(id)).padStart(12, '0'));
}

// ---------------------------------------------------------------- distributions

// Share of corporations by JSIC major group (経済センサス, orders of magnitude).
const INDUSTRY_WEIGHTS: Readonly<Record<string, number>> = {
  A: 1.2, B: 0.2, C: 0.05, D: 12, E: 11, F: 0.3, G: 3.5, H: 3, I: 20, J: 1.2,
  K: 8, L: 6.5, M: 6, N: 4, O: 1.5, P: 6, Q: 0.1, R: 7, S: 0, T: 1,
};

// Population 2020 census (10,000s) by JIS code; companies additionally concentrate in Tokyo.
const PREFECTURE_POPULATION: Readonly<Record<string, number>> = {
  '01': 522, '02': 124, '03': 121, '04': 230, '05': 96, '06': 107, '07': 183, '08': 287, '09': 193, '10': 194,
  '11': 734, '12': 628, '13': 1405, '14': 924, '15': 220, '16': 103, '17': 113, '18': 77, '19': 81, '20': 205,
  '21': 198, '22': 363, '23': 754, '24': 177, '25': 141, '26': 258, '27': 884, '28': 547, '29': 132, '30': 92,
  '31': 55, '32': 67, '33': 189, '34': 280, '35': 134, '36': 72, '37': 95, '38': 133, '39': 69, '40': 514,
  '41': 81, '42': 131, '43': 174, '44': 112, '45': 107, '46': 159, '47': 147,
};
const TOKYO_HEADQUARTERS_FACTOR = 1.8;

// Approximate staff numbers (定員) by organisation name, for choosing an official's organisation.
const ORGANISATION_STAFF: Readonly<Record<string, number>> = {
  内閣官房: 1300, 内閣法制局: 80, 人事院: 620, 内閣府: 2400, 宮内庁: 1000, 公正取引委員会: 850, 警察庁: 8000,
  金融庁: 1600, 消費者庁: 420, こども家庭庁: 480, デジタル庁: 500, 復興庁: 200, 総務省: 4700, 法務省: 53000,
  外務省: 6300, 財務省: 15000, 国税庁: 55000, 文部科学省: 2100, 厚生労働省: 32000, 農林水産省: 12500, 林野庁: 4600,
  水産庁: 900, 経済産業省: 5000, 資源エネルギー庁: 450, 特許庁: 2800, 中小企業庁: 200, 国土交通省: 38000, 観光庁: 300,
  気象庁: 5000, 運輸安全委員会: 180, 海上保安庁: 14500, 環境省: 3300, 原子力規制委員会: 1100, 防衛省: 21000,
  会計検査院: 1250, 国立公文書館: 60, 統計センター: 700, 造幣局: 750, 国立印刷局: 4000,
  農林水産消費安全技術センター: 600, 製品評価技術基盤機構: 420, 駐留軍等労働者労務管理機構: 280,
};
const DEFAULT_ORGANISATION_STAFF = 500;

type CapitalModel = readonly [base: number, perLogEmployee: number, sd: number, min: number, max: number];
const CAPITAL_MODELS: Partial<Record<LegalFormStyle | '合同会社' | '合名合資', CapitalModel>> = {
  company: [6.6, 0.55, 0.45, 5, 12.3],
  合同会社: [5.6, 0.5, 0.5, 4, 10],
  合名合資: [5.9, 0.3, 0.4, 4.5, 8],
  tokurei_yugen: [6.5, 0.2, 0.25, 5.5, 8],
  mutual: [10.5, 0, 0.3, 10, 11.5],
  shinkin: [9.4, 0, 0.4, 8.5, 10.5],
  credit_coop: [9.0, 0, 0.5, 8, 10.3],
  labour_bank: [10.0, 0, 0.3, 9.5, 10.7],
};
const NICE_CAPITALS = [1e6, 3e6, 5e6, 1e7, 2e7, 3e7, 5e7, 1e8, 3e8, 1e9] as const;

function niceRound(x: number): number {
  const magnitude = Math.pow(10, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / magnitude) * magnitude;
}

const STATUS = new Weighted<CompanyRow['status']>([
  ['active', 0.975],
  ['pending', 0.015],
  ['archived', 0.01],
]);

// ---------------------------------------------------------------- reference resolution

const norm = (s: string): string => s.normalize('NFKC').trim();

type ResolvedForm = LegalForm & { code: string };

export type CompanyContext = {
  forms: Weighted<ResolvedForm>;
  singletons: ReadonlyArray<(typeof SINGLETONS)[number] & { code: string }>;
  industries: Weighted<string>;
  industryCodes: ReadonlySet<string>;
  prefectures: Weighted<{ code: string; nameJa: string }>;
  prefectureByCode: ReadonlyMap<string, { code: string; nameJa: string }>;
};

export function companyContext(ref: ReferenceData): CompanyContext {
  const typeByName = new Map(ref.legalTypes.map((t) => [norm(t.nameJa), t.code]));
  const forms: Array<readonly [ResolvedForm, number]> = [];
  for (const form of LEGAL_FORMS) {
    const code = typeByName.get(form.typeNameJa);
    if (code) forms.push([{ ...form, code }, form.weight]);
  }
  if (forms.length === 0) throw new Error('no known legal-entity type in legal_entity_types: load the reference data first');
  const singletons = SINGLETONS.flatMap((s) => {
    const code = typeByName.get(s.typeNameJa);
    return code ? [{ ...s, code }] : [];
  });
  const industryCodes = new Set(ref.industries.map((i) => i.code));
  const industryEntries = [...industryCodes].map((c) => [c, INDUSTRY_WEIGHTS[c] ?? 0.5] as const);
  const prefEntries = ref.prefectures.map(
    (pr) => [pr, (PREFECTURE_POPULATION[pr.code] ?? 100) * (pr.code === '13' ? TOKYO_HEADQUARTERS_FACTOR : 1)] as const,
  );
  if (industryEntries.length === 0 || prefEntries.length === 0) throw new Error('industries or prefectures are empty: load the reference data first');
  return {
    forms: new Weighted(forms),
    singletons,
    industries: new Weighted(industryEntries),
    industryCodes,
    prefectures: new Weighted(prefEntries),
    prefectureByCode: new Map(ref.prefectures.map((pr) => [pr.code, pr])),
  };
}

// ---------------------------------------------------------------- companies

export type CompanyOptions = CommonOptions & {
  count: number;
  firstId?: number;
  firstDivisionId?: number;
  /** Emit the unique bodies (農林中央金庫, 日本赤十字社, …) first; default: only when firstId is 1. */
  singletons?: boolean;
};

type ParentCandidate = {
  id: number;
  brand: Part;
  industry: string | null;
  prefectureCode: string | null;
  /** Subsidiary words not yet used by a child; the group is full when none remain. */
  freeWords: number[];
};

const SUBSIDIARY_INDUSTRIES = new Weighted<string>([
  ['G', 3], ['H', 2], ['I', 3], ['K', 1], ['R', 2], ['L', 1],
]);

export function* generateCompanies(ref: ReferenceData, opts: CompanyOptions): Generator<CompanyBatch> {
  const ctx = companyContext(ref);
  const rng = new Rng(opts.seed, 'companies');
  const asOfDay = toDay(opts.asOf ?? DEFAULT_AS_OF);
  const batchSize = opts.batchSize ?? 2000;
  const firstId = opts.firstId ?? 1;
  let divisionId = opts.firstDivisionId ?? 1;
  const withSingletons = opts.singletons ?? firstId === 1;
  const candidates: ParentCandidate[] = [];
  // Unique bodies sit among the first rows but not first, so that id 1 is an ordinary company.
  const singletonAt = new Map(withSingletons ? ctx.singletons.map((s, k) => [5 + 7 * k, s] as const) : []);

  let batch: CompanyBatch = { companies: [], divisions: [] };
  for (let i = 0; i < opts.count; i++) {
    const id = firstId + i;
    const singleton = singletonAt.get(i);
    const { company, style } = singleton
      ? singletonCompany(rng, ctx, id, singleton, asOfDay)
      : oneCompany(rng, ctx, id, asOfDay, candidates);
    batch.companies.push(company);
    for (const name of pickDivisions(rng, style, company.employees)) {
      batch.divisions.push({ id: divisionId++, companyId: id, name, createdAt: company.createdAt });
    }
    if (batch.companies.length >= batchSize) {
      yield batch;
      batch = { companies: [], divisions: [] };
    }
  }
  if (batch.companies.length > 0) yield batch;
}

function pickIndustry(rng: Rng, ctx: CompanyContext, form: LegalForm): string | null {
  if (form.industries) {
    const fixed = form.industries.filter(([c]) => ctx.industryCodes.has(c));
    if (fixed.length > 0) return new Weighted(fixed).pick(rng);
  }
  return ctx.industries.pick(rng);
}

function capitalFor(rng: Rng, form: ResolvedForm, employees: number | null): number | null {
  if (!form.hasCapital) return null;
  const word = form.formWords[0];
  const key = word === '合同会社' ? '合同会社' : word === '合名会社' || word === '合資会社' ? '合名合資' : form.style;
  const model = CAPITAL_MODELS[key] ?? CAPITAL_MODELS.company!;
  const [base, slope, sd, min, max] = model;
  if (form.style === 'tokurei_yugen' && rng.chance(0.6)) return 3_000_000;
  const log10 = Math.min(max, Math.max(min, base + slope * Math.log10((employees ?? 5) + 1) + rng.normal(0, sd)));
  const raw = Math.pow(10, log10);
  if (raw < 2e9 && rng.chance(0.45)) {
    // Round figures such as 1,000万円 are the most common registered capitals.
    let best: number = NICE_CAPITALS[0];
    for (const c of NICE_CAPITALS) if (Math.abs(Math.log10(c) - log10) < Math.abs(Math.log10(best) - log10)) best = c;
    return best;
  }
  return niceRound(raw);
}

function oneCompany(
  rng: Rng,
  ctx: CompanyContext,
  id: number,
  asOfDay: number,
  candidates: ParentCandidate[],
): { company: CompanyRow; style: LegalFormStyle } {
  const form = ctx.forms.pick(rng);
  const word = form.formWords[0];
  const subsidiaryChance = word === '株式会社' ? 0.065 : word === '合同会社' ? 0.03 : 0;
  let parent: ParentCandidate | null = null;
  let subsidiaryWord: Part | undefined;
  if (candidates.length > 0 && subsidiaryChance > 0 && rng.chance(subsidiaryChance)) {
    const slot = rng.int(0, candidates.length - 1);
    parent = candidates[slot] as ParentCandidate;
    const w = parent.freeWords.splice(rng.int(0, parent.freeWords.length - 1), 1)[0] as number;
    subsidiaryWord = SUBSIDIARY_WORDS[w];
    if (parent.freeWords.length === 0) {
      candidates[slot] = candidates[candidates.length - 1] as ParentCandidate;
      candidates.pop();
    }
  }

  let industry: string | null;
  let employees: number | null;
  let prefecture: { code: string; nameJa: string };
  if (parent) {
    industry = rng.chance(0.6) ? parent.industry : SUBSIDIARY_INDUSTRIES.pick(rng);
    if (industry && !ctx.industryCodes.has(industry)) industry = parent.industry;
    employees = Math.max(1, Math.round(rng.logNormal(3.6, 1.3)));
    prefecture =
      (parent.prefectureCode && rng.chance(0.5) ? ctx.prefectureByCode.get(parent.prefectureCode) : undefined) ?? ctx.prefectures.pick(rng);
  } else {
    industry = pickIndustry(rng, ctx, form);
    employees = Math.min(400_000, Math.max(1, Math.round(rng.logNormal(form.employees[0], form.employees[1]))));
    prefecture = ctx.prefectures.pick(rng);
  }
  if (rng.chance(0.03)) employees = null;

  const holding = !parent && word === '株式会社' && (employees ?? 0) >= 500 && rng.chance(0.25);
  const named = organisationName(rng, form, {
    industry,
    employees,
    holding,
    ...(parent ? { parentBrand: parent.brand, subsidiaryWord } : {}),
  });
  if (word === '株式会社' && !parent && (employees ?? 0) >= 100) {
    // Group size grows with the parent: a few children for a mid-size firm, up to all words for holdings.
    const slots = holding ? SUBSIDIARY_WORDS.length : Math.min(SUBSIDIARY_WORDS.length, 1 + Math.floor(Math.log2((employees ?? 100) / 50)));
    const freeWords = rng.sample(SUBSIDIARY_WORDS.length, slots);
    // Children of 東洋ホールディングス or 東洋精機 are 東洋システムズ etc.
    candidates.push({ id, brand: named.brand ?? named.core, industry, prefectureCode: prefecture.code, freeWords });
  }

  const createdAt = timestampBefore(rng, asOfDay, 1460);
  const company: CompanyRow = {
    id,
    corporateNumber: corporateNumberFor(id),
    name: named.name,
    nameNormalized: normalizeForSearch(named.name),
    nameCore: nameCore(normalizeForSearch(named.name)),
    nameKana: named.kana,
    nameKanaNormalized: normalizeForSearch(named.kana),
    legalTypeCode: form.code,
    capitalYen: capitalFor(rng, form, employees),
    employees,
    industryCode: industry,
    prefectureCode: prefecture.code,
    address: address(rng, prefecture.code, prefecture.nameJa),
    parentId: parent ? parent.id : null,
    status: STATUS.pick(rng),
    createdAt,
    updatedAt: createdAt,
  };
  return { company, style: form.style };
}

function singletonCompany(
  rng: Rng,
  ctx: CompanyContext,
  id: number,
  s: CompanyContext['singletons'][number],
  asOfDay: number,
): { company: CompanyRow; style: LegalFormStyle } {
  const tokyo = ctx.prefectureByCode.get('13') ?? ctx.prefectures.pick(rng);
  const createdAt = timestampBefore(rng, asOfDay, 1460);
  return {
    style: 'singleton',
    company: {
      id,
      corporateNumber: corporateNumberFor(id),
      name: s.name,
      nameNormalized: normalizeForSearch(s.name),
      nameCore: nameCore(normalizeForSearch(s.name)),
      nameKana: s.kana,
      nameKanaNormalized: normalizeForSearch(s.kana),
      legalTypeCode: s.code,
      capitalYen: s.capitalYen,
      employees: s.employees,
      industryCode: ctx.industryCodes.has(s.industry) ? s.industry : null,
      prefectureCode: tokyo.code,
      address: address(rng, tokyo.code, tokyo.nameJa),
      parentId: null,
      status: 'active',
      createdAt,
      updatedAt: createdAt,
    },
  };
}

const DIVISION_COUNT_SMALL = new Weighted<number>([[0, 0.75], [1, 0.2], [2, 0.05]]);
const DIVISION_COUNT_MEDIUM = new Weighted<number>([[0, 0.35], [1, 0.35], [2, 0.2], [3, 0.1]]);
const DIVISION_COUNT_LARGE = new Weighted<number>([[0, 0.05], [1, 0.25], [2, 0.3], [3, 0.4]]);

function pickDivisions(rng: Rng, style: LegalFormStyle, employees: number | null): string[] {
  const e = employees ?? 10;
  const n = (e < 10 ? DIVISION_COUNT_SMALL : e < 100 ? DIVISION_COUNT_MEDIUM : DIVISION_COUNT_LARGE).pick(rng);
  if (n === 0) return [];
  const names = divisionNames(style);
  return rng.sample(names.length, Math.min(n, names.length)).map((i) => names[i] as string);
}

// ---------------------------------------------------------------- people: shared

type Gender = PersonRow['gender'];

function birthDateFor(rng: Rng, asOfDay: number, minAge: number, maxAge: number): { day: number; iso: string; age: number } {
  const age = rng.int(minAge, maxAge);
  // Born between (age + 1) years and age years before asOf: exactly `age` years old on asOf.
  const asOf = new Date(asOfDay * DAY_MS);
  const latest = dayOf(asOf.getUTCFullYear() - age, asOf.getUTCMonth() + 1, asOf.getUTCDate());
  const earliest = dayOf(asOf.getUTCFullYear() - age - 1, asOf.getUTCMonth() + 1, asOf.getUTCDate()) + 1;
  const day = rng.int(earliest, latest);
  return { day, iso: isoDay(day), age };
}

function genderFor(rng: Rng, femaleShare: number): Gender {
  const r = rng.next();
  if (r < 0.005) return null;
  if (r < 0.007) return 'other';
  return rng.next() < femaleShare ? 'female' : 'male';
}

function personName(rng: Rng, gender: Gender, birthYear: number) {
  const family = pickFamilyName(rng);
  const given = pickGivenName(rng, gender, birthYear);
  return { familyName: family[0], familyNameKana: family[1], givenName: given.ja, givenNameKana: given.kana };
}

// ---------------------------------------------------------------- officials and post history

type Title = readonly [ja: string, en: string];
const LADDER: ReadonlyArray<readonly Title[]> = [
  [['係員', 'Staff']],
  [['主任', 'Senior Staff']],
  [['係長', 'Section Chief']],
  [['課長補佐', 'Deputy Director']],
  [['室長', 'Director of Office'], ['企画官', 'Senior Coordinator']],
  [['課長', 'Director']],
  [['審議官', 'Deputy Director-General'], ['参事官', 'Counsellor']],
  [['局長', 'Director-General']],
];
const REGIONAL_TITLES: Readonly<Record<number, Title>> = {
  5: ['部長', 'Director of Department'],
  6: ['次長', 'Deputy Director-General'],
  7: ['局長', 'Director-General'],
};

// Age at which a general-track (一般職) and a career-track (総合職) official reaches each rung.
const GENERAL_LADDER_AGES = [0, 25, 30, 36, 45, 52, 99, 99] as const;
const CAREER_LADDER_AGES = [0, 99, 25, 29, 38, 44, 52, 56] as const;
const GENERAL_CEILING = new Weighted<number>([[3, 0.35], [4, 0.4], [5, 0.25]]);
const CAREER_CEILING = new Weighted<number>([[5, 0.5], [6, 0.35], [7, 0.15]]);
const ENTRY_AGE = new Weighted<number>([[18, 0.25], [20, 0.1], [22, 0.5], [24, 0.15]]);

function rankAt(age: number, career: boolean, ceiling: number, shift: number): number {
  const ages = career ? CAREER_LADDER_AGES : GENERAL_LADDER_AGES;
  let rank = 0;
  for (let r = 0; r < ages.length; r++) if (age >= (ages[r] as number) + shift) rank = r;
  return Math.min(rank, ceiling);
}

type UnitPools = { lower: readonly { id: number; kind: string }[]; upper: readonly { id: number; kind: string }[] };

export type OfficialContext = {
  organisations: Weighted<number>;
  pools: ReadonlyMap<number, UnitPools>;
};

export function officialContext(ref: ReferenceData): OfficialContext {
  const byOrg = new Map<number, { id: number; kind: string }[]>();
  for (const u of ref.orgUnits) {
    const list = byOrg.get(u.organisationId) ?? [];
    list.push({ id: u.id, kind: u.kind });
    byOrg.set(u.organisationId, list);
  }
  const pools = new Map<number, UnitPools>();
  const entries: Array<readonly [number, number]> = [];
  for (const org of ref.organisations) {
    const units = byOrg.get(org.id);
    if (!units || units.length === 0) continue;
    const lower = units.filter((u) => u.kind !== 'bureau');
    const upper = units.filter((u) => u.kind === 'bureau');
    pools.set(org.id, { lower: lower.length > 0 ? lower : units, upper: upper.length > 0 ? upper : units });
    entries.push([org.id, ORGANISATION_STAFF[norm(org.nameJa)] ?? DEFAULT_ORGANISATION_STAFF]);
  }
  if (entries.length === 0) throw new Error('no organisation has org_units: load the reference data first');
  return { organisations: new Weighted(entries), pools };
}

export type OfficialOptions = CommonOptions & { count: number; firstPersonId?: number; firstAssignmentId?: number };

/** Quarter starts (1 Jan/Apr/Jul/Oct), the days on which transfers (異動) take effect. */
function quarterStartOnOrAfter(day: number): number {
  const y = new Date(day * DAY_MS).getUTCFullYear();
  for (const qm of [1, 4, 7, 10]) {
    const q = dayOf(y, qm, 1);
    if (q >= day) return q;
  }
  return dayOf(y + 1, 1, 1);
}

function quarterStartOnOrBefore(day: number): number {
  const d = new Date(day * DAY_MS);
  const m = d.getUTCMonth() + 1;
  return dayOf(d.getUTCFullYear(), m - ((m - 1) % 3), 1);
}

function aprilOnOrAfter(day: number): number {
  const y = new Date(day * DAY_MS).getUTCFullYear();
  const april = dayOf(y, 4, 1);
  return april >= day ? april : dayOf(y + 1, 4, 1);
}

function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  return dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1 + months, d.getUTCDate());
}

export function* generateOfficials(ref: ReferenceData, opts: OfficialOptions): Generator<PeopleBatch> {
  const ctx = officialContext(ref);
  const rng = new Rng(opts.seed, 'officials');
  const asOfDay = toDay(opts.asOf ?? DEFAULT_AS_OF);
  const batchSize = opts.batchSize ?? 2000;
  let personId = opts.firstPersonId ?? 1;
  let assignmentId = opts.firstAssignmentId ?? 1;
  let batch: PeopleBatch = { people: [], assignments: [] };
  // Transfers need at least three quarter starts after entry: the newest recruits entered by then.
  const latestEntry = quarterStartOnOrBefore(addMonths(asOfDay, -9));

  for (let i = 0; i < opts.count; i++) {
    const id = personId++;
    const orgId = ctx.organisations.pick(rng);
    const pools = ctx.pools.get(orgId) as UnitPools;
    const birth = birthDateFor(rng, asOfDay, 22, 60);
    const birthYear = new Date(birth.day * DAY_MS).getUTCFullYear();
    const gender = genderFor(rng, birth.age < 30 ? 0.38 : birth.age < 45 ? 0.28 : 0.16);
    const createdAt = timestampBefore(rng, asOfDay, 365);
    batch.people.push({
      id,
      kind: 'official',
      ...personName(rng, gender, birthYear),
      birthDate: birth.iso,
      gender,
      organisationId: orgId,
      companyId: null,
      createdAt,
      updatedAt: createdAt,
    });

    // Career: entry on 1 April after the entry age, then transfers on quarter starts.
    let entry = aprilOnOrAfter(addMonths(birth.day, 12 * ENTRY_AGE.pick(rng)));
    if (entry > latestEntry) entry = latestEntry;
    const quarters: number[] = [];
    for (let q = quarterStartOnOrAfter(entry + 1); q <= asOfDay; q = quarterStartOnOrAfter(q + 1)) quarters.push(q);
    const careerYears = (asOfDay - entry) / 365.25;
    const wanted = 3 + Math.round(careerYears / 9) + rng.int(-1, 1);
    const n = Math.max(3, Math.min(8, wanted, quarters.length + 1));
    const starts = [entry, ...rng.sample(quarters.length, n - 1).map((q) => quarters[q] as number)];

    const career = rng.chance(0.1);
    const ceiling = (career ? CAREER_CEILING : GENERAL_CEILING).pick(rng);
    const shift = rng.int(-2, 2);
    let rank = 0;
    let unit: { id: number; kind: string } | null = null;
    for (let a = 0; a < n; a++) {
      const start = starts[a] as number;
      const end = a + 1 < n ? (starts[a + 1] as number) - 1 : null;
      const ageAtStart = (start - birth.day) / 365.25;
      rank = Math.max(rank, rankAt(ageAtStart, career, ceiling, shift));
      const pool = rank >= 6 ? pools.upper : pools.lower;
      if (!unit || !pool.includes(unit) || !rng.chance(0.2)) unit = rng.pick(pool);
      const regional = unit.kind === 'regional_office' ? REGIONAL_TITLES[rank] : undefined;
      const title = regional ?? rng.pick(LADDER[rank] as readonly Title[]);
      batch.assignments.push({
        id: assignmentId++,
        personId: id,
        unitId: unit.id,
        postTitleJa: title[0],
        postTitleEn: title[1],
        startDate: isoDay(start),
        endDate: end === null ? null : isoDay(end),
      });
    }
    if (batch.people.length >= batchSize) {
      yield batch;
      batch = { people: [], assignments: [] };
    }
  }
  if (batch.people.length > 0) yield batch;
}

// ---------------------------------------------------------------- company employees

export type EmployeeOptions = CommonOptions & {
  count: number;
  firstPersonId?: number;
  /** Employees work for companies with ids in [min, max] (the companies of this load). */
  companyIds: readonly [min: number, max: number];
};

export function* generateEmployees(opts: EmployeeOptions): Generator<PeopleBatch> {
  const rng = new Rng(opts.seed, 'employees');
  const asOfDay = toDay(opts.asOf ?? DEFAULT_AS_OF);
  const batchSize = opts.batchSize ?? 2000;
  let personId = opts.firstPersonId ?? 1;
  const [minCompany, maxCompany] = opts.companyIds;
  if (opts.count > 0 && maxCompany < minCompany) throw new Error('employees need companies');
  let batch: PeopleBatch = { people: [], assignments: [] };
  for (let i = 0; i < opts.count; i++) {
    const birth = birthDateFor(rng, asOfDay, 22, 60);
    const gender = genderFor(rng, 0.4);
    const createdAt = timestampBefore(rng, asOfDay, 365);
    batch.people.push({
      id: personId++,
      kind: 'employee',
      ...personName(rng, gender, new Date(birth.day * DAY_MS).getUTCFullYear()),
      birthDate: birth.iso,
      gender,
      organisationId: null,
      companyId: rng.int(minCompany, maxCompany),
      createdAt,
      updatedAt: createdAt,
    });
    if (batch.people.length >= batchSize) {
      yield batch;
      batch = { people: [], assignments: [] };
    }
  }
  if (batch.people.length > 0) yield batch;
}
