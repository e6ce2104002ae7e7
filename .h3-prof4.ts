import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from './server/src/db/client.ts';
import { createPairScreeningRepository } from './server/src/modules/criteria/pair-screening.repository.ts';
import { screeningWindows } from './server/src/modules/criteria/criteria.repository.ts';
import { screenPairs } from './server/src/modules/criteria/pair-screening.ts';
import { evaluate } from './server/src/modules/criteria/engine.ts';
import { defaultParameters } from './server/src/modules/criteria/parameters.ts';
const d = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/koryu_national', poolSize: 10 });
const params = defaultParameters();
const repo0 = createPairScreeningRepository(d.db);
const T: Record<string, number> = {};
const wrap = (name: string, f: any) => async (...a: any[]) => { const t = performance.now(); const r = await f(...a); T[name] = (T[name] ?? 0) + performance.now() - t; return r; };
const repo = { candidates: wrap('candidates', repo0.candidates), facts: wrap('facts', repo0.facts), jurisdictions: repo0.jurisdictions };
const orgs = rowsOf<{ o: number; n: number }>(await d.db.execute(sql`select organisation_id::int as o, count(*)::int as n from ministry_contracts group by 1 order by 2 desc limit 3`));
console.log(orgs);
const companies = new Set(rowsOf<{ c: number }>(await d.db.execute(sql`select distinct company_id::int as c from wish_sheets where kind='company'`)).map((r) => r.c));
for (const { o } of orgs) {
  for (const k of Object.keys(T)) delete T[k];
  let nEval = 0;
  const t = performance.now();
  const [v] = await screenPairs({ repo: repo as any, params, evaluate: (r) => { nEval++; return evaluate(r, params); } }, [{ organisationId: o, direction: 'dispatch', plannedStart: '2027-04-01', plannedEnd: '2028-03-31', companyIds: companies }]);
  const w = screeningWindows('2027-04-01', params);
  const c = await repo0.candidates([o], '2027-04-01', w);
  console.log({ org: o, total: Math.round(performance.now() - t), ...Object.fromEntries(Object.entries(T).map(([k, x]) => [k, Math.round(x)])), nEval, candidates: c.size, verdicts: v!.size });
}
await d.close();
