// Posting lists of the in-process public listing (public-index.ts): ascending internal ids.
// Pure functions; their results are new arrays, or views of an Arena the caller passes and resets.

export type Posting = Int32Array | readonly number[];

/**
 * Scratch space for one query's intermediate lists. Allocating typed arrays of tens of thousands of
 * ids per query costs more than intersecting them once the heap is large (each new ArrayBuffer is
 * external memory the GC accounts for): a query takes views of one reused buffer instead, valid until
 * the arena is reset (at the start of the next query).
 */
export class Arena {
  private buf = new Int32Array(1 << 16);
  private used = 0;
  reset(): void {
    this.used = 0;
  }
  /** A view of n ids; earlier views stay valid (a full buffer is replaced, not reused, until reset). */
  take(n: number): Int32Array {
    if (this.used + n > this.buf.length) {
      this.buf = new Int32Array(Math.max(this.buf.length * 2, n * 2));
      this.used = 0;
    }
    const out = this.buf.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }
  /** Returns the unused tail of the last view taken (it had `unused` ids more than needed). */
  giveBack(unused: number): void {
    this.used -= unused;
  }
}

const alloc = (n: number, arena: Arena | undefined) => (arena ? arena.take(n) : new Int32Array(n));
const trimmed = (out: Int32Array, n: number, arena: Arena | undefined) => {
  arena?.giveBack(out.length - n);
  return out.subarray(0, n);
};

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

/** The ids in both lists (ascending). Merges lists of similar length; else walks the shorter list and gallops through the longer one. */
export function intersect(a: Posting, b: Posting, arena?: Arena): Int32Array {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = alloc(small.length, arena);
  let n = 0;
  let j = 0;
  if (large.length <= small.length * 4) {
    // Lists of similar length: a plain merge beats galloping.
    for (let i = 0; i < small.length && j < large.length; ) {
      const x = small[i]!;
      const y = large[j]!;
      if (x < y) i++;
      else if (y < x) j++;
      else {
        out[n++] = x;
        i++;
        j++;
      }
    }
    return trimmed(out, n, arena);
  }
  for (let i = 0; i < small.length && j < large.length; i++) {
    const v = small[i]!;
    j = seek(large, v, j);
    if (j < large.length && large[j] === v) out[n++] = v;
  }
  return trimmed(out, n, arena);
}

/** The ids in every list; the lists are taken shortest first. No list: null (no restriction). */
export function intersectAll(lists: readonly Posting[], arena?: Arena): Int32Array | null {
  if (!lists.length) return null;
  const sorted = [...lists].sort((x, y) => x.length - y.length);
  const first = sorted[0]!;
  let acc: Int32Array;
  if (arena) acc = first instanceof Int32Array ? first : Int32Array.from(first); // read only: no copy needed
  else acc = first instanceof Int32Array ? first.slice() : Int32Array.from(first);
  for (let i = 1; i < sorted.length && acc.length; i++) acc = intersect(acc, sorted[i]!, arena);
  return acc;
}

/** The ids in either of two lists (ascending, distinct): a merge. */
function merge(a: Posting, b: Posting, arena: Arena | undefined): Int32Array {
  const out = alloc(a.length + b.length, arena);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return trimmed(out, n, arena);
}

/** The ids in any list (ascending, distinct). */
export function union(lists: readonly Posting[], arena?: Arena): Int32Array {
  let acc: Int32Array = new Int32Array(0);
  for (const l of lists) acc = merge(acc, l, arena);
  return acc;
}

/** A list of appended ids kept apart from the (immutable) base list: both ascending, the extra ones all larger. */
export function concat(base: Posting | undefined, extra: readonly number[] | undefined, arena?: Arena): Posting {
  if (!extra || !extra.length) return base ?? [];
  if (!base || !base.length) return extra;
  const out = alloc(base.length + extra.length, arena);
  out.set(base);
  out.set(extra, base.length);
  return out;
}
