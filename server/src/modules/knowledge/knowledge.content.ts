// The initial knowledge pages, taken from the seed documents (seed 001: the promotion guidebook,
// the leaflet and the pamphlet) and kept as data in ./content/*.json, one file per section. Every
// page carries its citation (`source`). The files are checked against the shared zod schema; a
// slug or a question used twice is an error, so a broken file stops the server at start rather
// than showing half the pages.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowledgeContentFileSchema, type KnowledgeContentPage } from '../../../../common/src/schemas/knowledge.schema.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';

export const contentDir = join(dirname(fileURLToPath(import.meta.url)), 'content');

/** Problems that make a set of pages unusable together (each file being valid on its own). */
export function contentProblems(pages: readonly KnowledgeContentPage[]): string[] {
  const problems: string[] = [];
  const seen = (label: string, key: (p: KnowledgeContentPage) => string, only?: (p: KnowledgeContentPage) => boolean) => {
    const first = new Map<string, string>();
    for (const p of pages) {
      if (only && !only(p)) continue;
      const k = key(p);
      const other = first.get(k);
      if (other !== undefined) problems.push(`${label} used twice: ${p.slug} and ${other}`);
      else first.set(k, p.slug);
    }
  };
  seen('slug', (p) => p.slug);
  seen('Japanese title', (p) => normalizeForSearch(p.title.ja));
  seen('English title', (p) => normalizeForSearch(p.title.en));
  // Two Q&As with the same answer are the same Q&A asked twice (e.g. the leaflet's and the pamphlet's).
  seen('Q&A answer', (p) => normalizeForSearch(p.body.ja), (p) => p.section === 'qa');
  return problems;
}

export function loadKnowledgeContent(dir = contentDir): KnowledgeContentPage[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const pages: KnowledgeContentPage[] = [];
  for (const f of files) {
    const parsed = knowledgeContentFileSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!parsed.success) throw new Error(`knowledge content file ${f}: ${parsed.error.message}`);
    pages.push(...parsed.data);
  }
  const problems = contentProblems(pages);
  if (problems.length) throw new Error(`knowledge content: ${problems.join('; ')}`);
  return pages;
}

let cached: KnowledgeContentPage[] | undefined;
export const knowledgeContent = (): KnowledgeContentPage[] => (cached ??= loadKnowledgeContent());
