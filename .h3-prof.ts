import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from './server/src/db/client.ts';
import { createCriteriaService } from './server/src/modules/criteria/criteria.service.ts';
import { createSuggestionsService } from './server/src/modules/suggestions/suggestions.service.ts';
const d = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/koryu_national', poolSize: 10 });
const criteria = createCriteriaService(d);
const today = '2026-11-23';
const s = createSuggestionsService(d, { criteria, clock: { today: () => today } });
let t = performance.now();
const snap = await s.sheetIndex.current();
console.log('index load', Math.round(performance.now() - t), 'ms', snap.size);
t = performance.now(); snap.tables(); console.log('tables', Math.round(performance.now() - t), 'ms');
const ctx = { actor: { accountId: 1, role: 'npa' as const, displayName: 'x', organisationId: null, companyId: null, personId: null, locale: 'ja' as const }, requestId: null, ip: null };
for (const kind of ['ministry_dispatch', 'ministry_hire', 'company']) {
  const ids = rowsOf<{ id: number }>(await d.db.execute(sql`select id::int as id from wish_sheets where kind=${kind} order by id limit 6`)).map((r) => r.id);
  const times: number[] = [];
  for (const id of ids) {
    t = performance.now();
    const r = await s.suggestionsFor(ctx, id, { limit: 20 });
    times.push(Math.round(performance.now() - t));
    if (id === ids[0]) console.log(kind, 'candidates', r.candidates, 'barred', r.barred.length);
  }
  console.log(kind, times.join(' '));
}
await d.close();
