// Survey result charts (アンケート集計のグラフ): pure ECharts option builders, the survey counterpart of
// stat-charts.ts, shared by the browser (web/src/ui/stat-figure.tsx) and any server-side rendering.
//
// Usage
//   import { stackedShareOption, choiceBarOption, stackedShareText, choiceBarText } from '<rel>/common/src/survey-charts.ts';
//   const input = {
//     lang: 'ja',
//     items: [{ label: '組織の活性化', n: 16, counts: [9, 6, 1, 0, 0] }],   // one bar per item
//     options: [{ id: 'strongly_agree', label: 'よく当てはまる' }, …],       // in scale order
//   };
//   stackedShareOption(input);   // horizontal 100% bars, one per item, segments in scale order (the seed's charts)
//   stackedShareText(input, positiveIds);   // 「組織の活性化（n=16）：肯定的 93.8%（よく当てはまる 56.3%、…）」
//   choiceBarOption({ lang, n: 34, options: [{ label: '…', count: 20 }] });   // bars of share of n, count in the label
//
// - 100% bars: each segment is count / n of its item, in percent with one decimal; the segment shows
//   its percentage when it is wide enough (≥ 8%). The colours run from dark blue (よく当てはまる) to
//   orange (当てはまらない), 分からない grey: order by lightness as well as hue.
// - Options contain no functions (serialisable), animation off, the same font family as stat-charts.
import type { EChartsOption } from 'echarts';
import { chartFontFamily, type ChartLang } from './stat-charts.ts';

export interface ShareOption {
  id: string;
  label: string;
}

export interface ShareItem {
  label: string;
  /** respondents who answered this item (null: suppressed) */
  n: number | null;
  /** counts per option, in `options` order */
  counts: readonly number[];
}

export interface StackedShareInput {
  lang: ChartLang;
  items: readonly ShareItem[];
  options: readonly ShareOption[];
  fontFamily?: string;
  /** width of the item labels in px (default 220; ~110 on a phone) */
  labelWidth?: number;
}

export interface ChoiceBarInput {
  lang: ChartLang;
  n: number | null;
  options: readonly { label: string; count: number }[];
  fontFamily?: string;
  labelWidth?: number;
}

/** Scale colours by option id (agreement and satisfaction scales, 分からない). */
export const scaleColours: Record<string, string> = {
  strongly_agree: '#0031d8',
  satisfied: '#0031d8',
  somewhat_agree: '#4979f5',
  somewhat_satisfied: '#4979f5',
  neutral: '#767676',
  somewhat_disagree: '#fb5b01',
  somewhat_dissatisfied: '#fb5b01',
  disagree: '#c74700',
  dissatisfied: '#c74700',
  dont_know: '#b3b3b3',
};
const fallbackColours = ['#0031d8', '#4979f5', '#767676', '#fb5b01', '#c74700', '#b3b3b3', '#197a4b', '#aa00aa'];
const textColour = '#333333';
const axisColour = '#767676';
const gridColour = '#e6e6e6';

/** count / n in percent with one decimal (0 when n is 0 or null). */
export const percent = (count: number, n: number | null): number => (n && n > 0 ? Math.round((count / n) * 1000) / 10 : 0);

const itemAxisLabel = (it: ShareItem, lang: ChartLang) => `${it.label}\n(${lang === 'ja' ? 'ｎ＝' : 'n = '}${it.n ?? '－'})`;

/** Horizontal 100% stacked bars, one per item (the seed's charts for 5-point scales). */
export function stackedShareOption(input: StackedShareInput): EChartsOption {
  const { items, options, lang } = input;
  // n in the axis labels only when items differ in n (otherwise the heading states it once).
  const sameN = items.every((it) => it.n === items[0]?.n);
  const narrow = (input.labelWidth ?? 220) < 160;
  const categories = items.map((it) => (sameN ? it.label : itemAxisLabel(it, lang)));
  return {
    ...percentBarBase(options.map((o, i) => scaleColours[o.id] ?? fallbackColours[i % fallbackColours.length]!), categories, input),
    legend: { data: options.map((o) => o.label), top: 4, left: 'center', textStyle: { color: textColour }, itemGap: 12 },
    // a phone (narrow labels): the legend wraps to about three rows
    grid: { left: 8, right: 24, top: narrow ? 100 : options.length > 4 ? 64 : 40, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    series: options.map((o, oi) => ({
      type: 'bar' as const,
      name: o.label,
      stack: 'share',
      barMaxWidth: 28,
      data: items.map((it) => {
        const v = percent(it.counts[oi] ?? 0, it.n);
        return { value: v, label: { show: v >= (narrow ? 20 : 8), formatter: `${v}%`, color: o.id === 'dont_know' ? textColour : '#ffffff' } };
      }),
    })),
  };
}

/**
 * What every horizontal percent-bar chart here shares: the colours, text and tooltip, a 0–100% value axis and
 * the category labels down the side (narrow charts: fewer ticks, smaller labels).
 */
function percentBarBase(color: string[], labels: string[], input: { fontFamily?: string; labelWidth?: number }): EChartsOption {
  const labelWidth = input.labelWidth ?? 220;
  const narrow = labelWidth < 160;
  return {
    animation: false,
    color,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: input.fontFamily ?? chartFontFamily, color: textColour, fontSize: 12 },
    aria: { enabled: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      max: 100,
      splitNumber: narrow ? 2 : 5,
      axisLabel: { color: textColour, formatter: '{value}%' },
      axisLine: { show: true, lineStyle: { color: axisColour } },
      splitLine: { lineStyle: { color: gridColour } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLine: { lineStyle: { color: axisColour } },
      axisLabel: { color: textColour, interval: 0, width: labelWidth, overflow: 'break', fontSize: narrow ? 11 : 12 },
    },
  };
}

/** Horizontal bars of share of n per option (multiple / single choices), count and share in the label. */
export function choiceBarOption(input: ChoiceBarInput): EChartsOption {
  const { options, n, lang } = input;
  return {
    ...percentBarBase(['#0031d8'], options.map((o) => o.label), input),
    grid: { left: 8, right: 96, top: 16, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    series: [
      {
        type: 'bar',
        name: lang === 'ja' ? '回答の割合' : 'Share of n',
        barMaxWidth: 24,
        data: options.map((o) => {
          const v = percent(o.count, n);
          return { value: v, label: { show: true, position: 'right', color: textColour, formatter: lang === 'ja' ? `${v}%（${o.count}）` : `${v}% (${o.count})` } };
        }),
      },
    ],
  };
}

/** The text alternative of a 100% bar chart: per item, n, the positive share and each option's share. */
export function stackedShareText(input: StackedShareInput, positiveIds: readonly string[]): string {
  const { items, options, lang } = input;
  if (items.length === 0) return lang === 'ja' ? 'データはありません。' : 'No data.';
  const pos = options.map((o, i) => (positiveIds.includes(o.id) ? i : -1)).filter((i) => i >= 0);
  return items
    .map((it) => {
      if (it.n === null) return lang === 'ja' ? `${it.label}：回答数が少ないため非表示。` : `${it.label}: hidden (too few answers).`;
      const parts = options.map((o, i) => (lang === 'ja' ? `${o.label} ${percent(it.counts[i] ?? 0, it.n)}%` : `${o.label} ${percent(it.counts[i] ?? 0, it.n)}%`));
      const p = pos.length ? percent(pos.reduce((a, i) => a + (it.counts[i] ?? 0), 0), it.n) : null;
      return lang === 'ja'
        ? `${it.label}（ｎ＝${it.n}）：${p !== null ? `肯定的 ${p}%（` : '（'}${parts.join('、')}）。`
        : `${it.label} (n = ${it.n}): ${p !== null ? `positive ${p}% (` : '('}${parts.join(', ')}).`;
    })
    .join(lang === 'ja' ? '' : ' ');
}

/** The text alternative of a choice chart: n, then the options from the most chosen. */
export function choiceBarText(input: ChoiceBarInput): string {
  const { options, n, lang } = input;
  if (n === null) return lang === 'ja' ? '回答数が少ないため非表示。' : 'Hidden (too few answers).';
  if (!n) return lang === 'ja' ? '回答はありません。' : 'No answers.';
  const sorted = [...options].sort((a, b) => b.count - a.count);
  const parts = sorted.map((o) => (lang === 'ja' ? `${o.label} ${o.count}件（${percent(o.count, n)}%）` : `${o.label} ${o.count} (${percent(o.count, n)}%)`));
  return lang === 'ja' ? `ｎ＝${n}。${parts.join('、')}。` : `n = ${n}. ${parts.join(', ')}.`;
}

export interface GapBarInput {
  lang: ChartLang;
  rows: readonly { label: string; participant: number | null; organisation: number | null }[];
  /** series names, e.g. 交流採用者（支援を求める） / 府省等（力を入れている） */
  participantName: string;
  organisationName: string;
  fontFamily?: string;
  labelWidth?: number;
}

/** Gap analysis (認識差): per pair, the participants' share beside the organisations' share (percent). */
export function gapBarOption(input: GapBarInput): EChartsOption {
  const { rows } = input;
  return {
    ...percentBarBase(['#c74700', '#0031d8'], rows.map((r) => r.label), input),
    legend: { data: [input.participantName, input.organisationName], top: 4, left: 'center', textStyle: { color: textColour } },
    grid: { left: 8, right: 56, top: (input.labelWidth ?? 220) < 160 ? 64 : 40, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    series: [
      { name: input.participantName, key: 'participant' as const },
      { name: input.organisationName, key: 'organisation' as const },
    ].map((s) => ({
      type: 'bar' as const,
      name: s.name,
      barMaxWidth: 14,
      data: rows.map((r) => {
        const v = r[s.key];
        return { value: v, label: { show: v !== null, position: 'right', color: textColour, formatter: v === null ? '' : `${v}%` } };
      }),
    })),
  };
}
