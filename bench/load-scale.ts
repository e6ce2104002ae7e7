// Loads synthetic data at demo or national scale:
//   npx tsx bench/load-scale.ts --scale demo|national [--seed 42] [--database-url URL | --data-dir DIR] [--append]
// Falls back to DATABASE_URL / KORYU_DATA_DIR. Migrates first. Progress on stderr, summary on stdout.
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/src/db/client.ts';
import { countArg, loaderTarget } from './lib.ts';
import { DataPresentError, loadScale, SCALES, type LoadProgress, type Scale, type ScaleCounts } from './generator/load.ts';

const usage = `usage: npx tsx bench/load-scale.ts --scale demo|national [--seed 42] [--database-url URL | --data-dir DIR] [--append]
         [--companies N] [--officials N] [--employees N] [--as-of YYYY-MM-DD]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      append: { type: 'boolean', default: false },
      companies: { type: 'string' },
      officials: { type: 'string' },
      employees: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.scale !== 'demo' && values.scale !== 'national') {
    console.error(usage);
    return 1;
  }
  const scale: Scale = values.scale;
  const base = SCALES[scale];
  const counts: ScaleCounts = {
    companies: countArg(values.companies, base.companies, 'companies'),
    officials: countArg(values.officials, base.officials, 'officials'),
    employees: countArg(values.employees, base.employees, 'employees'),
  };
  const target = loaderTarget(values);
  if (!target) return 1;
  const { seed, databaseUrl, dataDir } = target;

  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
  try {
    await database.migrate();
    console.error(`[load-scale] ${scale} (seed ${seed}) into ${database.describe}: ${JSON.stringify(counts)}`);
    let lastPrint = 0;
    let lastRows = 0;
    const onProgress = (p: LoadProgress) => {
      const now = p.elapsedMs;
      if (now - lastPrint < 3_000 && p.done < p.total) return;
      const rate = ((p.rows - lastRows) * 1000) / Math.max(1, now - lastPrint);
      lastPrint = now;
      lastRows = p.rows;
      const pct = p.total > 0 ? ((100 * p.done) / p.total).toFixed(1) : '100';
      console.error(
        `[load-scale] ${(now / 1000).toFixed(1)}s ${p.phase} ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} (${pct}%) ` +
          `rows ${p.rows.toLocaleString('en')}, ${Math.round(rate).toLocaleString('en')} rows/s`,
      );
    };
    const r = await loadScale(database, { scale: counts, seed, append: values.append, onProgress, ...(values['as-of'] ? { asOf: values['as-of'] } : {}) });
    console.log(
      `loaded ${scale} seed=${seed}: companies=${r.companies} company_divisions=${r.companyDivisions} officials=${r.officials} ` +
        `employees=${r.employees} post_assignments=${r.postAssignments} rows=${r.rows} in ${r.seconds}s ` +
        `(${Math.round(r.rows / Math.max(0.1, r.seconds))} rows/s) into ${database.describe}`,
    );
    return 0;
  } catch (err) {
    if (err instanceof DataPresentError) {
      console.error(`[load-scale] ${err.message}`);
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
