// Guidance on an exchange's type (PRODUCT.md §4.8; issue 4 item 8): the welfare applicability table
// (福利厚生制度等の適用関係) of the pamphlet and the duty constraints of the person, the ministry
// and the company, for a dispatch (交流派遣) or a hire (交流採用: 雇用継続型 or 退職型). Pure: the data
// is guidance.json, checked against its schema when first read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { citationSchema } from '../../../../common/src/schemas/criteria.schema.ts';
import {
  guidanceTypeSchema,
  type DutyParty,
  type Guidance,
  type GuidanceType,
  type HireType,
} from '../../../../common/src/schemas/exchange-planner.schema.ts';

const text = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
const valueKey = z.enum(['hire', 'dispatch', 'hire_continued', 'hire_resigned']); // `hire`: both hire types (a merged cell)

const fileSchema = z.strictObject({
  title: z.string(),
  source: citationSchema.strict(),
  types: z.record(guidanceTypeSchema, z.strictObject({ title: text, description: text, footnotes: z.array(z.string()) })),
  groups: z.record(z.string(), z.strictObject({ label: text, footnotes: z.array(z.string()) })),
  welfare: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z_]+$/), group: z.string().optional(), label: text, values: z.partialRecord(valueKey, text) }),
  ),
  footnotes: z.array(z.strictObject({ mark: z.string(), text })),
  notes: z.record(guidanceTypeSchema, z.array(text)),
  noteCitation: z.string(),
  duties: z.array(
    z.strictObject({
      id: z.string(),
      types: z.array(guidanceTypeSchema).min(1),
      party: z.enum(['person', 'ministry', 'company']),
      text,
      citation: citationSchema.strict(),
    }),
  ),
});
export type GuidanceFile = z.infer<typeof fileSchema>;

let cached: GuidanceFile | undefined;
export function guidanceData(): GuidanceFile {
  if (cached) return cached;
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(join(import.meta.dirname, 'guidance.json'), 'utf8')));
  if (!parsed.success) throw new Error(`guidance.json: ${parsed.error.message}`);
  const data = parsed.data;
  for (const row of data.welfare) {
    if (row.group && !data.groups[row.group]) throw new Error(`guidance.json: row ${row.id} names an unknown group ${row.group}`);
    for (const type of guidanceTypeSchema.options) if (!valueFor(row.values, type)) throw new Error(`guidance.json: row ${row.id} has no value for ${type}`);
  }
  return (cached = data);
}

const valueFor = (values: GuidanceFile['welfare'][number]['values'], type: GuidanceType) =>
  values[type] ?? (type === 'dispatch' ? undefined : values.hire);

/** dispatch → 'dispatch'; hire → 'hire_continued' | 'hire_resigned'. A hire needs its type; a dispatch has none. */
export function guidanceTypeOf(direction: 'dispatch' | 'hire', hireType?: HireType | null): GuidanceType {
  if (direction === 'dispatch') {
    if (hireType) throw new RangeError('a dispatch has no hire type');
    return 'dispatch';
  }
  if (!hireType) throw new RangeError('a hire needs its type (continued or resigned)');
  return hireType === 'continued' ? 'hire_continued' : 'hire_resigned';
}

/** The welfare table column and the duty constraints for one type of exchange, in ja and en. */
export function guidanceFor(direction: 'dispatch' | 'hire', hireType?: HireType | null): Guidance {
  const data = guidanceData();
  const type = guidanceTypeOf(direction, hireType);
  const t = data.types[type]!;
  const rows = data.welfare.map((r) => {
    const group = r.group ? { id: r.group, ...data.groups[r.group]! } : null;
    return { id: r.id, label: r.label, group, value: valueFor(r.values, type)!, footnotes: [] as string[] };
  });
  const marks = new Set([...t.footnotes, ...rows.flatMap((r) => r.group?.footnotes ?? [])]);
  const duties: Record<DutyParty, Guidance['duties']['person']> = { person: [], ministry: [], company: [] };
  for (const d of data.duties) if (d.types.includes(type)) duties[d.party].push({ id: d.id, text: d.text, citation: d.citation });
  return {
    type,
    title: t.title,
    description: t.description,
    welfare: {
      caption: { ja: `福利厚生制度等の適用関係（${t.title.ja}）`, en: `Welfare and benefits: what applies (${t.title.en})` },
      rows,
      typeFootnotes: t.footnotes,
      footnotes: data.footnotes.filter((f) => marks.has(f.mark)),
      notes: data.notes[type] ?? [],
    },
    duties,
    source: data.source,
  };
}
