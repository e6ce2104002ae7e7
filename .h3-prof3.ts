import { openDatabase } from './server/src/db/client.ts';
import { createCriteriaService } from './server/src/modules/criteria/criteria.service.ts';
import { createSuggestionsService, plannedExchange } from './server/src/modules/suggestions/suggestions.service.ts';
import { createPairScreeningRepository } from './server/src/modules/criteria/pair-screening.repository.ts';
import { screenPairs } from './server/src/modules/criteria/pair-screening.ts';
import { evaluate } from './server/src/modules/criteria/engine.ts';
import { defaultParameters } from './server/src/modules/criteria/parameters.ts';
const d = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/koryu_national', poolSize: 10 });
const today = '2026-11-23';
const s = createSuggestionsService(d, { criteria: createCriteriaService(d), clock: { today: () => today } });
const snap = await s.sheetIndex.current();
const repo0 = createPairScreeningRepository(d.db);
let tRepo = 0; let nEval = 0; let tEval = 0;
const repo = { ...repo0, facts: async (...a: Parameters<typeof repo0.facts>) => { const t = performance.now(); const r = await repo0.facts(...a); tRepo += performance.now() - t; return r; } };
const params = defaultParameters();
const company = (snap.companyHosts[5]!).companyId;
for (let k = 0; k < 5; k++) {
  tRepo = 0; nEval = 0; tEval = 0;
  let t = performance.now();
  const groups = new Map<string, any>();
  for (const w of snap.dispatchWishes) { const p = plannedExchange(w, today); const key = `${w.organisationId}|${p.plannedStart}|${p.plannedEnd}`; if (!groups.has(key)) groups.set(key, { organisationId: w.organisationId, direction: 'dispatch', ...p, companyIds: new Set([company]) }); }
  const tGroups = performance.now() - t;
  t = performance.now();
  await screenPairs({ repo, params, evaluate: (r) => { nEval++; const t0 = performance.now(); const x = evaluate(r, params); tEval += performance.now() - t0; return x; } }, [...groups.values()]);
  console.log({ tGroups: Math.round(tGroups), total: Math.round(performance.now() - t), tRepo: Math.round(tRepo), nEval, tEval: Math.round(tEval) });
}
await d.close();
