// Checks the reviewed reference data against the seed text and against itself, and that the
// migration on disk is exactly what scripts/gen-reference-sql.ts renders.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATION_PATH, loadReference, renderReferenceSql, unitDepths } from './render.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..', '..');
const seedPath = join(repoRoot, '..', 'shared', 'seeds', '001_5d8d2d8d3392a202.txt');
const seedLines = readFileSync(seedPath, 'utf8').split('\n');
const data = loadReference();

const orgs = data.organisations.rows;
const ministries = orgs.filter((o) => o.kind === 'ministry');
const agencies = orgs.filter((o) => o.kind === 'execution_agency');
const units = data.orgUnits.rows;
const types = data.legalEntityTypes.rows;

// The contacts list: tab-separated "name, HR office, phone" lines after the heading.
function seedContacts() {
  const start = seedLines.findIndex((l) => l.startsWith('各府省等のお問い合わせ先'));
  expect(start).toBeGreaterThan(0);
  const out: { name: string; office: string; phone: string }[] = [];
  for (let i = start + 1; i < seedLines.length; i++) {
    const line = seedLines[i] ?? '';
    if (!line.trim()) {
      if (out.length) break;
      continue;
    }
    const [name = '', office = '', phone = ''] = line.split('\t');
    out.push({ name, office, phone });
  }
  return out;
}

// The eligible-type block of pamphlet p.2: name → starred, as printed.
function seedEligibleTypes(): Map<string, boolean> {
  const start = seedLines.findIndex((l) => l.trim() === '対象となる民間企業等');
  const end = seedLines.findIndex((l, i) => i > start && l.trim().startsWith('外国法人であって'));
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const out = new Map<string, boolean>();
  for (const token of seedLines.slice(start + 1, end).join('、').split(/[、\s]+/)) {
    if (!token) continue;
    const bare = token.replace(/\(.*?\)/g, ''); // 特定非営利活動法人(NPO法人)* → 特定非営利活動法人*
    out.set(bare.replace(/\*/g, ''), bare.includes('*'));
  }
  return out;
}

describe('organisations', () => {
  const contacts = seedContacts();

  it('has the 35 ministries of the seed contacts list, in seed order', () => {
    expect(contacts).toHaveLength(35);
    expect(ministries).toHaveLength(35);
    expect(ministries.map((m) => m.name_ja)).toEqual(contacts.map((c) => c.name));
    expect(ministries.map((m) => m.sort_order)).toEqual(contacts.map((_, i) => i + 1));
    expect(contacts[0]?.name).toBe('内閣官房');
    expect(contacts[34]?.name).toBe('会計検査院');
  });

  it.each(contacts.map((c, i) => [i + 1, c.name, c.office, c.phone] as const))(
    '#%i %s: HR office %s and phone %s exactly as in the seed',
    (i, name, office, phone) => {
      const m = ministries[i - 1];
      expect(m?.name_ja).toBe(name);
      expect(m?.hr_office_ja).toBe(office);
      expect(m?.phone).toBe(phone);
      expect(m?.hr_office_en).toBeTruthy();
    },
  );

  it('has the 7 行政執行法人 of the seed, without phones', () => {
    const line = seedLines.find((l) => l.startsWith('※行政執行法人')) ?? '';
    const seedNames = line.replace(/^※行政執行法人：/, '').split('、');
    expect(seedNames).toHaveLength(7);
    expect(agencies.map((a) => a.name_ja)).toEqual(seedNames);
    for (const a of agencies) {
      expect(a.phone).toBeNull();
      expect(a.parent_code).not.toBeNull();
    }
  });

  it('has unique ASCII codes and known parents', () => {
    const codes = orgs.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of orgs) {
      expect(o.code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(o.name_en).toMatch(/^[\x20-\x7e]+$/);
      if (o.parent_code !== null) {
        expect(codes).toContain(o.parent_code);
        expect(orgs.find((p) => p.code === o.parent_code)?.parent_code).toBeNull();
      }
    }
  });

  it.each([
    ['jpo', 'meti'], ['enecho', 'meti'], ['chusho', 'meti'], ['nta', 'mof'], ['rinya', 'maff'], ['jfa', 'maff'],
    ['jta', 'mlit'], ['jma', 'mlit'], ['jtsb', 'mlit'], ['jcg', 'mlit'], ['nra', 'env'], ['caa', 'cao'],
    ['cfa', 'cao'], ['fsa', 'cao'], ['jftc', 'cao'], ['police', 'cao'], ['iha', 'cao'],
  ])('%s is under %s', (code, parent) => {
    expect(orgs.find((o) => o.code === code)?.parent_code).toBe(parent);
  });
});

describe('org_units', () => {
  const byCode = new Map(units.map((u) => [u.code, u]));

  it('has unique ASCII codes prefixed by the organisation code', () => {
    expect(byCode.size).toBe(units.length);
    for (const u of units) {
      expect(u.code).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);
      expect(u.code.startsWith(`${u.organisation_code}.`)).toBe(true);
      expect(['bureau', 'division', 'regional_office', 'office']).toContain(u.kind);
      expect(u.name_en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it("every unit's parent exists and belongs to the same organisation", () => {
    const orgCodes = new Set(orgs.map((o) => o.code));
    for (const u of units) {
      expect(orgCodes.has(u.organisation_code), u.code).toBe(true);
      if (u.parent_code === null) continue;
      const p = byCode.get(u.parent_code);
      expect(p, `${u.code} → ${u.parent_code}`).toBeDefined();
      expect(p?.organisation_code).toBe(u.organisation_code);
    }
    expect(() => unitDepths(units)).not.toThrow();
  });

  it('every organisation has at least one unit', () => {
    for (const o of orgs) expect(units.some((u) => u.organisation_code === o.code), o.code).toBe(true);
  });

  it("each ministry's seed HR office is a unit whose path spells the office name", () => {
    for (const m of ministries) {
      const hr = units.filter((u) => u.organisation_code === m.code && u.hr_office);
      expect(hr, m.code).toHaveLength(1);
      let path = '';
      for (let u = hr[0]; u; u = u.parent_code ? byCode.get(u.parent_code) : undefined) path = u.name_ja + path;
      expect(path.endsWith(m.hr_office_ja ?? '\0'), `${m.code}: ${path}`).toBe(true);
    }
  });

  it('sort orders are unique among siblings', () => {
    const seen = new Set<string>();
    for (const u of units) {
      const key = `${u.organisation_code}|${u.parent_code}|${u.sort_order}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });
});

describe('legal_entity_types', () => {
  const seedTypes = seedEligibleTypes();

  it('lists every type of the seed, with the seed * marks', () => {
    expect(seedTypes.size).toBe(26);
    for (const [name, starred] of seedTypes) {
      const t = types.find((r) => r.name_ja === name);
      expect(t, name).toBeDefined();
      expect(t?.starred, name).toBe(starred);
      expect(t?.eligible, name).toBe(true);
    }
  });

  it('has no other starred types, and keeps the seed order', () => {
    const eligibleFromSeed = types.filter((t) => seedTypes.has(t.name_ja));
    expect(eligibleFromSeed.map((t) => t.name_ja)).toEqual([...seedTypes.keys()]);
    for (const t of types) if (!seedTypes.has(t.name_ja)) expect(t.starred, t.code).toBe(false);
    expect(types.find((t) => t.name_ja === '外国法人')?.eligible).toBe(true);
  });

  it('the five types added in December 2022 (seed Q.2) are effective 2022-12-01, the rest earlier', () => {
    const q2 = seedLines.find((l) => l.includes('令和4年12月の人事院規則の改正により')) ?? '';
    const listed = /により、(.+)が新たに対象/.exec(q2)?.[1]?.split(/、|及び/) ?? [];
    expect(listed).toHaveLength(5);
    const from2022 = types.filter((t) => t.effective_from === '2022-12-01').map((t) => t.name_ja);
    expect(from2022.sort()).toEqual([...listed].sort());
    for (const t of types) {
      expect(t.effective_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (!listed.includes(t.name_ja)) expect(t.effective_from, t.code).toBe('2000-03-21');
      expect(t.citation).toBeTruthy();
    }
  });

  it('names a few ineligible types for imports', () => {
    const ineligible = types.filter((t) => !t.eligible).map((t) => t.name_ja);
    expect(ineligible).toEqual(expect.arrayContaining(['独立行政法人', '地方独立行政法人', '国立大学法人']));
    expect(new Set(types.map((t) => t.code)).size).toBe(types.length);
  });
});

describe('industries', () => {
  const groups = data.industryStatGroups.rows;

  it('has the 20 JSIC major groups A–T in order', () => {
    expect(data.industries.rows.map((i) => i.code)).toEqual([...'ABCDEFGHIJKLMNOPQRST']);
  });

  it('records the seed 2024 table exactly, 12 rows summing to 397 + 26 = 423', () => {
    expect(groups).toHaveLength(12);
    for (const g of groups) {
      const dash = (n: number) => (n === 0 ? '—' : String(n));
      const [pamphletLine, leafletLine] = [g.seed_lines[1] ?? 0, g.seed_lines[0] ?? 0];
      expect(seedLines[pamphletLine - 1]).toBe([g.name_ja, dash(g.hire_2024), dash(g.dispatch_2024), g.total_2024].join('\t'));
      expect(seedLines[leafletLine - 1]).toBe([g.name_ja, dash(g.dispatch_2024), dash(g.hire_2024), g.total_2024].join('\t'));
      expect(g.hire_2024 + g.dispatch_2024).toBe(g.total_2024);
    }
    const sum = (f: (g: (typeof groups)[number]) => number) => groups.reduce((s, g) => s + f(g), 0);
    expect([sum((g) => g.hire_2024), sum((g) => g.dispatch_2024), sum((g) => g.total_2024)]).toEqual([397, 26, 423]);
  });

  it('maps each JSIC group to a stat-group row, サービス業 = L + N + R', () => {
    for (const i of data.industries.rows) {
      const g = groups.find((s) => s.jsic_codes.includes(i.code));
      if (g) expect(i.stat_group_ja, i.code).toBe(g.name_ja);
      else expect(i.stat_group_inferred, i.code).toBe(true);
    }
    expect(groups.find((g) => g.name_ja === 'サービス業')?.jsic_codes).toEqual(['L', 'N', 'R']);
    const used = new Set(data.industries.rows.map((i) => i.stat_group_ja));
    for (const g of groups) expect(used.has(g.name_ja), g.name_ja).toBe(true);
  });
});

describe('prefectures and world regions', () => {
  it('has the 47 prefectures, JIS X 0401 01–47, in 8 regions', () => {
    const p = data.prefectures.rows;
    expect(p).toHaveLength(47);
    expect(p.map((r) => r.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(p.map((r) => r.region_ja)).size).toBe(8);
    expect(p[0]?.name_ja).toBe('北海道');
    expect(p[12]?.name_ja).toBe('東京都');
    expect(p[46]?.name_ja).toBe('沖縄県');
  });

  it('has unique world-region codes', () => {
    const codes = data.worldRegions.rows.map((r) => r.code);
    expect(codes.length).toBeGreaterThanOrEqual(7);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('migration 0001_reference_data.sql', () => {
  it('equals what scripts/gen-reference-sql.ts generates', () => {
    expect(readFileSync(MIGRATION_PATH, 'utf8') === renderReferenceSql(data)).toBe(true);
  });

  it('separates statements with drizzle breakpoints on their own lines', () => {
    const sql = renderReferenceSql(data);
    const parts = sql.split('\n--> statement-breakpoint\n');
    expect(parts.length).toBe(5 + Math.max(...unitDepths(units).values()) + 1);
    for (const part of parts) expect(part.trimEnd().endsWith(';')).toBe(true);
  });
});
