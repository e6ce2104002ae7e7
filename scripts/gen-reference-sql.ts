// Renders server/src/db/reference/*.json into server/src/db/migrations/0001_reference_data.sql.
//   npx tsx scripts/gen-reference-sql.ts          write the file
//   npx tsx scripts/gen-reference-sql.ts --check  exit 1 if the file on disk is not what would be written
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { MIGRATION_PATH, renderReferenceSql } from '../server/src/db/reference/render.ts';

const check = process.argv.includes('--check');
const sql = renderReferenceSql();
const target = relative(process.cwd(), MIGRATION_PATH);

if (check) {
  let current = '';
  try {
    current = readFileSync(MIGRATION_PATH, 'utf8');
  } catch {
    // missing file: treated as different
  }
  if (current !== sql) {
    console.error(`${target} is out of date: run npx tsx scripts/gen-reference-sql.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(MIGRATION_PATH, sql);
  console.log(`wrote ${target} (${sql.length} characters)`);
}
