import { describe, expect, it } from 'vitest';
import { lineColumn, locatePath, parseJson } from './json-text.ts';

const doc = JSON.stringify(
  { exchange: { plannedStart: '2026-02-30' }, facts: { companies: [{ id: 'c1', sales: [{ fiscalYear: 2020, amountYen: -1 }] }] } },
  null,
  2,
);
const at = (path: string) => {
  const span = locatePath(doc, path);
  return span ? doc.slice(span.start, span.end) : null;
};

describe('json-text', () => {
  it('finds the value at a server field path, array indices included', () => {
    expect(at('exchange.plannedStart')).toBe('"2026-02-30"');
    expect(at('facts.companies.0.sales.0.amountYen')).toBe('-1');
    expect(at('facts.companies.0.id')).toBe('"c1"');
  });

  it('falls back to the nearest ancestor for a field that is missing', () => {
    expect(at('exchange.plannedEnd')).toBe('{\n    "plannedStart": "2026-02-30"\n  }');
    expect(at('facts.companies.3.name')).toMatch(/^\[/);
  });

  it('gives the line and column of a syntax error, whatever the browser says', () => {
    expect(parseJson('{\n  "exchange": {\n    "direction" "dispatch"\n  }\n}')).toEqual({ ok: false, offset: 34, line: 3, column: 17 });
    expect(parseJson('{"a": 1')).toMatchObject({ ok: false, line: 1, column: 8 });
    expect(parseJson('{"a": 1} x')).toMatchObject({ ok: false, column: 10 });
    expect(parseJson('{"a": "\\q"}')).toMatchObject({ ok: false });
    expect(parseJson('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
