// The knowledge pages' content files: they parse against the shared schema, every page has both
// languages and a citation, every Q&A is one side's question with a topic, nothing is there twice,
// every {{param:…}} names a criteria parameter and every link goes somewhere the site serves.
import { describe, expect, it } from 'vitest';
import { parseMarkup, placeholderIds, unsafeLinks, type Block, type Inline } from '../../../../common/src/markup.ts';
import { knowledgeContentPageSchema, QA_GROUPS, type KnowledgeContentPage } from '../../../../common/src/schemas/knowledge.schema.ts';
import { defaultParameters } from '../criteria/parameters.ts';
import { guidanceData } from '../exchanges/guidance.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';
import { contentProblems, loadKnowledgeContent } from './knowledge.content.ts';

const pages = loadKnowledgeContent();
const qa = pages.filter((p) => p.section === 'qa');

function links(inlines: Inline[]): string[] {
  return inlines.flatMap((n) => (n.type === 'link' ? [n.href, ...links(n.children)] : n.type === 'strong' ? links(n.children) : []));
}
function blockLinks(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return links(b.content);
    case 'paragraph':
    case 'quote':
      return b.lines.flatMap(links);
    case 'list':
      return b.items.flatMap((item) => item.flatMap(links));
    case 'table':
      return [...(b.caption ? links(b.caption) : []), ...b.head.flatMap(links), ...b.rows.flatMap((r) => r.flatMap(links))];
  }
}

describe('knowledge content files', () => {
  it('load and hold every section the public pages show', () => {
    expect(new Set(pages.map((p) => p.section))).toEqual(new Set(['qa', 'overview', 'welfare', 'criteria', 'tips', 'testimonials', 'contacts']));
    for (const slug of ['overview', 'eligible-entities', 'flow', 'welfare', 'criteria-summary', 'tips-preparation', 'tips-selection', 'tips-during', 'tips-feedback', 'onboarding', 'contacts']) {
      expect(pages.map((p) => p.slug)).toContain(slug);
    }
  });

  it('have the Q&A of both sides: the guidebook’s 8 for ministries, the pamphlet’s 12 for companies (the leaflet’s 6 merged into them)', () => {
    expect(qa.filter((p) => p.audience === 'ministry')).toHaveLength(8);
    expect(qa.filter((p) => p.audience === 'company')).toHaveLength(12);
    expect(qa.filter((p) => p.source.includes('リーフレット'))).toHaveLength(6);
    for (const p of qa) expect(QA_GROUPS).toContain(p.groupKey);
  });

  it('give every Q&A its question and answer in Japanese and English', () => {
    for (const p of qa) {
      expect(p.title.ja, p.slug).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      // English, with at most a Japanese term in brackets.
      expect(p.title.en.replace(/\([^)]*\)/g, ''), p.slug).not.toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(p.body.ja.length, p.slug).toBeGreaterThan(10);
      expect(p.body.en, p.slug).toMatch(/[A-Za-z]{3,}/);
      expect(p.body.en, p.slug).not.toMatch(/[ぁ-ん]{3,}/);
    }
  });

  it('keep the same structure in both languages (headings, lists, tables and placeholders)', () => {
    const shape = (s: string) => parseMarkup(s).map((b) => (b.type === 'list' ? `list${b.items.length}` : b.type === 'table' ? `table${b.rows.length}x${b.head.length}` : b.type === 'heading' ? `h${b.level}` : b.type));
    for (const p of pages) {
      expect(shape(p.body.en), p.slug).toEqual(shape(p.body.ja));
      expect(placeholderIds(p.body.en).sort(), p.slug).toEqual(placeholderIds(p.body.ja).sort());
    }
  });

  it('cite a seed document on every page', () => {
    for (const p of pages) expect(p.source, p.slug).toMatch(/^seed 001_5d8d2d8d3392a202\.txt .*lines? \d+/);
  });

  it('hold no duplicates (slugs, titles, Q&A answers)', () => {
    expect(contentProblems(pages)).toEqual([]);
    const twice = [...pages, { ...qa[0]!, slug: 'qa-copy', title: { ja: `${qa[0]!.title.ja}（再掲）`, en: `${qa[0]!.title.en} (again)` } }];
    expect(contentProblems(twice)).toEqual([`Q&A answer used twice: qa-copy and ${qa[0]!.slug}`]);
    expect(contentProblems([...pages, { ...pages[1]!, title: { ja: 'x', en: 'y' } }])[0]).toMatch(/^slug used twice/);
  });

  it('refer only to criteria parameters that exist and are in force today', () => {
    const params = defaultParameters();
    const ids = new Set(params.all.map((p) => p.id));
    const used = pages.flatMap((p) => [...placeholderIds(p.body.ja), ...placeholderIds(p.body.en)]);
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) {
      expect(ids, id).toContain(id);
      expect(() => params.resolve(id, '2026-04-01')).not.toThrow();
    }
    // The criteria summary quotes no figure of its own: every number of the criteria is a parameter.
    const summary = pages.find((p) => p.slug === 'criteria-summary')!;
    for (const figure of ['2千万円', '25%', '10%', '3億円', '300人', '1年間', '2年間', '5年間', '3回']) expect(summary.body.ja).not.toContain(figure);
    for (const id of ['prosecution.restriction_years', 'licensing_post.lookback_years', 'consecutive.max_in_a_row', 'contract_involvement.lookback_years', 'contract_dependence.min_total_yen', 'contract_dependence.share_percent', 'contract_dependence.share_percent_large', 'large_company.min_capital_yen', 'large_company.min_employees', 'public_revenue.lookback_years']) {
      expect(placeholderIds(summary.body.ja)).toContain(id);
    }
  });

  it('link only to pages that exist here or to safe outside addresses', () => {
    const slugs = new Set(pages.map((p) => p.slug));
    const sitePaths = new Set(['/contacts', '/guide', '/guide/qa']);
    for (const p of pages) {
      for (const body of [p.body.ja, p.body.en]) {
        expect(unsafeLinks(body), p.slug).toEqual([]);
        for (const href of parseMarkup(body).flatMap(blockLinks)) {
          if (!href.startsWith('/')) continue;
          const slug = /^\/guide\/([a-z0-9-]+)$/.exec(href)?.[1];
          expect(sitePaths.has(href) || (slug !== undefined && slugs.has(slug)), `${p.slug}: ${href}`).toBe(true);
        }
      }
    }
  });

  it('refuse a Q&A without a side or with an unknown topic', () => {
    const base: KnowledgeContentPage = { ...qa[0]! };
    expect(knowledgeContentPageSchema.safeParse({ ...base, audience: 'all' }).success).toBe(false);
    expect(knowledgeContentPageSchema.safeParse({ ...base, groupKey: 'misc' }).success).toBe(false);
    expect(knowledgeContentPageSchema.safeParse({ ...base, body: { ja: base.body.ja, en: '' } }).success).toBe(false);
    expect(knowledgeContentPageSchema.safeParse({ ...base, slug: 'Bad Slug' }).success).toBe(false);
    expect(knowledgeContentPageSchema.safeParse({ ...base, source: '' }).success).toBe(false);
    expect(knowledgeContentPageSchema.safeParse(base).success).toBe(true);
  });

  it('give the welfare table the same cells as the exchange cases’ guidance (both transcribe the pamphlet’s table)', () => {
    const table = parseMarkup(pages.find((p) => p.slug === 'welfare')!.body.ja).find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('the welfare page has no table');
    const cell = (c: Inline[]) => normalizeForSearch(c.map((n) => (n.type === 'text' ? n.text : '')).join('')).replace(/\s/g, '');
    const rows = new Map(table.rows.map((r) => [cell(r[0]!).replace(/^民間企業内福利厚生制度\(※2\):/, ''), r.slice(1).map(cell)]));
    expect(table.head.map(cell)).toEqual(['制度', '交流採用・雇用継続型(※1)', '交流採用・退職型(※1)', '交流派遣']);
    const guidance = guidanceData();
    expect(rows.size).toBe(guidance.welfare.length);
    for (const g of guidance.welfare) {
      const v = g.values as Partial<Record<string, { ja: string }>>;
      const expected = [v.hire_continued ?? v.hire!, v.hire_resigned ?? v.hire!, v.dispatch!].map((x) => normalizeForSearch(x.ja).replace(/\s/g, ''));
      expect(rows.get(normalizeForSearch(g.label.ja).replace(/\s/g, '')), g.id).toEqual(expected);
    }
  });
});
