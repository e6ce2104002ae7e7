// Table-driven case files (OpenFisca-style YAML tests, kept as JSON): each file has a base facts
// document and cases that apply a JSON merge patch (RFC 7386: objects merge, arrays replace,
// null deletes) to it, with the expected outcome per rule.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { outcomeSchema, overallSchema, ruleIdSchema } from '../../../../common/src/schemas/criteria.schema.ts';

const expectSchema = z.strictObject({
  rules: z.partialRecord(ruleIdSchema, outcomeSchema).optional(),
  overall: overallSchema.optional(),
  earliestPassDate: z.partialRecord(ruleIdSchema, z.string().nullable()).optional(),
  exception: z.partialRecord(ruleIdSchema, z.strictObject({ available: z.boolean(), approved: z.boolean() })).optional(),
});
const caseFileSchema = z.strictObject({
  title: z.string(),
  base: z.record(z.string(), z.unknown()),
  cases: z.array(z.strictObject({ id: z.string(), description: z.string(), patch: z.record(z.string(), z.unknown()), expect: expectSchema })),
});
export type CriteriaCase = { file: string; id: string; description: string; input: unknown; expect: z.infer<typeof expectSchema> };

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

export function loadCases(dir = casesDir): CriteriaCase[] {
  const out: CriteriaCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cases.json')).sort()) {
    const parsed = caseFileSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    for (const c of parsed.cases) out.push({ file, id: c.id, description: c.description, input: mergePatch(parsed.base, c.patch), expect: c.expect });
  }
  return out;
}
