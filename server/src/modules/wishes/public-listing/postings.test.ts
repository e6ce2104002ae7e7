// Posting-list operations of the in-process listing: table-driven cases, then random lists checked
// against a plain Set implementation.
import { describe, expect, it } from 'vitest';
import { Arena, concat, intersect, intersectAll, seek, union } from './postings.ts';
import { eachGram } from './public-index.ts';
import { gramsOf } from '../search/search.ts';

const cases: { a: number[]; b: number[]; both: number[]; either: number[] }[] = [
  { a: [], b: [], both: [], either: [] },
  { a: [1, 2, 3], b: [], both: [], either: [1, 2, 3] },
  { a: [1, 3, 5, 7], b: [3, 4, 5], both: [3, 5], either: [1, 3, 4, 5, 7] },
  { a: [0], b: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], both: [0], either: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  { a: [10], b: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], both: [10], either: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  { a: [2, 4, 1000], b: [1, 3, 999, 1001], both: [], either: [1, 2, 3, 4, 999, 1000, 1001] },
];

describe('posting lists', () => {
  it.each(cases)('intersect / union of $a and $b', ({ a, b, both, either }) => {
    expect([...intersect(Int32Array.from(a), b)]).toEqual(both);
    expect([...intersect(b, Int32Array.from(a))]).toEqual(both);
    expect([...union([a, Int32Array.from(b)])]).toEqual(either);
  });

  it('seek finds the first position not below the value', () => {
    const xs = [1, 4, 4, 9, 20];
    expect([0, 1, 2, 4, 5, 9, 10, 20, 21].map((v) => seek(xs, v, 0))).toEqual([0, 0, 1, 1, 3, 3, 4, 4, 5]);
    expect(seek(xs, 4, 2)).toBe(2);
  });

  it('intersectAll takes every list; none is no restriction; concat appends', () => {
    expect(intersectAll([])).toBeNull();
    expect([...intersectAll([[1, 2, 3, 4], [2, 4, 6], [2, 4]].map((l) => Int32Array.from(l)))!]).toEqual([2, 4]);
    expect([...concat(Int32Array.from([1, 5]), [7, 9])]).toEqual([1, 5, 7, 9]);
    expect([...concat(undefined, [7])]).toEqual([7]);
    expect([...concat(Int32Array.from([3]), undefined)]).toEqual([3]);
  });

  it('agrees with sets on random lists', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const list = (n: number, max: number) => [...new Set(Array.from({ length: n }, () => Math.floor(rand() * max)))].sort((x, y) => x - y);
    for (let round = 0; round < 200; round++) {
      const lists = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => list(Math.floor(rand() * 300), 1 + Math.floor(rand() * 2000)));
      const sets = lists.map((l) => new Set(l));
      const all = [...new Set(lists.flat())].sort((x, y) => x - y);
      expect([...intersectAll(lists.map((l) => Int32Array.from(l)))!]).toEqual(all.filter((v) => sets.every((s) => s.has(v))));
      expect([...union(lists)]).toEqual(all);
    }
  });

  it('gives the same lists in an arena (views of one reused buffer, kept valid while it grows)', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const list = (n: number, max: number) => [...new Set(Array.from({ length: n }, () => Math.floor(rand() * max)))].sort((x, y) => x - y);
    const arena = new Arena();
    for (let round = 0; round < 50; round++) {
      arena.reset();
      // Lists of up to 40,000 ids: several per round overflow the first buffer (65,536 ids).
      const lists = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => list(Math.floor(rand() * 40_000), 1 + Math.floor(rand() * 100_000)));
      const u = union(lists, arena);
      const both = intersectAll([u, ...lists.slice(1)], arena)!;
      const c = concat(Int32Array.from(lists[0]!), [1_000_000, 1_000_001], arena);
      const pair = intersect(lists[0]!, lists[1]!, arena);
      // Every view still holds its answer after the later ones were taken.
      expect([...u]).toEqual([...union(lists)]);
      expect([...both]).toEqual([...intersectAll([union(lists), ...lists.slice(1)])!]);
      expect([...c]).toEqual([...lists[0]!, 1_000_000, 1_000_001]);
      expect([...pair]).toEqual([...intersect(lists[0]!, lists[1]!)]);
    }
  });
});

describe('grams of the in-process index', () => {
  it.each(['', 'a', 'データ 分析', 'dx推進  ﾃﾞｰﾀ ab', '𠮷野家 の 牛丼', 'ジンジ コウリュウ'])('eachGram gives the grams of search.ts gramsOf: %s', (text) => {
    const seen = new Set<string>();
    eachGram(text, (g) => seen.add(g));
    expect([...seen].sort()).toEqual(gramsOf(text));
  });
});
