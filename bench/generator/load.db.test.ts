import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDb } from '../../server/src/test/db.ts';
import { DataPresentError, loadScale, type LoadProgress } from './load.ts';

let d: TestDb;
beforeAll(async () => {
  d = await freshDatabase();
});
afterAll(async () => {
  await d?.drop();
});

const one = async <T extends Record<string, unknown>>(text: string): Promise<T> =>
  ((await d.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows[0] as T;
const n = async (text: string): Promise<number> => Number((await one<{ n: unknown }>(text)).n);

describe('loadScale', () => {
  it('loads companies, divisions, officials with post history and employees', async () => {
    const progress: LoadProgress[] = [];
    const r = await loadScale(d, {
      scale: { companies: 60, officials: 40, employees: 10 },
      seed: 5,
      statementRows: 25,
      onProgress: (p) => progress.push(p),
    });
    expect(r.companies).toBe(60);
    expect(r.officials).toBe(40);
    expect(r.employees).toBe(10);
    expect(await n('select count(*) as n from companies')).toBe(60);
    expect(await n('select count(*) as n from company_divisions')).toBe(r.companyDivisions);
    expect(await n("select count(*) as n from people where kind = 'official'")).toBe(40);
    expect(await n("select count(*) as n from people where kind = 'employee'")).toBe(10);
    expect(await n('select count(*) as n from post_assignments')).toBe(r.postAssignments);
    expect(r.postAssignments).toBeGreaterThanOrEqual(120);
    expect(progress.at(-1)).toMatchObject({ phase: 'employees', done: 10, total: 10 });
    // Every post is in a unit of the official's own organisation.
    expect(
      await n(`select count(*) as n from post_assignments a join people p on p.id = a.person_id
               join org_units u on u.id = a.unit_id where u.organisation_id <> p.organisation_id`),
    ).toBe(0);
  });

  it('sets the identity sequences past the loaded ids', async () => {
    const row = await one<{ id: unknown }>("insert into company_divisions (company_id, name) values (1, '試験部') returning id");
    expect(Number(row.id)).toBe((await n('select max(id) as n from company_divisions')));
    await d.db.execute(sql.raw("delete from company_divisions where name = '試験部'"));
  });

  it('refuses to load over existing companies unless appending', async () => {
    await expect(loadScale(d, { scale: { companies: 5, officials: 0, employees: 0 } })).rejects.toBeInstanceOf(DataPresentError);
    const r = await loadScale(d, { scale: { companies: 30, officials: 5, employees: 5 }, seed: 6, append: true });
    expect(r.companies).toBe(30);
    expect(await n('select count(*) as n from companies')).toBe(90);
    expect(await n('select count(distinct corporate_number) as n from companies')).toBe(90);
    expect(await n('select count(*) as n from companies where parent_id is not null and id > 60 and parent_id <= 60')).toBe(0);
  });
});
