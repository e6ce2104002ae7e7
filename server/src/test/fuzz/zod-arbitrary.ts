// zod 4 schema → fast-check arbitrary, for fuzzing the API with inputs its own request schemas
// accept. Walks `schema._zod.def`: objects (optional keys from `_zod.optin`), strings with
// length / regex / email / uuid / url / ISO date-time formats, numbers and integers with bounds,
// enums, literals, unions (also discriminated), arrays and tuples with bounds, records (enum keys
// exhaustive), optional / nullable / default / readonly / catch, lazy, intersections, and pipes.
// Refinements (`.refine`, `.superRefine`) and transforms cannot be inverted: a node carrying custom
// checks is generated a few times and the first candidate the node accepts is kept (best effort).
import fc from 'fast-check';
import type { z } from 'zod';

type AnyDef = { type: string; [k: string]: unknown };
type Node = { _zod: { def: AnyDef; optin?: string }; safeParse(v: unknown): { success: boolean } };
type Check = { _zod?: { def: AnyDef }; def?: AnyDef };

export type ZodArbitraryOptions = {
  /** Replaces free-text strings (no regex / format / enum): e.g. injection probes. Cut or padded to the field's length bounds. */
  text?: fc.Arbitrary<string>;
  /** Longest generated free-text string when the schema allows more (default 40). */
  maxTextLength?: number;
  /** Longest generated array when the schema allows more (default 4). */
  maxArrayLength?: number;
  /** Candidates tried for a node with refinements (default 8; 16 for strings). */
  retries?: number;
  /** Depth after which optional keys are left out and lazy schemas stop (default 6). */
  maxDepth?: number;
  /** Arbitraries for schemas whose refinements random data rarely passes (e.g. a check digit), matched by identity. */
  overrides?: ReadonlyMap<unknown, fc.Arbitrary<unknown>>;
};

const defOf = (s: unknown): AnyDef => (s as Node)._zod.def;
const checkDef = (c: Check): AnyDef => (c._zod?.def ?? c.def ?? {}) as AnyDef;
const checksOf = (def: AnyDef): AnyDef[] => ((def.checks as Check[] | undefined) ?? []).map(checkDef);

/** Picks, of `k` candidates, the first the predicate accepts (else the first): a bounded filter that never loops. */
export function bounded<T>(arb: fc.Arbitrary<T>, ok: (v: T) => boolean, k: number): fc.Arbitrary<T> {
  // (fc.infiniteStream would draw lazily, but sibling streams clone one random state and repeat each other.)
  return k <= 1 ? arb : fc.array(arb, { minLength: k, maxLength: k }).map((xs) => xs.find(ok) ?? xs[0]!);
}

const jsonLeaf = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
const ISO_DATE_LIKE = /\\d\{4\}-\\d\{2\}-\\d\{2\}|\\d\{4\}-\(/;


const realInstant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });
const dateShapes: ((d: Date) => string)[] = [
  (d) => d.toISOString().slice(0, 10),
  (d) => d.toISOString().slice(0, 16),
  (d) => d.toISOString().slice(0, 19),
  (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  (d) => d.toISOString(),
  (d) => `${d.toISOString().slice(0, 19)}+09:00`,
  (d) => d.toISOString().slice(0, 7),
  (d) => d.toISOString().slice(0, 4),
];

// What zod's e-mail pattern takes (fc.emailAddress() is RFC-wide, zod is stricter); an apostrophe sometimes.
const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9_'+.-]{0,12}[a-z0-9_+-]$/), fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('jp', 'go.jp', 'co.jp', 'com', 'example'))
  .map(([l, d, t]) => `${l.replace(/\.{2,}/g, '.').replace(/\.(?=[^.]*$)/, '_')}@${d}.${t}`);

const textUnit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 -_.') },
  { weight: 3, arbitrary: fc.constantFrom(...'あいうえおアイウエオ山田花子経済産業省株式会社交流人事') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

function fitLength(s: string, min: number, max: number): string {
  let out = s.length > max ? s.slice(0, max) : s;
  // Never cut a surrogate pair in half (the cut would itself be malformed text).
  if (out.length && /[\uD800-\uDBFF]$/.test(out) && s.length > out.length) out = out.slice(0, -1);
  if (out.length < min) out = out + 'x'.repeat(min - out.length);
  return out;
}

function stringArb(node: Node, def: AnyDef, o: { maxTextLength: number; retries: number; text?: fc.Arbitrary<string> | undefined }): fc.Arbitrary<string> {
  let min = 0;
  let max = Infinity;
  const patterns: RegExp[] = [];
  let format: string | undefined = typeof def.format === 'string' ? def.format : undefined;
  if (def.pattern instanceof RegExp && format !== 'regex') patterns.push(def.pattern);
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    else if (c.check === 'length_equals') min = max = c.length as number;
    else if (c.check === 'string_format') {
      if (c.format && c.format !== 'regex' && !format) format = c.format as string;
      if (c.pattern instanceof RegExp) patterns.push(c.pattern);
    }
  }
  let arb: fc.Arbitrary<string>;
  if (format === 'email') arb = emailArb;
  else if (format === 'uuid' || format === 'guid') arb = fc.uuid();
  else if (format === 'url') arb = fc.webUrl();
  else if (format === 'date') arb = realInstant.map(dateShapes[0]!);
  else if (format === 'datetime') arb = realInstant.map(dateShapes[3]!);
  else if (patterns.length) {
    const p = patterns[0]!;
    let matching: fc.Arbitrary<string>;
    try {
      matching = fc.stringMatching(p);
    } catch {
      matching = fc.string({ minLength: min, maxLength: Math.min(max, min + o.maxTextLength) });
    }
    // A date written as a bare regex: mostly real dates / times, sometimes anything the regex admits.
    const dated = ISO_DATE_LIKE.test(p.source) ? dateShapes.filter((f) => p.test(f(new Date('2024-04-01T09:30:00Z')))) : [];
    arb = dated.length
      ? fc.oneof({ weight: 4, arbitrary: fc.tuple(realInstant, fc.constantFrom(...dated)).map(([d, f]) => f(d)) }, { weight: 1, arbitrary: matching })
      : matching;
    if (Number.isFinite(max) || min > 0) arb = arb.map((s) => (s.length > max ? s.slice(0, max) : s));
  } else if (o.text) {
    arb = o.text.map((s) => fitLength(s, min, max));
  } else {
    const hi = Math.min(max, Math.max(min, 0) + o.maxTextLength);
    arb = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: textUnit, minLength: min, maxLength: hi }).map((t) => fitLength(t, min, max)) },
      // Boundaries: exactly the shortest and the longest the schema takes.
      { weight: 1, arbitrary: fc.constant(min).map((n) => 'a'.repeat(n)) },
      { weight: 1, arbitrary: fc.constant(Number.isFinite(max) ? max : hi).map((n) => 'あ'.repeat(n)) },
    );
  }
  const strict = patterns.length > 0 || checksOf(def).some((c) => c.check === 'custom' || c.type === 'custom');
  return bounded(arb, (v) => node.safeParse(v).success, strict ? Math.max(o.retries, 16) : 3);
}

function numberArb(def: AnyDef): fc.Arbitrary<number> {
  let min = -Number.MAX_VALUE;
  let max = Number.MAX_VALUE;
  let minEx = false;
  let maxEx = false;
  let int = false;
  let step: number | undefined;
  const fmt = (f: unknown) => {
    if (f === 'safeint') {
      int = true;
      min = Math.max(min, Number.MIN_SAFE_INTEGER);
      max = Math.min(max, Number.MAX_SAFE_INTEGER);
    } else if (f === 'int32') {
      int = true;
      min = Math.max(min, -(2 ** 31));
      max = Math.min(max, 2 ** 31 - 1);
    } else if (f === 'uint32') {
      int = true;
      min = Math.max(min, 0);
      max = Math.min(max, 2 ** 32 - 1);
    }
  };
  fmt(def.format);
  for (const c of checksOf(def)) {
    if (c.check === 'number_format') fmt(c.format);
    else if (c.check === 'greater_than' && (c.value as number) >= min) {
      min = c.value as number;
      minEx = !c.inclusive;
    } else if (c.check === 'less_than' && (c.value as number) <= max) {
      max = c.value as number;
      maxEx = !c.inclusive;
    } else if (c.check === 'multiple_of') step = c.value as number;
  }
  let arb: fc.Arbitrary<number>;
  if (int) {
    const lo = Math.ceil(minEx ? min + 1 : min);
    const hi = Math.floor(maxEx ? max - 1 : max);
    const big = fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number);
    // Small values (ids of rows that exist, counts, years) are the interesting ones; the extremes too.
    const near = fc.integer({ min: 0, max: 50 }).map((d) => Math.min(hi, Math.max(lo, lo <= 1 && hi >= 1 ? 1 + d : lo + d)));
    arb = fc.oneof({ weight: 4, arbitrary: near }, { weight: 2, arbitrary: big }, { weight: 1, arbitrary: fc.constantFrom(lo, hi) });
  } else {
    arb = fc.double({ min, max, minExcluded: minEx, maxExcluded: maxEx, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
  }
  if (step) arb = arb.map((v) => Math.round(v / step!) * step!);
  return arb;
}

export function zodArbitrary(schema: z.ZodType | unknown, options: ZodArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const o = { maxTextLength: 40, maxArrayLength: 4, retries: 8, maxDepth: 6, overrides: new Map(), ...options };
  const build = (s: unknown, depth: number): fc.Arbitrary<unknown> => {
    const override = o.overrides.get(s);
    if (override) return override;
    const node = s as Node;
    const def = defOf(node);
    const customChecks = checksOf(def).some((c) => c.check === 'custom' || c.type === 'custom');
    const refined = (arb: fc.Arbitrary<unknown>) => (customChecks ? bounded(arb, (v) => node.safeParse(v).success, o.retries) : arb);
    switch (def.type) {
      case 'string':
        return stringArb(node, def, o);
      case 'number':
        return refined(numberArb(def));
      case 'int':
        return refined(numberArb({ ...def, format: 'safeint' }));
      case 'bigint':
        return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
      case 'boolean':
        return fc.boolean();
      case 'date':
        return fc.date({ noInvalidDate: true });
      case 'null':
        return fc.constant(null);
      case 'undefined':
      case 'void':
      case 'never':
        return fc.constant(undefined);
      case 'nan':
        return fc.constant(Number.NaN);
      case 'any':
      case 'unknown':
        return fc.oneof(jsonLeaf, fc.dictionary(fc.string({ maxLength: 6 }), jsonLeaf, { maxKeys: 3 }));
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
      case 'optional':
        return fc.option(build(def.innerType, depth), { nil: undefined, freq: 4 });
      case 'nullable':
        return fc.option(build(def.innerType, depth), { nil: null, freq: 4 });
      case 'default':
      case 'prefault':
        return fc.option(build(def.innerType, depth), { nil: undefined, freq: 4 });
      case 'readonly':
      case 'catch':
      case 'nonoptional':
      case 'success':
        return refined(build(def.innerType, depth));
      case 'lazy':
        return depth > o.maxDepth ? fc.constant(undefined) : build((def.getter as () => unknown)(), depth + 1);
      case 'pipe': {
        // z.preprocess(fn, schema) is pipe(transform, schema): generate what the schema takes.
        // schema.transform(fn) and a.pipe(b) generate what `a` takes.
        // Nested pipes are followed to their source and filtered once, against the outermost.
        let from: unknown = node;
        while (defOf(from).type === 'pipe') {
          const d = defOf(from);
          const formatted = (x: unknown) => defOf(x).type === 'string' && (defOf(x).format !== undefined || checksOf(defOf(x)).some((c) => c.check === 'string_format'));
          // string.trim().pipe(z.email()): the output side says what the text must look like.
          from = defOf(d.in).type === 'transform' || (defOf(d.in).type === 'string' && formatted(d.out)) || ['literal', 'enum', 'union'].includes(defOf(d.out).type) ? d.out : d.in;
        }
        // A string source already filters itself: a second full round here would multiply the draws.
        return bounded(build(from, depth), (v) => node.safeParse(v).success, defOf(from).type === 'string' ? 3 : o.retries);
      }
      case 'transform':
        return jsonLeaf;
      case 'array': {
        let min = 0;
        let max = Infinity;
        for (const c of checksOf(def)) {
          if (c.check === 'min_length') min = c.minimum as number;
          else if (c.check === 'max_length') max = c.maximum as number;
          else if (c.check === 'length_equals') min = max = c.length as number;
        }
        const hi = Math.min(max, min + (depth > o.maxDepth ? 0 : o.maxArrayLength));
        return refined(fc.array(build(def.element, depth + 1), { minLength: min, maxLength: hi }));
      }
      case 'tuple': {
        const items = (def.items as unknown[]).map((i) => build(i, depth + 1));
        const rest = def.rest ? fc.array(build(def.rest, depth + 1), { maxLength: 2 }) : fc.constant([] as unknown[]);
        return refined(fc.tuple(fc.tuple(...items), rest).map(([a, b]) => [...a, ...b]));
      }
      case 'object': {
        const shape = def.shape as Record<string, Node>;
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        const required: string[] = [];
        for (const [k, v] of Object.entries(shape)) {
          // (z.preprocess reports optin 'optional' yet refuses undefined.)
          const optional = v._zod.optin === 'optional' && v.safeParse(undefined).success;
          if (optional && depth > o.maxDepth) continue;
          model[k] = build(v, depth + 1);
          if (!optional) required.push(k);
        }
        const arb = fc.record(model, { requiredKeys: required }).map((r) => {
          // fc.option may put `undefined` on a present key; JSON would drop it anyway.
          for (const k of Object.keys(r)) if ((r as Record<string, unknown>)[k] === undefined) delete (r as Record<string, unknown>)[k];
          return r;
        });
        return customChecks ? bounded(arb, (v) => node.safeParse(v).success, Math.min(o.retries, 4)) : arb;
      }
      case 'record': {
        const keyDef = defOf(def.keyType);
        const value = build(def.valueType, depth + 1);
        const keys =
          keyDef.type === 'enum'
            ? Object.values(keyDef.entries as Record<string, string>)
            : keyDef.type === 'literal'
              ? (keyDef.values as string[])
              : null;
        if (keys) {
          // z.record(enum, v) needs every key; z.partialRecord(enum, v) takes any subset.
          const partial = def.partial === true || def.mode === 'loose';
          const model = Object.fromEntries(keys.map((k) => [String(k), value]));
          return refined(fc.record(model, partial ? { requiredKeys: [] } : {}));
        }
        return refined(fc.dictionary(build(def.keyType, depth + 1) as fc.Arbitrary<string>, value, { maxKeys: 4 }));
      }
      case 'union': {
        const options = (def.options as unknown[]).map((x) => build(x, depth + 1));
        return refined(fc.oneof(...options));
      }
      case 'intersection':
        return refined(
          fc.tuple(build(def.left, depth + 1), build(def.right, depth + 1)).map(([a, b]) =>
            a && b && typeof a === 'object' && typeof b === 'object' ? { ...(a as object), ...(b as object) } : a,
          ),
        );
      case 'template_literal': {
        const p = (node as unknown as { _zod: { pattern?: RegExp } })._zod.pattern;
        return p ? fc.stringMatching(p) : fc.string();
      }
      default:
        // custom, instanceof, file, promise, function, symbol, map, set: nothing JSON can carry well.
        return refined(jsonLeaf);
    }
  };
  return build(schema, 0);
}

/** The share of `n` generated values that `schema` accepts. */
export function validRate(schema: z.ZodType, n: number, options?: ZodArbitraryOptions, seed = 1): number {
  const values = fc.sample(zodArbitrary(schema, options), { numRuns: n, seed });
  return values.filter((v) => schema.safeParse(v).success).length / n;
}
