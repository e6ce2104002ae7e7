import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { delegationVisitSchema, type DelegationVisit } from '../../../../common/src/schemas/international.schema.ts';
import { compareWithPublished, delegationLabel, delegationYears, type PublishedDelegationYear } from './delegations.ts';
import { internationalContext } from './international.parameters.ts';

const published = (JSON.parse(readFileSync(join(import.meta.dirname, 'data', 'delegations.json'), 'utf8')) as { published: PublishedDelegationYear[] }).published;
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'delegations.cases.json'), 'utf8')) as {
  years: { name: string; visits: DelegationVisit[]; expected: object[]; label: { ja: string; en: string }; differences: object[] }[];
};

describe('published delegation counts', () => {
  it('name the seed lines; the FY2024 list has 14 countries/regions and the organisations are in the list', () => {
    const orgs = new Set(internationalContext().organisations.map((o) => o.code));
    for (const p of published) expect(p.source).toMatch(/^seed 00[03] lines \d+/);
    const fy2024 = published.find((p) => p.fiscalYear === 2024)!;
    expect(new Set(fy2024.countryCodes).size).toBe(fy2024.countries);
    for (const o of fy2024.organisationCodes!) expect(orgs.has(o)).toBe(true);
    expect(published.find((p) => p.fiscalYear === 2013)).toMatchObject({ people: 195, countries: 16, organisations: 2 });
  });
});

describe('delegationYears', () => {
  it.each(cases.years)('$name', (c) => {
    for (const v of c.visits) expect(delegationVisitSchema.safeParse(v).success, v.id).toBe(true);
    const years = delegationYears(c.visits);
    expect(years).toMatchObject(c.expected);
    expect(delegationLabel(years[0]!)).toEqual(c.label);
    expect(compareWithPublished(years, published)).toEqual(c.differences);
  });
});
