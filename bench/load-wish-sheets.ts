// Adds N synthetic published wish sheets (交流希望シート) to a database that holds the national-scale
// registry (bench/load-scale.ts), for bench/wishes-public-http.bench.ts. Migrates first.
//   npx tsx bench/load-wish-sheets.ts --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--count 100000] [--seed 42] [--replace]
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/src/db/client.ts';
import { countArg, loaderTarget } from './lib.ts';
import { loadWishSheets } from './generator/wish-sheets.ts';

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
  console.error(`[load-wish-sheets] ${count} sheets (seed ${target.seed}) into ${database.describe}`);
  const r = await loadWishSheets(database, { count, seed: target.seed, replace: values.replace ?? false, log: (s) => console.error(`[load-wish-sheets] ${s}`) });
  console.log(JSON.stringify({ ...r, sheetsPerSecond: Math.round(r.inserted / (r.ms / 1000)) }));
} finally {
  await database.close();
}
