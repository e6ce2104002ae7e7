// Matching suggestions (マッチング候補): for a ministry's wish, the published company sheets ranked by
// the five explained terms of wishes/suggest.ts; for a company's sheet, the published ministry
// wishes. Pairs the exchange criteria (交流基準) bar are listed after the others with the rule's
// reason — never dropped. No HTTP, no SQL here.
//
// Barring, and why this way: one wish against 100,000 sheets must not cost a criteria query (or a
// facts document) per pair. The criteria service screens an organisation against a set of
// companies with a few set-based queries — the companies with any fact a pair rule could fail on
// (contracts at the threshold with that organisation, restricting sanctions, an ineligible legal
// type) — and evaluates the engine only for those (criteria/pair-screening.ts). The alternative,
// evaluating only the top N, would hide barred pairs below the cut and let a barred pair push an
// open one out of the list; screening every candidate keeps the list honest at the same cost.
// The reverse direction (one company against every ministry) is one company's facts, evaluated once
// per organisation it has contracts with and once for all the others, per start date.
//
// The criteria are applied as of the planned start: the first day of the wish's start window, or
// today if that has passed; the planned end follows from the wish's shortest period.
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SuggestionItem, SuggestionList, SuggestionQuery } from '../../../../common/src/schemas/suggestions.schema.ts';
import type { CompanySheet, MinistryWish } from '../../../../common/src/schemas/wishes.schema.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import { cautionKey, type PairVerdict } from '../criteria/pair-screening.ts';
import { scorePair, suggestParams, type Messages, type Suggestion } from '../wishes/suggest.ts';
import { companyTable, scoreSheetAgainst, scoreWishAgainst, selectRows, todayNumber } from './fast-score.ts';
import { compactSheet, createSheetIndex, type IndexedCompanySheet, type IndexedMinistryWish, type SheetIndexOptions } from './sheet-index.ts';
import { createSuggestionsRepository, type SheetLabel } from './suggestions.repository.ts';
import { suggestionsPolicy as policy } from './suggestions.policy.ts';

type Deps = { criteria: Pick<CriteriaService, 'screenPairs' | 'pairCautions'>; clock: Pick<Clock, 'today'>; index?: SheetIndexOptions };

/** A wish as far as the criteria need it. */
export type WishForScreening = { id: number; organisationId: number; kind: MinistryWish['kind']; start: { from: string }; periodMonths: { min: number } };

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The day before the same day `months` later (民法第143条), clamped to the month's end. */
function monthsEnd(start: string, months: number): string {
  const y = +start.slice(0, 4);
  const m0 = +start.slice(5, 7) - 1 + months;
  const ty = y + Math.floor(m0 / 12);
  const tm = (m0 % 12) + 1;
  const d = Math.min(+start.slice(8, 10), daysIn(ty, tm));
  const t = new Date(Date.UTC(ty, tm - 1, d) - 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The exchange the criteria are applied to for a wish: start and end dates. */
export function plannedExchange(w: Pick<WishForScreening, 'start' | 'periodMonths'>, today: string): { plannedStart: string; plannedEnd: string } {
  const first = `${w.start.from}-01`;
  const plannedStart = first > today ? first : today;
  return { plannedStart, plannedEnd: monthsEnd(plannedStart, Math.max(1, w.periodMonths.min)) };
}
const concat = (parts: Float64Array[]): Float64Array => {
  if (parts.length === 1) return parts[0]!;
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const directionOf = (kind: MinistryWish['kind']) => (kind === 'ministry_dispatch' ? 'dispatch' : 'hire') as 'dispatch' | 'hire';

export function createSuggestionsService(database: Database, deps: Deps) {
  const repo = createSuggestionsRepository(database.db);
  const index = createSheetIndex(repo, deps.index);

  /**
   * The criteria verdicts of wish × company pairs: for each wish id, the companies' verdicts
   * (absent: not barred and nothing to review). Wishes of one organisation with the same planned
   * exchange share one screening.
   */
  async function screenWishPairs(pairs: readonly { wish: WishForScreening; companyIds: Iterable<number> }[], today: string) {
    type Group = { organisationId: number; direction: 'dispatch' | 'hire'; plannedStart: string; plannedEnd: string; companyIds: Set<number> };
    const groups = new Map<string, Group>();
    const planned = new Map<string, { plannedStart: string; plannedEnd: string }>(); // few distinct windows and periods
    const groupOf = new Map<number, Group>();
    for (const { wish, companyIds } of pairs) {
      const pk = `${wish.start.from}|${wish.periodMonths.min}`;
      let p = planned.get(pk);
      if (!p) planned.set(pk, (p = plannedExchange(wish, today)));
      const direction = directionOf(wish.kind);
      const key = `${wish.organisationId}|${direction}|${p.plannedStart}|${p.plannedEnd}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { organisationId: wish.organisationId, direction, ...p, companyIds: new Set<number>() }));
      for (const c of companyIds) g.companyIds.add(c);
      groupOf.set(wish.id, g);
    }
    const list = [...groups.values()];
    const results = await deps.criteria.screenPairs(list);
    const byGroup = new Map(list.map((g, i) => [g, results[i]!]));
    const out = new Map<number, Map<number, PairVerdict>>();
    for (const [wishId, g] of groupOf) out.set(wishId, byGroup.get(g)!);
    return out;
  }

  function itemOf(s: Suggestion, label: SheetLabel | undefined, verdict: PairVerdict | undefined, jurisdiction: Messages | undefined): SuggestionItem {
    return {
      sheet: label
        ? { id: label.id, reference: label.reference, kind: label.kind, title: label.title, ownerNameJa: label.ownerNameJa, ownerNameEn: label.ownerNameEn }
        : { id: s.id, reference: '', kind: 'company', title: '', ownerNameJa: '', ownerNameEn: '' },
      score: s.score,
      terms: s.terms.map((t) => ({ term: t.term, weight: t.weight, value: t.value, message: t.message })),
      barred: s.barred ? { message: s.barred, rules: verdict?.bars ?? [] } : null,
      cautions: [
        ...(!s.barred && verdict?.reviews.length ? [{ code: 'criteria_review' as const, message: verdict.message }] : []),
        ...(jurisdiction ? [{ code: 'licensing_jurisdiction' as const, message: jurisdiction }] : []),
      ],
    };
  }

  return {
    sheetIndex: index,
    screenWishPairs,

    async suggestionsFor(ctx: RequestContext, id: number, q: SuggestionQuery): Promise<SuggestionList> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('unauthenticated');
      const today = deps.clock.today();
      const row = await repo.sheet(id);
      if (!row) throw new AppError('not_found');
      if (!policy.suggestFor(actor, row)) throw new AppError(policy.publiclyVisible(row, today) ? 'forbidden' : 'not_found');
      const target = compactSheet(row);
      if (!target) throw new AppError('conflict', { subcode: 'suggestions.sheet_unreadable', messages: { ja: 'このシートの内容を読み取れません。', en: 'This sheet’s content cannot be read.' } });

      const params = suggestParams(today);
      const snapshot = await index.current();
      const tables = snapshot.tables();
      const todayN = todayNumber(today);
      const limit = q.limit;

      // The other sheets' rows (ids, scores) and, for each, which pair it forms; then the best
      // `limit` open rows and every barred row.
      let ids: Float64Array;
      let scores: Float64Array;
      let pairAt: (row: number) => { organisationId: number; companyId: number };
      let plannedStart: string;
      let direction: SuggestionList['direction'];
      let verdictAt: (row: number) => PairVerdict | undefined;

      if (target.kind === 'company') {
        const sheet = target as IndexedCompanySheet;
        direction = sheet.hosts.length && sheet.sends.length ? 'both' : sheet.hosts.length ? 'dispatch' : 'hire';
        plannedStart = plannedExchange({ start: sheet.start, periodMonths: sheet.periodMonths }, today).plannedStart;
        const parts = [
          ...(sheet.hosts.length ? tables.dispatch.map((wishes) => ({ side: companyTable([sheet], 'hosts'), wishes, dir: 'dispatch' as const })) : []),
          ...(sheet.sends.length ? tables.hire.map((wishes) => ({ side: companyTable([sheet], 'sends'), wishes, dir: 'hire' as const })) : []),
        ];
        const scored = parts.map((x) => scoreSheetAgainst(x.side, 0, x.wishes, params, todayN));
        ids = concat(parts.map((x) => x.wishes.ids));
        scores = concat(scored);
        const organisationIds = concat(parts.map((x) => x.wishes.organisationIds));
        pairAt = (row) => ({ organisationId: organisationIds[row]!, companyId: sheet.companyId });
        // One screening per (organisation, direction, planned exchange): rows are grouped by
        // numbers (each table lists its few distinct start windows and periods), not per wish.
        type Group = { organisationId: number; direction: 'dispatch' | 'hire'; plannedStart: string; plannedEnd: string; companyIds: number[] };
        const groups: Group[] = [];
        const groupIndex = new Map<number, number>();
        const rowGroup = new Int32Array(ids.length).fill(-1);
        const plannedKeys = new Map<string, number>();
        let offset = 0;
        parts.forEach((x, part) => {
          const plannedOf = x.wishes.windows.map((w) => {
            const p = plannedExchange({ start: { from: w.from }, periodMonths: { min: w.min } }, today);
            const k = `${p.plannedStart}|${p.plannedEnd}`;
            let n = plannedKeys.get(k);
            if (n === undefined) plannedKeys.set(k, (n = plannedKeys.size));
            return { ...p, n };
          });
          const sc = scored[part]!;
          for (let r = 0; r < x.wishes.n; r++) {
            if (sc[r] !== sc[r]) continue;
            const p = plannedOf[x.wishes.window[r]!]!;
            const org = x.wishes.organisationIds[r]!;
            const key = (org * 8192 + p.n) * 2 + (x.dir === 'dispatch' ? 0 : 1);
            let g = groupIndex.get(key);
            if (g === undefined) {
              groupIndex.set(key, (g = groups.length));
              groups.push({ organisationId: org, direction: x.dir, plannedStart: p.plannedStart, plannedEnd: p.plannedEnd, companyIds: [sheet.companyId] });
            }
            rowGroup[offset + r] = g;
          }
          offset += x.wishes.n;
        });
        const verdicts = groups.length ? await deps.criteria.screenPairs(groups) : [];
        verdictAt = (row) => (rowGroup[row]! >= 0 ? verdicts[rowGroup[row]!]!.get(sheet.companyId) : undefined);
      } else {
        const wish = target as IndexedMinistryWish;
        direction = directionOf(wish.kind);
        plannedStart = plannedExchange(wish, today).plannedStart;
        const side = wish.kind === 'ministry_dispatch' ? 'hosts' : 'sends';
        const parts = tables[side];
        ids = concat(parts.map((t) => t.ids));
        scores = concat(parts.map((t) => scoreWishAgainst(wish, t, params, todayN, id)));
        const companyIds = concat(parts.map((t) => t.companyIds));
        pairAt = (row) => ({ organisationId: wish.organisationId, companyId: companyIds[row]! });
        const verdicts = (await screenWishPairs([{ wish, companyIds: snapshot.openCompanies(side, todayN) }], today)).get(wish.id)!;
        verdictAt = (row) => (verdicts.size ? verdicts.get(companyIds[row]!) : undefined);
      }

      let candidates = 0;
      for (let row = 0; row < scores.length; row++) if (scores[row] === scores[row]) candidates++;
      const picked = selectRows(ids, scores, (row) => (verdictAt(row)?.bars.length ?? 0) > 0, limit);
      const listedRows = [...picked.top, ...picked.barred].filter((row) => snapshot.get(ids[row]!) !== undefined);
      const pairs = listedRows.map(pairAt);
      const listedIds = listedRows.map((row) => ids[row]!);
      const labels = await repo.labels([...listedIds, id]);
      const cautions = pairs.length
        ? await deps.criteria.pairCautions({
            organisationIds: [...new Set(pairs.map((p) => p.organisationId))],
            companyIds: [...new Set(pairs.map((p) => p.companyId))],
            asOf: plannedStart,
          })
        : new Map();
      const items = listedRows.map((row, k) => {
        const other = snapshot.get(ids[row]!)!;
        const explained = other.kind === 'company' ? scorePair(target as MinistryWish, other, params) : scorePair(other, target as CompanySheet, params);
        const verdict = verdictAt(row);
        const p = pairs[k]!;
        const suggestion: Suggestion = { id: ids[row]!, score: scores[row]!, terms: explained.terms, barred: verdict?.bars.length ? verdict.message : null };
        return itemOf(suggestion, labels.get(ids[row]!), verdict, cautions.get(cautionKey(p.organisationId, p.companyId))?.message);
      });
      const self = labels.get(id)!;
      const weights = params.used?.find((u) => u.id === 'suggest.weights');
      return {
        sheet: { id: self.id, reference: self.reference, kind: self.kind, title: self.title, ownerNameJa: self.ownerNameJa, ownerNameEn: self.ownerNameEn },
        direction,
        plannedStart,
        candidates,
        limit,
        items: items.filter((i) => !i.barred),
        barred: items.filter((i) => i.barred),
        weights: params.weights,
        weightsFrom: weights?.effectiveFrom ?? today,
      };
    },
  };
}

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
