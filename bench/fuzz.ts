// Long fuzz run over every write route (see server/src/test/fuzz/route-fuzz.ts):
//   npm run fuzz -- --runs 30000 [--seed 42] [--backend pglite|postgres] [--check-writes all|sample|none]
// --runs is the total number of inputs, split evenly over the write routes (valid 1/3, probe 1/3,
// mutated 1/3). Prints the counts; exits 1 on any finding (5xx, 4xx without ja/en, SQL error,
// server-logged error, altered probe, a refused request that changed row counts).
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    backend: { type: 'string', default: 'pglite' },
    'check-writes': { type: 'string', default: 'sample' },
  },
});
const backend = values.backend === 'postgres' ? 'postgres' : 'pglite';
process.env.KORYU_TEST_DB = backend;
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const { prepareTemplates } = await import('../server/src/test/db.ts');
const { fuzzApp, fuzzRoutes, summary } = await import('../server/src/test/fuzz/route-fuzz.ts');

await prepareTemplates(backend);
const f = await fuzzApp();
const per = Math.max(3, Math.ceil(Number(values.runs) / f.routes.length));
const third = Math.ceil(per / 3);
const started = Date.now();
console.log(`fuzz: ${f.routes.length} write routes, ${third} valid + ${third} probe + ${third} mutated inputs each, seed ${seed}, backend ${backend}`);
await fuzzRoutes(f, {
  perRoute: { valid: third, probe: third, mutated: third },
  seed,
  checkWrites: values['check-writes'] as 'all' | 'sample' | 'none',
  onRoute: (r, i) => {
    if (i % 10 === 0) process.stderr.write(`  [${i}/${f.routes.length}] ${r.method} ${r.url}  (${f.stats.inputs} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  },
});
const st = f.stats;
console.log(summary(st));
console.log(`seed ${seed}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const x of st.failures.slice(0, 40)) console.log(`FAIL ${x.route} [${x.mode}] ${x.status}: ${x.detail.slice(0, 400)}`);
const byState = new Map<string, number>();
for (const e of st.dbErrors) byState.set(`${e.state} ${e.route}: ${e.message.slice(0, 160)}`, (byState.get(`${e.state} ${e.route}: ${e.message.slice(0, 160)}`) ?? 0) + 1);
for (const [k, n] of [...byState].slice(0, 40)) console.log(`SQL ${n}x ${k}`);
for (const l of st.logErrors.slice(0, 20)) console.log(`LOG ${l}`);
await f.close();
process.exit(st.failures.length || st.dbErrors.length || st.logErrors.length ? 1 : 0);
