import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BreakdownInput,
  type YearSeriesInput,
  type YearKind,
  chartPalette,
  chartTextAlternative,
  stackedBreakdownOption,
  yearAxisLabel,
  yearSeriesOption,
} from './stat-charts.ts';

interface Cases {
  axisLabels: [number, YearKind, string, string][];
  yearText: { input: YearSeriesInput; text: string }[];
  breakdownText: { input: BreakdownInput; text: string }[];
}
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'stat-charts.cases.json'), 'utf8')) as Cases;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('stat-charts', () => {
  it.each(cases.axisLabels)('axis label %i %s → ja %j / en %j', (year, kind, ja, en) => {
    expect(yearAxisLabel(year, kind, 'ja')).toBe(ja);
    expect(yearAxisLabel(year, kind, 'en')).toBe(en);
  });

  it.each(cases.yearText.map((c) => [c.text, c.input] as const))('year text: %s', (text, input) => {
    expect(chartTextAlternative(input)).toBe(text);
  });

  it.each(cases.breakdownText.map((c) => [c.text, c.input] as const))('breakdown text: %s', (text, input) => {
    expect(chartTextAlternative(input)).toBe(text);
  });

  it('palette colours have at least 3:1 contrast on white', () => {
    for (const c of chartPalette) expect(contrastOnWhite(c.hex), c.token).toBeGreaterThanOrEqual(3);
  });

  it('year series: bars then lines, no animation, 和暦 axis with fiscal year name', () => {
    const input = cases.yearText[0]!.input;
    const o = yearSeriesOption(input) as Record<string, any>;
    expect(o.animation).toBe(false);
    expect(o.xAxis.data).toEqual(['令和3年度\n(2021)', '令和4年度\n(2022)', '令和5年度\n(2023)']);
    expect(o.xAxis.name).toContain('年度');
    expect(o.series.map((s: { type: string; name: string }) => `${s.type}:${s.name}`)).toEqual(['bar:派遣', 'line:年度末派遣中']);
    expect(o.series[0].data).toEqual([120, 1300, null]);
    expect(JSON.parse(JSON.stringify(o))).toEqual(o); // plain data, no functions
  });

  it('english year series uses English axis names', () => {
    const o = yearSeriesOption({ ...cases.yearText[1]!.input }) as Record<string, any>;
    expect(o.xAxis.data).toEqual(['2022', '2023', '2024']);
    expect(o.xAxis.name).toBe('Calendar year');
  });

  it('stacked breakdown: one stack, horizontal puts categories on y', () => {
    const input = cases.breakdownText[0]!.input;
    const v = stackedBreakdownOption(input) as Record<string, any>;
    expect(v.xAxis.type).toBe('category');
    expect(v.series.every((s: { stack: string }) => s.stack === 'total')).toBe(true);
    const h = stackedBreakdownOption({ ...input, horizontal: true }) as Record<string, any>;
    expect(h.yAxis.data).toEqual(['製造業', '金融業', '情報通信業']);
    expect(h.xAxis.type).toBe('value');
  });

  it('refuses series whose length differs from the categories', () => {
    expect(() =>
      yearSeriesOption({ years: [2020, 2021], yearKind: 'fiscal', lang: 'en', bars: [{ name: 'x', values: [1] }] }),
    ).toThrow(RangeError);
  });
});
