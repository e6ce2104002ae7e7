// Demo information sessions (説明会), added by `koryu demo load` and `start --demo` after the demo
// accounts. Loaded once: a second run finds events and changes nothing.
//
// 1. The seed's FY2025 event (001 別添5 民間企業に対する説明会実施状況（令和7年度）), held: the Tokyo
//    session on 21 October 2025 with the seed's programme, the replay from 25 November to
//    24 December 2025, and records from which the seed's figures follow: on site 28 companies
//    attended with 41 people (two more registered but did not come, one cancelled), 12 ministries of
//    which 3 for the exchange of views only; online 34 companies watched with 40 people (one more
//    registered and did not watch); 62 companies in all. The seed names the 9 ministries that
//    presented their intentions (⑤) but not the 3 there for the exchange of views only: 国土交通省,
//    環境省 and 金融庁 stand in for them. The session's time and capacity, the attendees and the
//    contact exchanges after the event are not in the seed (fictional).
// 2. An upcoming event placed four weeks after the day of loading, open for registration: its first
//    session is full and its second has seats, so a company can see both answers. The demo company's
//    HR login is registered for neither.
import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/tx.ts';
import { accounts, companies, eventContacts, eventMinistries, eventRegistrations, eventSessions, infoEvents, organisations } from '../db/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { systemContext } from '../platform/context.ts';
import { todayInJapan } from '../platform/time.ts';
import { pickFamilyName, pickGivenName } from '../../../bench/generator/names.ts';
import { Rng } from '../../../bench/generator/rng.ts';
import { replayEnd } from '../modules/events/events.service.ts';

const DAY = 86_400_000;

/** 各府省の官民人事交流に関する意向 (seed ⑤): the ministries that presented and took talks. */
const TALKS = ['内閣官房', '公正取引委員会', '総務省', '厚生労働省', '農林水産省', '経済産業省', '原子力規制委員会', '防衛省', '会計検査院'] as const;
/** うち3府省は意見交換のみ: not named in the seed; these three stand in for them. */
const VIEWS_ONLY = ['国土交通省', '環境省', '金融庁'] as const;

/** The seed's programme of the Tokyo session (別添5 <実地開催> 内容), verbatim. */
const SEED_PROGRAMME = [
  '① 主催者挨拶（前健一 内閣官房内閣審議官（内閣人事局））',
  '② 来賓挨拶（岩村有広 日本経済団体連合会事務局常務理事）',
  '③ 官民人事交流制度の概要説明',
  '④ 交流体験談発表',
  '・交流派遣の経験者：環境省から住友化学株式会社への交流派遣経験者',
  '・交流採用の経験者：日本航空株式会社から国土交通省への交流採用経験者',
  '・企業の人事担当者：東日本旅客鉄道株式会社の人事担当者',
  '⑤ 各府省の官民人事交流に関する意向',
  '・内閣官房、公正取引委員会、総務省、厚生労働省、農林水産省、経済産業省、原子力規制委員会、防衛省、会計検査院の人事担当者',
  '⑥ 参加法人と府省との間での名刺交換、情報交換等',
  '・円滑な情報交換等に資するため府省に対して事務局によるフォローを実施',
].join('\n');

const UPCOMING_PROGRAMME = [
  '① 主催者挨拶',
  '② 官民人事交流制度の概要説明',
  '③ 交流体験談発表（交流派遣・交流採用の経験者、企業の人事担当者）',
  '④ 各府省の官民人事交流に関する意向',
  '⑤ 参加法人と府省との間での名刺交換、情報交換等',
].join('\n');

const SEED_DESCRIPTION =
  '例年、日本経済団体連合会、日本商工会議所及び経済同友会等の協力を得て、人事院と内閣官房内閣人事局、内閣府官民人材交流センターの共催で、民間企業を対象とした説明会を実施している。令和7年度は、昨年度に引き続き、東京都において実地で説明会を実施するとともに、インターネットを利用した動画配信により実施した。';
const SEED_DESCRIPTION_EN =
  'Each year the National Personnel Authority, the Cabinet Bureau of Personnel Affairs and the Cabinet Office’s Public-Private Personnel Exchange Center hold an information session for companies, with the help of Keidanren, the Japan Chamber of Commerce and Industry, the Japan Association of Corporate Executives and other bodies. In FY2025, as the year before, it was held on site in Tokyo and by video streaming over the internet.';

const TITLES = ['人事部長', '人事部 人事課長', '人事部 人材開発課長', '人事部 担当課長', '人事部 主任', '経営企画部 課長', '総務部 人事グループ リーダー', '人事部 採用担当'];

const CONTACT_NOTES: Record<string, string[]> = {
  contacted: ['名刺交換。資料を送付済み。', '名刺交換。次年度の受入れ計画を社内で検討するとのこと。'],
  in_talks: ['交流採用の受入れポストについて個別に意見交換を継続中。', '交流派遣の受入れ部署と期間について調整中。'],
  case_opened: ['説明会での意見交換をきっかけに交流派遣の話が進み、事前相談を経て案件化。'],
  no_further: ['今年度は見送り。来年度の説明会に改めて参加予定。'],
};

type Reg = typeof eventRegistrations.$inferInsert;

/** Adds the demo events unless there are events already; returns how many it added. */
export async function loadDemoEvents(database: Database, now = Date.now()): Promise<number> {
  return inTransaction(database.db, async (tx) => {
    if ((await tx.select({ id: infoEvents.id }).from(infoEvents).limit(1)).length) return 0;
    const center = (await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, 'center@demo.koryu.jp')).limit(1))[0];
    const demoCompany = (await tx.select({ companyId: accounts.companyId }).from(accounts).where(eq(accounts.email, 'company-hr@demo.koryu.jp')).limit(1))[0]?.companyId ?? null;

    const orgRows = await tx
      .select({ id: organisations.id, nameJa: organisations.nameJa })
      .from(organisations)
      .where(inArray(organisations.nameJa, [...TALKS, ...VIEWS_ONLY]));
    const orgId = new Map(orgRows.map((o) => [o.nameJa, o.id]));
    const talkIds = TALKS.map((n) => orgId.get(n)).filter((x): x is number => x !== undefined);
    const viewIds = VIEWS_ONLY.map((n) => orgId.get(n)).filter((x): x is number => x !== undefined);

    // Stock companies other than the demo company, in a fixed order.
    const pool = (
      await tx
        .select({ id: companies.id })
        .from(companies)
        .where(and(eq(companies.status, 'active'), eq(companies.legalTypeCode, 'kabushiki_kaisha'), isNotNull(companies.industryCode), demoCompany ? ne(companies.id, demoCompany) : undefined))
        .orderBy(asc(companies.id))
        .limit(400)
    ).map((c) => c.id);
    if (pool.length < 90) return 0;
    const rng = new Rng(20251021, 'demo-events');
    const order = rng.shuffle([...pool]);
    let next = 0;
    const take = () => order[next++]!;

    const people = (n: number) =>
      Array.from({ length: n }, () => {
        const family = pickFamilyName(rng);
        const given = pickGivenName(rng, null, rng.int(1965, 1998));
        return { name: `${family[0]} ${given.ja}`, title: rng.pick(TITLES) };
      });
    const wanted = () => (talkIds.length ? rng.sample(talkIds.length, rng.int(0, 3)).map((i) => talkIds[i]!) : []);

    // ---------------------------------------------------------------- 1. 令和7年度 (held)
    const seedEvent = (
      await tx
        .insert(infoEvents)
        .values({
          title: '官民人事交流に関する説明会（令和7年度）',
          titleEn: 'Information session on public-private personnel exchange (FY2025)',
          description: SEED_DESCRIPTION,
          descriptionEn: SEED_DESCRIPTION_EN,
          replayFrom: '2025-11-25',
          replayUntil: '2025-12-24',
          status: 'held',
          createdBy: center?.id ?? null,
          createdAt: '2025-09-01T09:00:00+09:00',
        })
        .returning({ id: infoEvents.id })
    )[0]!.id;
    const seedSession = (
      await tx
        .insert(eventSessions)
        .values({ eventId: seedEvent, startsAt: '2025-10-21T13:30:00+09:00', endsAt: '2025-10-21T16:30:00+09:00', place: '東京会場', capacity: 60, programme: SEED_PROGRAMME })
        .returning({ id: eventSessions.id })
    )[0]!.id;
    await tx.insert(eventMinistries).values([
      ...talkIds.map((organisationId) => ({ eventId: seedEvent, organisationId, participation: 'talks' })),
      ...viewIds.map((organisationId) => ({ eventId: seedEvent, organisationId, participation: 'views_only' })),
    ]);

    const regs: Reg[] = [];
    const onsite = (companyId: number, n: number, attended: number | null, status = 'registered', day = 20): Reg => ({
      eventId: seedEvent,
      sessionId: seedSession,
      mode: 'onsite',
      companyId,
      attendees: people(n),
      attendeeCount: n,
      wantedOrganisationIds: wanted(),
      status,
      attendedCount: attended,
      createdAt: new Date(Date.parse('2025-09-16T10:00:00+09:00') + day * DAY).toISOString(),
    });
    // 28 companies came with 41 people: 13 with two, 15 with one (the demo company among the latter).
    const attendedOnsite: number[] = [];
    for (let i = 0; i < 28; i++) {
      const companyId = i === 27 && demoCompany ? demoCompany : take();
      attendedOnsite.push(companyId);
      const n = i < 13 ? 2 : 1;
      regs.push(onsite(companyId, n, n, 'registered', i % 30));
    }
    // Registered but did not come (two), and one cancellation before the day.
    regs.push(onsite(take(), 1, 0), onsite(take(), 2, 0), onsite(take(), 1, null, 'cancelled'));
    // Online: 34 companies watched with 40 people (6 with two, 28 with one); one registered and never watched.
    const online = (companyId: number, n: number, attended: number, i: number): Reg => ({
      eventId: seedEvent,
      sessionId: null,
      mode: 'online',
      companyId,
      attendees: people(n),
      attendeeCount: n,
      wantedOrganisationIds: [],
      status: 'registered',
      attendedCount: attended,
      createdAt: new Date(Date.parse('2025-11-04T10:00:00+09:00') + (i % 40) * DAY).toISOString(),
    });
    for (let i = 0; i < 34; i++) {
      const n = i < 6 ? 2 : 1;
      regs.push(online(take(), n, n, i));
    }
    regs.push(online(take(), 1, 0, 35));
    await tx.insert(eventRegistrations).values(regs);

    // After the event: business cards exchanged and information shared (⑥), with the secretariat's follow-up.
    const followUps = ['case_opened', 'in_talks', 'in_talks', 'in_talks', 'contacted', 'contacted', 'contacted', 'contacted', 'contacted', 'no_further', 'no_further', 'in_talks', 'contacted', 'case_opened'];
    const contactRows: (typeof eventContacts.$inferInsert)[] = [];
    const seen = new Set<string>();
    followUps.forEach((followUp, i) => {
      // The demo company met METI (see the consultation in demo-public-call.ts); the others as drawn.
      const companyId = i === 1 && demoCompany ? demoCompany : attendedOnsite[(i * 5) % 27]!;
      const organisationId = i === 1 && orgId.has('経済産業省') ? orgId.get('経済産業省')! : talkIds[(i * 4) % talkIds.length]!;
      const key = `${companyId}:${organisationId}`;
      if (!organisationId || seen.has(key)) return;
      seen.add(key);
      const notes = CONTACT_NOTES[followUp]!;
      contactRows.push({
        eventId: seedEvent,
        companyId,
        organisationId,
        followUp,
        note: notes[i % notes.length]!,
        recordedBy: center?.id ?? null,
        createdAt: '2025-10-28T10:00:00+09:00',
        updatedAt: new Date(Date.parse('2025-11-10T10:00:00+09:00') + i * 7 * DAY).toISOString(),
      });
    });
    if (contactRows.length) await tx.insert(eventContacts).values(contactRows);

    // ---------------------------------------------------------------- 2. upcoming (open)
    // Four weeks ahead, moved to the next Tuesday (the FY2025 session was on a Tuesday).
    let day = new Date(`${todayInJapan(now + 28 * DAY)}T00:00:00Z`);
    while (day.getUTCDay() !== 2) day = new Date(day.getTime() + DAY);
    const date = day.toISOString().slice(0, 10);
    const fy = Number(date.slice(5, 7)) >= 4 ? Number(date.slice(0, 4)) : Number(date.slice(0, 4)) - 1;
    const replayFrom = new Date(day.getTime() + 35 * DAY).toISOString().slice(0, 10);
    const upcoming = (
      await tx
        .insert(infoEvents)
        .values({
          title: `官民人事交流に関する説明会（令和${fy - 2018}年度 追加開催）`,
          titleEn: `Information session on public-private personnel exchange (FY${fy}, additional session)`,
          description:
            '制度概要の説明、交流体験者等による体験談発表、各府省人事担当者との意見交換などを実施する民間企業等の人事担当者様を対象とした説明会です。実地開催は午前・午後の2部制（内容は同じ）で、後日、録画をオンライン配信します。',
          descriptionEn:
            'An information session for companies’ HR staff: an overview of the scheme, talks by people who took part in exchanges, and an exchange of views with the ministries’ HR staff. On site in two parts (morning and afternoon, same content); a recording is streamed online afterwards.',
          replayFrom,
          replayUntil: replayEnd(replayFrom, 1),
          status: 'open',
          createdBy: center?.id ?? null,
          createdAt: new Date(now - 14 * DAY).toISOString(),
        })
        .returning({ id: infoEvents.id })
    )[0]!.id;
    const sessions = await tx
      .insert(eventSessions)
      .values([
        { eventId: upcoming, startsAt: `${date}T10:00:00+09:00`, endsAt: `${date}T12:00:00+09:00`, place: '東京会場 第1部（午前）', capacity: 30, programme: UPCOMING_PROGRAMME },
        { eventId: upcoming, startsAt: `${date}T14:00:00+09:00`, endsAt: `${date}T16:00:00+09:00`, place: '東京会場 第2部（午後）', capacity: 30, programme: UPCOMING_PROGRAMME },
      ])
      .returning({ id: eventSessions.id });
    await tx.insert(eventMinistries).values([
      ...talkIds.map((organisationId) => ({ eventId: upcoming, organisationId, participation: 'talks' })),
      ...viewIds.map((organisationId) => ({ eventId: upcoming, organisationId, participation: 'views_only' })),
    ]);
    const upcomingRegs: Reg[] = [];
    const register = (sessionId: number, n: number, i: number): Reg => ({
      eventId: upcoming,
      sessionId,
      mode: 'onsite',
      companyId: take(),
      attendees: people(n),
      attendeeCount: n,
      wantedOrganisationIds: wanted(),
      status: 'registered',
      createdAt: new Date(now - (13 - (i % 12)) * DAY).toISOString(),
    });
    // 第1部: 30 of 30 seats (14 companies with two, two with one). 第2部: 8 of 30.
    for (let i = 0; i < 16; i++) upcomingRegs.push(register(sessions[0]!.id, i < 14 ? 2 : 1, i));
    for (let i = 0; i < 5; i++) upcomingRegs.push(register(sessions[1]!.id, i < 3 ? 2 : 1, i));
    await tx.insert(eventRegistrations).values(upcomingRegs);

    await writeAudit(tx, { ...systemContext('demo-load'), ip: 'cli' }, {
      action: 'demo.events',
      recordType: 'demo',
      after: { events: [seedEvent, upcoming], registrations: regs.length + upcomingRegs.length, contacts: contactRows.length },
    });
    return 2;
  });
}
