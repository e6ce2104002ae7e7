// The search normalisation (ADR 008) as data: folding, grams and whether a query finds a text,
// with the same rule the SQL applies (grams contained, then the substring).
import { describe, expect, it } from 'vitest';
import cases from './search.cases.json' with { type: 'json' };
import { compileDictionary, fold, gramsOf, matchesQuery, queryTerms, searchTextOf, wordGrams } from './search.ts';

describe('fold', () => {
  it.each(cases.fold)('$in → $out ($why)', ({ in: input, out }) => {
    expect(fold(input)).toBe(out);
  });
});

describe('grams', () => {
  it.each(cases.grams)('$text', ({ text, grams }) => {
    expect(gramsOf(text)).toEqual([...grams].sort());
  });
  it('a one-character word is its own gram; longer words are bigrams only', () => {
    expect(wordGrams('析')).toEqual(['析']);
    expect(wordGrams('データ')).toEqual(['デー', 'ータ']);
  });
});

describe('query matching', () => {
  it.each(cases.match)('$query in "$text": $match', ({ text, query, match }) => {
    const st = searchTextOf([text]);
    expect(matchesQuery(st, new Set(gramsOf(st)), queryTerms(query))).toBe(match);
  });
});

describe('query terms', () => {
  it('drops terms contained in another and keeps at most eight', () => {
    expect(queryTerms('データ データ分析').map((t) => t.term)).toEqual(['データ分析']);
    expect(queryTerms('a1 b2 c3 d4 e5 f6 g7 h8 i9 j0')).toHaveLength(8);
  });
  it('adds the reading of a dictionary word as an alternative', () => {
    expect(queryTerms('人事')[0]!.alternatives.map((a) => a.text)).toEqual(['人事', 'ジンジ']);
    expect(queryTerms('じんじ')[0]!.alternatives.map((a) => a.text)).toEqual(['ジンジ']);
  });
});

describe('the dictionary', () => {
  it('folds its own keys and readings, and ignores entries NFKC already covers', () => {
    const d = compileDictionary({ variants: { 'Ａ': 'a', '髙': '高' }, readings: { 'じんじ': 'ジンジ', '人事': 'じんじ' } });
    expect([...d.variants.keys()]).toEqual(['髙']);
    expect([...d.readingOf.entries()]).toEqual([['人事', 'ジンジ']]);
    expect(searchTextOf(['人事課'], d)).toBe('人事課 ジンジ');
  });
});
