// Cold start to first response on PGlite: a new process opening an existing data folder
// (migrated, demo data), measured until /api/health answers 200. Runs N times; also reports the
// very first start on an empty folder (creates the database and migrates).
//   npx tsx bench/cold-start.bench.ts --runs 5
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, rssMb, startKoryu } from './lib.ts';

const runs = Number(arg('runs', '5'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-cold-'));
const env = { KORYU_DATA_DIR: dir, DATABASE_URL: '' };

const first = await startKoryu(env, 3980);
const firstRss = rssMb(first.proc.pid!);
await first.stop();
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const s = await startKoryu(env, 3980);
  times.push(s.readyMs);
  await s.stop();
}
fs.rmSync(dir, { recursive: true, force: true });
times.sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      emptyFolderFirstStartMs: Math.round(first.readyMs),
      emptyFolderRssMb: Math.round(firstRss),
      existingFolderStartMs: { runs, min: Math.round(times[0]!), median: Math.round(times[Math.floor(times.length / 2)]!), max: Math.round(times[times.length - 1]!) },
    },
    null,
    2,
  ),
);
