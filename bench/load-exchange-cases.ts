// Adds N synthetic exchange cases to a database that holds the national-scale registry
// (bench/load-scale.ts). Migrates first.
//   npx tsx bench/load-exchange-cases.ts --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--count 100000] [--seed 42] [--replace]
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/src/db/client.ts';
import { countArg, loaderTarget } from './lib.ts';
import { loadExchangeCases } from './generator/exchange-cases.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
});
const target = loaderTarget(values);
if (!target) process.exit(1);
const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
try {
  await database.migrate();
  const count = countArg(values.count, 100_000, 'count');
  console.error(`[load-exchange-cases] ${count} cases (seed ${target.seed}) into ${database.describe}`);
  const r = await loadExchangeCases(database, { count, seed: target.seed, replace: values.replace ?? false });
  console.log(JSON.stringify({ ...r, casesPerSecond: Math.round(r.inserted / (r.ms / 1000)) }));
} finally {
  await database.close();
}
