// Rules of a matching round (マッチングラウンド) that are not the algorithm itself: which sheets may
// take part, their default capacity, whether rankings are open, what a submitted ranking may hold.
// Pure; every refusal is a value with ja/en messages. The cases are in matching.rules.cases.json.
import type { FieldIssue, Messages } from '../../platform/errors.ts';

export type RoundDirection = 'dispatch' | 'hire';
export type Side = 'ministry' | 'company';
export type SheetKind = 'ministry_dispatch' | 'ministry_hire' | 'company';

export const sideOfKind = (kind: SheetKind): Side => (kind === 'company' ? 'company' : 'ministry');

type Body = { hosts?: unknown[]; sends?: unknown[]; headcount?: number };
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** Why a sheet cannot join a round of this direction (null: it can). */
export function participationRefusal(
  sheet: { kind: SheetKind; status: string; expiresOn: string | null; body: unknown },
  direction: RoundDirection,
  today: string,
): { code: string; message: Messages } | null {
  if (sheet.status !== 'published' || (sheet.expiresOn !== null && sheet.expiresOn < today)) {
    return { code: 'matching.sheet_not_published', message: { ja: '公開中（掲載期限内）のシートだけが参加できます。', en: 'Only published sheets within their listing period can take part.' } };
  }
  const b = (sheet.body ?? {}) as Body;
  const fits =
    sheet.kind === 'company'
      ? direction === 'dispatch'
        ? count(b.hosts) > 0
        : count(b.sends) > 0
      : sheet.kind === (direction === 'dispatch' ? 'ministry_dispatch' : 'ministry_hire');
  if (!fits) {
    return direction === 'dispatch'
      ? { code: 'matching.sheet_direction', message: { ja: '交流派遣のラウンドには、府省等の交流派遣希望と、受入れ可能な部署を載せた企業等のシートが参加できます。', en: 'A dispatch round takes ministries’ dispatch wishes and company sheets with places to host officials.' } }
      : { code: 'matching.sheet_direction', message: { ja: '交流採用のラウンドには、府省等の交流採用希望と、送り出す人材を載せた企業等のシートが参加できます。', en: 'A hire round takes ministries’ hire wishes and company sheets with people to send.' } };
  }
  return null;
}

/** Capacity when a sheet joins: the ministry's headcount; the company's places (dispatch) or people (hire). Editable after. */
export function defaultCapacity(sheet: { kind: SheetKind; body: unknown }, direction: RoundDirection): number {
  const b = (sheet.body ?? {}) as Body;
  const n = sheet.kind === 'company' ? count(direction === 'dispatch' ? b.hosts : b.sends) : typeof b.headcount === 'number' ? b.headcount : 1;
  return Math.min(100, Math.max(1, Math.floor(n)));
}

/** Rankings may change while the round is collecting them and the close date has not passed. */
export const rankingOpen = (round: { status: string; rankingClosesOn: string | null }, today: string): boolean =>
  round.status === 'ranking' && (round.rankingClosesOn === null || today <= round.rankingClosesOn);

/**
 * A participant's ranking: at most N entries, each a participant of the other side, none twice.
 * Returns every problem (paths `rankedSheetIds` / `rankedSheetIds.i`).
 */
export function rankingIssues(a: { maxRanks: number; ownSide: Side; ranked: readonly number[]; participants: ReadonlyMap<number, Side> }): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (a.ranked.length > a.maxRanks) {
    out.push({
      path: 'rankedSheetIds',
      code: 'matching.ranking_too_long',
      message: { ja: `希望順位は${a.maxRanks}件までです（${a.ranked.length}件あります）。`, en: `At most ${a.maxRanks} sheets may be ranked (there are ${a.ranked.length}).` },
    });
  }
  const seen = new Set<number>();
  a.ranked.forEach((id, i) => {
    const path = `rankedSheetIds.${i}`;
    if (seen.has(id)) {
      out.push({ path, code: 'matching.ranking_duplicate', message: { ja: `${i + 1}番目のシートは既に順位に入っています。`, en: `Entry ${i + 1} is already in the ranking.` } });
      return;
    }
    seen.add(id);
    const side = a.participants.get(id);
    if (side === undefined) {
      out.push({ path, code: 'matching.ranking_not_participant', message: { ja: `${i + 1}番目のシートはこのラウンドに参加していません。`, en: `Entry ${i + 1} is not a sheet in this round.` } });
    } else if (side === a.ownSide) {
      out.push({
        path,
        code: 'matching.ranking_own_side',
        message:
          a.ownSide === 'ministry'
            ? { ja: `${i + 1}番目は府省等のシートです。順位を付けられるのは企業等のシートです。`, en: `Entry ${i + 1} is a ministry’s sheet; rank companies’ sheets.` }
            : { ja: `${i + 1}番目は企業等のシートです。順位を付けられるのは府省等のシートです。`, en: `Entry ${i + 1} is a company’s sheet; rank ministries’ sheets.` },
      });
    }
  });
  return out;
}

/** What a participant is told about its best-ranked partner not obtained — without naming anyone else. */
export function missedMessage(code: string, reason?: Messages): Messages {
  switch (code) {
    case 'not_mutual':
      return { ja: '相手方があなたのシートを希望順位に挙げていませんでした。', en: 'The other side did not rank your sheet.' };
    case 'barred':
      return reason
        ? { ja: `交流基準により対象外の組合せでした：${reason.ja}`, en: `The exchange criteria bar this pair: ${reason.en}` }
        : { ja: '交流基準により対象外の組合せでした。', en: 'The exchange criteria bar this pair.' };
    case 'partner_held_better':
      return { ja: '相手方の受入・派遣可能数が、相手方がより上位に挙げた参加者で埋まりました。', en: 'The other side’s capacity was filled by participants it ranked higher.' };
    default:
      return { ja: 'より上位に挙げた相手で受入・派遣可能数が埋まりました。', en: 'Your capacity was filled by partners you ranked higher.' };
  }
}
