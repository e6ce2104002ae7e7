// The knowledge text renderer: markup becomes elements (never raw HTML), tables get real headers,
// links only go where allowed, and {{param:…}} shows the parameter's value in the page's language
// with a numbered note — the value the server resolved, so a changed parameter shows up.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { KnowledgeParameter } from '../../../../common/src/schemas/knowledge.schema.ts';
import ja from '../../locales/ja.json';
import en from '../../locales/en.json';
import { formatYen, MarkupView, type ParameterContext } from './markup-view.tsx';

async function i18n(lng: 'ja' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng, fallbackLng: 'ja', interpolation: { escapeValue: false } });
  return instance;
}

const citation = { instrument: '人事院規則21-0 (交流基準)', verified: false };
const param = (id: string, unit: string, value: unknown): KnowledgeParameter => ({ id, unit, value, name: { ja: `名前 ${id}`, en: `Name ${id}` }, effectiveFrom: '2000-03-21', citation });

async function render(source: string, lng: 'ja' | 'en' = 'ja', parameters: KnowledgeParameter[] = [], missing: string[] = []) {
  const ctx: ParameterContext = { parameters, missing, idPrefix: 't' };
  const instance = await i18n(lng);
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: instance }, createElement(MemoryRouter, null, createElement(MarkupView, { source, ctx }))),
  );
}

describe('MarkupView', () => {
  it('renders headings, paragraphs with line breaks, lists, bold and quotes as elements', async () => {
    const html = await render('## 見出し\n\n一行目\n二行目\n\n- **太字**の項目\n- 二つ目\n\n1. 一\n2. 二\n\n> 引用');
    expect(html).toContain('<h2');
    expect(html).toMatch(/<p[^>]*>一行目<br\/>二行目<\/p>/);
    expect(html).toMatch(/<ul[^>]*><li><strong[^>]*>太字<\/strong>の項目<\/li><li>二つ目<\/li><\/ul>/);
    expect(html).toMatch(/<ol[^>]*><li>一<\/li><li>二<\/li><\/ol>/);
    expect(html).toMatch(/<blockquote[^>]*>引用<\/blockquote>/);
  });

  it('escapes anything that looks like HTML', async () => {
    const html = await render('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('makes a table with a caption, column headers and row headers', async () => {
    const html = await render('Table: 福利厚生\n| 制度 | 交流派遣 |\n|---|---|\n| 年金 | 国家公務員共済組合 |');
    expect(html).toMatch(/<caption[^>]*>福利厚生<\/caption>/);
    expect(html).toMatch(/<th scope="col"[^>]*>制度<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>年金<\/th><td[^>]*>国家公務員共済組合<\/td>/);
    expect(html).toContain('role="region"');
  });

  it('links inside the site through the router, outside with rel, and drops unsafe targets', async () => {
    const html = await render('[Q&A](/guide/qa) [人事院](https://www.jinji.go.jp/) [x](javascript:alert(1)) <mailto:kanmin-kouryuu@jinji.go.jp>');
    expect(html).toContain('href="/guide/qa"');
    expect(html).toContain('href="https://www.jinji.go.jp/" class="break-all" rel="noopener noreferrer"');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="mailto:kanmin-kouryuu@jinji.go.jp"');
  });

  it('shows a parameter’s value in Japanese and English with a note number, and follows a changed value', async () => {
    const source = '総額が{{param:contract_dependence.min_total_yen}}以上、割合{{param:contract_dependence.share_percent}}、{{param:prosecution.restriction_years}}間、{{param:large_company.min_employees|number}}';
    const params = [
      param('contract_dependence.min_total_yen', 'yen', 20_000_000),
      param('contract_dependence.share_percent', 'percent', 25),
      param('prosecution.restriction_years', 'years', 1),
      param('large_company.min_employees', 'persons', 300),
    ];
    const jaHtml = await render(source, 'ja', params);
    expect(jaHtml).toContain('<strong class="font-bold">2,000万円</strong>');
    expect(jaHtml).toContain('<strong class="font-bold">25%</strong>');
    expect(jaHtml).toContain('<strong class="font-bold">1年</strong>');
    expect(jaHtml).toContain('<strong class="font-bold">300</strong>');
    expect(jaHtml).toContain('href="#t-param-contract_dependence-min_total_yen"');
    expect(jaHtml).toContain('[1]');
    expect(jaHtml).toContain('[4]');
    const enHtml = await render(source, 'en', params);
    expect(enHtml).toContain('¥20,000,000');
    expect(enHtml).toContain('1 year<');
    expect(enHtml).toContain('aria-label="Source 1: Name contract_dependence.min_total_yen"');
    // The server resolved another value (a revised parameter, or another date): the page shows it.
    const revised = await render(source, 'ja', [param('contract_dependence.min_total_yen', 'yen', 30_000_000), ...params.slice(1)]);
    expect(revised).toContain('3,000万円');
    expect(revised).not.toContain('2,000万円');
  });

  it('says so when a parameter has no value in force, and lists entity types as a list only where it stands alone', async () => {
    expect(await render('{{param:no.such}}', 'ja', [], ['no.such'])).toContain('この日付時点で適用される値なし');
    const types = param('entity_types.eligible', 'entity types', [
      { code: 'kabushiki_kaisha', nameJa: '株式会社', nameEn: 'Stock company', starred: false },
      { code: 'medical_corporation', nameJa: '医療法人', nameEn: 'Medical corporation', starred: true },
    ]);
    const block = await render('{{param:entity_types.eligible}}', 'ja', [types]);
    expect(block).toMatch(/<li>株式会社<\/li><li>医療法人<span aria-hidden="true">＊<\/span><span class="sr-only">（公的収益部門の除外あり）<\/span><\/li>/);
    expect(block).not.toMatch(/<p[^>]*><div/);
    const inline = await render('対象は{{param:entity_types.eligible}}です', 'en', [types]);
    expect(inline).toContain('Stock company, Medical corporation*');
    expect(inline).not.toContain('<ul');
  });

  it('writes yen as the pamphlet does', () => {
    expect(formatYen(20_000_000, 'ja')).toBe('2,000万円');
    expect(formatYen(300_000_000, 'ja')).toBe('3億円');
    expect(formatYen(150_000_000, 'ja')).toBe('1億5,000万円');
    expect(formatYen(12_345, 'ja')).toBe('12,345円');
    expect(formatYen(300_000_000, 'en')).toBe('¥300,000,000');
  });
});
