import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCorporateNumber } from '../../common/src/corporate-number.ts';
import { normalizeForSearch } from '../../common/src/text.ts';
import {
  corporateNumberFor,
  DEFAULT_AS_OF,
  generateCompanies,
  generateEmployees,
  generateOfficials,
  spreadBase,
  type CompanyRow,
  type DivisionRow,
  type PersonRow,
  type PostAssignmentRow,
  type ReferenceData,
} from './generate.ts';
import { LEGAL_FORMS, SINGLETONS } from './names.ts';
import { Rng, Weighted } from './rng.ts';

// The reference data the migration loads, with ids assigned in file order as the migration does.
const referenceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../server/src/db/reference');
type JsonRow = Record<string, unknown>;
const rows = (file: string): JsonRow[] => (JSON.parse(fs.readFileSync(path.join(referenceDir, file), 'utf8')) as { rows: JsonRow[] }).rows;

const organisationRows = rows('organisations.json');
const orgIdByCode = new Map(organisationRows.map((o, i) => [o.code as string, i + 1]));
const legalTypeRows = rows('legal_entity_types.json').filter((r) => r.eligible === true && r.effective_to == null);
const ref: ReferenceData = {
  legalTypes: legalTypeRows.map((r) => ({ code: r.code as string, nameJa: r.name_ja as string })),
  industries: rows('industries.json').map((r) => ({ code: r.code as string })),
  prefectures: rows('prefectures.json').map((r) => ({ code: r.code as string, nameJa: r.name_ja as string })),
  organisations: organisationRows.map((o, i) => ({ id: i + 1, code: o.code as string, kind: o.kind as string, nameJa: o.name_ja as string })),
  orgUnits: rows('org_units.json').map((u, i) => ({
    id: i + 1,
    organisationId: orgIdByCode.get(u.organisation_code as string) as number,
    kind: u.kind as string,
  })),
};
const typeNameByCode = new Map(ref.legalTypes.map((t) => [t.code, t.nameJa]));

function companies(seed: number, count: number, batchSize = 2000): { companies: CompanyRow[]; divisions: DivisionRow[] } {
  const out = { companies: [] as CompanyRow[], divisions: [] as DivisionRow[] };
  for (const b of generateCompanies(ref, { seed, count, batchSize })) {
    out.companies.push(...b.companies);
    out.divisions.push(...b.divisions);
  }
  return out;
}

function officials(seed: number, count: number, batchSize = 2000): { people: PersonRow[]; assignments: PostAssignmentRow[] } {
  const out = { people: [] as PersonRow[], assignments: [] as PostAssignmentRow[] };
  for (const b of generateOfficials(ref, { seed, count, batchSize })) {
    out.people.push(...b.people);
    out.assignments.push(...b.assignments);
  }
  return out;
}

const KATAKANA = /^[\u30A1-\u30FA\u30FC・]+$/;
const sample = companies(42, 20_000);
const people = officials(42, 3_000);

describe('rng', () => {
  it('is deterministic per seed and label', () => {
    const a = new Rng(7, 'x');
    const b = new Rng(7, 'x');
    const c = new Rng(7, 'y');
    const seqA = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('keeps helpers in range', () => {
    const r = new Rng(1);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    const picks = new Weighted([['a', 1], ['b', 0], ['c', 3]] as const);
    const seen = new Set(Array.from({ length: 1000 }, () => picks.pick(r)));
    expect([...seen].sort()).toEqual(['a', 'c']);
    expect(r.sample(10, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('determinism', () => {
  it('gives the same rows for the same seed, byte for byte', () => {
    const again = companies(42, 1_000);
    expect(JSON.stringify(again.companies)).toBe(JSON.stringify(sample.companies.slice(0, 1_000)));
    expect(JSON.stringify(again.divisions)).toBe(JSON.stringify(sample.divisions.filter((d) => d.companyId <= 1_000)));
    const o = officials(42, 1_000);
    expect(JSON.stringify(o.people)).toBe(JSON.stringify(people.people.slice(0, 1_000)));
    expect(JSON.stringify(o.assignments)).toBe(JSON.stringify(people.assignments.filter((a) => a.personId <= 1_000)));
  });

  it('does not depend on the batch size', () => {
    expect(companies(42, 1_000, 7)).toEqual(companies(42, 1_000, 1_000));
    expect(officials(42, 300, 13)).toEqual(officials(42, 300, 300));
  });

  it('gives different rows for a different seed', () => {
    const other = companies(43, 1_000);
    const same = other.companies.filter((c, i) => c.name === sample.companies[i]?.name).length;
    expect(same).toBeLessThan(100); // only the fixed unique bodies and chance coincidences
    expect(officials(43, 100).people.map((p) => p.familyName + p.givenName)).not.toEqual(
      people.people.slice(0, 100).map((p) => p.familyName + p.givenName),
    );
  });
});

describe('companies', () => {
  it('have valid, unique 法人番号', () => {
    const numbers = new Set<string>();
    for (const c of sample.companies) {
      expect(checkCorporateNumber(c.corporateNumber), c.corporateNumber).toEqual({ ok: true });
      numbers.add(c.corporateNumber);
    }
    expect(numbers.size).toBe(sample.companies.length);
    expect(corporateNumberFor(123)).toBe(sample.companies[122]?.corporateNumber);
  });

  it('spread the 法人番号 base bijectively', () => {
    const seen = new Set<number>();
    for (let n = 0; n < 100_000; n++) seen.add(spreadBase(n));
    expect(seen.size).toBe(100_000);
    for (const n of [0, 1, 999_999_999_999]) expect(spreadBase(n)).toBeLessThan(1e12);
  });

  it('have katakana readings and normalised search columns', () => {
    for (const c of sample.companies) {
      expect(c.nameKana, c.name).toMatch(KATAKANA);
      expect(c.nameNormalized).toBe(normalizeForSearch(c.name));
      expect(c.nameKanaNormalized).toBe(normalizeForSearch(c.nameKana));
    }
  });

  it('carry the legal-form word of their type, and capital only where the type has one', () => {
    const formsByType = new Map<string, typeof LEGAL_FORMS[number]>();
    for (const f of LEGAL_FORMS) formsByType.set(f.typeNameJa, f);
    const singletonNames = new Set(SINGLETONS.map((s) => s.name));
    const typesSeen = new Set<string>();
    for (const c of sample.companies) {
      const typeName = typeNameByCode.get(c.legalTypeCode);
      expect(typeName, c.legalTypeCode).toBeDefined();
      typesSeen.add(typeName as string);
      if (singletonNames.has(c.name)) continue;
      const form = formsByType.get(typeName as string);
      expect(form, typeName).toBeDefined();
      if (!form) continue;
      if (form.formWords.length > 0) expect(form.formWords.some((w) => c.name.includes(w)), `${c.name} / ${typeName}`).toBe(true);
      if (!form.hasCapital) expect(c.capitalYen, c.name).toBeNull();
      else if (c.capitalYen !== null) expect(c.capitalYen).toBeGreaterThan(0);
    }
    // 株式会社 names put the form word before or after the name.
    const kk = sample.companies.filter((c) => typeNameByCode.get(c.legalTypeCode) === '株式会社');
    expect(kk.some((c) => c.name.startsWith('株式会社'))).toBe(true);
    expect(kk.some((c) => c.name.endsWith('株式会社'))).toBe(true);
    expect(kk.length / sample.companies.length).toBeGreaterThan(0.6);
    expect(typesSeen.has('一般社団法人') && typesSeen.has('医療法人') && typesSeen.has('合同会社')).toBe(true);
  });

  it('refer only to earlier companies as parents, about 5% of them', () => {
    const byId = new Map(sample.companies.map((c) => [c.id, c]));
    const withParent = sample.companies.filter((c) => c.parentId !== null);
    for (const c of withParent) {
      expect(c.parentId as number).toBeLessThan(c.id);
      expect(byId.get(c.parentId as number)?.parentId).toBeNull();
    }
    const share = withParent.length / sample.companies.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.07);
  });

  it('have 0 to 3 distinct divisions each, with ascending ids', () => {
    const perCompany = new Map<number, string[]>();
    let lastId = 0;
    for (const d of sample.divisions) {
      expect(d.id).toBe(lastId + 1);
      lastId = d.id;
      perCompany.set(d.companyId, [...(perCompany.get(d.companyId) ?? []), d.name]);
    }
    for (const names of perCompany.values()) {
      expect(names.length).toBeLessThanOrEqual(3);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('use only reference codes, with Tokyo the most common prefecture', () => {
    const industries = new Set(ref.industries.map((i) => i.code));
    const prefectures = new Set(ref.prefectures.map((p) => p.code));
    const byPref = new Map<string, number>();
    for (const c of sample.companies) {
      if (c.industryCode !== null) expect(industries.has(c.industryCode)).toBe(true);
      expect(prefectures.has(c.prefectureCode as string)).toBe(true);
      byPref.set(c.prefectureCode as string, (byPref.get(c.prefectureCode as string) ?? 0) + 1);
    }
    const top = [...byPref.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe('13');
  });
});

describe('officials and post history', () => {
  const asOf = DEFAULT_AS_OF;
  const unitOrg = new Map(ref.orgUnits.map((u) => [u.id, u.organisationId]));
  const byPerson = new Map<number, PostAssignmentRow[]>();
  for (const a of people.assignments) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);

  it('are 22 to 60 years old with katakana names', () => {
    for (const p of people.people) {
      expect(p.kind).toBe('official');
      const age = Number(asOf.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) - (p.birthDate.slice(5) > asOf.slice(5) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(60);
      expect(p.familyNameKana).toMatch(KATAKANA);
      expect(p.givenNameKana).toMatch(KATAKANA);
      expect(p.organisationId).not.toBeNull();
    }
  });

  it('have 3 to 8 ordered, consecutive, non-overlapping posts in their own organisation', () => {
    const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const p of people.people) {
      const posts = byPerson.get(p.id) ?? [];
      expect(posts.length).toBeGreaterThanOrEqual(3);
      expect(posts.length).toBeLessThanOrEqual(8);
      posts.forEach((a, i) => {
        expect(unitOrg.get(a.unitId)).toBe(p.organisationId);
        expect(a.startDate > p.birthDate).toBe(true);
        expect(a.startDate <= asOf).toBe(true);
        if (i === posts.length - 1) {
          expect(a.endDate).toBeNull();
        } else {
          expect(a.endDate).not.toBeNull();
          expect((a.endDate as string) >= a.startDate).toBe(true);
          expect(nextDay(a.endDate as string)).toBe(posts[i + 1]?.startDate);
        }
      });
    }
    const perPerson = people.assignments.length / people.people.length;
    expect(perPerson).toBeGreaterThan(4);
    expect(perPerson).toBeLessThan(6);
  });

  it('never step down the post ladder', () => {
    const ladder = ['係員', '主任', '係長', '課長補佐', '室長|企画官', '課長|部長', '審議官|参事官|次長', '局長'];
    const rank = (t: string) => ladder.findIndex((r) => r.split('|').includes(t));
    for (const posts of byPerson.values()) {
      const ranks = posts.map((a) => rank(a.postTitleJa));
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    }
  });
});

describe('company employees', () => {
  it('belong to companies of the load', () => {
    for (const b of generateEmployees({ seed: 42, count: 500, firstPersonId: 101, companyIds: [11, 60] })) {
      b.people.forEach((p, i) => {
        expect(p.id).toBe(101 + i);
        expect(p.kind).toBe('employee');
        expect(p.companyId as number).toBeGreaterThanOrEqual(11);
        expect(p.companyId as number).toBeLessThanOrEqual(60);
        expect(p.organisationId).toBeNull();
      });
    }
  });
});
