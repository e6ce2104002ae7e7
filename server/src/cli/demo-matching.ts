// Demo data for matching rounds (マッチングラウンド), added by `koryu demo load` and `start --demo`
// after the wish sheets' demo (demo-wishes.ts), whose published sheets take part:
//  - a dispatch round still collecting rankings (closes three weeks from today), with every
//    published dispatch wish and every company sheet with places to host; the participants other
//    than the demo ministry (METI) and the demo company have ranked, so those two demo logins can
//    rank themselves;
//  - a hire round already run, with every hire wish and every company sheet with people to send,
//    everyone ranked, so its proposals and transparency report can be seen;
//  - so that a barred pair shows in METI's suggestions and in the dispatch round, the company that
//    hosts in its 品質保証部 gets contracts with METI above a quarter of its sales last fiscal year
//    (the 交流基準's 契約関係; recorded as demo data, audited).
// Rounds, participants and the run go through the matching service as the demo center account
// (audited). The rankings other participants "entered" are written as the center entering them
// on their behalf (audited as such): each ranks the other side by the matching-suggestion score.
// Loaded once: a second run finds rounds and changes nothing.
import { eq, like } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/tx.ts';
import { accounts, companySales, matchingRounds, ministryContracts, organisations, wishSheets } from '../db/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import { todayInJapan } from '../platform/time.ts';
import { createCriteriaService } from '../modules/criteria/criteria.service.ts';
import { createSuggestionsService } from '../modules/suggestions/suggestions.service.ts';
import { createMatchingService } from '../modules/matching/matching.service.ts';
import { createMatchingRepository, type SheetRow } from '../modules/matching/matching.repository.ts';
import { compactSheet } from '../modules/suggestions/sheet-index.ts';
import { scorePair, suggestParams } from '../modules/wishes/suggest.ts';
import type { CompanySheet, MinistryWish } from '../../../common/src/schemas/wishes.schema.ts';
import type { RoundDetail } from '../../../common/src/schemas/matching.schema.ts';

/** Contracts with METI of 40% of sales last fiscal year for the company hosting in its 品質保証部 (see the top). */
async function contractsForABarredPair(database: Database, ctx: RequestContext, today: string): Promise<void> {
  const { db } = database;
  const sheet = (await db.select({ companyId: wishSheets.companyId }).from(wishSheets).where(like(wishSheets.title, '品質保証部%')).limit(1))[0];
  const meti = (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, 'meti')).limit(1))[0];
  if (!sheet?.companyId || !meti) return;
  const fy = (Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1) - 1;
  await inTransaction(db, async (tx) => {
    await tx.insert(companySales).values({ companyId: sheet.companyId!, fiscalYear: fy, amountYen: 200_000_000, source: 'デモデータ' }).onConflictDoNothing();
    await tx.insert(ministryContracts).values({ organisationId: meti.id, companyId: sheet.companyId!, fiscalYear: fy, amountYen: 80_000_000, source: 'デモデータ' }).onConflictDoNothing();
    await writeAudit(tx, ctx, {
      action: 'ministry_contract.create',
      recordType: 'company',
      recordId: sheet.companyId,
      before: null,
      after: { organisationId: meti.id, fiscalYear: fy, amountYen: 80_000_000, salesYen: 200_000_000, source: 'デモデータ' },
    });
  });
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function loadDemoMatching(database: Database, now = Date.now()): Promise<number> {
  const { db } = database;
  if ((await db.select({ id: matchingRounds.id }).from(matchingRounds).limit(1)).length) return 0;
  const center = (await db.select().from(accounts).where(eq(accounts.email, 'center@demo.koryu.jp')).limit(1))[0];
  if (!center) return 0;
  const ctx: RequestContext = {
    actor: { accountId: center.id, role: center.role as Actor['role'], displayName: center.displayName, organisationId: center.organisationId, companyId: null, personId: null, locale: 'ja' },
    requestId: 'demo-load',
    ip: 'cli',
  };
  const today = todayInJapan(now);
  await contractsForABarredPair(database, ctx, today);
  const clock = { today: () => today };
  const suggestions = createSuggestionsService(database, { criteria: createCriteriaService(database), clock, index: { resyncMs: 0 } });
  const matching = createMatchingService(database, { suggestions, clock });
  const repo = createMatchingRepository(db);
  const params = suggestParams(today);

  /** Adds every eligible sheet, and ranks for those not in `leaveOut` by the suggestion score. */
  async function populate(round: RoundDetail, leaveOut: (s: SheetRow) => boolean): Promise<RoundDetail> {
    const eligible = await matching.eligibleSheets(ctx, round.id, {});
    if (!eligible.items.length) return round;
    const withSheets = await matching.addParticipants(ctx, round.id, eligible.items.map((s) => s.sheetId));
    const rows = new Map((await repo.sheets(withSheets.participantList.map((p) => p.sheetId))).map((s) => [s.sheetId, s]));
    const compact = (id: number) => {
      const s = rows.get(id)!;
      return compactSheet({ id, kind: s.kind, status: s.status as 'published', organisationId: s.organisationId, companyId: s.companyId, expiresOn: s.expiresOn, body: s.body });
    };
    const ministries = withSheets.participantList.filter((p) => p.side === 'ministry');
    const companies = withSheets.participantList.filter((p) => p.side === 'company');
    const score = (m: number, c: number) => scorePair(compact(m) as MinistryWish, compact(c) as CompanySheet, params).total;
    await inTransaction(db, async (tx) => {
      for (const p of withSheets.participantList) {
        if (leaveOut(rows.get(p.sheetId)!)) continue;
        const others = p.side === 'ministry' ? companies : ministries;
        const ranked = others
          .map((o) => ({ o, s: p.side === 'ministry' ? score(p.sheetId, o.sheetId) : score(o.sheetId, p.sheetId) }))
          .filter((x) => x.s >= 0.3)
          .sort((a, b) => b.s - a.s || a.o.sheetId - b.o.sheetId)
          .slice(0, round.maxRanks)
          .map((x) => x.o);
        await repo.replaceRanking(tx, round.id, p.sheetId, ranked.map((o) => o.sheetId));
        await writeAudit(tx, ctx, {
          action: 'matching_round.ranking',
          recordType: 'matching_round',
          recordId: round.id,
          before: null,
          after: { sheet: p.reference, ranking: ranked.map((o) => o.reference), enteredBy: 'center on behalf of the participant (demo data)' },
        });
      }
    });
    return withSheets;
  }

  const meti = (await db.select({ organisationId: accounts.organisationId }).from(accounts).where(eq(accounts.email, 'meti-hr@demo.koryu.jp')).limit(1))[0];
  const company = (await db.select({ companyId: accounts.companyId }).from(accounts).where(eq(accounts.email, 'company-hr@demo.koryu.jp')).limit(1))[0];
  const demoOwned = (s: SheetRow) =>
    (meti?.organisationId != null && s.organisationId === meti.organisationId) || (company?.companyId != null && s.companyId === company.companyId);

  // The fiscal year the next April starts (令和 = Gregorian − 2018).
  const fiscalYear = Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) + 1 : Number(today.slice(0, 4));
  const dispatch = await matching.createRound(ctx, {
    title: `令和${fiscalYear - 2018}年度 交流派遣マッチング（第1回）`,
    direction: 'dispatch',
    maxRanks: 3,
    proposingSide: 'ministry',
    rankingClosesOn: addDays(today, 21),
  });
  await populate(dispatch, demoOwned);

  const hire = await matching.createRound(ctx, { title: `令和${fiscalYear - 2018}年度 交流採用マッチング（試行）`, direction: 'hire', maxRanks: 2, proposingSide: 'company', rankingClosesOn: null });
  const populated = await populate(hire, () => false);
  if (populated.participantList.some((p) => p.side === 'ministry') && populated.participantList.some((p) => p.side === 'company')) await matching.run(ctx, hire.id);
  return 2;
}
