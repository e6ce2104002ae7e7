// Demo data for wish sheets (交流希望シート), added by `koryu demo load` and `start --demo` after the
// public call's demo (demo-public-call.ts) and before the inquiries' (which need published sheets):
// a dozen published sheets — dispatch and hire wishes of several ministries (METI's through the demo
// ministry account), company sheets of the demo company (through the demo company account) and of
// accepted applicants (entered by the NPA) — plus a draft and a closed sheet. Created through the
// wishes service, so versions, audit rows and the search text are the real ones. The text holds
// words such as 「DX推進」「データ分析」 so a search with a full-width 「ＤＸ」 finds them.
// Loaded once: a second run finds sheets and changes nothing. All names are fictional.
import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { accounts, callApplications, companies, wishSheets } from '../db/schema.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import { todayInJapan } from '../platform/time.ts';
import { createWishesService } from '../modules/wishes/wishes.service.ts';
import { wishSheetInputSchema, type WishSheetDetail } from '../../../common/src/schemas/wishes.schema.ts';

/** What the browser test looks for: the demo company's published sheet, found with a full-width word. */
export const demoWishes = {
  /** The demo company's published sheet (created first, so its reference is WS-000001 on a fresh database). */
  companySheetTitle: 'DX推進部での行政官の受入れと、データ分析人材の送り出し',
  companySheetReference: 'WS-000001',
  /** A word in that sheet; search it in full width (ＤＸ推進) to check the NFKC folding. */
  searchWord: 'DX推進',
  searchWordFullWidth: 'ＤＸ推進',
  /** The demo ministry account's (METI) published dispatch wish. */
  ministrySheetTitle: 'DX推進・データ分析の実務を企業で経験させたい（交流派遣）',
} as const;

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

export async function loadDemoWishes(database: Database, now = Date.now()): Promise<number> {
  const { db } = database;
  if ((await db.select({ id: wishSheets.id }).from(wishSheets).limit(1)).length) return 0;
  const account = async (email: string) =>
    (await db.select({ id: accounts.id, role: accounts.role, displayName: accounts.displayName, organisationId: accounts.organisationId, companyId: accounts.companyId }).from(accounts).where(eq(accounts.email, email)).limit(1))[0];
  const companyHr = await account('company-hr@demo.koryu.jp');
  const metiHr = await account('meti-hr@demo.koryu.jp');
  const npa = await account('npa@demo.koryu.jp');
  if (!companyHr?.companyId || !metiHr || !npa) return 0;
  const ctxOf = (a: NonNullable<typeof npa>): RequestContext => ({
    actor: { accountId: a.id, role: a.role as Actor['role'], displayName: a.displayName, organisationId: a.organisationId, companyId: a.companyId, personId: null, locale: 'ja' },
    requestId: 'demo-load',
    ip: 'cli',
  });
  const asCompany = ctxOf(companyHr);
  const asMeti = ctxOf(metiHr);
  const asNpa = ctxOf(npa);

  const today = todayInJapan(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // The next April (the usual start of an exchange) and the October after it.
  const april = month >= 4 ? year + 1 : year;
  const nextApril = ym(april, 4);
  const nextOctober = ym(april, 10);
  const soon = ym(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1);

  const demoCompany = (await db.select({ id: companies.id, industryCode: companies.industryCode, prefectureCode: companies.prefectureCode }).from(companies).where(eq(companies.id, companyHr.companyId)))[0]!;
  // Accepted applicants of the public call (demo-public-call.ts), with an industry and a prefecture.
  const applicants = await db
    .selectDistinct({ id: companies.id, industryCode: companies.industryCode, prefectureCode: companies.prefectureCode })
    .from(callApplications)
    .innerJoin(companies, eq(companies.id, callApplications.companyId))
    .where(and(eq(callApplications.status, 'accepted'), isNotNull(companies.industryCode), isNotNull(companies.prefectureCode), ne(companies.id, demoCompany.id)))
    .orderBy(asc(companies.id))
    .limit(3);

  const service = createWishesService(database, { today: () => today });
  let n = 0;
  const publish = async (ctx: RequestContext, body: unknown) => {
    const d = await service.create(ctx, wishSheetInputSchema.parse(body));
    const p = await service.publish(ctx, d.id, { version: d.version });
    n++;
    return p;
  };

  // 1. The demo company (first, so its reference is stable for the browser test).
  await publish(asCompany, {
    kind: 'company',
    companyId: demoCompany.id,
    industryCode: demoCompany.industryCode,
    prefectureCode: demoCompany.prefectureCode,
    title: demoWishes.companySheetTitle,
    hosts: [
      {
        place: 'DX推進部 デジタル戦略課',
        fields: ['digital', 'data'],
        duties: '全社のDX推進計画の策定と、業務データの分析基盤の整備。行政のデジタル化の知見を生かしていただきたい。',
        skills: ['プロジェクト管理', '政策立案'],
        ageBands: ['30s', '40s'],
      },
    ],
    sends: [{ fields: ['data', 'policy'], skills: ['データ分析', 'Python', 'SQL'], ageBand: '30s', positionLevel: 'chief' }],
    wantedMinistries: ['meti', 'digital', 'mic'],
    periodMonths: { min: 12, max: 36 },
    start: { from: soon, to: nextOctober },
    notes: '交流派遣・交流採用のどちらも検討しています。期間や開始時期はご相談に応じます。',
  });

  // 2–3. METI (the demo ministry account): a dispatch wish and a hire wish.
  await publish(asMeti, {
    kind: 'ministry_dispatch',
    organisationCode: 'meti',
    title: demoWishes.ministrySheetTitle,
    fields: ['digital', 'data'],
    industries: ['G', 'E'],
    skills: ['データ分析', 'デジタル人材育成'],
    ageBands: ['30s'],
    positionLevels: ['chief', 'deputy_director'],
    headcount: 2,
    periodMonths: { min: 12, max: 24 },
    start: { from: nextApril, to: nextOctober },
    notes: '産業のDX推進に関する政策立案に生かすため、企業の現場でデータ分析とシステム導入の実務を経験させたいと考えています。',
  });
  await publish(asMeti, {
    kind: 'ministry_hire',
    organisationCode: 'meti',
    title: 'GX（グリーントランスフォーメーション）政策の企画立案を担う人材',
    post: '産業技術環境局 課長補佐',
    duties: '脱炭素投資の促進策の企画立案、排出量取引制度の設計に関する調整。',
    fields: ['energy', 'policy'],
    industries: ['F', 'E'],
    skills: ['エネルギー事業', '脱炭素', '事業計画'],
    experience: 'エネルギー又は製造業での事業企画の経験5年以上',
    ageBands: ['30s', '40s'],
    positionLevels: ['deputy_director'],
    periodMonths: { min: 24, max: 36 },
    start: { from: nextApril, to: nextApril },
  });

  // 4–8. Other ministries (entered by the NPA).
  const ministries = [
    {
      kind: 'ministry_hire',
      organisationCode: 'mof',
      title: '財務分析・会計の専門人材を募集します',
      post: '主計局 調査課 課長補佐',
      duties: '予算の執行状況の財務分析、公会計の改善。',
      fields: ['finance', 'data'],
      industries: ['J'],
      skills: ['財務分析', '公認会計士', 'IFRS'],
      experience: '事業会社又は監査法人での決算・財務分析の実務',
      ageBands: ['30s', '40s'],
      positionLevels: ['deputy_director'],
      periodMonths: { min: 24, max: 36 },
      start: { from: nextApril, to: nextApril },
    },
    {
      kind: 'ministry_dispatch',
      organisationCode: 'mlit',
      title: '物流・まちづくりの現場で学ぶ交流派遣',
      fields: ['logistics', 'infrastructure'],
      industries: ['H', 'D', 'K'],
      skills: ['物流DX', '都市開発'],
      ageBands: ['20s', '30s'],
      positionLevels: ['staff', 'chief'],
      headcount: 3,
      periodMonths: { min: 12, max: 24 },
      start: { from: nextApril, to: nextOctober },
      notes: '物流の2024年問題への対応や、駅周辺の再開発の実務を経験させたいと考えています。',
    },
    {
      kind: 'ministry_dispatch',
      organisationCode: 'mhlw',
      title: '医療・介護分野のデータ利活用を学ぶ交流派遣',
      fields: ['healthcare', 'data'],
      industries: ['P', 'G'],
      skills: ['医療データ', 'データ分析'],
      ageBands: ['30s'],
      positionLevels: ['chief'],
      periodMonths: { min: 12, max: 24 },
      start: { from: nextApril, to: nextApril },
      notes: '医療DXの推進に向け、医療情報システム又は介護サービスの事業者での勤務を希望します。',
    },
    {
      kind: 'ministry_hire',
      organisationCode: 'digital',
      title: 'クラウド基盤・データ分析の専門人材（交流採用）',
      post: '戦略・組織グループ 専門官',
      duties: 'ガバメントクラウドの利用推進と、行政データの分析・可視化。',
      fields: ['digital', 'data'],
      industries: ['G'],
      skills: ['クラウド', 'データ分析', 'セキュリティ'],
      experience: 'クラウドサービスの設計・運用の経験3年以上',
      ageBands: ['20s', '30s', '40s'],
      positionLevels: ['chief', 'deputy_director'],
      headcount: 2,
      periodMonths: { min: 24, max: 36 },
      start: { from: soon, to: nextApril },
    },
    {
      kind: 'ministry_dispatch',
      organisationCode: 'maff',
      title: '食品の輸出拡大に向けた海外事業の経験',
      fields: ['international', 'marketing'],
      industries: ['I', 'E'],
      skills: ['海外営業', '貿易実務'],
      ageBands: ['30s', '40s'],
      positionLevels: ['chief', 'deputy_director'],
      periodMonths: { min: 12, max: 24 },
      start: { from: nextApril, to: nextOctober },
      notes: '商社又は食品メーカーの海外事業部門での勤務を希望します。',
    },
  ];
  for (const m of ministries) await publish(asNpa, m);

  // 9–11. Accepted applicants of the public call (entered by the NPA on their behalf).
  const companySheets = [
    {
      title: '品質保証部で行政官を受け入れます（製造・品質管理）',
      hosts: [{ place: '品質保証部', fields: ['manufacturing', 'risk'], duties: '製品安全と品質管理の体制づくり、規制対応。', skills: ['品質管理', 'ISO9001'], ageBands: ['30s', '40s'] }],
      sends: [],
      wantedMinistries: ['meti', 'mhlw'],
      periodMonths: { min: 12, max: 24 },
      start: { from: nextApril, to: nextOctober },
      notes: '工場での実習を含みます。',
    },
    {
      title: 'リスク管理とデータ分析の人材を府省等へ送り出したい',
      hosts: [],
      sends: [
        { fields: ['risk', 'finance'], skills: ['リスク管理', '金融規制'], ageBand: '40s', positionLevel: 'deputy_director' },
        { fields: ['data'], skills: ['データ分析', '統計'], ageBand: '30s', positionLevel: 'chief' },
      ],
      wantedMinistries: ['fsa', 'mof'],
      periodMonths: { min: 24, max: 36 },
      start: { from: nextApril, to: nextApril },
      notes: '若手・中堅の育成の機会として、政策の現場での勤務を希望しています。',
    },
    {
      title: '物流DX推進部での受入れと、物流の専門人材の送り出し',
      hosts: [{ place: '物流DX推進部', fields: ['logistics', 'digital'], duties: '配送ルートの最適化と倉庫の自動化。', skills: ['物流', 'DX推進'], ageBands: ['20s', '30s'] }],
      sends: [{ fields: ['logistics'], skills: ['物流', '国際物流'], ageBand: '30s', positionLevel: 'chief' }],
      wantedMinistries: ['mlit'],
      periodMonths: { min: 12, max: 24 },
      start: { from: soon, to: nextApril },
      notes: '',
    },
  ];
  for (const [i, c] of applicants.entries()) {
    const s = companySheets[i];
    if (!s) break;
    await publish(asNpa, { kind: 'company', companyId: c.id, industryCode: c.industryCode, prefectureCode: c.prefectureCode, ...s });
  }

  // A second published sheet of the demo company, its draft, and a closed METI sheet.
  await publish(asCompany, {
    kind: 'company',
    companyId: demoCompany.id,
    industryCode: demoCompany.industryCode,
    prefectureCode: demoCompany.prefectureCode,
    title: '海外事業部での交流派遣の受入れ',
    hosts: [{ place: '海外事業部', fields: ['international'], duties: '東南アジアでの事業開発、現地政府との調整。', skills: ['英語', '通商政策'], ageBands: ['30s'] }],
    wantedMinistries: ['mofa', 'meti'],
    periodMonths: { min: 12, max: 24 },
    start: { from: nextApril, to: nextOctober },
  });
  await service.create(asCompany, wishSheetInputSchema.parse({
    kind: 'company',
    companyId: demoCompany.id,
    industryCode: demoCompany.industryCode,
    prefectureCode: demoCompany.prefectureCode,
    title: '（下書き）人事部での受入れ',
    hosts: [{ place: '人事部', fields: ['hr'], duties: '人事制度の見直し。', ageBands: ['40s'] }],
    periodMonths: { min: 12, max: 24 },
    start: { from: nextApril, to: nextApril },
  }));
  const closed: WishSheetDetail = await publish(asMeti, {
    kind: 'ministry_dispatch',
    organisationCode: 'meti',
    title: '（募集終了）経営企画の実務を経験させたい',
    fields: ['planning'],
    periodMonths: { min: 12, max: 24 },
    start: { from: nextApril, to: nextApril },
  });
  await service.close(asMeti, closed.id, { version: closed.version, note: '充足' });
  return n + 1;
}
