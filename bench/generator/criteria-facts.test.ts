import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { criteriaRequestSchema } from '../../common/src/schemas/criteria.schema.ts';
import { evaluate } from '../../server/src/modules/criteria/engine.ts';
import { defaultParameters } from '../../server/src/modules/criteria/parameters.ts';
import { generateDocuments } from './criteria-documents.ts';
import { DEFAULT_STARRED_TYPES, generateCriteriaFacts, type FactsCounts, type FactsUniverse } from './criteria-facts.ts';
import { starredTypes } from './criteria-facts-load.ts';
import { generateCompanies, generateOfficials, type ReferenceData } from './generate.ts';

// A universe as the loader reads it, from the generators and the reference data (ids in file order, as the migration assigns them).
const referenceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../server/src/db/reference');
type JsonRow = Record<string, unknown>;
const rows = (file: string): JsonRow[] => (JSON.parse(fs.readFileSync(path.join(referenceDir, file), 'utf8')) as { rows: JsonRow[] }).rows;
const orgRows = rows('organisations.json');
const orgId = new Map(orgRows.map((o, i) => [o.code as string, i + 1]));
const unitRows = rows('org_units.json');
const ref: ReferenceData = {
  legalTypes: rows('legal_entity_types.json')
    .filter((r) => r.eligible === true && r.effective_to == null)
    .map((r) => ({ code: r.code as string, nameJa: r.name_ja as string })),
  industries: rows('industries.json').map((r) => ({ code: r.code as string })),
  prefectures: rows('prefectures.json').map((r) => ({ code: r.code as string, nameJa: r.name_ja as string })),
  organisations: orgRows.map((o, i) => ({ id: i + 1, code: o.code as string, kind: o.kind as string, nameJa: o.name_ja as string })),
  orgUnits: unitRows.map((u, i) => ({ id: i + 1, organisationId: orgId.get(u.organisation_code as string)!, kind: u.kind as string })),
};

const companies = [...generateCompanies(ref, { seed: 3, count: 6_000 })];
const cs = companies.flatMap((b) => b.companies).filter((c) => c.status === 'active');
const ds = companies.flatMap((b) => b.divisions);
const os = [...generateOfficials(ref, { seed: 3, count: 2_000 })].flatMap((b) => b.people);
const universe: FactsUniverse = {
  companies: { ids: cs.map((c) => c.id), employees: cs.map((c) => c.employees ?? 0), legalTypes: cs.map((c) => c.legalTypeCode), industries: cs.map((c) => c.industryCode) },
  divisions: { ids: ds.map((d) => d.id), companyIds: ds.map((d) => d.companyId) },
  organisations: ref.organisations.map((o) => ({ id: o.id, code: o.code })),
  units: unitRows.map((u, i) => ({ id: i + 1, organisationId: orgId.get(u.organisation_code as string)!, code: u.code as string, kind: u.kind as string })),
  officials: { ids: os.map((p) => p.id), organisationIds: os.map((p) => p.organisationId!) },
};
const counts: FactsCounts = { jurisdictions: 800, contracts: 4_000, sanctionCases: 60, involvements: 1_000, exchanges: 400, divisionRevenue: 140 };
const facts = generateCriteriaFacts(universe, { seed: 42, counts });

describe('criteria facts generator', () => {
  it('is deterministic per seed', () => {
    expect(JSON.stringify(generateCriteriaFacts(universe, { seed: 42, counts }))).toBe(JSON.stringify(facts));
    const other = generateCriteriaFacts(universe, { seed: 43, counts });
    expect(JSON.stringify(other.contracts)).not.toBe(JSON.stringify(facts.contracts));
  });

  it('keeps tables independent: one count does not change another table', () => {
    const more = generateCriteriaFacts(universe, { seed: 42, counts: { ...counts, sanctionCases: 90 } });
    expect(more.jurisdictions).toEqual(facts.jurisdictions);
    expect(more.contracts).toEqual(facts.contracts);
    expect(more.sanctions.length).toBeGreaterThan(facts.sanctions.length);
  });

  it('produces the requested counts', () => {
    expect(facts.contracts).toHaveLength(counts.contracts);
    expect(facts.involvements).toHaveLength(counts.involvements);
    expect(facts.exchanges).toHaveLength(counts.exchanges);
    expect(facts.divisionRevenue).toHaveLength(counts.divisionRevenue);
    expect(facts.jurisdictions.length).toBeGreaterThan(counts.jurisdictions * 0.8);
    expect(new Set(facts.sanctions.map((s) => s.caseRef)).size).toBe(counts.sanctionCases);
  });

  it('refers only to rows of the universe, consistently', () => {
    const companyIds = new Set(cs.map((c) => c.id));
    const unitOrg = new Map(universe.units.map((u) => [u.id, u.organisationId]));
    const personOrg = new Map(os.map((p) => [p.id, p.organisationId]));
    const orgIds = new Set(universe.organisations.map((o) => o.id));
    const divisionCompany = new Map(ds.map((d) => [d.id, d.companyId]));
    const typeOf = new Map(cs.map((c) => [c.id, c.legalTypeCode]));
    for (const j of facts.jurisdictions) {
      expect(companyIds.has(j.companyId) && unitOrg.has(j.unitId)).toBe(true);
      if (j.startDate && j.endDate) expect(j.endDate >= j.startDate).toBe(true);
    }
    expect(new Set(facts.jurisdictions.map((j) => `${j.unitId}:${j.companyId}`)).size).toBe(facts.jurisdictions.length);
    const contractKeys = new Set(facts.contracts.map((x) => `${x.organisationId}:${x.companyId}:${x.fiscalYear}`));
    expect(contractKeys.size).toBe(facts.contracts.length); // the unique index (organisation, company, FY)
    for (const x of facts.contracts) {
      expect(orgIds.has(x.organisationId) && companyIds.has(x.companyId)).toBe(true);
      expect(x.fiscalYear >= 2017 && x.fiscalYear <= 2024 && x.amountYen > 0 && Number.isSafeInteger(x.amountYen)).toBe(true);
    }
    expect(new Set(facts.sales.map((s) => `${s.companyId}:${s.fiscalYear}`)).size).toBe(facts.sales.length);
    const withSales = new Set(facts.sales.map((s) => s.companyId));
    const contractors = new Set(facts.contracts.map((x) => x.companyId));
    for (const id of withSales) expect(contractors.has(id)).toBe(true);
    expect(withSales.size / contractors.size).toBeGreaterThan(0.85);
    for (const s of facts.sanctions) {
      expect(companyIds.has(s.companyId)).toBe(true);
      expect(s.occurredOn < '2025-04-01').toBe(true);
    }
    for (const i of facts.involvements) {
      expect(personOrg.get(i.personId)).toBe(i.organisationId); // an official of the contracting ministry
      expect(facts.contracts.some((x) => x.organisationId === i.organisationId && x.companyId === i.companyId)).toBe(true);
      if (i.endDate) expect(i.endDate >= i.startDate).toBe(true);
    }
    for (const e of facts.exchanges) {
      expect(companyIds.has(e.companyId) && unitOrg.has(e.unitId)).toBe(true);
      if (e.endDate) expect(e.endDate >= e.startDate).toBe(true);
      if (e.personId !== null) expect(personOrg.get(e.personId)).toBe(unitOrg.get(e.unitId));
    }
    expect(new Set(facts.divisionRevenue.map((r) => `${r.divisionId}:${r.fiscalYear}`)).size).toBe(facts.divisionRevenue.length);
    for (const r of facts.divisionRevenue) {
      expect(DEFAULT_STARRED_TYPES).toContain(typeOf.get(divisionCompany.get(r.divisionId)!));
      expect(r.publicYen <= r.totalYen).toBe(true);
    }
  });

  it('is skewed: a few companies hold many contracts, a few units hold most jurisdiction', () => {
    const perCompany = new Map<number, number>();
    for (const x of facts.contracts) perCompany.set(x.companyId, (perCompany.get(x.companyId) ?? 0) + 1);
    const sorted = [...perCompany.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(10 * sorted[Math.floor(sorted.length / 2)]!);
    const perUnit = new Map<number, number>();
    for (const j of facts.jurisdictions) perUnit.set(j.unitId, (perUnit.get(j.unitId) ?? 0) + 1);
    const units = [...perUnit.values()].sort((a, b) => b - a);
    expect(units[0]!).toBeGreaterThan(5 * units[Math.floor(units.length / 2)]!);
  });

  it('uses the starred types of the criteria parameters', () => {
    expect([...starredTypes('2025-04-01')].sort()).toEqual([...DEFAULT_STARRED_TYPES].sort());
  });
});

describe('criteria benchmark documents', () => {
  const params = defaultParameters();
  it('are deterministic and valid requests of the advertised class', () => {
    const clean = generateDocuments({ seed: 1, count: 30, kind: 'clean' });
    expect(generateDocuments({ seed: 1, count: 30, kind: 'clean' })).toEqual(clean);
    for (const d of clean) {
      criteriaRequestSchema.parse(d);
      expect(evaluate(d, params).overall).toBe('eligible');
    }
    for (const d of generateDocuments({ seed: 1, count: 30, kind: 'failing' })) {
      criteriaRequestSchema.parse(d);
      expect(evaluate(d, params).rules.filter((r) => r.outcome === 'fail').length).toBeGreaterThanOrEqual(3);
    }
  });
});
