// The zod → fast-check builder: what it generates parses with the schema it came from.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validRate, zodArbitrary } from './zod-arbitrary.ts';
import { koryuOverrides } from './koryu-hints.ts';

describe('zodArbitrary', () => {
  it('covers the zod 4 node types with values the schema accepts', () => {
    const schema = z.strictObject({
      s: z.string().min(2).max(5),
      re: z.string().regex(/^[A-Z]{3}-\d{2}$/),
      email: z.email(),
      uuid: z.uuid(),
      date: z.iso.date(),
      dt: z.iso.datetime(),
      n: z.number().min(-1.5).max(2.5),
      i: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      e: z.enum(['a', 'b']),
      l: z.literal(7),
      o: z.string().max(3).optional(),
      nn: z.number().int().nullable(),
      d: z.boolean().default(true),
      arr: z.array(z.number().int().min(0).max(9)).min(2).max(3),
      rec: z.record(z.string().max(4), z.number().int()),
      enumRec: z.record(z.enum(['x', 'y']), z.boolean()),
      part: z.partialRecord(z.enum(['x', 'y']), z.boolean()),
      u: z.union([z.string().length(2), z.number().int()]),
      du: z.discriminatedUnion('k', [z.object({ k: z.literal('a'), a: z.string() }), z.object({ k: z.literal('b'), b: z.number() })]),
      tup: z.tuple([z.string(), z.number().int()]),
      t: z.string().max(5).transform((x) => x.length),
      pre: z.preprocess((x) => x, z.number().int().min(3).max(4)),
      coerced: z.coerce.number().int().min(1).max(10),
      refined: z.number().int().min(0).max(100).refine((x) => x % 2 === 0),
      lazy: z.lazy(() => z.string().max(2)),
      email2: z.string().trim().toLowerCase().max(254).pipe(z.email()),
      lit: z.coerce.number().int().pipe(z.union([z.literal(1), z.literal(3)])),
    });
    expect(validRate(schema, 300)).toBeGreaterThanOrEqual(0.97);
  });

  it('respects bounds: lengths, integer ranges beyond 32 bits, array sizes', () => {
    const big = z.number().int().min(2 ** 40).max(2 ** 41);
    const len = z.string().length(9);
    const arr = z.array(z.string()).length(3);
    fc.assert(fc.property(zodArbitrary(big), (v) => big.safeParse(v).success), { numRuns: 200 });
    fc.assert(fc.property(zodArbitrary(len), (v) => (v as string).length === 9), { numRuns: 200 });
    fc.assert(fc.property(zodArbitrary(arr), (v) => (v as unknown[]).length === 3), { numRuns: 200 });
  });

  it('puts the `text` strings into free-text fields only', () => {
    const schema = z.strictObject({ name: z.string().max(100), code: z.enum(['x']), date: z.iso.date(), note: z.string().max(4) });
    const probe = "' OR 1=1 --";
    for (const v of fc.sample(zodArbitrary(schema, { text: fc.constant(probe) }), 20) as Record<string, string>[]) {
      expect(v.name).toBe(probe);
      expect(v.note).toBe(probe.slice(0, 4));
      expect(v.code).toBe('x');
      expect(schema.safeParse(v).success).toBe(true);
    }
  });

  it("generates valid input for koryu's request schemas (common/src/schemas, a high valid rate)", async () => {
    const dir = path.resolve(import.meta.dirname, '../../../../common/src/schemas');
    const rates: Record<string, number> = {};
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.schema.ts'))) {
      const mod = (await import(path.join(dir, f))) as Record<string, unknown>;
      for (const [name, s] of Object.entries(mod)) {
        if (!s || typeof s !== 'object' || !('_zod' in s)) continue;
        if (!/(Input|Patch|Body|Create|Update|Request|Query|Params)Schema$/i.test(name)) continue;
        rates[`${f}:${name}`] = validRate(s as z.ZodType, 20, { overrides: koryuOverrides });
      }
    }
    const values = Object.values(rates);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    console.log(`zodArbitrary: ${values.length} request schemas, mean valid rate ${(mean * 100).toFixed(1)}%, lowest ${Math.min(...values).toFixed(2)}`);
    expect(values.length).toBeGreaterThan(100);
    expect(mean).toBeGreaterThanOrEqual(0.95);
    expect(Object.entries(rates).filter(([, r]) => r < 0.5)).toEqual([]);
  });
});
