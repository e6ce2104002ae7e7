// Demo data of the international side (issue 8), added by `koryu demo load` and `start --demo`
// after the demo accounts. Loaded once: a second run finds dispatches and changes nothing.
// Everything goes through the service (validation, the 5-year rule, audit), as the NPA.
//
// - the starter list of host organisations (modules/international/data/organisations.json);
// - 20 dispatches of officials of 経済産業省, 財務省, 外務省, 厚生労働省 and 国土交通省 to OECD, the World Bank,
//   IMF, ADB, UN bodies and a foreign government body: 9 ended (one resigned on return), 9 active,
//   2 drafts. Among them:
//     • 経済産業省 → OECD from 2021-12-01, planned to 2026-11-30 (exactly 5 years): any renewal
//       crosses the 5-year mark on 2026-12-01 (the "upcoming" list), so it needs a consultation;
//     • 財務省 → IMF from 2020-10-01 to 2026-09-30 (beyond 5 years), consultation agreed by the NPA;
//     • 経済産業省 draft → World Bank from 2027-01-05 to 2032-07-04, consultation filed and pending
//       (the NPA answers it in the demo; activation is refused until then).
// - 上級国家行政セミナー FY2025 session with participants; 人事管理セミナー FY2025 session;
// - マンスフィールド研修 cohort 29 with two fellows placed in ministries and NPA's arrangements;
// - foreign delegation visits in FY2025; ACCSM+3 and China–Japan–Korea network events.
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { accounts, intlDispatches, intlHostOrganisations, organisations, people } from '../db/schema.ts';
import { systemContext, type RequestContext } from '../platform/context.ts';
import { todayInJapan } from '../platform/time.ts';
import { createInternationalService } from '../modules/international/international.service.ts';

type Demo = {
  org: string;
  family: string;
  given: string;
  host: string | { name: string; type: 'foreign_government' | 'equivalent_body'; region: string };
  post: string;
  start: string;
  plannedEnd: string;
  renewals?: string[];
  end?: { on: string; outcome: 'returned_to_duty' | 'resigned_during_dispatch' | 'resigned_on_return' | 'died' };
  consultation?: { filedOn: string; answeredOn?: string; reason: string };
  draft?: boolean;
};

export const demoDispatches: Demo[] = [
  { org: '経済産業省', family: '青木', given: '健一', host: 'oecd', post: 'Policy Analyst, Directorate for Science, Technology and Innovation', start: '2021-12-01', plannedEnd: '2026-11-30' },
  { org: '財務省', family: '石井', given: '美咲', host: 'imf', post: 'Economist, Fiscal Affairs Department', start: '2020-10-01', plannedEnd: '2023-09-30', renewals: ['2026-09-30'],
    consultation: { filedOn: '2023-06-01', answeredOn: '2023-06-20', reason: '財政監視プログラムの完了まで引き続き派遣する必要があるため。' } },
  { org: '経済産業省', family: '上田', given: '翔', host: 'world_bank', post: 'Senior Energy Specialist', start: '2027-01-05', plannedEnd: '2032-07-04', draft: true,
    consultation: { filedOn: '2026-11-02', reason: 'エネルギー移行支援プロジェクト（5年半）の全期間を担当するため、5年を超える派遣とする必要がある。' } },
  { org: '外務省', family: '遠藤', given: '由紀', host: 'un_secretariat', post: 'Political Affairs Officer', start: '2019-04-01', plannedEnd: '2022-03-31', end: { on: '2022-03-31', outcome: 'returned_to_duty' } },
  { org: '外務省', family: '大野', given: '拓也', host: 'unhcr', post: 'Protection Officer', start: '2022-07-01', plannedEnd: '2025-06-30', renewals: ['2027-06-30'] },
  { org: '財務省', family: '加藤', given: '真理', host: 'adb', post: 'Principal Financial Sector Specialist', start: '2018-08-01', plannedEnd: '2021-07-31', end: { on: '2021-07-31', outcome: 'returned_to_duty' } },
  { org: '財務省', family: '木村', given: '大輔', host: 'world_bank', post: 'Senior Economist', start: '2022-09-01', plannedEnd: '2025-08-31', end: { on: '2025-08-31', outcome: 'returned_to_duty' } },
  { org: '厚生労働省', family: '工藤', given: '彩', host: 'who', post: 'Technical Officer, Health Systems', start: '2021-04-01', plannedEnd: '2024-03-31', end: { on: '2024-03-31', outcome: 'returned_to_duty' } },
  { org: '厚生労働省', family: '小林', given: '直樹', host: 'ilo', post: 'Labour Administration Specialist', start: '2023-10-01', plannedEnd: '2026-09-30', renewals: ['2027-09-30'] },
  { org: '国土交通省', family: '斎藤', given: '恵', host: 'icao', post: 'Technical Officer, Air Navigation', start: '2020-04-01', plannedEnd: '2023-03-31', end: { on: '2023-03-31', outcome: 'resigned_on_return' } },
  { org: '国土交通省', family: '佐々木', given: '亮', host: 'imo', post: 'Technical Officer, Maritime Safety', start: '2024-04-01', plannedEnd: '2027-03-31' },
  { org: '経済産業省', family: '清水', given: '香織', host: 'wto', post: 'Counsellor, Trade Policy Review Division', start: '2017-09-01', plannedEnd: '2020-08-31', end: { on: '2020-08-31', outcome: 'returned_to_duty' } },
  { org: '経済産業省', family: '杉山', given: '浩二', host: 'iea', post: 'Energy Analyst', start: '2023-04-01', plannedEnd: '2026-03-31', end: { on: '2026-03-31', outcome: 'returned_to_duty' } },
  { org: '経済産業省', family: '高田', given: '葵', host: 'eria', post: 'Research Fellow', start: '2024-10-01', plannedEnd: '2027-09-30' },
  { org: '経済産業省', family: '田村', given: '誠', host: { name: 'ドイツ連邦経済・気候保護省', type: 'foreign_government', region: 'europe' }, post: 'Referent (Industrial Policy)', start: '2025-04-01', plannedEnd: '2027-03-31' },
  { org: '財務省', family: '中川', given: '優子', host: 'oecd', post: 'Tax Policy Analyst', start: '2019-07-01', plannedEnd: '2022-06-30', end: { on: '2022-06-30', outcome: 'returned_to_duty' } },
  { org: '外務省', family: '西村', given: '健', host: 'asean_secretariat', post: 'Senior Officer', start: '2025-06-01', plannedEnd: '2028-05-31' },
  { org: '厚生労働省', family: '野口', given: '真由美', host: 'unicef', post: 'Health Specialist', start: '2022-01-10', plannedEnd: '2025-01-09', end: { on: '2024-12-31', outcome: 'returned_to_duty' } },
  { org: '国土交通省', family: '橋本', given: '剛', host: 'escap', post: 'Economic Affairs Officer (Transport)', start: '2026-04-01', plannedEnd: '2029-03-31' },
  { org: '財務省', family: '平野', given: '沙織', host: 'afdb', post: 'Chief Investment Officer', start: '2027-04-01', plannedEnd: '2030-03-31', draft: true },
];

export async function loadDemoInternational(database: Database, now = Date.now()): Promise<number> {
  const { db } = database;
  if (Number((await db.select({ n: count() }).from(intlDispatches))[0]?.n ?? 0) > 0) return 0;
  const npaAccount = (await db.select({ id: accounts.id, organisationId: accounts.organisationId }).from(accounts).where(eq(accounts.role, 'npa')).orderBy(asc(accounts.id)).limit(1))[0];
  if (!npaAccount) return 0;
  const today = todayInJapan(now);
  const s = createInternationalService(database, { today: () => today });
  const ctx: RequestContext = {
    ...systemContext('demo-international'),
    ip: 'cli',
    actor: { accountId: npaAccount.id, role: 'npa', displayName: 'demo', organisationId: npaAccount.organisationId, companyId: null, personId: null, locale: 'ja' },
  };
  await s.ensureHosts();
  const hostIds = new Map((await db.select({ id: intlHostOrganisations.id, code: intlHostOrganisations.code }).from(intlHostOrganisations)).map((h) => [h.code, h.id]));
  const orgIds = new Map((await db.select({ id: organisations.id, nameJa: organisations.nameJa }).from(organisations)).map((o) => [o.nameJa, o.id]));

  let n = 0;
  for (const x of demoDispatches) {
    const orgId = orgIds.get(x.org);
    if (!orgId) continue;
    const person = (await db.insert(people).values({ kind: 'official', familyName: x.family, givenName: x.given, organisationId: orgId }).returning({ id: people.id }))[0]!;
    const host = typeof x.host === 'string' ? { hostOrganisationId: hostIds.get(x.host)! } : { hostName: x.host.name, hostType: x.host.type, region: x.host.region };
    let d = await s.createDispatch(ctx, { personId: person.id, sendingOrganisationId: orgId, ...host, post: x.post, start: x.start, plannedEnd: x.plannedEnd, consentRecordedOn: x.start < '2000-01-01' ? x.start : shiftDays(x.start, -45) });
    n++;
    const consult = async (step: 'initial' | number, plannedEnd: string) => {
      const c = await s.fileConsultation(ctx, d.id, { version: d.version, step, plannedEnd, reason: x.consultation!.reason, filedOn: x.consultation!.filedOn });
      if (x.consultation!.answeredOn) await s.answerConsultation(ctx, c.id, { version: c.version, answer: 'agreed', answeredOn: x.consultation!.answeredOn });
    };
    if (x.draft) {
      if (x.consultation) await consult('initial', x.plannedEnd);
      continue;
    }
    if (x.consultation && !x.renewals) await consult('initial', x.plannedEnd);
    d = await s.activate(ctx, d.id, d.version);
    for (const [i, end] of (x.renewals ?? []).entries()) {
      if (x.consultation) await consult(i, end); // filing does not change the dispatch's version
      d = await s.renew(ctx, d.id, { version: d.version, plannedEnd: end, decidedOn: shiftDays(x.plannedEnd, -60) });
    }
    if (x.end) d = await s.end(ctx, d.id, { version: d.version, actualEnd: x.end.on, outcome: x.end.outcome });
  }

  // seminars; participants as [country, organisation, level]
  type Participant = Parameters<typeof s.createSeminarSession>[1]['participants'][number];
  const participants = (rows: [string, string, Participant['level']][]): Participant[] => rows.map(([country, organisation, level]) => ({ country, organisation, level }));
  await s.createSeminarSession(ctx, {
    courseCode: 'senior_government_seminar', fiscalYear: 2025, startDate: '2025-10-06', endDate: '2025-10-17', lengthLabel: '約2週間',
    participants: participants([
      ['TH', 'Office of the Civil Service Commission', 'director'],
      ['VN', 'Ministry of Home Affairs', 'deputy_director'],
      ['ID', 'Ministry of Administrative and Bureaucratic Reform', 'director'],
      ['PH', 'Civil Service Commission', 'director'],
      ['MN', 'Civil Service Council', 'director'],
      ['KH', 'Ministry of Civil Service', 'deputy_director'],
      ['LA', 'Ministry of Home Affairs', 'director'],
      ['UZ', 'Agency for Civil Service Development', 'director'],
    ]),
  });
  await s.createSeminarSession(ctx, {
    courseCode: 'hrm_seminar', fiscalYear: 2025, startDate: '2026-01-19', endDate: '2026-01-30', lengthLabel: '約2週間',
    participants: participants([
      ['MY', 'Public Service Department', 'deputy_director'],
      ['TH', 'Office of the Civil Service Commission', 'section_chief'],
      ['BD', 'Ministry of Public Administration', 'deputy_director'],
      ['LK', 'Ministry of Public Administration', 'director'],
      ['KE', 'Public Service Commission', 'deputy_director'],
    ]),
  });

  // fellowship
  const meti = orgIds.get('経済産業省');
  const mhlw = orgIds.get('厚生労働省');
  if (meti && mhlw)
    await s.createFellowship(ctx, {
      cohortNumber: 29, fiscalYear: 2025, programmeMonths: 12,
      arrangements: [
        { kind: 'orientation', date: '2025-06-10', description: '人事院による公務員制度オリエンテーション' },
        { kind: 'study_tour', date: '2025-11-13', description: '地方自治体（京都府）の視察' },
      ],
      fellows: [
        { name: 'Jane Miller', homeAgency: 'U.S. Department of Commerce', placements: [{ organisationId: meti, from: '2025-07-01', to: '2025-12-31' }] },
        { name: 'Robert Chen', homeAgency: 'U.S. Department of Labor', placements: [{ organisationId: mhlw, from: '2025-07-01', to: '2026-03-31' }] },
      ],
      note: 'Mike Mansfield Fellowship Program',
    });

  // delegations
  const visits: { date: string; parties: { kind: 'country' | 'organisation'; code: string }[]; visitors: number; topic: string }[] = [
    { date: '2025-05-20', parties: [{ kind: 'country', code: 'KR' }], visitors: 6, topic: '公務員の人事評価制度' },
    { date: '2025-07-08', parties: [{ kind: 'country', code: 'VN' }], visitors: 12, topic: '国家公務員の採用試験' },
    { date: '2025-09-16', parties: [{ kind: 'organisation', code: 'world_bank' }], visitors: 3, topic: '公務員給与の決定方法' },
    { date: '2025-10-28', parties: [{ kind: 'country', code: 'MN' }], visitors: 8, topic: '官民人事交流制度' },
    { date: '2026-02-03', parties: [{ kind: 'organisation', code: 'oecd' }], visitors: 2, topic: '公務における働き方改革' },
  ];
  for (const v of visits) await s.createDelegation(ctx, { ...v, npaStaff: ['国際課 担当者'] });

  // network events
  await s.createNetworkEvent(ctx, { network: 'accsm_plus3', kind: 'meeting', startDate: '2025-11-18', endDate: '2025-11-20', place: 'Kuala Lumpur', theme: 'ACCSM+3 Heads of Civil Service Meeting', host: 'Malaysia (Public Service Department)', participants: ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'CN', 'JP', 'KR'] });
  await s.createNetworkEvent(ctx, { network: 'china_japan_korea', kind: 'symposium', startDate: '2025-09-09', endDate: '2025-09-10', place: '東京', theme: '日中韓人事行政ネットワーク・シンポジウム：公務人材の確保', host: '人事院', participants: ['CN', 'JP', 'KR'] });
  await s.createNetworkEvent(ctx, { network: 'accsm_plus3', kind: 'joint_training', startDate: '2026-02-24', endDate: '2026-02-26', place: 'Bangkok', theme: 'Joint training on performance management', host: 'Thailand (OCSC)', participants: ['TH', 'JP', 'VN', 'LA'] });
  return n;
}

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
