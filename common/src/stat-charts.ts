// Statistics charts: pure ECharts option builders shared by the browser (web/src/ui/stat-figure.tsx)
// and the server (server/src/modules/statistics/report/chart-svg.ts renders them to SVG for the PDF).
//
// Usage
//   import { yearSeriesOption, stackedBreakdownOption, chartTextAlternative } from '<rel>/common/src/stat-charts.ts';
//   const input = {
//     years: [2021, 2022, 2023], yearKind: 'fiscal', lang: 'ja',
//     bars: [{ name: '派遣', values: [120, 130, 125] }, { name: '復帰', values: [110, 120, 140] }],
//     lines: [{ name: '年度末派遣中', values: [400, 410, 395] }],
//     unit: '人',                        // optional, shown in the axis name and the text alternative
//   } as const;
//   const option = yearSeriesOption(input);          // → EChartsOption (plain JSON, no functions)
//   const alt = chartTextAlternative(input);         // → 「…最も多いのは令和4年度（2022年度）の130人…」
//
//   const breakdown = { categories: ['製造業', '金融業'], series: [{ name: '派遣', values: [3, 5] },
//                       { name: '受入れ', values: [40, 12] }], lang: 'en', horizontal: true };
//   stackedBreakdownOption(breakdown); chartTextAlternative(breakdown);
//
// - Year axis labels: ja 「令和5年度\n(2023)」 / 「令和5年\n(2023)」 via common/src/wareki.ts; en 「FY2023」 / 「2023」.
//   The axis name states fiscal (年度 / fiscal year, April–March) or calendar year.
// - `values` may hold null for "not published"; the chart leaves a gap and the text ignores it.
// - Colours: Digital Agency primitive palette, shades with ≥ 3:1 contrast on white (WCAG 1.4.11,
//   tested in stat-charts.test.ts); series also differ by lightness order, not hue alone.
// - animation is off (deterministic SSR output, and prefers-reduced-motion in the browser).
// - `fontFamily` defaults to chartFontFamily, the family the PDF embeds (Noto Sans JP) and the web loads.
// - Options contain no functions, so the same object can be serialised or rendered server-side.

import type { EChartsOption } from 'echarts';
import { calendarYearLabel, fiscalYearLabel } from './wareki.ts';

export type ChartLang = 'ja' | 'en';
export type YearKind = 'fiscal' | 'calendar';

export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

export interface YearSeriesInput {
  years: readonly number[];
  yearKind: YearKind;
  bars?: readonly ChartSeries[];
  lines?: readonly ChartSeries[];
  lang: ChartLang;
  /** unit of the values, e.g. 「人」 / "persons" */
  unit?: string;
  /** stack the bars (default false: side by side) */
  stackBars?: boolean;
  /** chart title drawn inside the chart (omit when the page/PDF prints the heading itself) */
  title?: string;
  fontFamily?: string;
}

export interface BreakdownInput {
  categories: readonly string[];
  series: readonly ChartSeries[];
  lang: ChartLang;
  /** categories on the vertical axis (long labels such as industry names) */
  horizontal?: boolean;
  unit?: string;
  title?: string;
  fontFamily?: string;
}

/** Font family in every chart; the PDF maps it to the embedded Noto Sans JP (chart-svg.ts). */
export const chartFontFamily = "'Noto Sans JP', sans-serif";

/**
 * Series colours (Digital Agency design tokens, --color-primitive-*), each ≥ 3:1 against white.
 * Order alternates hue and lightness so neighbours in a stack stay distinguishable.
 */
export const chartPalette: readonly { token: string; hex: string }[] = [
  { token: 'blue-800', hex: '#0031d8' },
  { token: 'orange-800', hex: '#c74700' },
  { token: 'green-800', hex: '#197a4b' },
  { token: 'magenta-800', hex: '#aa00aa' },
  { token: 'cyan-900', hex: '#006f83' },
  { token: 'yellow-1000', hex: '#806300' },
  { token: 'purple-900', hex: '#5109ad' },
  { token: 'red-900', hex: '#ce0000' },
  { token: 'light-blue-1000', hex: '#00428c' },
  { token: 'lime-1000', hex: '#3e5a00' },
  { token: 'solid-gray-600', hex: '#666666' },
  { token: 'blue-1100', hex: '#000071' },
];

/** Text and axis colours (solid-gray-800 text on white: 12.6:1; axis lines solid-gray-536). */
const textColour = '#333333';
const axisColour = '#767676';
const gridColour = '#e6e6e6';

const fmt = (n: number): string => n.toLocaleString('en-US');

export function yearLabel(year: number, kind: YearKind, lang: ChartLang): string {
  return kind === 'fiscal' ? fiscalYearLabel(year, lang) : calendarYearLabel(year, lang);
}

/** Axis label: ja 「令和5年度\n(2023)」, en 「FY2023」. */
export function yearAxisLabel(year: number, kind: YearKind, lang: ChartLang): string {
  return lang === 'ja' ? `${yearLabel(year, kind, lang)}\n(${year})` : yearLabel(year, kind, lang);
}

/** Inline label: ja 「令和5年度（2023年度）」, en 「FY2023」. */
export function yearTextLabel(year: number, kind: YearKind, lang: ChartLang): string {
  if (lang === 'en') return yearLabel(year, kind, lang);
  return `${yearLabel(year, kind, lang)}（${year}${kind === 'fiscal' ? '年度' : '年'}）`;
}

function yearAxisName(kind: YearKind, lang: ChartLang): string {
  if (lang === 'ja') return kind === 'fiscal' ? '年度（4月～翌年3月）' : '年（1月～12月）';
  return kind === 'fiscal' ? 'Fiscal year (April–March)' : 'Calendar year';
}

function checkLengths(n: number, series: readonly ChartSeries[], what: string): void {
  for (const s of series) {
    if (s.values.length !== n) {
      throw new RangeError(`${what}: series "${s.name}" has ${s.values.length} values for ${n} categories`);
    }
  }
}

function base(fontFamily: string | undefined, title: string | undefined, legend: string[]) {
  const top = title ? 36 : 8;
  const common = {
    animation: false,
    color: chartPalette.map((c) => c.hex),
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: fontFamily ?? chartFontFamily, color: textColour, fontSize: 12 },
    aria: { enabled: false }, // the container is aria-hidden; the table and text alternative carry the data
    ...(title ? { title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' as const, color: textColour } } } : {}),
    legend: { data: legend, top, left: 'center', textStyle: { color: textColour }, itemGap: 16 },
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
  };
  /** top of the plot area, below title and legend */
  return { common, top: top + 32 };
}

/** Bars and/or lines over years (e.g. 資料8: dispatched / returned as bars, on dispatch at year end as a line). */
export function yearSeriesOption(input: YearSeriesInput): EChartsOption {
  const bars = input.bars ?? [];
  const lines = input.lines ?? [];
  checkLengths(input.years.length, [...bars, ...lines], 'yearSeriesOption');
  const { common, top } = base(
    input.fontFamily,
    input.title,
    [...bars, ...lines].map((s) => s.name),
  );
  const many = input.years.length > 12;
  return {
    ...common,
    grid: { left: 56, right: 24, top, bottom: input.lang === 'ja' ? 72 : 56, containLabel: false },
    xAxis: {
      type: 'category',
      name: yearAxisName(input.yearKind, input.lang),
      nameLocation: 'middle',
      nameGap: input.lang === 'ja' ? 48 : 34,
      data: input.years.map((y) => yearAxisLabel(y, input.yearKind, input.lang)),
      axisLine: { lineStyle: { color: axisColour } },
      axisTick: { alignWithLabel: true },
      axisLabel: { color: textColour, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: input.unit ?? '',
      nameTextStyle: { color: textColour, align: 'right' },
      axisLine: { show: true, lineStyle: { color: axisColour } },
      axisLabel: { color: textColour },
      splitLine: { lineStyle: { color: gridColour } },
      minInterval: 1,
    },
    series: [
      ...bars.map((s) => ({
        type: 'bar' as const,
        name: s.name,
        data: [...s.values],
        ...(input.stackBars ? { stack: 'bars' } : {}),
        barMaxWidth: 28,
      })),
      ...lines.map((s) => ({
        type: 'line' as const,
        name: s.name,
        data: [...s.values],
        symbol: 'circle',
        symbolSize: many ? 4 : 7,
        lineStyle: { width: 2.5 },
        connectNulls: false,
      })),
    ],
  };
}

/** Stacked bars by category (e.g. the industry table: 受入れ / 派遣 per industry). */
export function stackedBreakdownOption(input: BreakdownInput): EChartsOption {
  checkLengths(input.categories.length, input.series, 'stackedBreakdownOption');
  const { common, top } = base(
    input.fontFamily,
    input.title,
    input.series.map((s) => s.name),
  );
  const categoryAxis = {
    type: 'category' as const,
    data: [...input.categories],
    axisLine: { lineStyle: { color: axisColour } },
    axisLabel: { color: textColour, hideOverlap: !input.horizontal, interval: 0 },
    ...(input.horizontal ? { inverse: true } : {}),
  };
  const valueAxis = {
    type: 'value' as const,
    name: input.unit ?? '',
    nameTextStyle: { color: textColour },
    axisLine: { show: true, lineStyle: { color: axisColour } },
    axisLabel: { color: textColour },
    splitLine: { lineStyle: { color: gridColour } },
    minInterval: 1,
  };
  return {
    ...common,
    grid: input.horizontal
      ? // the category labels are laid out inside the grid rect (ECharts 6 outerBounds)
        { left: 8, right: 48, top, bottom: 32, outerBoundsMode: 'same' as const, outerBoundsContain: 'axisLabel' as const }
      : { left: 56, right: 24, top, bottom: 48 },
    xAxis: input.horizontal ? valueAxis : categoryAxis,
    yAxis: input.horizontal ? categoryAxis : valueAxis,
    series: input.series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      stack: 'total',
      data: [...s.values],
      barMaxWidth: 28,
      emphasis: { focus: 'series' as const },
    })),
  };
}

// ---------------------------------------------------------------- text alternatives

function extremes(values: readonly (number | null)[]): { max: number; min: number; last: number } | null {
  let max = -1;
  let min = -1;
  let last = -1;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (max < 0 || v > values[max]!) max = i;
    if (min < 0 || v < values[min]!) min = i;
    last = i;
  });
  return max < 0 ? null : { max, min, last };
}

const withUnit = (n: number, unit: string | undefined, lang: ChartLang) =>
  unit ? (lang === 'ja' ? `${fmt(n)}${unit}` : `${fmt(n)} ${unit}`) : fmt(n);

/**
 * A short sentence describing the chart built from the same input: per series, the highest, the
 * lowest and the latest value with their years (year series), or the total per category with the
 * largest and smallest (breakdown). Used as the figure's visible summary and in the PDF.
 */
export function chartTextAlternative(input: YearSeriesInput | BreakdownInput): string {
  return 'years' in input ? yearSeriesText(input) : breakdownText(input);
}

function yearSeriesText(input: YearSeriesInput): string {
  const { years, yearKind, lang, unit } = input;
  const all = [...(input.bars ?? []), ...(input.lines ?? [])];
  if (years.length === 0 || all.length === 0) return lang === 'ja' ? 'データはありません。' : 'No data.';
  const y = (i: number) => yearTextLabel(years[i]!, yearKind, lang);
  const span =
    lang === 'ja'
      ? `${y(0)}から${y(years.length - 1)}までの推移。`
      : `${y(0)} to ${y(years.length - 1)}.`;
  const parts = all.map((s) => {
    const e = extremes(s.values);
    if (!e) return lang === 'ja' ? `${s.name}：データなし。` : `${s.name}: no data.`;
    const v = (i: number) => withUnit(s.values[i]!, unit, lang);
    return lang === 'ja'
      ? `${s.name}は最多が${y(e.max)}の${v(e.max)}、最少が${y(e.min)}の${v(e.min)}、直近の${y(e.last)}は${v(e.last)}。`
      : `${s.name}: highest ${v(e.max)} in ${y(e.max)}, lowest ${v(e.min)} in ${y(e.min)}, latest ${v(e.last)} in ${y(e.last)}.`;
  });
  return [span, ...parts].join(lang === 'ja' ? '' : ' ');
}

function breakdownText(input: BreakdownInput): string {
  const { categories, series, lang, unit } = input;
  if (categories.length === 0 || series.length === 0) return lang === 'ja' ? 'データはありません。' : 'No data.';
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const grand = totals.reduce((a, b) => a + b, 0);
  const e = extremes(totals)!;
  const v = (n: number) => withUnit(n, unit, lang);
  const bySeries = series.map((s) => {
    const t = s.values.reduce<number>((a, b) => a + (b ?? 0), 0);
    return lang === 'ja' ? `${s.name}${v(t)}` : `${s.name} ${v(t)}`;
  });
  const pct = (n: number) => (grand > 0 ? Math.round((n / grand) * 1000) / 10 : 0);
  return lang === 'ja'
    ? `合計${v(grand)}（${bySeries.join('、')}）。最も多いのは${categories[e.max]}の${v(totals[e.max]!)}（${pct(totals[e.max]!)}%）、最も少ないのは${categories[e.min]}の${v(totals[e.min]!)}。`
    : `Total ${v(grand)} (${bySeries.join(', ')}). Largest: ${categories[e.max]} with ${v(totals[e.max]!)} (${pct(totals[e.max]!)}%); smallest: ${categories[e.min]} with ${v(totals[e.min]!)}.`;
}
