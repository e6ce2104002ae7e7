// The knowledge pages over the API: seeded from the content files, read without login, the Q&A
// search (width and kana folded, both languages), editing by the NPA and the center with the
// previous text kept as a version, a stale version refused (409), others refused (401/403), bad
// input refused in Japanese and English with nothing written, publish/unpublish, and the criteria
// figures following the criteria parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq, like } from 'drizzle-orm';
import { auditLog, knowledgePages, knowledgePageVersions } from '../../db/schema.ts';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';
import { expectBilingual } from '../../test/expect.ts';
import { loadParameters, parameterSet } from '../criteria/parameters.ts';
import { knowledgeContent } from './knowledge.content.ts';
import { seedKnowledgePages } from './knowledge.seed.ts';
import { createKnowledgeService } from './knowledge.service.ts';

let t: TestApp;
let npa: Session;
let center: Session;
let ministry: Session;
let company: Session;
let participant: Session;

const anonymous = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
const n = async (table: typeof knowledgePages | typeof knowledgePageVersions | typeof auditLog) => Number((await t.db.db.select({ n: count() }).from(table))[0]!.n);
const auditOf = async (action: string) => t.db.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id));
type Page = { slug: string; version: number; title: { ja: string; en: string }; body: { ja: string; en: string }; parameters: { id: string; value: unknown; effectiveFrom: string; citation: { page?: string } }[]; missingParameters: string[]; published: boolean; asOf: string };
const publicPage = async (slug: string, query = '') => {
  const res = await anonymous('GET', `/api/public/knowledge/pages/${slug}${query}`);
  return { status: res.statusCode, page: res.json() as Page };
};
const qa = async (query: string) => {
  const res = await anonymous('GET', `/api/public/knowledge/qa${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { slug: string; audience: string; groupKey: string }[]; total: number };
};
const edit = (s: Session, slug: string, version: number, over: Record<string, unknown> = {}) =>
  s.req('PUT', `/api/knowledge/pages/${slug}`, { version, titleJa: '交流派遣職員の旅費', titleEn: 'Travel expenses', bodyJa: '旅費の説明。', bodyEn: 'About travel expenses.', ...over });

beforeAll(async () => {
  t = await testApp();
  expect(await seedKnowledgePages(t.db)).toBe(knowledgeContent().length);
  [npa, center, ministry, company, participant] = await Promise.all([loginAs(t, 'npa'), loginAs(t, 'center'), loginAs(t, 'ministry_hr'), loginAs(t, 'company_hr'), loginAs(t, 'participant')]);
});
afterAll(async () => t?.close());

describe('seeding', () => {
  it('puts every content page in once, with one audit row, and adds nothing on the next start', async () => {
    expect(await n(knowledgePages)).toBe(knowledgeContent().length);
    expect(await seedKnowledgePages(t.db)).toBe(0);
    const seeded = await auditOf('knowledge_page.seed');
    expect(seeded).toHaveLength(1);
    expect((seeded[0]!.after as { slugs: string[] }).slugs).toContain('criteria-summary');
  });
});

describe('public reading (no login)', () => {
  it('lists published pages by section and opens one by slug, with its source', async () => {
    const all = (await anonymous('GET', '/api/public/knowledge/pages')).json() as { items: { slug: string; section: string }[] };
    expect(all.items).toHaveLength(knowledgeContent().length);
    const tips = (await anonymous('GET', '/api/public/knowledge/pages?section=tips')).json() as { items: { slug: string }[] };
    expect(tips.items.map((i) => i.slug)).toEqual(['tips-preparation', 'tips-selection', 'tips-during', 'tips-feedback', 'onboarding']);
    const { status, page } = await publicPage('welfare');
    expect(status).toBe(200);
    expect(page.body.ja).toContain('| 雇用保険 | 被保険者資格継続');
    expect(page.body.en).toContain('Employment insurance');
    expect((await publicPage('no-such-page')).status).toBe(404);
    expectBilingual(await anonymous('GET', '/api/public/knowledge/pages/Bad_Slug'), 400);
    expectBilingual(await anonymous('GET', '/api/public/knowledge/pages?section=secret'), 400);
  });

  it('gives the criteria summary its figures from the criteria parameters, with citations, on the date asked', async () => {
    const { page } = await publicPage('criteria-summary', '?asOf=2026-04-01');
    expect(page.asOf).toBe('2026-04-01');
    const byId = Object.fromEntries(page.parameters.map((p) => [p.id, p]));
    expect(byId['contract_dependence.min_total_yen']).toMatchObject({ value: 20_000_000, effectiveFrom: '2000-03-21' });
    expect(byId['contract_dependence.share_percent']!.value).toBe(25);
    expect(byId['large_company.min_capital_yen']!.citation.page).toContain('p.4');
    expect(page.missingParameters).toEqual([]);
    // The eligible entity types changed on 2022-12-01: the page shows the list in force on its date.
    const before = (await publicPage('eligible-entities', '?asOf=2022-11-30')).page.parameters[0]!;
    const after = (await publicPage('eligible-entities', '?asOf=2022-12-01')).page.parameters[0]!;
    expect(before.effectiveFrom).toBe('2000-03-21');
    expect(after.effectiveFrom).toBe('2022-12-01');
    const names = (v: unknown) => (v as { nameJa: string }[]).map((e) => e.nameJa);
    expect(names(before.value)).not.toContain('労働金庫連合会');
    expect(names(after.value)).toContain('労働金庫連合会');
    // Before the Act, no value is in force: the page says so rather than failing.
    expect((await publicPage('eligible-entities', '?asOf=1999-01-01')).page.missingParameters).toEqual(['entity_types.eligible']);
    expectBilingual(await anonymous('GET', '/api/public/knowledge/pages/criteria-summary?asOf=2026-02-30'), 400);
  });

  it('shows a changed parameter value on the page (a service given another parameter set)', async () => {
    const real = loadParameters();
    const changed = parameterSet(
      real.all.map((p) =>
        p.id === 'contract_dependence.min_total_yen'
          ? { ...p, values: [...p.values, { from: '2027-04-01', value: 30_000_000, citation: { instrument: 'test revision', verified: false } }] }
          : p,
      ),
    );
    const service = createKnowledgeService(t.db, { parameters: () => changed, today: () => '2027-04-01' });
    const threshold = async (asOf?: string) => (await service.page('criteria-summary', asOf)).parameters.find((p) => p.id === 'contract_dependence.min_total_yen')!;
    expect(await threshold()).toMatchObject({ value: 30_000_000, effectiveFrom: '2027-04-01', citation: { instrument: 'test revision' } });
    expect((await threshold('2027-03-31')).value).toBe(20_000_000);
  });
});

describe('Q&A search', () => {
  it('finds both sides’ questions, in either language, whatever the width or kana', async () => {
    const all = await qa('');
    expect(all.total).toBe(20);
    expect(all.items).toHaveLength(20);
    expect(new Set(all.items.map((i) => i.audience))).toEqual(new Set(['ministry', 'company']));
    // ベースアップ written in half-width katakana, and in hiragana.
    expect((await qa(`?q=${encodeURIComponent('ﾍﾞｰｽｱｯﾌﾟ')}`)).items.map((i) => i.slug)).toEqual(['qa-dispatch-pay-rise']);
    expect((await qa(`?q=${encodeURIComponent('べーすあっぷ')}`)).items.map((i) => i.slug)).toEqual(['qa-dispatch-pay-rise']);
    // English, typed in full-width capitals.
    expect((await qa(`?q=${encodeURIComponent('ＴＲＡＶＥＬ　ＥＸＰＥＮＳＥＳ')}`)).items.map((i) => i.slug)).toContain('qa-dispatch-travel');
    // Every word must match.
    expect((await qa(`?q=${encodeURIComponent('年休 旅費')}`)).items).toEqual([]);
    const noResult = await qa(`?q=${encodeURIComponent('存在しない語句')}`);
    expect(noResult).toMatchObject({ items: [], total: 20, parameters: [], missingParameters: [] });
  });

  it('filters by side and by topic', async () => {
    const companies = await qa('?audience=company');
    expect(companies.items).toHaveLength(12);
    expect(companies.items.every((i) => i.audience === 'company')).toBe(true);
    const welfare = await qa('?audience=ministry&group=welfare');
    expect(welfare.items.map((i) => i.slug).sort()).toEqual(['qa-dispatch-annual-leave', 'qa-hire-company-benefits']);
    expectBilingual(await anonymous('GET', '/api/public/knowledge/qa?group=misc'), 400);
    expectBilingual(await anonymous('GET', `/api/public/knowledge/qa?q=${'あ'.repeat(101)}`), 400);
  });
});

describe('editing (NPA and center) with history', () => {
  it('saves a new version, keeps the previous text, shows it publicly and audits the change', async () => {
    const before = (await publicPage('qa-dispatch-travel')).page;
    expect(before.version).toBe(1);
    const res = await edit(npa, 'qa-dispatch-travel', 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, title: { ja: '交流派遣職員の旅費', en: 'Travel expenses' } });
    expect((await publicPage('qa-dispatch-travel')).page.body.en).toBe('About travel expenses.');

    const history = (await center.req('GET', '/api/knowledge/pages/qa-dispatch-travel/versions')).json() as { items: { version: number; current: boolean; changedBy: string | null }[] };
    expect(history.items.map((i) => [i.version, i.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(history.items[0]!.changedBy).toBe('npa');
    expect(history.items[1]!.changedBy).toBeNull(); // the seeded text
    expect(await auditOf('knowledge_page.history_read')).toHaveLength(1);

    const old = (await center.req('GET', '/api/knowledge/pages/qa-dispatch-travel/versions/1')).json() as Page & { current: boolean };
    expect(old).toMatchObject({ version: 1, current: false, title: before.title, body: before.body });
    expect((await center.req('GET', '/api/knowledge/pages/qa-dispatch-travel/versions/9')).statusCode).toBe(404);

    const [audit] = await auditOf('knowledge_page.update');
    expect(audit).toMatchObject({ actorRole: 'npa', before: { version: 1, titleJa: before.title.ja }, after: { version: 2, bodyEn: 'About travel expenses.' } });
  });

  it('refuses a save made on a stale version (409, in both languages) and writes nothing', async () => {
    const versions = await n(knowledgePageVersions);
    const audits = await n(auditLog);
    const err = expectBilingual(await edit(center, 'qa-dispatch-travel', 1, { bodyEn: 'Lost update' }), 409);
    expect(err.code).toBe('knowledge.stale_version');
    expect(err.details).toEqual({ currentVersion: 2 });
    expect(await n(knowledgePageVersions)).toBe(versions);
    expect(await n(auditLog)).toBe(audits);
    expect((await publicPage('qa-dispatch-travel')).page.body.en).toBe('About travel expenses.');
  });

  it('of two editors saving on the same version, exactly one wins', async () => {
    const results = await Promise.all([edit(npa, 'qa-hire-gifts', 1, { bodyEn: 'From the NPA.' }), edit(center, 'qa-hire-gifts', 1, { bodyEn: 'From the center.' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await t.db.db.select().from(knowledgePageVersions).where(eq(knowledgePageVersions.version, 1));
    expect(rows.filter((r) => r.titleJa.startsWith('交流採用期間中に交流元企業から慶弔金'))).toHaveLength(1);
  });

  it('an unchanged save makes no new version', async () => {
    const page = (await publicPage('qa-dispatch-travel')).page;
    const res = await edit(npa, 'qa-dispatch-travel', page.version, { titleJa: page.title.ja, titleEn: page.title.en, bodyJa: page.body.ja, bodyEn: page.body.en });
    expect(res.json().version).toBe(page.version);
  });

  it('lets no one else edit or see the editor API (401 without login, 403 for other roles)', async () => {
    for (const s of [ministry, company, participant]) {
      expectBilingual(await edit(s, 'overview', 1), 403);
      expectBilingual(await s.req('GET', '/api/knowledge/pages'), 403);
      expectBilingual(await s.req('GET', '/api/knowledge/pages/overview/versions'), 403);
    }
    expectBilingual(await anonymous('PUT', '/api/knowledge/pages/overview', { version: 1 }), 401);
    expect((await publicPage('overview')).page.version).toBe(1);
  });

  it('refuses bad input in Japanese and English, writing nothing', async () => {
    const pages = await n(knowledgePages);
    const versions = await n(knowledgePageVersions);
    const audits = await n(auditLog);
    const empty = expectBilingual(await edit(npa, 'overview', 1, { titleEn: '  ', bodyJa: '' }), 400);
    expect(empty.fields!.map((f) => `${f.path}:${f.code}`).sort()).toEqual(['bodyJa:text.required', 'titleEn:text.required']);
    expectBilingual(await edit(npa, 'overview', 1, { version: 0 }), 400);
    expectBilingual(await edit(npa, 'overview', 1, { sneaky: true }), 400);
    expectBilingual(await edit(npa, 'overview', 1, { bodyEn: 'x'.repeat(30_001) }), 400);
    // Sound shape, unusable content: 422 naming each field.
    const unusable = expectBilingual(await edit(npa, 'overview', 1, { bodyJa: '期間は{{param:duration.max_yeers}}', bodyEn: '[click](javascript:alert(1))' }), 422);
    expect(unusable.code).toBe('content_rejected');
    expect(unusable.fields!.map((f) => `${f.path}:${f.code}`)).toEqual(['bodyJa:knowledge.unknown_parameter', 'bodyEn:knowledge.unsafe_link']);
    expect(unusable.fields![0]!.message.ja).toContain('duration.max_yeers');
    expectBilingual(await npa.req('POST', '/api/knowledge/pages', { slug: 'new-page', section: 'tips', titleJa: 'あ', titleEn: 'a', bodyJa: '{{param:no.such}}', bodyEn: 'b' }), 422);
    expect(await n(knowledgePages)).toBe(pages);
    expect(await n(knowledgePageVersions)).toBe(versions);
    expect(await n(auditLog)).toBe(audits);
  });
});

describe('creating, publishing and unpublishing', () => {
  const newQa = {
    slug: 'qa-test-new-question',
    section: 'qa',
    audience: 'company',
    groupKey: 'procedure',
    sortOrder: 300,
    titleJa: '応募書類はどこで入手できますか。',
    titleEn: 'Where do we get the application forms?',
    bodyJa: '「[官民人事交流の利用の流れ](/guide/flow)」をご覧ください。',
    bodyEn: 'See "[How to use the scheme](/guide/flow)".',
    source: 'test',
    published: false,
  };

  it('a Q&A needs a side and a topic', async () => {
    const err = expectBilingual(await center.req('POST', '/api/knowledge/pages', { ...newQa, audience: 'all', groupKey: 'misc' }), 400);
    expect(err.fields!.map((f) => f.code).sort()).toEqual(['knowledge.group_unknown', 'knowledge.qa_audience']);
  });

  it('an unpublished page is for editors only until published; a slug is used once', async () => {
    const res = await center.req('POST', '/api/knowledge/pages', newQa);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ slug: newQa.slug, version: 1, published: false });
    expect((await publicPage(newQa.slug)).status).toBe(404);
    expect((await qa('')).total).toBe(20);
    expect((await center.req('GET', `/api/knowledge/pages/${newQa.slug}`)).statusCode).toBe(200);
    const taken = expectBilingual(await npa.req('POST', '/api/knowledge/pages', newQa), 409);
    expect(taken.code).toBe('knowledge.slug_taken');

    expect((await npa.req('POST', `/api/knowledge/pages/${newQa.slug}/publish`, { published: true })).statusCode).toBe(200);
    expect((await publicPage(newQa.slug)).status).toBe(200);
    expect((await qa(`?q=${encodeURIComponent('応募書類')}`)).items.map((i) => i.slug)).toEqual([newQa.slug]);
    expect((await auditOf('knowledge_page.create'))[0]).toMatchObject({ actorRole: 'center', after: { slug: newQa.slug, published: false } });
    expect(await auditOf('knowledge_page.publish')).toHaveLength(1);
  });

  it('an unpublished seeded page leaves the public pages and stays unpublished after the next start', async () => {
    expect((await npa.req('POST', '/api/knowledge/pages/testimonials-missing/publish', { published: false })).statusCode).toBe(404);
    expect((await npa.req('POST', '/api/knowledge/pages/qa-regional-offices/publish', { published: false })).statusCode).toBe(200);
    expect((await publicPage('qa-regional-offices')).status).toBe(404);
    expect((await qa('')).items.map((i) => i.slug)).not.toContain('qa-regional-offices');
    expect(await seedKnowledgePages(t.db)).toBe(0);
    expect((await publicPage('qa-regional-offices')).status).toBe(404);
    const [row] = await t.db.db.select().from(knowledgePages).where(like(knowledgePages.slug, 'qa-regional-offices'));
    expect(row!.published).toBe(false);
    expect((await auditOf('knowledge_page.unpublish'))[0]).toMatchObject({ before: { published: true }, after: { published: false } });
  });
});
