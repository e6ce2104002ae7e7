// The in-process public listing (public-index.ts) against the SQL path (the reference): a few
// hundred generated sheets saved through the wishes service (drafts, published, closed, short
// expiries, varied publication times with ties and microseconds), then every query of
// public-index.queries.json answered both ways must be identical — items, order, total,
// totalCapped, pages — with the count cap lowered so capped answers are covered too. Again after
// edits, a close, a reopen and a publish made once the index was loaded (the change feed), and
// after the date moves past some expiries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/client.ts';
import { systemContext, type RequestContext } from '../../../platform/context.ts';
import { loginAs, newCorporateNumber, testApp, type TestApp } from '../../../test/app.ts';
import { publicWishQuerySchema, type WishSheetDetail, type WishSheetInput } from '../../../../../common/src/schemas/wishes.schema.ts';
import { Rng } from '../../../../../bench/generator/rng.ts';
import { generateSheet } from '../../../../../bench/generator/wish-sheets.ts';
import { createWishesService, type WishesService } from '../wishes.service.ts';

const data = JSON.parse(readFileSync(join(import.meta.dirname, 'public-index.queries.json'), 'utf8')) as { queries: Record<string, unknown>[] };
const queries = data.queries.map((q) => publicWishQuerySchema.parse(q));

const SHEETS = 240;
const CAP = 25; // low, so that capped answers (totalCapped) are compared too
let t: TestApp;
let today = '2026-06-15';
let svc: WishesService;
let ctx: RequestContext;
const saved: { detail: WishSheetDetail; input: WishSheetInput }[] = [];

async function expectSameAnswers(extra: Record<string, unknown>[] = []) {
  let compared = 0;
  let capped = 0;
  for (const q of [...queries, ...extra.map((x) => publicWishQuerySchema.parse(x))]) {
    const viaSql = await svc.publicListing.sql(q);
    const viaIndex = await svc.publicListing.index(q);
    expect(viaIndex, JSON.stringify(q)).toEqual(viaSql);
    compared++;
    if (viaSql.totalCapped) capped++;
  }
  return { compared, capped };
}

beforeAll(async () => {
  t = await testApp();
  const npa = await loginAs(t, 'npa');
  ctx = { ...systemContext('test'), actor: { accountId: npa.accountId, role: 'npa', displayName: 'seed', organisationId: null, companyId: null, personId: null, locale: 'ja' } };
  svc = createWishesService(t.db, { today: () => today, publicCountCap: CAP, publicIndex: { resyncMs: 0 } });
  const orgs = rowsOf<{ id: number; code: string; name_ja: string; name_en: string }>(
    await t.db.db.execute(sql`select id::int as id, code, name_ja, name_en from organisations where kind = 'ministry' order by sort_order, id`),
  ).map((o) => ({ id: o.id, code: o.code, nameJa: o.name_ja, nameEn: o.name_en }));
  const companies = [];
  const industries = ['D', 'E', 'G', 'H', 'J', 'K'];
  const prefectures = ['13', '27', '01', '14', '40'];
  for (let i = 0; i < 24; i++) {
    const c = await t.app.services.companies.create({ corporateNumber: newCorporateNumber(), name: `交流テスト${i}株式会社`, legalTypeCode: 'kabushiki_kaisha' }, ctx);
    companies.push({ id: c.id, name: c.name, industryCode: industries[i % industries.length]!, prefectureCode: prefectures[i % prefectures.length]! });
  }
  const rng = new Rng(20261123, 'public-index-test');
  for (let i = 0; i < SHEETS; i++) {
    const { input } = generateSheet(rng, i, companies, orgs);
    // Some sheets run out on 2026-06-30 (the last phase moves the date past it).
    const withExpiry = { ...input, expiresOn: i % 9 === 0 ? '2026-06-30' : i % 5 === 0 ? '2027-01-31' : null } as WishSheetInput;
    const detail = await svc.create(ctx, withExpiry);
    saved.push({ detail, input: withExpiry });
    if (i % 10 === 7) continue; // a draft
    const published = await svc.publish(ctx, detail.id, { version: detail.version });
    saved[i]!.detail = i % 17 === 3 ? await svc.close(ctx, detail.id, { version: published.version }) : published;
  }
  // Publication times spread over the year, with ties (same instant: the id decides) and microseconds.
  await t.db.db.execute(
    sql`update wish_sheets set published_at = timestamptz '2026-01-01 09:00:00+09' + (id % 53) * interval '1 day' + (id % 4) * interval '0.000137 second' where published_at is not null`,
  );
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('public listing: index = SQL', () => {
  it('answers every query identically once loaded (capped and uncapped counts)', async () => {
    await svc.publicListing.loaded();
    expect(svc.publicListing.stats()).toMatchObject({ loaded: true });
    const { compared, capped } = await expectSameAnswers();
    expect(compared).toBe(queries.length);
    expect(capped).toBeGreaterThan(5); // the cap path is covered
    // Not vacuous: most queries find something, the default listing is capped.
    const first = await svc.publicListing.index(queries[0]!);
    expect(first.totalCapped).toBe(true);
    expect(first.items).toHaveLength(20);
  });

  it('follows edits, closes, reopens and publications made after it was loaded (change feed)', async () => {
    await svc.publicListing.loaded();
    const before = svc.publicListing.stats().sheets;
    // An edit that adds a word no other sheet has.
    const edited = saved.find((s) => s.detail.status === 'published' && s.input.expiresOn !== '2026-06-30')!;
    const updated = await svc.update(ctx, edited.detail.id, { version: edited.detail.version, sheet: { ...edited.input, title: `${edited.input.title}（ｶﾞﾝﾊﾞﾙ交流）` } as WishSheetInput });
    expect((await svc.publicListing.index(publicWishQuerySchema.parse({ q: 'がんばる' }))).items.map((i) => i.reference)).toEqual([updated.reference]);
    // A close: gone from every answer.
    const toClose = saved.filter((s) => s.detail.status === 'published')[5]!;
    const closed = await svc.close(ctx, toClose.detail.id, { version: toClose.detail.version });
    // A publication of a draft.
    const draft = saved.find((s) => s.detail.status === 'draft')!;
    const published = await svc.publish(ctx, draft.detail.id, { version: draft.detail.version });
    // A reopen of a closed sheet (back to a draft: unlisted).
    const wasClosed = saved.find((s) => s.detail.status === 'closed')!;
    await svc.reopen(ctx, wasClosed.detail.id, { version: wasClosed.detail.version });
    await expectSameAnswers([{ q: 'ｶﾞﾝﾊﾞﾙ' }, { q: closed.title }, { q: published.title }]);
    expect(svc.publicListing.stats()).toMatchObject({ sheets: before, overlay: 2 }); // −1 closed +1 published; edit + publish appended
  });

  it('drops sheets past their expiry date when the date moves', async () => {
    const live = (await svc.publicListing.sql(publicWishQuerySchema.parse({ pageSize: 100, sort: 'expires' }))).items.filter((i) => i.expiresOn === '2026-06-30');
    expect(live.length).toBeGreaterThan(0);
    today = '2026-07-01';
    try {
      const after = await svc.publicListing.index(publicWishQuerySchema.parse({ pageSize: 100, sort: 'expires' }));
      expect(after.items.some((i) => i.expiresOn === '2026-06-30')).toBe(false);
      await expectSameAnswers();
    } finally {
      today = '2026-06-15';
    }
  });

  it('is rebuilt from scratch to the same answers', async () => {
    svc.publicListing.reset();
    await expectSameAnswers();
  });
});
