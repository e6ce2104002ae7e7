// Synthetic published wish sheets (交流希望シート) at national scale, for the public-search benchmark:
// N sheets — about 60% company sheets (hosting places and/or people to send) of registry companies,
// 25% ministry dispatch wishes and 15% ministry hire wishes — with Japanese text drawn from themes
// per field of work (「DX推進」「データ分析」「脱炭素」…, sometimes typed in full or half width),
// published over the past year, about 5% already past their expiry date. Deterministic for a seed
// (bench/generator/rng.ts). Each row goes through the same validation (wishSheetInputSchema) and the
// same derivation (deriveRow: listing columns, search text with readings, bigrams) as the service.
// Needs a database with companies and organisations (bench/load-scale.ts).
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/src/db/client.ts';
import { rowsOf } from '../../server/src/db/client.ts';
import { AGE_BANDS, FIELDS_OF_WORK, POSITION_LEVELS, wishSheetInputSchema, type FieldOfWork, type WishSheetInput } from '../../common/src/schemas/wishes.schema.ts';
import { deriveRow } from '../../server/src/modules/wishes/wishes.rules.ts';
import { pgTextArray } from '../../server/src/modules/wishes/wishes.repository.ts';
import { Rng } from './rng.ts';

/** Words per field of work: what sheets in that field talk about. */
export const THEMES: Record<FieldOfWork, readonly string[]> = {
  digital: ['DX推進', 'デジタル化', '基幹システム刷新', '生成AIの活用', 'クラウド移行', 'サイバーセキュリティ', 'ＤＸ推進', 'ﾃﾞｼﾞﾀﾙ化'],
  data: ['データ分析', 'データ利活用', 'EBPM', '統計分析', 'データ基盤の整備', 'ﾃﾞｰﾀ分析'],
  finance: ['財務分析', '管理会計', 'IR', '資金調達', '予算管理', '税務'],
  legal: ['コンプライアンス', '契約審査', '規制対応', '法務', '個人情報保護'],
  hr: ['人事制度改革', '人材育成', '働き方改革', 'ダイバーシティ推進', '採用'],
  planning: ['中期経営計画', '新規事業開発', 'M&A', 'スタートアップ連携', '経営企画'],
  marketing: ['ブランド戦略', '広報', 'デジタルマーケティング', '顧客分析'],
  research: ['研究開発', '知的財産', '産学連携', '半導体'],
  manufacturing: ['品質管理', '生産技術', 'サプライチェーン', '製造DX'],
  energy: ['脱炭素', '再生可能エネルギー', 'GX', '水素', '省エネルギー'],
  infrastructure: ['まちづくり', '再開発', 'インフラ維持管理', '防災'],
  logistics: ['物流効率化', '物流DX', 'モーダルシフト', '国際物流'],
  healthcare: ['医療DX', '介護サービス', 'ヘルスケア', '創薬'],
  international: ['海外展開', '通商交渉', '輸出拡大', '国際標準化'],
  risk: ['リスク管理', 'BCP', '危機管理', '経済安全保障'],
  policy: ['政策立案', '制度設計', '規制改革', '行政実務'],
};
const PLACES = ['経営企画部', 'DX推進部', '人事部', '財務部', '法務部', '研究開発本部', '品質保証部', '海外事業部', 'サステナビリティ推進室', '物流本部', 'マーケティング部', 'リスク管理部', '情報システム部', '事業開発部'];
const VERBS = ['企画立案', '調整', '実務', '推進', '分析', '制度設計', '現場での運用'];
const SKILLS = ['Python', 'SQL', '統計', '会計', 'M&A', 'プロジェクト管理', '英語', 'クラウド', '品質管理', '財務モデリング', 'ＡＩ', '交渉', '法令調査', '広報'];
const NOTES = [
  '期間や開始時期はご相談に応じます。',
  '若手職員の育成の機会として交流を希望しています。',
  '地方拠点での勤務も可能です。',
  'テレワークを併用しています。',
  '複数名の受入れも検討できます。',
  '政策の現場を経験し、事業に生かしたいと考えています。',
  '説明会で関心を持ちました。',
  '具体的な業務内容は面談のうえ決めたいと考えています。',
];
const FIELDS = FIELDS_OF_WORK.map((f) => f.code);
const BANDS = AGE_BANDS.map((a) => a.code);
const LEVELS = POSITION_LEVELS.map((p) => p.code);

const ym = (i: number) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const DAY = 86_400_000;

type Company = { id: number; name: string; industryCode: string | null; prefectureCode: string | null };
type Org = { id: number; code: string; nameJa: string; nameEn: string };

function some<T>(rng: Rng, xs: readonly T[], min: number, max: number): T[] {
  const k = rng.int(min, max);
  return [...new Set(Array.from({ length: k }, () => rng.pick(xs)))];
}

/** One sheet's input (validated) for sheet number i. */
export function generateSheet(rng: Rng, i: number, companies: readonly Company[], orgs: readonly Org[]): { input: WishSheetInput; owner: Company | Org } {
  const r = rng.next();
  const fields = some(rng, FIELDS, 1, 3);
  const theme = () => rng.pick(THEMES[rng.pick(fields)]);
  const t1 = theme();
  const startFrom = rng.int(0, 24);
  const startTo = startFrom + rng.pick([0, 0, 3, 6, 12]);
  const periodMin = rng.pick([6, 12, 12, 12, 18, 24, 24, 36]);
  const periodMax = Math.max(periodMin, rng.pick([12, 24, 24, 36, 36, 60]));
  const common = {
    periodMonths: { min: periodMin, max: periodMax },
    start: { from: ym(startFrom), to: ym(startTo) },
    notes: rng.chance(0.7) ? some(rng, NOTES, 1, 3).join('') : '',
  };
  if (r < 0.6) {
    const c = companies[i % companies.length]!;
    const hosts = rng.chance(0.75)
      ? Array.from({ length: rng.int(1, 2) }, () => ({
          place: rng.pick(PLACES),
          fields: some(rng, fields, 1, 2),
          duties: `${theme()}に関する${rng.pick(VERBS)}。${rng.chance(0.5) ? `${theme()}にも携わっていただきます。` : ''}`,
          skills: some(rng, SKILLS, 0, 3),
          ageBands: rng.chance(0.4) ? [] : some(rng, BANDS, 1, 2),
        }))
      : [];
    const sends =
      hosts.length === 0 || rng.chance(0.35)
        ? Array.from({ length: rng.int(1, 2) }, () => ({
            fields: some(rng, fields, 1, 2),
            skills: some(rng, SKILLS, 0, 3),
            ageBand: rng.chance(0.8) ? rng.pick(BANDS) : null,
            positionLevel: rng.chance(0.7) ? rng.pick(LEVELS.slice(0, 4)) : null,
          }))
        : [];
    const title = hosts.length ? `${hosts[0]!.place}で行政官を受け入れます（${t1}）` : `${t1}の経験者を府省等へ送り出したい`;
    const input = wishSheetInputSchema.parse({
      kind: 'company',
      companyId: c.id,
      industryCode: c.industryCode,
      prefectureCode: c.prefectureCode,
      title,
      hosts,
      sends,
      wantedMinistries: rng.chance(0.5) ? some(rng, orgs, 1, 3).map((o) => o.code) : [],
      ...common,
    });
    return { input, owner: c };
  }
  const o = orgs[rng.int(0, orgs.length - 1)]!;
  const base = {
    organisationCode: o.code,
    fields,
    industries: rng.chance(0.5) ? [] : some(rng, ['D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'P'], 1, 3),
    skills: some(rng, SKILLS, 0, 3),
    ageBands: rng.chance(0.3) ? [] : some(rng, BANDS, 1, 2),
    positionLevels: some(rng, LEVELS.slice(0, 4), 1, 2),
    headcount: rng.int(1, 3),
    ...common,
  };
  if (r < 0.85) {
    return {
      input: wishSheetInputSchema.parse({ kind: 'ministry_dispatch', title: `${t1}の実務を企業で経験させたい`, ...base }),
      owner: o,
    };
  }
  return {
    input: wishSheetInputSchema.parse({
      kind: 'ministry_hire',
      title: `${t1}の専門人材を募集します`,
      post: `${rng.pick(['政策企画官', '課長補佐', '専門官', '企画官'])}（${t1}担当）`,
      duties: `${t1}に関する${rng.pick(VERBS)}と関係者との調整。${theme()}の知見を生かしていただきます。`,
      experience: rng.chance(0.6) ? `${theme()}の実務経験${rng.int(3, 10)}年以上` : '',
      ...base,
    }),
    owner: o,
  };
}

export async function loadWishSheets(
  database: Database,
  opts: { count: number; seed: number; replace: boolean; batch?: number; today?: string; log?: (s: string) => void },
): Promise<{ inserted: number; ms: number; companiesUsed: number; expired: number }> {
  const t0 = performance.now();
  const { db } = database;
  const log = opts.log ?? (() => {});
  const existing = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from wish_sheets`))[0]!.n;
  if (existing && !opts.replace) throw new Error(`wish_sheets already holds ${existing} rows (pass --replace)`);
  if (existing) await db.execute(sql`delete from wish_sheets`);

  // Companies with an industry and a prefecture, spread over the registry (every 16th id).
  const companies = rowsOf<{ id: number; name: string; industry_code: string | null; prefecture_code: string | null }>(
    await db.execute(sql`select id::int as id, name, industry_code, prefecture_code from companies
      where status = 'active' and industry_code is not null and prefecture_code is not null and id % 16 = 0 order by id limit ${Math.ceil(opts.count * 0.7)}`),
  ).map((c) => ({ id: c.id, name: c.name, industryCode: c.industry_code, prefectureCode: c.prefecture_code }));
  const orgs = rowsOf<{ id: number; code: string; name_ja: string; name_en: string }>(
    await db.execute(sql`select id::int as id, code, name_ja, name_en from organisations where kind = 'ministry' order by sort_order, id`),
  ).map((o) => ({ id: o.id, code: o.code, nameJa: o.name_ja, nameEn: o.name_en }));
  if (!companies.length || !orgs.length) throw new Error('no companies or organisations: load the registry first (bench/load-scale.ts)');
  const orgByCode = new Map(orgs.map((o) => [o.code, o]));

  const rng = new Rng(opts.seed, 'wish-sheets');
  const today = opts.today ?? new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const now = Date.parse(`${today}T12:00:00+09:00`);
  const batch = opts.batch ?? 500;
  // Ids taken from the identity sequence up front, so the reference (WS- and the id) is written once.
  const firstId = rowsOf<{ id: number }>(await db.execute(sql`select nextval(pg_get_serial_sequence('wish_sheets', 'id'))::int as id`))[0]!.id;
  await db.execute(sql`select setval(pg_get_serial_sequence('wish_sheets', 'id'), ${firstId + opts.count})`);
  let expired = 0;
  for (let start = 0; start < opts.count; start += batch) {
    const rows: ReturnType<typeof sql>[] = [];
    for (let i = start; i < Math.min(opts.count, start + batch); i++) {
      const { input, owner } = generateSheet(rng, i, companies, orgs);
      const publishedAt = new Date(now - rng.int(0, 364) * DAY - rng.int(0, 86_399) * 1000);
      // Listed a year from publication; about 5% ran out already.
      const isExpired = rng.chance(0.05);
      if (isExpired) expired++;
      const expiresOn = isExpired
        ? new Date(now - rng.int(1, 60) * DAY).toISOString().slice(0, 10)
        : new Date(Math.max(publishedAt.getTime() + 365 * DAY, now + DAY)).toISOString().slice(0, 10);
      const body = { ...input, status: 'published' as const, expiresOn };
      const ownerNames = 'code' in owner ? { nameJa: owner.nameJa, nameEn: owner.nameEn, organisationCode: owner.code } : { nameJa: owner.name, nameEn: owner.name };
      const wanted = body.kind === 'company' ? body.wantedMinistries.flatMap((c) => [orgByCode.get(c)!.nameJa, orgByCode.get(c)!.nameEn]) : [];
      const d = deriveRow(body, ownerNames, wanted);
      const id = firstId + i;
      rows.push(sql`(${id}, ${`WS-${String(id).padStart(6, '0')}`}, ${d.kind}, ${d.direction}, ${'code' in owner ? owner.id : null}, ${'code' in owner ? null : owner.id},
        'published', ${d.title}, ${JSON.stringify(body)}::jsonb, ${pgTextArray(d.industryCodes)}, ${pgTextArray(d.fieldCodes)}, ${pgTextArray(d.ageBands)}, ${d.prefectureCode},
        ${d.periodMinMonths}, ${d.periodMaxMonths}, ${d.startFrom}, ${d.startTo}, ${d.searchText}, ${pgTextArray(d.searchGrams)}, ${pgTextArray(d.facetKeys)}, ${expiresOn}::date,
        ${publishedAt.toISOString()}::timestamptz, 1, ${publishedAt.toISOString()}::timestamptz, ${publishedAt.toISOString()}::timestamptz)`);
    }
    await db.execute(sql`insert into wish_sheets (id, reference, kind, direction, organisation_id, company_id, status, title, body, industry_codes, field_codes, age_bands,
      prefecture_code, period_min_months, period_max_months, start_from, start_to, search_text, search_grams, facet_keys, expires_on, published_at, version, created_at, updated_at)
      overriding system value values ${sql.join(rows, sql`, `)}`);
    if ((start / batch) % 20 === 0) log(`${Math.min(opts.count, start + batch)}/${opts.count} in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  }
  // Statistics for the planner and the visibility map for index-only work.
  await db.execute(sql`vacuum analyze wish_sheets`);
  return { inserted: opts.count, ms: Math.round(performance.now() - t0), companiesUsed: Math.min(companies.length, opts.count), expired };
}
