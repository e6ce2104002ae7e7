// Use cases of a matching round (マッチングラウンド). The center (or the NPA) creates a round, adds
// published wish sheets of the round's direction as participants with a capacity, and runs it once
// the owners have ranked at most N sheets of the other side; the run is deferred acceptance
// (stable-matching.ts) with the pairs the exchange criteria (交流基準) bar, and its result and
// transparency report are stored with the round. The pairs are proposals (提案), not binding: the
// parties still talk, and an exchange case is opened and checked as usual.
// No HTTP, no SQL here. Every change runs in one transaction with its audit row.
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, type FieldIssue, type Messages } from '../../platform/errors.ts';
import { pgTimestampToIso } from '../../platform/time.ts';
import type {
  MyRound,
  Proposal,
  RankingInput,
  RoundDetail,
  RoundInput,
  RoundReport,
  RoundSheet,
  RoundSummary,
} from '../../../../common/src/schemas/matching.schema.ts';
import type { SuggestionsService } from '../suggestions/suggestions.service.ts';
import { runMatchingRound, type BarredPair, type MatchedPair, type MatchingInput, type MatchingResult } from './stable-matching.ts';
import { createMatchingRepository, type ParticipantRow, type RoundRow, type SheetRow } from './matching.repository.ts';
import { matchingPolicy as policy } from './matching.policy.ts';
import { defaultCapacity, missedMessage, participationRefusal, rankingIssues, rankingOpen, sideOfKind, type Side } from './matching.rules.ts';

type Deps = { suggestions: Pick<SuggestionsService, 'screenWishPairs'>; clock: Pick<Clock, 'today'> };

/** What a run stores in matching_rounds.report. */
export type StoredRun = {
  asOf: string;
  participants: { sheetId: number; reference: string; side: Side; capacity: number; ranking: string[] }[];
  pairs: MatchedPair[];
  unfilled: MatchingResult['unfilled'];
  report: MatchingResult['report'];
};

const statusRefusal = () =>
  new AppError('conflict', {
    subcode: 'matching.round_status',
    messages: { ja: 'このラウンドは実施済みのため、参加者や希望順位は変更できません。', en: 'This round has been run: its participants and rankings can no longer change.' },
  });
const invalid = (subcode: string, fields: FieldIssue[], messages: Messages) => new AppError('transition_blocked', { subcode, fields, messages });

function sheetView(s: SheetRow): RoundSheet {
  return { sheetId: s.sheetId, reference: s.reference, kind: s.kind, side: sideOfKind(s.kind), title: s.title, ownerNameJa: s.ownerNameJa, ownerNameEn: s.ownerNameEn };
}

export function createMatchingService(database: Database, deps: Deps) {
  const { db } = database;
  const repo = createMatchingRepository(db);
  const actorOf = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    return ctx.actor;
  };

  function summaryView(r: Omit<RoundRow, 'report'>, today: string): RoundSummary {
    return {
      id: r.id,
      title: r.title,
      direction: r.direction,
      maxRanks: r.maxRanks,
      proposingSide: r.proposingSide,
      status: r.status,
      rankingClosesOn: r.rankingClosesOn,
      rankingOpen: rankingOpen(r, today),
      participants: { ministry: Number(r.ministries), company: Number(r.companies) },
      runAt: r.runAt ? pgTimestampToIso(r.runAt) : null,
      createdAt: pgTimestampToIso(r.createdAt),
    };
  }

  /** The round inside a transaction, locked, still collecting rankings (else 404 / 409). */
  async function lockedOpenRound(tx: Executor, id: number): Promise<RoundRow> {
    const r = await repo.round(id, tx, true);
    if (!r) throw new AppError('not_found');
    if (r.status !== 'ranking') throw statusRefusal();
    return r;
  }

  function proposalsOf(run: StoredRun | null, bySheet: Map<string, RoundSheet>): Proposal[] {
    if (!run) return [];
    const label = (ref: string, side: Side): RoundSheet =>
      bySheet.get(ref) ?? { sheetId: run.participants.find((p) => p.reference === ref)?.sheetId ?? 0, reference: ref, kind: side === 'ministry' ? 'ministry_dispatch' : 'company', side, title: ref, ownerNameJa: '', ownerNameEn: '' };
    return run.pairs.map((p) => ({ ministry: label(p.ministryId, 'ministry'), company: label(p.companyId, 'company'), ministryRank: p.ministryRank, companyRank: p.companyRank }));
  }

  function reportView(run: StoredRun): RoundReport {
    const r = run.report;
    const ministries = run.participants.filter((p) => p.side === 'ministry');
    const companies = run.participants.filter((p) => p.side === 'company');
    return {
      algorithm: { name: r.algorithm.name, guarantee: r.algorithm.guarantee },
      proposingSide: r.proposing,
      asOf: run.asOf,
      figures: {
        ministries: ministries.length,
        companies: companies.length,
        ministryCapacity: ministries.reduce((a, p) => a + p.capacity, 0),
        companyCapacity: companies.reduce((a, p) => a + p.capacity, 0),
        rankingsSubmitted: run.participants.filter((p) => p.ranking.length > 0).length,
        pairs: run.pairs.length,
        unfilledMinistry: run.unfilled.totalMinistry,
        unfilledCompany: run.unfilled.totalCompany,
        rounds: r.rounds,
        proposals: r.proposals,
        rejections: r.rejections,
        barredPairs: r.barred.length,
      },
      steps: r.steps,
      stepsTruncated: r.stepsTruncated,
      barred: r.barred.map((b) => ({ ministry: b.ministryId, company: b.companyId, ruleId: b.code, reason: b.reason, mutuallyListed: b.mutuallyListed })),
      participants: r.participants.map((p) => ({
        reference: p.id,
        side: p.side,
        capacity: p.capacity,
        matched: p.matched,
        unfilled: p.unfilled,
        bestMissed: p.bestMissed ? { reference: p.bestMissed.partnerId, rank: p.bestMissed.rank, code: p.bestMissed.why.code, message: p.bestMissed.message } : null,
      })),
    };
  }

  /** The input of a run, and a fingerprint of what it was built from (participants, capacities, rankings). */
  function inputOf(round: RoundRow, participants: ParticipantRow[], rankings: { sheetId: number; rankedSheetId: number; rank: number }[]) {
    const refOf = new Map(participants.map((p) => [p.sheetId, p.reference]));
    const rankingOf = (sheetId: number) => rankings.filter((r) => r.sheetId === sheetId).sort((a, b) => a.rank - b.rank).map((r) => refOf.get(r.rankedSheetId)!).filter(Boolean);
    const snapshot = participants.map((p) => ({ sheetId: p.sheetId, reference: p.reference, side: p.side, capacity: p.capacity, ranking: rankingOf(p.sheetId) }));
    const fingerprint = createHash('sha256').update(JSON.stringify([round.maxRanks, round.proposingSide, snapshot])).digest('hex');
    return { snapshot, fingerprint };
  }

  const service = {
    // ---------------------------------------------------------------- the center

    async listRounds(_ctx: RequestContext): Promise<{ items: RoundSummary[] }> {
      const today = deps.clock.today();
      return { items: (await repo.rounds()).map((r) => summaryView(r, today)) };
    },

    async createRound(ctx: RequestContext, input: RoundInput): Promise<RoundDetail> {
      const actor = actorOf(ctx);
      const today = deps.clock.today();
      if (input.rankingClosesOn !== null && input.rankingClosesOn < today) {
        throw new AppError('validation_failed', {
          fields: [{ path: 'rankingClosesOn', code: 'matching.closes_in_past', message: { ja: '順位登録の締切日は今日以降の日付にしてください。', en: 'The ranking close date must be today or later.' } }],
        });
      }
      const id = await inTransaction(db, async (tx) => {
        const newId = await repo.insertRound(tx, { ...input, createdBy: actor.accountId });
        await writeAudit(tx, ctx, { action: 'matching_round.create', recordType: 'matching_round', recordId: newId, before: null, after: input });
        return newId;
      });
      return service.roundDetail(ctx, id);
    },

    async roundDetail(_ctx: RequestContext, id: number): Promise<RoundDetail> {
      const today = deps.clock.today();
      const r = await repo.round(id);
      if (!r) throw new AppError('not_found');
      const participants = await repo.participants(id);
      const rankings = await repo.rankings(id);
      const refOf = new Map(participants.map((p) => [p.sheetId, p.reference]));
      const run = (r.report ?? null) as StoredRun | null;
      const bySheet = new Map(participants.map((p) => [p.reference, sheetView(p)]));
      return {
        ...summaryView(r, today),
        participantList: participants.map((p) => ({
          ...sheetView(p),
          capacity: p.capacity,
          ranking: rankings.filter((x) => x.sheetId === p.sheetId).map((x) => refOf.get(x.rankedSheetId) ?? String(x.rankedSheetId)),
        })),
        proposals: proposalsOf(run, bySheet),
        report: run ? reportView(run) : null,
      };
    },

    async eligibleSheets(_ctx: RequestContext, id: number, q: { side?: Side | undefined; q?: string | undefined }) {
      const today = deps.clock.today();
      const r = await repo.round(id);
      if (!r) throw new AppError('not_found');
      const rows = await repo.eligibleSheets({ roundId: id, direction: r.direction, side: q.side, q: q.q, limit: 200 });
      return {
        items: rows
          .filter((s) => participationRefusal(s, r.direction, today) === null)
          .map((s) => ({ ...sheetView(s), defaultCapacity: defaultCapacity(s, r.direction) })),
      };
    },

    async addParticipants(ctx: RequestContext, id: number, sheetIds: number[]): Promise<RoundDetail> {
      const today = deps.clock.today();
      await inTransaction(db, async (tx) => {
        const round = await lockedOpenRound(tx, id);
        const current = new Set((await repo.participants(id, tx)).map((p) => p.sheetId));
        const found = new Map((await repo.sheets(sheetIds, tx)).map((s) => [s.sheetId, s]));
        const issues: FieldIssue[] = [];
        const seen = new Set<number>();
        sheetIds.forEach((sheetId, i) => {
          const path = `sheetIds.${i}`;
          const s = found.get(sheetId);
          if (!s) issues.push({ path, code: 'matching.sheet_unknown', message: { ja: 'このシートは見つかりません。', en: 'This sheet does not exist.' } });
          else if (current.has(sheetId) || seen.has(sheetId)) issues.push({ path, code: 'matching.already_participant', message: { ja: `${s.reference}は既にこのラウンドに参加しています。`, en: `${s.reference} is already in this round.` } });
          else {
            const refusal = participationRefusal(s, round.direction, today);
            if (refusal) issues.push({ path, code: refusal.code, message: { ja: `${s.reference}：${refusal.message.ja}`, en: `${s.reference}: ${refusal.message.en}` } });
          }
          seen.add(sheetId);
        });
        if (issues.length) {
          throw invalid('matching.participants_invalid', issues, { ja: '参加させられないシートがあるため、何も追加しませんでした。', en: 'Some sheets cannot take part, so none were added.' });
        }
        const list = sheetIds.map((sheetId) => {
          const s = found.get(sheetId)!;
          return { sheetId, side: sideOfKind(s.kind), capacity: defaultCapacity(s, round.direction), reference: s.reference };
        });
        await repo.insertParticipants(tx, id, list);
        await writeAudit(tx, ctx, { action: 'matching_round.participants_add', recordType: 'matching_round', recordId: id, before: null, after: { participants: list } });
      });
      return service.roundDetail(ctx, id);
    },

    async setCapacity(ctx: RequestContext, id: number, sheetId: number, capacity: number): Promise<RoundDetail> {
      await inTransaction(db, async (tx) => {
        await lockedOpenRound(tx, id);
        const before = (await repo.participants(id, tx)).find((p) => p.sheetId === sheetId);
        if (!before) throw new AppError('not_found');
        await repo.setCapacity(tx, id, sheetId, capacity);
        await writeAudit(tx, ctx, {
          action: 'matching_round.capacity',
          recordType: 'matching_round',
          recordId: id,
          before: { sheetId, reference: before.reference, capacity: before.capacity },
          after: { sheetId, reference: before.reference, capacity },
        });
      });
      return service.roundDetail(ctx, id);
    },

    async removeParticipant(ctx: RequestContext, id: number, sheetId: number): Promise<RoundDetail> {
      await inTransaction(db, async (tx) => {
        await lockedOpenRound(tx, id);
        const before = (await repo.participants(id, tx)).find((p) => p.sheetId === sheetId);
        if (!before) throw new AppError('not_found');
        await repo.removeParticipant(tx, id, sheetId);
        await writeAudit(tx, ctx, { action: 'matching_round.participant_remove', recordType: 'matching_round', recordId: id, before: { sheetId, reference: before.reference, capacity: before.capacity }, after: null });
      });
      return service.roundDetail(ctx, id);
    },

    /**
     * Runs the round. The barred pairs are screened first, outside the transaction (many reads);
     * the transaction then checks that nothing the run was built from has changed (else 409).
     */
    async run(ctx: RequestContext, id: number): Promise<RoundDetail> {
      const today = deps.clock.today();
      const round = await repo.round(id);
      if (!round) throw new AppError('not_found');
      if (round.status !== 'ranking') throw statusRefusal();
      const participants = await repo.participants(id);
      const rankings = await repo.rankings(id);
      const ministries = participants.filter((p) => p.side === 'ministry');
      const companies = participants.filter((p) => p.side === 'company');
      if (!ministries.length || !companies.length) {
        throw invalid('matching.nothing_to_run', [], {
          ja: '府省等と企業等の双方に参加者がいないため、実施できません。',
          en: 'The round needs participants on both sides before it can run.',
        });
      }
      const { snapshot, fingerprint } = inputOf(round, participants, rankings);

      const verdicts = await deps.suggestions.screenWishPairs(
        ministries.map((m) => {
          const body = (m.body ?? {}) as { start?: { from?: string }; periodMonths?: { min?: number } };
          return {
            wish: {
              id: m.sheetId,
              organisationId: m.organisationId!,
              kind: m.kind as 'ministry_dispatch' | 'ministry_hire',
              start: { from: body.start?.from ?? today.slice(0, 7) },
              periodMonths: { min: body.periodMonths?.min ?? 12 },
            },
            companyIds: companies.map((c) => c.companyId!),
          };
        }),
        today,
      );
      const barred: BarredPair[] = [];
      for (const m of ministries) {
        const v = verdicts.get(m.sheetId);
        for (const c of companies) {
          const verdict = v?.get(c.companyId!);
          if (verdict?.bars.length) barred.push({ ministryId: m.reference, companyId: c.reference, code: verdict.bars[0]!.ruleId, reason: verdict.message });
        }
      }
      const input: MatchingInput = {
        ministries: snapshot.filter((p) => p.side === 'ministry').map((p) => ({ id: p.reference, capacity: p.capacity, ranking: p.ranking })),
        companies: snapshot.filter((p) => p.side === 'company').map((p) => ({ id: p.reference, capacity: p.capacity, ranking: p.ranking })),
        barred,
        proposing: round.proposingSide,
        maxRankingLength: round.maxRanks,
      };
      const out = runMatchingRound(input);
      if (!out.ok) {
        throw invalid(
          'matching.input_invalid',
          out.errors.map((e) => ({ path: e.path, code: `matching.${e.code}`, message: e.message })),
          { ja: 'ラウンドの入力に誤りがあるため実施できません。', en: 'The round’s input is invalid, so it cannot run.' },
        );
      }
      const stored: StoredRun = { asOf: today, participants: snapshot, pairs: out.value.pairs, unfilled: out.value.unfilled, report: out.value.report };

      await inTransaction(db, async (tx) => {
        const locked = await repo.round(id, tx, true);
        if (!locked || locked.status !== 'ranking') throw statusRefusal();
        const again = inputOf(locked, await repo.participants(id, tx), await repo.rankings(id, tx));
        if (again.fingerprint !== fingerprint) throw new AppError('conflict');
        if (!(await repo.markRun(tx, id, stored))) throw statusRefusal();
        await writeAudit(tx, ctx, {
          action: 'matching_round.run',
          recordType: 'matching_round',
          recordId: id,
          before: { status: 'ranking' },
          after: {
            status: 'run',
            asOf: today,
            proposing: round.proposingSide,
            pairs: out.value.pairs.map((p) => [p.ministryId, p.companyId]),
            barred: barred.map((b) => [b.ministryId, b.companyId, b.code]),
          },
        });
      });
      return service.roundDetail(ctx, id);
    },

    // ---------------------------------------------------------------- participants (ministry and company HR)

    async listMine(ctx: RequestContext): Promise<{ items: RoundSummary[] }> {
      const owner = policy.ownerOf(actorOf(ctx));
      if (!owner) return { items: [] };
      const today = deps.clock.today();
      return { items: (await repo.rounds(owner)).map((r) => summaryView(r, today)) };
    },

    async myRound(ctx: RequestContext, id: number): Promise<MyRound> {
      const actor = actorOf(ctx);
      const today = deps.clock.today();
      const r = await repo.round(id);
      if (!r) throw new AppError('not_found');
      const participants = await repo.participants(id);
      const mine = participants.filter((p) => policy.owns(actor, p));
      if (!mine.length) throw new AppError('not_found');
      const rankings = await repo.rankings(id);
      const bySheetId = new Map(participants.map((p) => [p.sheetId, p]));
      const byRef = new Map(participants.map((p) => [p.reference, p]));
      const run = (r.report ?? null) as StoredRun | null;
      const mySides = new Set(mine.map((p) => p.side));
      return {
        ...summaryView(r, today),
        mySheets: mine.map((p) => {
          const reported = run?.report.participants.find((x) => x.id === p.reference);
          const missed = reported?.bestMissed;
          return {
            ...sheetView(p),
            capacity: p.capacity,
            ranking: rankings
              .filter((x) => x.sheetId === p.sheetId)
              .map((x) => bySheetId.get(x.rankedSheetId))
              .filter((x): x is ParticipantRow => x !== undefined)
              .map(sheetView),
            proposals: (run?.pairs ?? [])
              .filter((x) => (p.side === 'ministry' ? x.ministryId : x.companyId) === p.reference)
              .map((x) => {
                const partnerRef = p.side === 'ministry' ? x.companyId : x.ministryId;
                const partner = byRef.get(partnerRef);
                return {
                  partner: partner ? sheetView(partner) : { sheetId: 0, reference: partnerRef, kind: 'company' as const, side: p.side === 'ministry' ? ('company' as const) : ('ministry' as const), title: partnerRef, ownerNameJa: '', ownerNameEn: '' },
                  myRank: p.side === 'ministry' ? x.ministryRank : x.companyRank,
                  theirRank: p.side === 'ministry' ? x.companyRank : x.ministryRank,
                };
              }),
            missed: missed
              ? { reference: missed.partnerId, rank: missed.rank, message: missedMessage(missed.why.code, missed.why.code === 'barred' ? missed.why.reason : undefined) }
              : null,
          };
        }),
        otherSide: participants.filter((p) => !mySides.has(p.side)).map((p) => ({ ...sheetView(p), capacity: p.capacity })),
        algorithm: run ? { name: run.report.algorithm.name, guarantee: run.report.algorithm.guarantee } : null,
      };
    },

    async setRanking(ctx: RequestContext, id: number, sheetId: number, input: RankingInput): Promise<MyRound> {
      const actor = actorOf(ctx);
      const today = deps.clock.today();
      await inTransaction(db, async (tx) => {
        const round = await repo.round(id, tx, true);
        if (!round) throw new AppError('not_found');
        const participants = await repo.participants(id, tx);
        const me = participants.find((p) => p.sheetId === sheetId);
        if (!me || !policy.owns(actor, me)) throw new AppError('not_found');
        if (!rankingOpen(round, today)) {
          if (round.status !== 'ranking') throw statusRefusal();
          throw new AppError('conflict', {
            subcode: 'matching.ranking_closed',
            messages: { ja: `希望順位の登録は${round.rankingClosesOn}で締め切られました。`, en: `Rankings closed on ${round.rankingClosesOn}.` },
          });
        }
        const issues = rankingIssues({ maxRanks: round.maxRanks, ownSide: me.side, ranked: input.rankedSheetIds, participants: new Map(participants.map((p) => [p.sheetId, p.side])) });
        if (issues.length) {
          throw invalid('matching.ranking_invalid', issues, { ja: '希望順位に誤りがあるため、保存しませんでした。', en: 'The ranking has errors, so it was not saved.' });
        }
        const before = (await repo.rankings(id, tx)).filter((x) => x.sheetId === sheetId).map((x) => x.rankedSheetId);
        await repo.replaceRanking(tx, id, sheetId, input.rankedSheetIds).catch((err: unknown) => {
          if (sqlState(err) === '23505') throw new AppError('conflict');
          throw err;
        });
        const refOf = new Map(participants.map((p) => [p.sheetId, p.reference]));
        await writeAudit(tx, ctx, {
          action: 'matching_round.ranking',
          recordType: 'matching_round',
          recordId: id,
          before: { sheet: me.reference, ranking: before.map((x) => refOf.get(x)) },
          after: { sheet: me.reference, ranking: input.rankedSheetIds.map((x) => refOf.get(x)) },
        });
      });
      return service.myRound(ctx, id);
    },
  };
  return service;
}

export type MatchingService = ReturnType<typeof createMatchingService>;
