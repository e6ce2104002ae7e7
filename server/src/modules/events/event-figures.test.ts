// The event figures as data: each case gives the records and the figures they must produce
// (a partial expectation names only the figures the case is about).
import { describe, expect, it } from 'vitest';
import cases from './event-figures.cases.json' with { type: 'json' };
import { eventFigures, type FigureRecords } from './event-figures.ts';

describe('event figures (説明会の実施状況) computed from records', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(eventFigures(c.records as FigureRecords)).toMatchObject(c.expected);
  });

  it('does not depend on the order of the records', () => {
    for (const c of cases) {
      const r = c.records as FigureRecords;
      const reversed = { registrations: [...r.registrations].reverse(), ministries: [...r.ministries].reverse(), contacts: [...r.contacts].reverse() };
      expect(eventFigures(reversed)).toEqual(eventFigures(r));
    }
  });
});
