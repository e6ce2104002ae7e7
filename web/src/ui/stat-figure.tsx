// <StatFigure>: one statistics chart with its data table and text alternative (issue 6 item 7).
//
// Usage
//   import { StatFigure } from '../../ui/stat-figure.tsx';
//   import { yearSeriesOption, chartTextAlternative, yearTextLabel } from '../../../../common/src/stat-charts.ts';
//   const input = { years, yearKind: 'fiscal', lang, unit: t('stats.persons'), bars: [...], lines: [...] } as const;
//   <StatFigure
//     title={t('stats.intl.title')}                 // heading (h2 by default; headingLevel={3} for h3)
//     caption={t('stats.intl.caption')}             // figcaption: source / notes (optional)
//     option={yearSeriesOption(input)}              // ECharts option from common/src/stat-charts.ts
//     textAlternative={chartTextAlternative(input)}
//     columns={[{ key: 'year', label: t('stats.fiscalYear'), rowHeader: true },
//               { key: 'dispatched', label: t('stats.dispatched'), numeric: true }]}
//     rows={years.map((y, i) => ({ year: yearTextLabel(y, 'fiscal', lang), dispatched: d[i] }))}
//     tableCaption={t('stats.intl.table')}          // defaults to the title
//     layout="beside"                               // 'beside' (chart | table on wide screens) or 'below'
//   />
//
// Accessibility choices
// - The chart container is aria-hidden: ECharts SVG is not a usable reading order. The same numbers
//   are in the <table> (caption, th scope="col"/"row") and the summary sentence.
// - The text alternative is VISIBLE (a 「要約」 paragraph under the chart), not sr-only: it helps sighted
//   readers who cannot read charts well (low vision, colour vision, cognitive load) and costs one line.
//   The figure is aria-describedby that paragraph.
// - The table is server-independent plain React: it renders before ECharts loads and stays when the
//   chart fails (import error, no SVG); on failure the chart area shows a short notice instead.
// - ECharts is imported with dynamic import() of ./echarts-lazy.ts (own chunk), SVG renderer,
//   resized with a ResizeObserver, disposed on unmount; animation is off in the options.
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx.ts';
import { Table, Td, Th, Tr } from './table.tsx';

export type StatCell = string | number | null | undefined;

export interface StatColumn {
  key: string;
  label: ReactNode;
  /** right-aligned, digits grouped (null → 「－」) */
  numeric?: boolean;
  /** the row header (th scope="row"); usually the first column */
  rowHeader?: boolean;
}

export interface StatFigureProps {
  title: ReactNode;
  headingLevel?: 2 | 3 | 4;
  caption?: ReactNode;
  option: EChartsOption;
  textAlternative: string;
  columns: readonly StatColumn[];
  rows: readonly Record<string, StatCell>[];
  tableCaption?: ReactNode;
  layout?: 'beside' | 'below';
  /** chart height in px (default 360) */
  height?: number;
  testId?: string;
  /** extra content under the table (e.g. export links) */
  footer?: ReactNode;
}

type ChartState = 'loading' | 'ready' | 'failed';

export function StatFigure({
  title,
  headingLevel = 2,
  caption,
  option,
  textAlternative,
  columns,
  rows,
  tableCaption,
  layout = 'beside',
  height = 360,
  testId,
  footer,
}: StatFigureProps) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const headingId = useId();
  const summaryId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ChartState>('loading');

  useEffect(() => {
    const el = chartRef.current;
    if (!el) return;
    let disposed = false;
    let chart: { setOption: (o: EChartsOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void } | undefined;
    let observer: ResizeObserver | undefined;
    import('./echarts-lazy.ts')
      .then(({ echarts }) => {
        if (disposed) return;
        const instance = echarts.init(el, undefined, { renderer: 'svg' });
        instance.setOption(option, true);
        chart = instance;
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => chart?.resize());
          observer.observe(el);
        }
        setState('ready');
      })
      .catch(() => {
        if (!disposed) setState('failed');
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option]);

  const cell = (c: StatColumn, v: StatCell) =>
    v === null || v === undefined || v === '' ? '－' : c.numeric && typeof v === 'number' ? v.toLocaleString('en-US') : v;

  return (
    <figure
      className="rounded-8 border border-solid-gray-420 bg-white p-5"
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      data-testid={testId}
    >
      <H id={headingId} className="mb-2 text-std-20B-150 text-solid-gray-900">
        {title}
      </H>
      {caption ? <figcaption className="mb-3 text-std-16N-170 text-solid-gray-700">{caption}</figcaption> : null}
      {/* beside: chart 3/5 and table 2/5; a table of more than 4 columns gets half the width */}
      <div
        className={cx(
          'grid gap-5',
          layout === 'beside' && (columns.length > 4 ? 'xl:grid-cols-2' : 'xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]'),
        )}
      >
        <div>
          <div className="relative" style={{ height }}>
            <div ref={chartRef} aria-hidden="true" className="h-full w-full" data-chart-state={state} />
            {state === 'loading' ? (
              <p className="absolute inset-0 flex items-center justify-center text-std-16N-170 text-solid-gray-600">
                {t('statFigure.loading')}
              </p>
            ) : null}
            {state === 'failed' ? (
              <p role="status" className="absolute inset-0 flex items-center justify-center text-std-16N-170 text-solid-gray-700">
                {t('statFigure.failed')}
              </p>
            ) : null}
          </div>
          <p id={summaryId} className="mt-3 text-std-16N-170 text-solid-gray-800">
            <span className="font-bold">{t('statFigure.summary')}</span>
            {textAlternative}
          </p>
        </div>
        <div className="min-w-0">
          <Table caption={tableCaption ?? title} className="max-h-[28rem] overflow-y-auto">
            <thead>
              <tr>
                {columns.map((c) => (
                  <Th key={c.key} scope="col" className={c.numeric ? 'text-right' : undefined}>
                    {c.label}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <Tr key={i}>
                  {columns.map((c) =>
                    c.rowHeader ? (
                      <Th key={c.key} scope="row" className="whitespace-nowrap text-left">
                        {cell(c, r[c.key])}
                      </Th>
                    ) : (
                      <Td key={c.key} className={c.numeric ? 'text-right tabular-nums' : undefined}>
                        {cell(c, r[c.key])}
                      </Td>
                    ),
                  )}
                </Tr>
              ))}
            </tbody>
          </Table>
          {footer ? <div className="mt-3">{footer}</div> : null}
        </div>
      </div>
    </figure>
  );
}
