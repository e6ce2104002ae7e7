// Legal parameters as data (OpenFisca style): one JSON file per parameter under ./parameters,
// values keyed by the date they take effect, each value with its citation.
// `resolve(id, asOf)` returns the value in force on a date and fails loudly when none applies.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { citationSchema, type Citation, type Parameter } from '../../../../common/src/schemas/criteria.schema.ts';

const fileSchema = z.strictObject({
  id: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  name: z.strictObject({ ja: z.string().min(1), en: z.string().min(1) }),
  description: z.strictObject({ ja: z.string().min(1), en: z.string().min(1) }).optional(),
  unit: z.string().min(1),
  values: z
    .array(
      z.strictObject({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        value: z.unknown(),
        citation: citationSchema.strict(),
      }),
    )
    .min(1),
});

export type ResolvedParameter<T = unknown> = { id: string; value: T; effectiveFrom: string; citation: Citation };

export class ParameterNotInForce extends Error {
  constructor(
    readonly id: string,
    readonly asOf: string,
  ) {
    super(`criteria parameter ${id} has no value in force on ${asOf}`);
    this.name = 'ParameterNotInForce';
  }
}

export type ParameterSet = {
  readonly all: readonly Parameter[];
  resolve<T = unknown>(id: string, asOf: string): ResolvedParameter<T>;
};

export function parameterSet(params: readonly Parameter[]): ParameterSet {
  const byId = new Map<string, Parameter>();
  for (const p of params) {
    if (byId.has(p.id)) throw new Error(`criteria parameter ${p.id} is defined twice`);
    const dates = p.values.map((v) => v.from);
    if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!)) throw new Error(`criteria parameter ${p.id}: values must be in increasing date order`);
    byId.set(p.id, p);
  }
  return {
    all: params,
    resolve<T>(id: string, asOf: string): ResolvedParameter<T> {
      const p = byId.get(id);
      if (!p) throw new Error(`unknown criteria parameter ${id}`);
      for (let i = p.values.length - 1; i >= 0; i--) {
        const v = p.values[i]!;
        if (v.from <= asOf) return { id, value: v.value as T, effectiveFrom: v.from, citation: v.citation };
      }
      throw new ParameterNotInForce(id, asOf);
    },
  };
}

export const parametersDir = join(dirname(fileURLToPath(import.meta.url)), 'parameters');

export function loadParameters(dir = parametersDir): ParameterSet {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const params = files.map((f) => {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!parsed.success) throw new Error(`criteria parameter file ${f}: ${parsed.error.message}`);
    if (`${parsed.data.id}.json` !== f) throw new Error(`criteria parameter file ${f} holds id ${parsed.data.id}`);
    return parsed.data as Parameter;
  });
  return parameterSet(params);
}

let cached: ParameterSet | undefined;
export const defaultParameters = (): ParameterSet => (cached ??= loadParameters());
