// Renders the reviewed reference-data JSON files in this folder into the SQL of
// migrations/0001_reference_data.sql. Pure and deterministic: same JSON → same bytes.
// Used by scripts/gen-reference-sql.ts (writes / --check) and by reference.test.ts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REFERENCE_DIR = dirname(fileURLToPath(import.meta.url));
export const MIGRATION_PATH = join(REFERENCE_DIR, '..', 'migrations', '0001_reference_data.sql');
export const BREAKPOINT = '--> statement-breakpoint';

type Scalar = string | number | boolean | null;

export interface OrganisationRow {
  code: string;
  kind: 'ministry' | 'execution_agency';
  name_ja: string;
  name_en: string;
  hr_office_ja: string | null;
  hr_office_en: string | null;
  phone: string | null;
  parent_code: string | null;
  sort_order: number;
  source: string;
  note?: string;
}

export interface OrgUnitRow {
  code: string;
  organisation_code: string;
  parent_code: string | null;
  kind: 'bureau' | 'division' | 'regional_office' | 'office';
  name_ja: string;
  name_en: string;
  sort_order: number;
  hr_office?: boolean;
  source?: string; // falls back to the file's source
}

export interface LegalEntityTypeRow {
  code: string;
  name_ja: string;
  name_en: string;
  starred: boolean;
  eligible: boolean;
  effective_from: string;
  effective_to: string | null;
  sort_order: number;
  citation: string;
}

export interface IndustryRow {
  code: string;
  name_ja: string;
  name_en: string;
  stat_group_ja: string;
  stat_group_en: string;
  sort_order: number;
  source: string;
  stat_group_inferred?: boolean;
}

export interface IndustryStatGroupRow {
  code: string;
  name_ja: string;
  name_en: string;
  sort_order: number;
  jsic_codes: string[];
  hire_2024: number;
  dispatch_2024: number;
  total_2024: number;
  seed_lines: number[];
}

export interface WorldRegionRow {
  code: string;
  name_ja: string;
  name_en: string;
  sort_order: number;
  source: string;
}

export interface PrefectureRow {
  code: string;
  name_ja: string;
  name_en: string;
  region_ja: string;
  region_en: string;
}

export interface DataFile<R> {
  source: string;
  /** Default per-row source where a row has none (org_units); else `source` is used. */
  row_source?: string;
  rows: R[];
  [extra: string]: unknown;
}

export interface ReferenceData {
  organisations: DataFile<OrganisationRow>;
  orgUnits: DataFile<OrgUnitRow>;
  legalEntityTypes: DataFile<LegalEntityTypeRow>;
  industries: DataFile<IndustryRow>;
  industryStatGroups: DataFile<IndustryStatGroupRow>;
  worldRegions: DataFile<WorldRegionRow>;
  prefectures: DataFile<PrefectureRow>;
}

const read = <R>(name: string, dir: string): DataFile<R> =>
  JSON.parse(readFileSync(join(dir, name), 'utf8')) as DataFile<R>;

export function loadReference(dir: string = REFERENCE_DIR): ReferenceData {
  return {
    organisations: read('organisations.json', dir),
    orgUnits: read('org_units.json', dir),
    legalEntityTypes: read('legal_entity_types.json', dir),
    industries: read('industries.json', dir),
    industryStatGroups: read('industry_stat_groups.json', dir),
    worldRegions: read('world_regions.json', dir),
    prefectures: read('prefectures.json', dir),
  };
}

/** SQL literal; strings single-quoted with '' escaping (standard_conforming_strings is on in PG ≥ 9.1). */
export function lit(v: Scalar): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error(`non-integer number in reference data: ${v}`);
    return String(v);
  }
  if (v.includes('\0')) throw new Error('NUL byte in reference data');
  return `'${v.replace(/'/g, "''")}'`;
}

const ident = (name: string) => `"${name}"`;

function insert(table: string, columns: string[], rows: string[][]): string {
  if (rows.length === 0) throw new Error(`no rows for ${table}`);
  const head = `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES`;
  return `${head}\n${rows.map((r) => `(${r.join(', ')})`).join(',\n')};`;
}

/** Depth of each unit (0 = top level); throws on a missing parent or a cycle. */
export function unitDepths(units: OrgUnitRow[]): Map<string, number> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const depth = new Map<string, number>();
  const visit = (u: OrgUnitRow, seen: Set<string>): number => {
    const known = depth.get(u.code);
    if (known !== undefined) return known;
    if (seen.has(u.code)) throw new Error(`cycle in org_units at ${u.code}`);
    seen.add(u.code);
    let d = 0;
    if (u.parent_code !== null) {
      const p = byCode.get(u.parent_code);
      if (!p) throw new Error(`org unit ${u.code}: unknown parent ${u.parent_code}`);
      d = visit(p, seen) + 1;
    }
    depth.set(u.code, d);
    return d;
  };
  for (const u of units) visit(u, new Set());
  return depth;
}

function header(data: ReferenceData): string {
  const files: [string, DataFile<unknown>][] = [
    ['organisations.json', data.organisations],
    ['org_units.json', data.orgUnits],
    ['legal_entity_types.json', data.legalEntityTypes],
    ['industries.json', data.industries],
    ['world_regions.json', data.worldRegions],
    ['prefectures.json', data.prefectures],
  ];
  const lines = [
    '-- Reference data. GENERATED by scripts/gen-reference-sql.ts from server/src/db/reference/*.json;',
    '-- do not edit by hand: edit the JSON, run `npx tsx scripts/gen-reference-sql.ts`, review both.',
    '-- See docs/reference-data.md for what is verified and what is not.',
    '-- Sources:',
  ];
  for (const [name, f] of files) {
    const src = f.source.replace(/\s+/g, ' ');
    lines.push(`--   ${name} (${f.rows.length} rows): ${src}`);
  }
  return lines.join('\n');
}

export function renderReferenceSql(data: ReferenceData = loadReference()): string {
  const stmts: string[] = [];

  stmts.push(
    insert(
      'organisations',
      ['code', 'kind', 'name_ja', 'name_en', 'hr_office_ja', 'hr_office_en', 'phone', 'parent_code', 'sort_order', 'source'],
      data.organisations.rows.map((o) => [
        lit(o.code), lit(o.kind), lit(o.name_ja), lit(o.name_en), lit(o.hr_office_ja), lit(o.hr_office_en),
        lit(o.phone), lit(o.parent_code), lit(o.sort_order), lit(o.source),
      ]),
    ),
  );

  // Parents before children: one INSERT per tree depth, since a subselect cannot see
  // rows inserted by the same statement.
  const units = data.orgUnits.rows;
  const depths = unitDepths(units);
  const maxDepth = Math.max(...depths.values());
  for (let d = 0; d <= maxDepth; d++) {
    const level = units.filter((u) => depths.get(u.code) === d);
    stmts.push(
      insert(
        'org_units',
        ['organisation_id', 'parent_id', 'code', 'kind', 'name_ja', 'name_en', 'sort_order', 'source'],
        level.map((u) => [
          `(select id from organisations where code = ${lit(u.organisation_code)})`,
          u.parent_code === null ? 'NULL' : `(select id from org_units where code = ${lit(u.parent_code)})`,
          lit(u.code), lit(u.kind), lit(u.name_ja), lit(u.name_en), lit(u.sort_order),
          lit(u.source ?? data.orgUnits.row_source ?? data.orgUnits.source),
        ]),
      ),
    );
  }

  stmts.push(
    insert(
      'legal_entity_types',
      ['code', 'name_ja', 'name_en', 'starred', 'eligible', 'effective_from', 'effective_to', 'sort_order', 'citation'],
      data.legalEntityTypes.rows.map((t) => [
        lit(t.code), lit(t.name_ja), lit(t.name_en), lit(t.starred), lit(t.eligible), lit(t.effective_from),
        lit(t.effective_to), lit(t.sort_order), lit(t.citation),
      ]),
    ),
  );

  stmts.push(
    insert(
      'industries',
      ['code', 'name_ja', 'name_en', 'stat_group_ja', 'stat_group_en', 'sort_order', 'source'],
      data.industries.rows.map((i) => [
        lit(i.code), lit(i.name_ja), lit(i.name_en), lit(i.stat_group_ja), lit(i.stat_group_en), lit(i.sort_order), lit(i.source),
      ]),
    ),
  );

  stmts.push(
    insert(
      'world_regions',
      ['code', 'name_ja', 'name_en', 'sort_order', 'source'],
      data.worldRegions.rows.map((r) => [lit(r.code), lit(r.name_ja), lit(r.name_en), lit(r.sort_order), lit(r.source)]),
    ),
  );

  stmts.push(
    insert(
      'prefectures',
      ['code', 'name_ja', 'name_en', 'region_ja', 'region_en'],
      data.prefectures.rows.map((p) => [lit(p.code), lit(p.name_ja), lit(p.name_en), lit(p.region_ja), lit(p.region_en)]),
    ),
  );

  return `${header(data)}\n${stmts.join(`\n${BREAKPOINT}\n`)}\n`;
}
