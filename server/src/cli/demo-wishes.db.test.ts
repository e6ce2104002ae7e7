// The demo wish sheets: published sheets of several ministries and companies, the demo company's
// and the demo ministry's among them; the browser test's sheet is found with a full-width word;
// drafts and closed sheets stay off the public listing; a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { wishSheets } from '../db/schema.ts';
import { login, testApp, type TestApp } from '../test/app.ts';
import { demoLogins, loadDemo } from './demo.ts';
import { demoWishes, loadDemoWishes } from './demo-wishes.ts';

let t: TestApp;
type Item = { reference: string; title: string; kind: string; owner: { side: string; organisationCode: string | null; companyId: number | null } };

beforeAll(async () => {
  t = await testApp();
  const r = await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
  expect(r.counts.demoWishSheets).toBe(14);
}, 180_000);
afterAll(async () => t?.close());

const list = async (q: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/wishes?pageSize=100&${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};

describe('demo wish sheets', () => {
  it('publishes a dozen sheets of several ministries and companies', async () => {
    const all = await list('');
    expect(all.total).toBe(12);
    const ministries = new Set(all.items.filter((i) => i.owner.side === 'ministry').map((i) => i.owner.organisationCode));
    expect([...ministries].sort()).toEqual(['digital', 'maff', 'meti', 'mhlw', 'mlit', 'mof']);
    expect(new Set(all.items.filter((i) => i.owner.side === 'company').map((i) => i.owner.companyId)).size).toBe(4);
    expect(all.items.map((i) => i.title)).not.toContain('（下書き）人事部での受入れ');
    expect(all.items.map((i) => i.title)).not.toContain('（募集終了）経営企画の実務を経験させたい');
  });

  it('the browser test’s sheet is found with the full-width word, at its stable reference', async () => {
    const found = await list(`q=${encodeURIComponent(demoWishes.searchWordFullWidth)}`);
    const sheet = found.items.find((i) => i.title === demoWishes.companySheetTitle);
    expect(sheet?.reference).toBe(demoWishes.companySheetReference);
    expect(found.items.map((i) => i.title)).toContain(demoWishes.ministrySheetTitle);
    expect((await list(`q=${encodeURIComponent('ﾃﾞｰﾀ分析')}`)).total).toBeGreaterThanOrEqual(6);
  });

  it('the demo company and the demo ministry each see their own sheets', async () => {
    const pw = demoLogins.password;
    const company = await login(t, 'company-hr@demo.koryu.jp', pw);
    const meti = await login(t, 'meti-hr@demo.koryu.jp', pw);
    const mine = async (s: typeof company) => ((await s.req('GET', '/api/wishes')).json() as { items: { title: string; effectiveStatus: string }[] }).items.map((i) => `${i.effectiveStatus}:${i.title}`).sort();
    expect(await mine(company)).toEqual(
      ['draft:（下書き）人事部での受入れ', `published:${demoWishes.companySheetTitle}`, 'published:海外事業部での交流派遣の受入れ'].sort(),
    );
    expect(await mine(meti)).toEqual(
      [`published:${demoWishes.ministrySheetTitle}`, 'published:GX（グリーントランスフォーメーション）政策の企画立案を担う人材', 'closed:（募集終了）経営企画の実務を経験させたい'].sort(),
    );
  });

  it('a second load adds nothing', async () => {
    expect(await loadDemoWishes(t.db)).toBe(0);
    expect(Number((await t.db.db.select({ n: count() }).from(wishSheets))[0]!.n)).toBe(14);
  });
});
