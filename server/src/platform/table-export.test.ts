import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './table-export.ts';

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1)', `"'=SUM(A1)"`],
    ['+81', `"'+81"`],
    ['-x', `"'-x"`],
    ['@cmd', `"'@cmd"`],
    ['製造業', '"製造業"'],
    ['say "hi"', '"say ""hi"""'],
  ])('text %s → %s (formulas neutralised)', (v, want) => expect(csvCell(v)).toBe(want));
  it.each([
    [-95, '"-95"'],
    [423, '"423"'],
  ])('number %s stays a number', (v, want) => expect(csvCell(v)).toBe(want));
  it('starts with a BOM and uses CRLF', () => {
    expect(toCsv([{ header: 'a', value: (r: { a: number }) => r.a }], [{ a: 1 }])).toBe('\uFEFF"a"\r\n"1"\r\n');
  });
});
