import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCapacity, missedMessage, participationRefusal, rankingIssues, rankingOpen, type RoundDirection, type SheetKind, type Side } from './matching.rules.ts';

type Cases = {
  participation: { id: string; sheet: { kind: SheetKind; status: string; expiresOn: string | null; body: unknown }; direction: RoundDirection; refusal: string | null; capacity: number }[];
  rankingOpen: { id: string; round: { status: string; rankingClosesOn: string | null }; open: boolean }[];
  rankings: { participants: Record<string, Side>; cases: { id: string; maxRanks: number; ownSide: Side; ranked: number[]; issues: { path: string; code: string }[] }[] };
};
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'matching.rules.cases.json'), 'utf8')) as Cases;
const today = '2026-12-01';

describe('who may take part, with what capacity', () => {
  it.each(data.participation)('$id', ({ sheet, direction, refusal, capacity }) => {
    const r = participationRefusal(sheet, direction, today);
    expect(r?.code ?? null).toBe(refusal);
    if (r) expect(r.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(defaultCapacity(sheet, direction)).toBe(capacity);
  });
});

describe('rankings open', () => {
  it.each(data.rankingOpen)('$id', ({ round, open }) => expect(rankingOpen(round, today)).toBe(open));
});

describe('a submitted ranking', () => {
  const participants = new Map(Object.entries(data.rankings.participants).map(([k, v]) => [Number(k), v]));
  it.each(data.rankings.cases)('$id', ({ maxRanks, ownSide, ranked, issues }) => {
    const got = rankingIssues({ maxRanks, ownSide, ranked, participants });
    expect(got.map(({ path, code }) => ({ path, code }))).toEqual(issues);
    for (const i of got) {
      expect(i.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(i.message.en).not.toBe('');
    }
  });
});

describe('what a participant is told about a missed partner', () => {
  it.each(['not_mutual', 'barred', 'partner_held_better', 'own_capacity_filled'])('%s names nobody else', (code) => {
    const m = missedMessage(code, { ja: '契約関係', en: 'contracts' });
    expect(m.ja).not.toMatch(/WS-/);
    expect(m.en).not.toMatch(/WS-/);
    if (code === 'barred') expect(m.ja).toContain('契約関係');
  });
});
