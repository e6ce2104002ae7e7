import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from './server/src/db/client.ts';
import { createCriteriaService } from './server/src/modules/criteria/criteria.service.ts';
import { createSuggestionsService } from './server/src/modules/suggestions/suggestions.service.ts';
import { companyTable, scoreSheetAgainst, selectRows, todayNumber } from './server/src/modules/suggestions/fast-score.ts';
import { suggestParams } from './server/src/modules/wishes/suggest.ts';
const d = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/koryu_national', poolSize: 10 });
const criteria = createCriteriaService(d);
const today = '2026-11-23';
const s = createSuggestionsService(d, { criteria, clock: { today: () => today } });
const snap = await s.sheetIndex.current();
const tables = snap.tables();
const params = suggestParams(today);
const ids = rowsOf<{ id: number }>(await d.db.execute(sql`select id::int as id from wish_sheets where kind='company' and direction='dispatch' order by id limit 6`)).map((r) => r.id);
for (const id of ids) {
  const sheet = snap.get(id) as any;
  if (!sheet) continue;
  let t = performance.now();
  const side = companyTable([sheet], 'hosts');
  const scores = scoreSheetAgainst(side, 0, tables.dispatch, params, todayNumber(today));
  const tScore = performance.now() - t;
  t = performance.now();
  const open: any[] = [];
  for (let row = 0; row < scores.length; row++) if (scores[row] === scores[row]) open.push({ wish: snap.get(tables.dispatch.ids[row]!), companyIds: [sheet.companyId] });
  const tOpen = performance.now() - t;
  t = performance.now();
  const v = await s.screenWishPairs(open, today);
  const tScreen = performance.now() - t;
  t = performance.now();
  selectRows(tables.dispatch.ids, scores, () => false, 20);
  const tSel = performance.now() - t;
  console.log({ tScore: Math.round(tScore), tOpen: Math.round(tOpen), tScreen: Math.round(tScreen), tSel: Math.round(tSel), n: open.length });
}
await d.close();
// count groups / evaluations
{
  const d2 = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/koryu_national', poolSize: 4 });
  const { plannedExchange } = await import('./server/src/modules/suggestions/suggestions.service.ts');
  const keys = new Set<string>(); const starts = new Set<string>();
  for (const w of snap.dispatchWishes) { const p = plannedExchange(w, today); keys.add(`${w.organisationId}|${p.plannedStart}|${p.plannedEnd}`); starts.add(p.plannedStart); }
  console.log('groups', keys.size, 'starts', starts.size);
  const { evaluate } = await import('./server/src/modules/criteria/engine.ts');
  const { defaultParameters } = await import('./server/src/modules/criteria/parameters.ts');
  const params = defaultParameters();
  const doc = { exchange: { direction: 'dispatch', organisationId: '1', unitId: 'organisation', companyId: '5', plannedStart: '2027-04-01', plannedEnd: '2028-03-31' }, facts: { companies: [{ id: '5', name: 'x', legalTypeCode: 'kabushiki_kaisha', capitalYen: 1, employees: 1, parentId: null, sales: [] }], contracts: [], sanctions: [], jurisdictions: [], priorExchanges: [] } } as any;
  let t = performance.now(); for (let i = 0; i < 1000; i++) evaluate(doc, params); console.log('engine per eval', ((performance.now() - t) / 1000).toFixed(3), 'ms');
  await d2.close();
}
