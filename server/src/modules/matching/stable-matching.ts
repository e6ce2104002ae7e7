// Matching round (マッチングラウンド) — stable matching by deferred acceptance (受入保留方式).
//
// What it does
//   Ministries (府省) rank company wish sheets (交流希望シート) and companies rank ministry wishes,
//   each at most N entries (N = `maxRankingLength`). Every participant has a capacity (受入可能数 /
//   派遣可能数) ≥ 1, so the market is many-to-many (a ministry may pair with several sheets and a
//   sheet with several ministries, up to each capacity). The center runs Gale–Shapley deferred
//   acceptance (Gale & Shapley 1962; many-to-many with capacities as in the hospital/residents
//   problem, Roth 1984):
//     1. Each proposer with free capacity proposes to its best-ranked receivers it has not yet
//        proposed to, one per free slot, skipping receivers that are not acceptable (see below).
//     2. Each receiver looks at the proposals it holds plus the new ones, keeps ("holds") its
//        best-ranked ones up to its capacity and rejects the rest. Nothing is final yet: a held
//        proposal may be displaced later by one the receiver ranks higher.
//     3. Repeat until no proposer has a free slot and an untried acceptable receiver. The held
//        proposals are the matching.
//
// Guarantees (the ones the property tests check)
//   - Stable: no blocking pair, i.e. no mutually acceptable unmatched pair where each side either
//     has free capacity or prefers the other to one of its current partners.
//   - Capacities are respected on both sides; only mutually acceptable pairs match.
//   - Side-optimal: the proposing side gets its best stable matching — every proposer is at least
//     as well off as in any other stable matching (and the receiving side gets its worst). So the
//     proposing side is a policy choice: `proposing: 'ministry'` (府省提案) or `'company'`
//     (企業提案); the report names it. (Proven for unit capacity; with capacities and responsive
//     preferences the same holds for pairwise-stable matchings.)
//   - Deterministic: rankings are strict (a duplicate entry is an input error); participants are
//     processed in id order, so the same input — in any array order — gives the same result and
//     the same step log.
//
// Acceptability
//   A pair can match only if both list each other (mutually acceptable) and the criteria engine does
//   not bar it (`barred`, e.g. a 交流基準 conflict). Barred pairs are never matched and are reported
//   with their reason, never silently dropped.
//
// The results are proposals (提案), not binding. Input errors are returned as values
// ({ code, path, message: { ja, en } }); nothing here throws on user input. Pure: no I/O.

import type { FieldIssue, Messages } from '../../platform/errors.ts';

/** 提案側 — which side proposes. */
export type Side = 'ministry' | 'company';

/** A ministry wish (府省の交流希望) or a company sheet (企業の交流希望シート) in the round. */
export type Participant = {
  id: string;
  /** How many partners it can take (受入・派遣可能数), integer ≥ 1. */
  capacity: number;
  /** Ids on the other side, best first, at most `maxRankingLength`. */
  ranking: readonly string[];
};

/** A pair the criteria engine (交流基準) bars, with its reason. */
export type BarredPair = {
  ministryId: string;
  companyId: string;
  /** Rule code from the criteria engine, e.g. `recent_procurement`. */
  code: string;
  reason: Messages;
};

export type MatchingInput = {
  ministries: readonly Participant[];
  companies: readonly Participant[];
  barred?: readonly BarredPair[];
  proposing: Side;
  /** N: the longest ranking a participant may submit (希望順位の上限). */
  maxRankingLength: number;
  /** Cap on the logged steps (default 2,000); the counts are always complete. */
  maxLoggedSteps?: number;
};

export type MatchedPair = {
  ministryId: string;
  companyId: string;
  /** 1-based position of the partner in each side's ranking. */
  ministryRank: number;
  companyRank: number;
};

export type Step =
  | { round: number; action: 'propose'; from: string; to: string }
  | { round: number; action: 'hold'; by: string; of: string }
  /** `displaced`: the receiver had held it in an earlier round and dropped it for a better one. */
  | { round: number; action: 'reject'; by: string; of: string; displaced: boolean };

/** Why a participant did not get a partner it ranked (the best such partner is reported). */
export type MissReason =
  /** The partner did not list this participant (not mutually acceptable). */
  | { code: 'not_mutual' }
  /** The criteria engine bars the pair. */
  | { code: 'barred'; ruleCode: string; reason: Messages }
  /** The partner filled its capacity with partners it ranks higher (it held better-ranked proposals). */
  | { code: 'partner_held_better'; partnerHeld: string[] }
  /** This participant filled its own capacity with partners it ranks higher. */
  | { code: 'own_capacity_filled' };

export type ParticipantReport = {
  side: Side;
  id: string;
  capacity: number;
  /** Partners, in this participant's ranking order. */
  matched: string[];
  unfilled: number;
  /** The best-ranked listed partner it did not get, or null if it got everyone above its last match and nobody is missing. */
  bestMissed: null | { partnerId: string; rank: number; why: MissReason; message: Messages };
};

export type RoundReport = {
  algorithm: { code: 'deferred_acceptance'; name: Messages; guarantee: Messages };
  proposing: Side;
  receiving: Side;
  maxRankingLength: number;
  /** Rounds in which at least one proposal was made. */
  rounds: number;
  proposals: number;
  rejections: number;
  steps: Step[];
  totalSteps: number;
  stepsTruncated: boolean;
  /** Every barred pair given, with whether both sides had listed each other (so it would otherwise have been a candidate). */
  barred: (BarredPair & { mutuallyListed: boolean })[];
  participants: ParticipantReport[];
};

export type MatchingResult = {
  pairs: MatchedPair[];
  unfilled: { ministries: Record<string, number>; companies: Record<string, number>; totalMinistry: number; totalCompany: number };
  report: RoundReport;
};

export type MatchingErrorCode =
  | 'max_ranking_invalid'
  | 'id_invalid'
  | 'duplicate_id'
  | 'capacity_invalid'
  | 'ranking_too_long'
  | 'duplicate_in_ranking'
  | 'unknown_ranked_id'
  | 'barred_unknown_id';

export type MatchingError = FieldIssue & { code: MatchingErrorCode };

export type Outcome = { ok: true; value: MatchingResult } | { ok: false; errors: MatchingError[] };

const sideName: Record<Side, Messages> = {
  ministry: { ja: '府省', en: 'ministry' },
  company: { ja: '企業', en: 'company' },
};
const other = (s: Side): Side => (s === 'ministry' ? 'company' : 'ministry');
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const pairKey = (ministryId: string, companyId: string) => JSON.stringify([ministryId, companyId]);

/** Input checks; all errors are collected, none thrown. */
export function validateMatchingInput(input: MatchingInput): MatchingError[] {
  const errors: MatchingError[] = [];
  const err = (code: MatchingErrorCode, path: string, ja: string, en: string) =>
    errors.push({ code, path, message: { ja, en } });
  const n = input.maxRankingLength;
  if (!Number.isInteger(n) || n < 1) {
    err('max_ranking_invalid', 'maxRankingLength', '希望順位の上限（N）は1以上の整数にしてください。', 'The ranking limit N must be an integer of at least 1.');
  }
  const ids: Record<Side, Set<string>> = { ministry: new Set(), company: new Set() };
  const lists: [Side, readonly Participant[]][] = [
    ['ministry', Array.isArray(input.ministries) ? input.ministries : []],
    ['company', Array.isArray(input.companies) ? input.companies : []],
  ];
  for (const [side, list] of lists) {
    const key = side === 'ministry' ? 'ministries' : 'companies';
    list.forEach((p, i) => {
      if (typeof p?.id !== 'string' || p.id.trim() === '') {
        err('id_invalid', `${key}.${i}.id`, `${sideName[side].ja}のIDが空です。`, `The ${sideName[side].en} id is empty.`);
        return;
      }
      if (ids[side].has(p.id)) {
        err('duplicate_id', `${key}.${i}.id`, `${sideName[side].ja}のID「${p.id}」が重複しています。`, `The ${sideName[side].en} id "${p.id}" appears more than once.`);
      }
      ids[side].add(p.id);
    });
  }
  for (const [side, list] of lists) {
    const key = side === 'ministry' ? 'ministries' : 'companies';
    const otherIds = ids[other(side)];
    list.forEach((p, i) => {
      if (typeof p?.id !== 'string') return;
      if (!Number.isInteger(p.capacity) || p.capacity < 1) {
        err('capacity_invalid', `${key}.${i}.capacity`, `「${p.id}」の受入・派遣可能数は1以上の整数にしてください。`, `The capacity of "${p.id}" must be an integer of at least 1.`);
      }
      const ranking = Array.isArray(p.ranking) ? p.ranking : [];
      if (Number.isInteger(n) && ranking.length > n) {
        err('ranking_too_long', `${key}.${i}.ranking`, `「${p.id}」の希望順位は${n}件までです（${ranking.length}件あります）。`, `"${p.id}" may rank at most ${n} entries (it has ${ranking.length}).`);
      }
      const seen = new Set<string>();
      ranking.forEach((r, j) => {
        if (seen.has(r)) {
          err('duplicate_in_ranking', `${key}.${i}.ranking.${j}`, `「${p.id}」の希望順位に「${r}」が重複しています。`, `"${p.id}" ranks "${r}" more than once.`);
        }
        seen.add(r);
        if (!otherIds.has(r)) {
          err('unknown_ranked_id', `${key}.${i}.ranking.${j}`, `「${p.id}」の希望順位にある「${r}」は、このラウンドの${sideName[other(side)].ja}にありません。`, `"${p.id}" ranks "${r}", which is not a ${sideName[other(side)].en} in this round.`);
        }
      });
    });
  }
  (input.barred ?? []).forEach((b, i) => {
    if (!ids.ministry.has(b.ministryId) || !ids.company.has(b.companyId)) {
      err('barred_unknown_id', `barred.${i}`, `対象外の組合せ（${b.ministryId}・${b.companyId}）に、このラウンドにない参加者が含まれています。`, `The barred pair (${b.ministryId}, ${b.companyId}) names a participant not in this round.`);
    }
  });
  return errors;
}

/** Runs one matching round. Returns errors as values for invalid input. */
export function runMatchingRound(input: MatchingInput): Outcome {
  const errors = validateMatchingInput(input);
  if (errors.length) return { ok: false, errors };

  const proposing = input.proposing === 'company' ? 'company' : 'ministry';
  const receiving = other(proposing);
  const bySide: Record<Side, Participant[]> = {
    ministry: [...input.ministries].sort((a, b) => byId(a.id, b.id)),
    company: [...input.companies].sort((a, b) => byId(a.id, b.id)),
  };
  const index: Record<Side, Map<string, Participant>> = {
    ministry: new Map(bySide.ministry.map((p) => [p.id, p])),
    company: new Map(bySide.company.map((p) => [p.id, p])),
  };
  // rank[side].get(id).get(partner) = 0-based position.
  const rank: Record<Side, Map<string, Map<string, number>>> = {
    ministry: new Map(bySide.ministry.map((p) => [p.id, new Map(p.ranking.map((r, i) => [r, i]))])),
    company: new Map(bySide.company.map((p) => [p.id, new Map(p.ranking.map((r, i) => [r, i]))])),
  };
  const barredList = [...(input.barred ?? [])].sort((a, b) => byId(a.ministryId, b.ministryId) || byId(a.companyId, b.companyId) || byId(a.code, b.code));
  const barred = new Map<string, BarredPair>();
  for (const b of barredList) if (!barred.has(pairKey(b.ministryId, b.companyId))) barred.set(pairKey(b.ministryId, b.companyId), b);
  const asPair = (side: Side, a: string, b: string): [string, string] => (side === 'ministry' ? [a, b] : [b, a]);
  const lists = (side: Side, a: string, b: string) => rank[side].get(a)!.has(b);
  const barredOf = (side: Side, a: string, b: string) => barred.get(pairKey(...asPair(side, a, b)));
  const acceptable = (side: Side, a: string, b: string) =>
    lists(side, a, b) && lists(other(side), b, a) && !barredOf(side, a, b);

  const maxLogged = Math.max(0, Math.floor(input.maxLoggedSteps ?? 2000));
  const steps: Step[] = [];
  let totalSteps = 0;
  const log = (s: Step) => {
    totalSteps++;
    if (steps.length < maxLogged) steps.push(s);
  };

  // Deferred acceptance.
  const next = new Map<string, number>(bySide[proposing].map((p) => [p.id, 0])); // pointer into ranking
  const heldBy = new Map<string, string[]>(bySide[receiving].map((r) => [r.id, []])); // receiver → proposers held, best first
  const holding = new Map<string, number>(bySide[proposing].map((p) => [p.id, 0])); // proposer → proposals held
  const recvRank = (r: string, p: string) => rank[receiving].get(r)!.get(p)!;
  let rounds = 0;
  let proposals = 0;
  let rejections = 0;
  for (;;) {
    const incoming = new Map<string, string[]>();
    let any = false;
    const round = rounds + 1;
    for (const p of bySide[proposing]) {
      let free = p.capacity - holding.get(p.id)!;
      let i = next.get(p.id)!;
      while (free > 0 && i < p.ranking.length) {
        const r = p.ranking[i]!;
        i++;
        if (!acceptable(proposing, p.id, r)) continue;
        log({ round, action: 'propose', from: p.id, to: r });
        proposals++;
        any = true;
        free--;
        holding.set(p.id, holding.get(p.id)! + 1);
        const list = incoming.get(r) ?? [];
        list.push(p.id);
        incoming.set(r, list);
      }
      next.set(p.id, i);
    }
    if (!any) break;
    rounds = round;
    for (const r of bySide[receiving]) {
      const fresh = incoming.get(r.id);
      if (!fresh) continue;
      const before = new Set(heldBy.get(r.id)!);
      const all = [...heldBy.get(r.id)!, ...fresh].sort((a, b) => recvRank(r.id, a) - recvRank(r.id, b));
      const kept = all.slice(0, r.capacity);
      const dropped = all.slice(r.capacity);
      heldBy.set(r.id, kept);
      for (const p of fresh) if (kept.includes(p)) log({ round, action: 'hold', by: r.id, of: p });
      for (const p of dropped) {
        log({ round, action: 'reject', by: r.id, of: p, displaced: before.has(p) });
        rejections++;
        holding.set(p, holding.get(p)! - 1);
      }
    }
  }

  // The matching, from each side's view.
  const partners: Record<Side, Map<string, Set<string>>> = {
    ministry: new Map(bySide.ministry.map((p) => [p.id, new Set<string>()])),
    company: new Map(bySide.company.map((p) => [p.id, new Set<string>()])),
  };
  for (const [r, ps] of heldBy) {
    for (const p of ps) {
      partners[receiving].get(r)!.add(p);
      partners[proposing].get(p)!.add(r);
    }
  }
  const pairs: MatchedPair[] = [];
  for (const m of bySide.ministry) {
    for (const c of m.ranking) {
      if (partners.ministry.get(m.id)!.has(c)) {
        pairs.push({ ministryId: m.id, companyId: c, ministryRank: rank.ministry.get(m.id)!.get(c)! + 1, companyRank: rank.company.get(c)!.get(m.id)! + 1 });
      }
    }
  }

  const explain = (side: Side, id: string, partnerId: string): { why: MissReason; message: Messages } => {
    const me = index[side].get(id)!;
    const o = other(side);
    const them = index[o].get(partnerId)!;
    if (!lists(o, partnerId, id)) {
      return { why: { code: 'not_mutual' }, message: { ja: `「${partnerId}」は「${id}」を希望順位に挙げていません。`, en: `"${partnerId}" did not rank "${id}".` } };
    }
    const b = barredOf(side, id, partnerId);
    if (b) {
      return { why: { code: 'barred', ruleCode: b.code, reason: b.reason }, message: { ja: `交流基準により対象外の組合せです：${b.reason.ja}`, en: `The exchange criteria bar this pair: ${b.reason.en}` } };
    }
    const mine = partners[side].get(id)!;
    const myRank = rank[side].get(id)!;
    const pr = myRank.get(partnerId)!;
    if (mine.size >= me.capacity && [...mine].every((x) => myRank.get(x)! < pr)) {
      return { why: { code: 'own_capacity_filled' }, message: { ja: `「${id}」は、より上位の相手で受入・派遣可能数が埋まりました。`, en: `"${id}" filled its capacity with partners it ranks higher.` } };
    }
    // Stability: the partner is full with partners it ranks above this participant.
    const theirRank = rank[o].get(partnerId)!;
    const held = [...partners[o].get(partnerId)!].sort((a, b2) => theirRank.get(a)! - theirRank.get(b2)!);
    return {
      why: { code: 'partner_held_better', partnerHeld: held },
      message: {
        ja: `「${partnerId}」（受入・派遣可能数${them.capacity}）は、より上位に挙げた相手（${held.join('、')}）で埋まりました。`,
        en: `"${partnerId}" (capacity ${them.capacity}) was filled by partners it ranks higher (${held.join(', ')}).`,
      },
    };
  };

  const participants: ParticipantReport[] = [];
  const unfilled = { ministries: {} as Record<string, number>, companies: {} as Record<string, number>, totalMinistry: 0, totalCompany: 0 };
  for (const side of ['ministry', 'company'] as const) {
    for (const p of bySide[side]) {
      const mine = partners[side].get(p.id)!;
      const matched = p.ranking.filter((x) => mine.has(x));
      const free = p.capacity - matched.length;
      const missedAt = p.ranking.findIndex((x) => !mine.has(x));
      const bestMissed =
        missedAt < 0 ? null : { partnerId: p.ranking[missedAt]!, rank: missedAt + 1, ...explain(side, p.id, p.ranking[missedAt]!) };
      participants.push({ side, id: p.id, capacity: p.capacity, matched, unfilled: free, bestMissed });
      if (side === 'ministry') {
        unfilled.ministries[p.id] = free;
        unfilled.totalMinistry += free;
      } else {
        unfilled.companies[p.id] = free;
        unfilled.totalCompany += free;
      }
    }
  }

  return {
    ok: true,
    value: {
      pairs,
      unfilled,
      report: {
        algorithm: {
          code: 'deferred_acceptance',
          name: { ja: '受入保留方式（ゲール＝シャプレー法、受入・派遣可能数つき）', en: 'Deferred acceptance (Gale–Shapley, with capacities)' },
          guarantee: {
            ja: `結果は安定マッチングで、提案側（${sideName[proposing].ja}）にとって最も望ましい安定マッチングです（受入側には最も望ましくない安定マッチング）。結果は提案であり、拘束力はありません。`,
            en: `The result is a stable matching, the best stable matching for the proposing side (${sideName[proposing].en}) and the worst for the receiving side. Results are proposals, not binding.`,
          },
        },
        proposing,
        receiving,
        maxRankingLength: input.maxRankingLength,
        rounds,
        proposals,
        rejections,
        steps,
        totalSteps,
        stepsTruncated: totalSteps > steps.length,
        barred: [...barred.values()].map((b) => ({
          ...b,
          mutuallyListed: lists('ministry', b.ministryId, b.companyId) && lists('company', b.companyId, b.ministryId),
        })),
        participants,
      },
    },
  };
}

/**
 * Blocking pairs of a matching (for tests and for auditing a result): mutually acceptable,
 * not barred, unmatched pairs where each side has free capacity or ranks the other above one of
 * its current partners. Empty ⇔ stable.
 */
export function blockingPairs(input: MatchingInput, pairs: readonly Pick<MatchedPair, 'ministryId' | 'companyId'>[]): [string, string][] {
  const m = new Map(input.ministries.map((p) => [p.id, p]));
  const c = new Map(input.companies.map((p) => [p.id, p]));
  const barred = new Set((input.barred ?? []).map((b) => pairKey(b.ministryId, b.companyId)));
  const matched = new Set(pairs.map((p) => pairKey(p.ministryId, p.companyId)));
  const partnersOf = (side: 'm' | 'c', id: string) =>
    pairs.filter((p) => (side === 'm' ? p.ministryId : p.companyId) === id).map((p) => (side === 'm' ? p.companyId : p.ministryId));
  const wants = (self: Participant, partner: string, current: string[]) => {
    if (current.length < self.capacity) return true;
    const r = self.ranking.indexOf(partner);
    return current.some((x) => self.ranking.indexOf(x) > r);
  };
  const out: [string, string][] = [];
  for (const mi of [...m.values()].sort((a, b) => byId(a.id, b.id))) {
    for (const ci of mi.ranking) {
      const cp = c.get(ci);
      if (!cp || !cp.ranking.includes(mi.id) || barred.has(pairKey(mi.id, ci)) || matched.has(pairKey(mi.id, ci))) continue;
      if (wants(mi, ci, partnersOf('m', mi.id)) && wants(cp, mi.id, partnersOf('c', ci))) out.push([mi.id, ci]);
    }
  }
  return out;
}
