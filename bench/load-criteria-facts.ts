// Adds the criteria facts (交流基準: jurisdiction, contracts, sales, sanctions, involvements, past
// exchanges, division revenue) to a database that already holds synthetic companies and officials
// (bench/load-scale.ts). Migrates first. Never touches companies, people or posts.
//   npx tsx bench/load-criteria-facts.ts --scale national --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--replace]
// Options: --seed N (default 42), --as-of YYYY-MM-DD (default 2025-04-01, as load-scale), --replace
// (empty the seven fact tables first; without it the command exits 1 when they hold rows),
// --jurisdictions/--contracts/--sanction-cases/--involvements/--exchanges/--division-revenue N.
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/src/db/client.ts';
import { countArg, loaderTarget } from './lib.ts';
import { FACTS_SCALES, type FactsCounts } from './generator/criteria-facts.ts';
import { FactsPresentError, loadCriteriaFacts } from './generator/criteria-facts-load.ts';

const usage = `usage: npx tsx bench/load-criteria-facts.ts --scale demo|national [--seed 42] [--database-url URL | --data-dir DIR] [--replace]
         [--as-of YYYY-MM-DD] [--jurisdictions N] [--contracts N] [--sanction-cases N] [--involvements N] [--exchanges N] [--division-revenue N]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      replace: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      jurisdictions: { type: 'string' },
      contracts: { type: 'string' },
      'sanction-cases': { type: 'string' },
      involvements: { type: 'string' },
      exchanges: { type: 'string' },
      'division-revenue': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.scale !== 'demo' && values.scale !== 'national') {
    console.error(usage);
    return 1;
  }
  const base = FACTS_SCALES[values.scale];
  const counts: FactsCounts = {
    jurisdictions: countArg(values.jurisdictions, base.jurisdictions, 'jurisdictions'),
    contracts: countArg(values.contracts, base.contracts, 'contracts'),
    sanctionCases: countArg(values['sanction-cases'], base.sanctionCases, 'sanction-cases'),
    involvements: countArg(values.involvements, base.involvements, 'involvements'),
    exchanges: countArg(values.exchanges, base.exchanges, 'exchanges'),
    divisionRevenue: countArg(values['division-revenue'], base.divisionRevenue, 'division-revenue'),
  };
  const target = loaderTarget(values);
  if (!target) return 1;
  const { seed, databaseUrl, dataDir } = target;
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
  try {
    await database.migrate();
    console.error(`[load-criteria-facts] ${values.scale} (seed ${seed}) into ${database.describe}: ${JSON.stringify(counts)}`);
    let last = 0;
    const r = await loadCriteriaFacts(database, {
      scale: counts,
      seed,
      replace: values.replace,
      ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      onProgress: (p) => {
        if (p.elapsedMs - last < 3_000) return;
        last = p.elapsedMs;
        console.error(`[load-criteria-facts] ${(p.elapsedMs / 1000).toFixed(1)}s ${p.table} ${p.rows.toLocaleString('en')} rows`);
      },
    });
    const { rows, readSeconds, generateSeconds, insertSeconds, ...tables } = r;
    console.log(
      `loaded criteria facts seed=${seed}: ${Object.entries(tables).map(([t, n]) => `${t}=${n}`).join(' ')} rows=${rows} ` +
        `(read ${readSeconds}s, generate ${generateSeconds}s, insert+analyze ${insertSeconds}s) into ${database.describe}`,
    );
    return 0;
  } catch (err) {
    if (err instanceof FactsPresentError) {
      console.error(`[load-criteria-facts] ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
