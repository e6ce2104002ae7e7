// Foreign delegations (外国からの調査訪問; issue 8 item 6): yearly counts. Pure: no I/O.
// A visit has one or more parties (a country or region by ISO alpha-2 code, or an international
// organisation by its code in data/organisations.json), a number of visitors and a date.
// Per fiscal year: visits, distinct countries/regions, distinct organisations, people (the sum of
// visitors; null when a visit in the year has no number, so a partial sum is never shown as a total).
// The published counts (data/delegations.json) cover the years before records and cross-check them.

import { fiscalYearOf } from '../criteria/dates.ts';
import type { DelegationVisit } from '../../../../common/src/schemas/international.schema.ts';

export interface DelegationYear {
  fiscalYear: number;
  visits: number;
  countries: number;
  organisations: number;
  people: number | null;
  countryCodes: string[];
  organisationCodes: string[];
}

export interface PublishedDelegationYear {
  fiscalYear: number;
  visits: number | null;
  countries: number | null;
  organisations: number | null;
  people: number | null;
  countryCodes: string[] | null;
  organisationCodes: string[] | null;
  source: string;
  note?: string;
}

/** Counts per fiscal year, ascending. */
export function delegationYears(visits: readonly DelegationVisit[]): DelegationYear[] {
  const byYear = new Map<number, DelegationVisit[]>();
  for (const v of visits) {
    const fy = fiscalYearOf(v.date);
    byYear.set(fy, [...(byYear.get(fy) ?? []), v]);
  }
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([fiscalYear, vs]) => {
      const countryCodes = [...new Set(vs.flatMap((v) => v.parties.filter((p) => p.kind === 'country').map((p) => p.code)))].sort();
      const organisationCodes = [...new Set(vs.flatMap((v) => v.parties.filter((p) => p.kind === 'organisation').map((p) => p.code)))].sort();
      const people = vs.some((v) => v.visitors == null) ? null : vs.reduce((s, v) => s + v.visitors!, 0);
      return { fiscalYear, visits: vs.length, countries: countryCodes.length, organisations: organisationCodes.length, people, countryCodes, organisationCodes };
    });
}

/** 「14か国・地域及び2機関から20回」 / "20 visits from 14 countries and regions and 2 organisations". */
export function delegationLabel(y: Pick<DelegationYear, 'visits' | 'countries' | 'organisations' | 'people'>): { ja: string; en: string } {
  const fromJa = `${y.countries}か国・地域${y.organisations ? `及び${y.organisations}機関` : ''}から`;
  const fromEn = `from ${y.countries} ${y.countries === 1 ? 'country or region' : 'countries and regions'}${y.organisations ? ` and ${y.organisations} ${y.organisations === 1 ? 'organisation' : 'organisations'}` : ''}`;
  const ja = `${fromJa}${y.visits}回${y.people != null ? `（${y.people}人）` : ''}`;
  const en = `${y.visits} ${y.visits === 1 ? 'visit' : 'visits'} ${fromEn}${y.people != null ? ` (${y.people} ${y.people === 1 ? 'person' : 'people'})` : ''}`;
  return { ja, en };
}

export interface PublishedDifference {
  fiscalYear: number;
  measure: 'visits' | 'countries' | 'organisations' | 'people' | 'countryCodes' | 'organisationCodes';
  published: number | string[];
  records: number | string[] | null;
}

/** Where the records of a year differ from its published counts (measures not published are skipped). */
export function compareWithPublished(records: readonly DelegationYear[], published: readonly PublishedDelegationYear[]): PublishedDifference[] {
  const out: PublishedDifference[] = [];
  for (const p of published) {
    const r = records.find((x) => x.fiscalYear === p.fiscalYear);
    if (!r) continue;
    for (const m of ['visits', 'countries', 'organisations', 'people'] as const) {
      const pv = p[m];
      if (pv != null && pv !== r[m]) out.push({ fiscalYear: p.fiscalYear, measure: m, published: pv, records: r[m] });
    }
    for (const m of ['countryCodes', 'organisationCodes'] as const) {
      const pv = p[m];
      if (pv != null && JSON.stringify([...pv].sort()) !== JSON.stringify(r[m])) out.push({ fiscalYear: p.fiscalYear, measure: m, published: [...pv].sort(), records: r[m] });
    }
  }
  return out;
}
