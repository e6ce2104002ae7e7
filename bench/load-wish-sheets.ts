// Adds N synthetic published wish sheets (交流希望シート) to a database that holds the national-scale
// registry (bench/load-scale.ts), for bench/wishes-public-http.bench.ts. Migrates first.
//   npx tsx bench/load-wish-sheets.ts --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--count 100000] [--seed 42] [--replace]
import { runCountLoader } from './lib.ts';
import { loadWishSheets } from './generator/wish-sheets.ts';

await runCountLoader({ name: 'load-wish-sheets', noun: 'sheets', rate: 'sheetsPerSecond', load: loadWishSheets });
