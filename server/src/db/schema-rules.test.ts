// The schema follows the distribution rules of docs/scaling.md (server/src/db/distribution.ts):
// every table classified and keyed; distributed tables keep their distribution key in the primary
// key and unique indexes; foreign keys only to reference tables or co-located through the key;
// reference tables reference only reference tables; no cross-shard locking SQL beyond the listed
// places. The exceptions are listed in distribution.ts, exactly: a new violation fails, and so does
// a listed exception that no longer applies. The synthetic tables at the end show each rule fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { is, SQL } from 'drizzle-orm';
import { bigint, getTableConfig, pgTable, PgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { ALLOWED_SQL, DISTRIBUTION, SCHEMA_EXCEPTIONS, type Placement, type SqlKind } from './distribution.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every rule violation of `tables` under `plan`, as exception keys (see distribution.ts). */
function violations(tables: readonly PgTable[], plan: Readonly<Record<string, Placement>>): string[] {
  const out: string[] = [];
  const names = new Set(tables.map((t) => getTableConfig(t).name));
  for (const name of Object.keys(plan)) if (!names.has(name)) out.push(`stale:${name}`);
  for (const t of tables) {
    const c = getTableConfig(t);
    const p = plan[c.name];
    if (!p) {
      out.push(`unclassified:${c.name}`);
      continue;
    }
    const pkColumns = [...c.columns.filter((col) => col.primary).map((col) => col.name), ...c.primaryKeys.flatMap((k) => k.columns.map((col) => col.name))];
    if (!pkColumns.length) out.push(`nopk:${c.name}`);
    if (p.kind === 'distributed') {
      if (!c.columns.some((col) => col.name === p.key)) out.push(`nokey:${c.name}.${p.key}`);
      else if (c.columns.find((col) => col.name === p.key)!.notNull === false) out.push(`nullkey:${c.name}.${p.key}`);
      const root = plan[p.group];
      if (!root || root.kind !== 'distributed' || root.group !== p.group) out.push(`badgroup:${c.name}`);
      if (pkColumns.length && !pkColumns.includes(p.key)) out.push(`pk:${c.name}`);
      for (const ix of c.indexes) {
        if (!ix.config.unique) continue;
        const cols = ix.config.columns.map((col) => (is(col, SQL) ? null : ((col as { name?: string }).name ?? null)));
        if (!cols.includes(p.key)) out.push(`unique:${c.name}.${ix.config.name}`);
      }
      for (const u of c.uniqueConstraints) if (!u.columns.some((col) => col.name === p.key)) out.push(`unique:${c.name}.${u.name}`);
      for (const col of c.columns) if (col.isUnique && col.name !== p.key) out.push(`unique:${c.name}.${col.name}`);
    }
    for (const fk of c.foreignKeys) {
      const r = fk.reference();
      const target = getTableConfig(r.foreignTable).name;
      const key = `fk:${c.name}.${r.columns.map((col) => col.name).join(',')}->${target}`;
      const q = plan[target];
      if (!q) continue; // reported as unclassified
      if (q.kind === 'reference') continue; // every placement may reference a reference table
      if (p.kind === 'reference') out.push(key);
      else if (p.kind === 'local') {
        if (q.kind !== 'local') out.push(key);
      } else {
        // distributed → local is never allowed; distributed → distributed only within the group,
        // from this table's key column to the other table's key column
        const i = r.columns.findIndex((col) => col.name === p.key);
        const ok = q.kind === 'distributed' && q.group === p.group && i >= 0 && r.foreignColumns[i]!.name === q.key;
        if (!ok) out.push(key);
      }
    }
  }
  return out.sort();
}

const allTables: PgTable[] = (Object.values(schema) as unknown[]).filter((x): x is PgTable => is(x, PgTable));

describe('distribution rules (docs/scaling.md)', () => {
  it('schema.ts exports exactly the tables of schemaTables and tableOrder', () => {
    const names = allTables.map((t) => getTableConfig(t).name).sort();
    expect(Object.values(schema.schemaTables).map((t) => getTableConfig(t).name).sort()).toEqual(names);
    expect([...schema.tableOrder].sort()).toEqual(names);
    expect(names.length).toBeGreaterThan(60);
  });

  it('every table is classified, and the only rule violations are the listed exceptions', () => {
    expect(violations(allTables, DISTRIBUTION)).toEqual(Object.keys(SCHEMA_EXCEPTIONS).sort());
    for (const [k, why] of Object.entries(SCHEMA_EXCEPTIONS)) expect(why.length, k).toBeGreaterThan(20);
    for (const [k, p] of Object.entries(DISTRIBUTION)) expect(p.why.length, k).toBeGreaterThan(5);
  });

  it('every table has a primary key, with no exception', () => {
    expect(violations(allTables, DISTRIBUTION).filter((v) => v.startsWith('nopk:') || v.startsWith('nokey:') || v.startsWith('nullkey:') || v.startsWith('badgroup:'))).toEqual([]);
  });

  it('the sizeable tables are distributed, the audit chain stays on the coordinator', () => {
    for (const t of ['companies', 'people', 'post_assignments', 'company_divisions', 'ministry_contracts', 'exchange_cases', 'wish_sheets', 'survey_responses', 'sessions'])
      expect(DISTRIBUTION[t]?.kind, t).toBe('distributed');
    expect(DISTRIBUTION.audit_log?.kind).toBe('local');
    expect(DISTRIBUTION.organisations?.kind).toBe('reference');
  });

  // ---- the checker itself fails on each broken rule (synthetic tables, never in the schema)
  const companies = schema.companies;
  const plan = (extra: Record<string, Placement>) => ({ ...DISTRIBUTION, ...extra });
  it('fails on a new table that is not classified', () => {
    const scratch = pgTable('scratch_notes', { id: bigint('id', { mode: 'number' }).primaryKey(), body: text('body') });
    expect(violations([...allTables, scratch], DISTRIBUTION)).toContain('unclassified:scratch_notes');
  });
  it('fails on a table without a primary key', () => {
    const nopk = pgTable('scratch_nopk', { body: text('body') });
    expect(violations([...allTables, nopk], plan({ scratch_nopk: { kind: 'local', why: 'test' } }))).toContain('nopk:scratch_nopk');
  });
  it('fails on a distributed table whose primary key or unique index lacks the key', () => {
    const t = pgTable(
      'scratch_facts',
      { id: bigint('id', { mode: 'number' }).primaryKey(), companyId: bigint('company_id', { mode: 'number' }).notNull().references(() => companies.id), code: text('code').notNull() },
      (x) => [uniqueIndex('scratch_facts_code_uq').on(x.code)],
    );
    const v = violations([...allTables, t], plan({ scratch_facts: { kind: 'distributed', key: 'company_id', group: 'companies', why: 'test' } }));
    expect(v).toContain('pk:scratch_facts');
    expect(v).toContain('unique:scratch_facts.scratch_facts_code_uq');
    expect(v).not.toContain('fk:scratch_facts.company_id->companies'); // co-located through the key
  });
  it('fails on a foreign key between groups, from a reference table, or from a local table to a distributed one', () => {
    const t = pgTable('scratch_link', { id: bigint('id', { mode: 'number' }).primaryKey(), companyId: bigint('company_id', { mode: 'number' }).references(() => companies.id) });
    expect(violations([...allTables, t], plan({ scratch_link: { kind: 'distributed', key: 'id', group: 'scratch_link', why: 'test' } }))).toContain('fk:scratch_link.company_id->companies');
    expect(violations([...allTables, t], plan({ scratch_link: { kind: 'reference', why: 'test' } }))).toContain('fk:scratch_link.company_id->companies');
    expect(violations([...allTables, t], plan({ scratch_link: { kind: 'local', why: 'test' } }))).toContain('fk:scratch_link.company_id->companies');
  });
  it('fails when a listed exception is fixed but still listed (or a table is dropped but still classified)', () => {
    const v = violations(allTables, plan({ scratch_gone: { kind: 'local', why: 'test' } }));
    expect(v).toContain('stale:scratch_gone');
    expect(v).not.toEqual(Object.keys({ ...SCHEMA_EXCEPTIONS, 'pk:made_up': '' }).sort());
  });
});

// ------------------------------------------------------------------ SQL in server/src

const PATTERNS: Record<SqlKind, RegExp> = {
  lockTable: /\block\s+table\b/gi,
  rowLock: /\bfor\s+(?:no\s+key\s+update|key\s+share|update|share)\b|(?<!Symbol)\.for\(/gi,
  advisoryLock: /\bpg_(?:try_)?advisory_(?:xact_)?lock(?:_shared)?\s*\(/gi,
  sequence: /\b(?:nextval|setval|currval)\s*\(/gi,
  ddlRoutine: /\bcreate\s+(?:or\s+replace\s+)?(?:trigger|function|procedure|type|sequence|rule)\b/gi,
  listenNotify: /\bpg_notify\s*\(|['"`]\s*(?:listen|unlisten|notify)\s+\w/gi,
};

/** Source without comments (line comments and block/JSDoc comment lines; SQL `--` comments). */
function code(text: string, sqlFile: boolean): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
    .map((l) => (sqlFile ? l.replace(/--(?!>).*$/, '') : l.replace(/(^|[^:'"`])\/\/.*$/, '$1')))
    .join('\n');
}

/** distribution.ts describes these statements in its reasons; it runs none. */
const SELF_DESCRIPTION = path.join(root, 'server/src/db/distribution.ts');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|sql)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && p !== SELF_DESCRIPTION) out.push(p);
  }
  return out;
}

function sqlUses(files: readonly string[]): { file: string; kind: SqlKind; count: number }[] {
  const out: { file: string; kind: SqlKind; count: number }[] = [];
  for (const f of files) {
    const text = code(fs.readFileSync(f, 'utf8'), f.endsWith('.sql'));
    for (const [kind, re] of Object.entries(PATTERNS) as [SqlKind, RegExp][]) {
      const n = text.match(re)?.length ?? 0;
      if (n) out.push({ file: path.relative(root, f).split(path.sep).join('/'), kind, count: n });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind));
}

describe('no cross-shard locking SQL beyond the listed places', () => {
  it('LOCK TABLE, row locks, advisory locks, sequence calls, triggers/functions, LISTEN/NOTIFY occur only as ALLOWED_SQL lists them', () => {
    const found = sqlUses(sourceFiles(path.join(root, 'server/src')));
    const allowed = ALLOWED_SQL.map(({ file, kind, count }) => ({ file, kind, count })).sort((a, b) => a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind));
    expect(found).toEqual(allowed);
    expect(found.filter((u) => u.kind === 'lockTable' || u.kind === 'ddlRoutine' || u.kind === 'listenNotify')).toEqual([]);
  });

  it('the scan finds what it looks for (a file with each pattern)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-rules-'));
    try {
      const f = path.join(dir, 'x.ts');
      fs.writeFileSync(
        f,
        [
          "await db.execute(sql`lock table companies in exclusive mode`);",
          "await db.execute(sql`select * from companies where prefecture_code = '13' for update`);",
          "await q.for('share');",
          '// for update in a comment is not code',
          "await db.execute(sql`select nextval('companies_id_seq')`);",
          "await db.execute(sql`select pg_advisory_lock(1)`);",
          "await client.query('LISTEN changes');",
          'await db.execute(sql`create or replace function f() returns int as $$ select 1 $$ language sql`);',
        ].join('\n'),
      );
      const kinds = Object.fromEntries(sqlUses([f]).map((u) => [u.kind, u.count]));
      expect(kinds).toEqual({ lockTable: 1, rowLock: 2, sequence: 1, advisoryLock: 1, listenNotify: 1, ddlRoutine: 1 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
