// Backup and restore of every table as gzip'd JSON lines. Rows travel as row_to_json and come back
// through json_populate_recordset, so types (and json text) round-trip exactly; restore is one transaction.
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '../../db/client.ts';
import { schemaTables, tableOrder } from '../../db/schema.ts';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { inTransaction } from '../../db/tx.ts';
import path from 'node:path';
import { AUDIT_LOCK, writeAudit } from '../audit.ts';
import type { RequestContext } from '../context.ts';

const FORMAT = 'koryu-backup/1';
const BATCH = 2000;
const knownTables = new Set<string>(tableOrder);
// Tables keyed by something other than an identity `id`: read whole, in key order (they are small).
// Derived from the schema: a table is paged by `id` when its `id` is a generated identity column.
const identityTables = new Set<string>(
  Object.values(schemaTables)
    .map((table) => getTableConfig(table))
    .filter((c) => c.columns.some((col) => col.name === 'id' && col.primary && col.generatedIdentity !== undefined))
    .map((c) => c.name),
);

type Progress = (table: string, rows: number) => void;

/** Every row of a table as row_to_json text, in primary-key order, in batches (keyset paging). */
export async function* tableRows(db: Executor, table: string): AsyncGenerator<string[]> {
  const t = sql.identifier(table);
  if (identityTables.has(table)) {
    let last = 0;
    for (;;) {
      const r = rowsOf<{ id: number; j: string }>(
        await db.execute(sql`select id::float8 as id, row_to_json(x)::text as j from ${t} x where id > ${last} order by id limit ${BATCH}`),
      );
      if (r.length === 0) return;
      last = Number(r[r.length - 1]!.id);
      yield r.map((x) => x.j);
    }
  } else {
    const r = rowsOf<{ j: string }>(await db.execute(sql`select row_to_json(x)::text as j from ${t} x order by 1`));
    if (r.length) yield r.map((x) => x.j);
  }
}

export async function backup(database: Database, file: string, onProgress?: Progress): Promise<Record<string, number>> {
  const gz = zlib.createGzip();
  const out = fs.createWriteStream(file);
  gz.pipe(out);
  const write = (s: string) => (gz.write(s) ? Promise.resolve() : new Promise<void>((r) => gz.once('drain', () => r())));
  const counts: Record<string, number> = {};
  // One snapshot for all tables, so the backup is consistent while the app keeps writing.
  await inTransaction(
    database.db,
    async (tx) => {
      const migrations = rowsOf<{ hash: string }>(
        await tx.execute(sql`select hash from drizzle.__drizzle_migrations order by id`),
      ).map((m) => m.hash);
      await write(`${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations, tables: tableOrder })}\n`);
      for (const table of tableOrder) {
        counts[table] = 0;
        for await (const batch of tableRows(tx, table)) {
          await write(batch.map((j) => `{"t":${JSON.stringify(table)},"r":${j}}\n`).join(''));
          counts[table] += batch.length;
          onProgress?.(table, counts[table] ?? 0);
        }
      }
    },
    { isolation: 'repeatable read' },
  );
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gz.end();
  });
  return counts;
}

export async function restore(
  database: Database,
  file: string,
  onProgress?: Progress,
  ctx?: RequestContext,
): Promise<Record<string, number>> {
  // The file is read afresh by every attempt: a retried transaction must not find the stream spent.
  const open = () => {
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    return lines[Symbol.asyncIterator]();
  };
  const readHeader = async (it: AsyncIterator<string>) => {
    const first = await it.next();
    const header = first.done ? null : (JSON.parse(first.value) as { format?: string; migrations?: string[] });
    if (!header || header.format !== FORMAT) throw new Error(`${file} is not a koryu backup`);
    return header;
  };
  const probe = open();
  await readHeader(probe);
  await probe.return?.();
  let counts: Record<string, number> = {};
  await inTransaction(database.db, async (tx) => {
    counts = {};
    const it = open();
    const header = await readHeader(it);
    // Take the audit lock before the tables' locks, in the order every other writer takes them.
    if (ctx) await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const have = rowsOf<{ hash: string }>(await tx.execute(sql`select hash from drizzle.__drizzle_migrations order by id`)).map((m) => m.hash);
    if (JSON.stringify(have) !== JSON.stringify(header.migrations)) {
      throw new Error('the backup was taken at a different schema version: migrate to the same version first');
    }
    await tx.execute(sql.raw(`truncate table ${[...tableOrder].reverse().map((t) => `"${t}"`).join(', ')} restart identity cascade`));
    let table: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const t = sql.identifier(table);
      const overriding = identityTables.has(table) ? sql`overriding system value` : sql``;
      // json_, not jsonb_populate_recordset: a `json` column keeps its text as written (key order, spaces),
      // which a detour through jsonb would normalise (survey answers would no longer match their checksum).
      await tx.execute(sql`insert into ${t} ${overriding} select * from json_populate_recordset(null::${t}, ${`[${batch.join(',')}]`}::json)`);
      const n = (counts[table] ?? 0) + batch.length;
      counts[table] = n;
      onProgress?.(table, n);
      batch = [];
    };
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      if (!next.value) continue;
      const m = /^\{"t":"([a-z_]+)","r":(.*)\}$/.exec(next.value);
      if (!m) throw new Error('corrupt backup line');
      if (!knownTables.has(m[1]!)) throw new Error(`the backup names an unknown table: ${m[1]}`);
      if (m[1] !== table || batch.length >= BATCH) {
        await flush();
        table = m[1]!;
      }
      batch.push(m[2]!);
    }
    await flush();
    for (const t of identityTables) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.identifier(t)}), 0) + 1, false)`,
      );
    }
    // The restore and its audit row commit together, or neither does.
    if (ctx) await writeAudit(tx, ctx, { action: 'database.restore', recordType: 'database', after: { file: path.basename(file), counts } });
  });
  return counts;
}

/** Row count and an order-independent checksum per table, to compare two databases. */
export async function tableChecksums(db: Executor): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of tableOrder) {
    const r = rowsOf<{ n: number; h: string | null }>(
      await db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(md5(row_to_json(x)::text), '' order by md5(row_to_json(x)::text)), '')) as h from ${sql.identifier(table)} x`,
      ),
    );
    out[table] = { rows: r[0]?.n ?? 0, md5: r[0]?.h ?? '' };
  }
  return out;
}
