// Directory search: which matches are ranked, in what order, and how far paging goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { companies } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { nameCore, normalizeForSearch } from '../../../../common/src/text.ts';
import { loginAs, newCorporateNumber, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let npa: Session;

beforeAll(async () => {
  t = await testApp();
  npa = await loginAs(t, 'npa');
});
afterAll(async () => {
  await t?.close();
});

type Page = { items: { id: number; name: string }[]; total: number; totalCapped: boolean };
const list = async (query: string) => {
  const res = await npa.req('GET', `/api/companies?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

async function insertNamed(names: string[]) {
  const rows = names.map((name) => {
    const normalized = normalizeForSearch(name);
    return { corporateNumber: newCorporateNumber(), name, nameNormalized: normalized, nameCore: nameCore(normalized), legalTypeCode: 'kabushiki_kaisha' };
  });
  return t.db.db.insert(companies).values(rows).returning({ id: companies.id });
}

describe('company directory search', () => {
  it('lists without text by id, even after the lowest-id company was updated', async () => {
    // More matches than the count cap: 350 names that contain ミズホシ, used by the next tests too,
    // none of whose core name or reading starts with it.
    await insertNamed(Array.from({ length: 350 }, (_, i) => `株式会社北ミズホシ${i}号`));
    const lowest = rowsOf<{ id: number }>(await t.db.db.execute(sql`select min(id)::int as id from companies`))[0]!.id;
    // The update writes a new row version elsewhere (the first page is full): physical order changes.
    expect((await npa.req('PATCH', `/api/companies/${lowest}`, { employees: 7 })).statusCode).toBe(200);
    const page = await list('pageSize=5');
    expect(page.items[0]!.id).toBe(lowest);
    const ids = page.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('ranks the exact core-name match first when more than the count cap merely contain the text', async () => {
    const [exact] = await insertNamed(['株式会社ミズホシ']);
    const page = await list(`q=${encodeURIComponent('ミズホシ')}`);
    expect(page.totalCapped).toBe(true);
    expect(page.items[0]!.id).toBe(exact!.id);
    // A 2-character prefix search finds it too.
    const [prefix] = await insertNamed(['ミズ技研株式会社']);
    expect((await list(`q=${encodeURIComponent('ミズ')}`)).items.map((i) => i.id)).toContain(prefix!.id);
  });

  it('never pages past the count cap (the extra row only says there are more)', async () => {
    const first = await list('pageSize=200&page=1');
    expect(first.total).toBe(300);
    expect(first.totalCapped).toBe(true);
    expect(first.items).toHaveLength(200);
    const second = await list('pageSize=200&page=2');
    expect(second.items).toHaveLength(100);
    expect(second.total).toBe(300);
    const third = await list('pageSize=200&page=3');
    expect(third.items).toHaveLength(0);
    expect(third.total).toBe(300);
    expect(third.totalCapped).toBe(true);
    // The same with search text.
    const text = await list(`q=${encodeURIComponent('ミズホシ')}&pageSize=200&page=2`);
    expect(text.items).toHaveLength(100);
    const all = new Set([...first.items, ...second.items].map((i) => i.id));
    expect(all.size).toBe(300);
    const found = await t.db.db.select({ id: companies.id }).from(companies).where(inArray(companies.id, [...all]));
    expect(found).toHaveLength(300);
  });
});
