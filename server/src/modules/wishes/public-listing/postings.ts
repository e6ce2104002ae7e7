// Posting lists of the in-process public listing (public-index.ts): ascending internal ids.
// Pure functions, no state.

export type Posting = Int32Array | readonly number[];

/** The first position in `xs` (ascending) from `lo` whose value is ≥ `v` (galloping, then binary search). */
export function seek(xs: Posting, v: number, lo: number): number {
  let step = 1;
  let hi = lo;
  while (hi < xs.length && xs[hi]! < v) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > xs.length) hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ids in both lists (ascending). Walks the shorter list and gallops through the longer one. */
export function intersect(a: Posting, b: Posting): Int32Array {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Int32Array(small.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < small.length && j < large.length; i++) {
    const v = small[i]!;
    j = seek(large, v, j);
    if (j < large.length && large[j] === v) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** The ids in every list; the lists are taken shortest first. No list: null (no restriction). */
export function intersectAll(lists: readonly Posting[]): Int32Array | null {
  if (!lists.length) return null;
  const sorted = [...lists].sort((x, y) => x.length - y.length);
  const first = sorted[0]!;
  let acc: Int32Array = first instanceof Int32Array ? first.slice() : Int32Array.from(first);
  for (let i = 1; i < sorted.length && acc.length; i++) acc = intersect(acc, sorted[i]!);
  return acc;
}

/** The ids in either of two lists (ascending, distinct): a merge. */
function merge(a: Posting, b: Posting): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (n === 0 || out[n - 1] !== v) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** The ids in any list (ascending, distinct). */
export function union(lists: readonly Posting[]): Int32Array {
  let acc: Int32Array = new Int32Array(0);
  for (const l of lists) acc = merge(acc, l);
  return acc;
}

/** A list of appended ids kept apart from the (immutable) base list: both ascending, the extra ones all larger. */
export function concat(base: Posting | undefined, extra: readonly number[] | undefined): Posting {
  if (!extra || !extra.length) return base ?? [];
  if (!base || !base.length) return extra;
  const out = new Int32Array(base.length + extra.length);
  out.set(base);
  out.set(extra, base.length);
  return out;
}
