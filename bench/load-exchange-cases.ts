// Adds N synthetic exchange cases to a database that holds the national-scale registry
// (bench/load-scale.ts). Migrates first.
//   npx tsx bench/load-exchange-cases.ts --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--count 100000] [--seed 42] [--replace]
import { runCountLoader } from './lib.ts';
import { loadExchangeCases } from './generator/exchange-cases.ts';

await runCountLoader({
  name: 'load-exchange-cases',
  noun: 'cases',
  rate: 'casesPerSecond',
  load: (database, { count, seed, replace }) => loadExchangeCases(database, { count, seed, replace }),
});
