// 国際機関等派遣の統計 (public): 資料8 派遣職員数の推移 by fiscal year (年度) as a chart with its
// table beside, filtered by a year range; each year's source and its history of published versions;
// year-end by organisation type (図8-2) and by region (図8-3); downloads as CSV / xlsx / JSON.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { chartTextAlternative, stackedBreakdownOption, yearSeriesOption, yearTextLabel, type BreakdownInput, type YearSeriesInput } from '../../../common/src/stat-charts.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { DownloadLinks, HistoryButton, dimensionLabel } from '../modules/statistics/published-ui.tsx';
import { useBreakdown, useInternationalSeries, type Breakdown } from '../modules/statistics/published.api.ts';
import { Alert } from '../ui/alert.tsx';
import { Badge, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { StatFigure } from '../ui/stat-figure.tsx';
import { AnnualReportDownload } from '../modules/statistics/annual-report-download.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

const MEASURES = ['dispatched', 'returned', 'notResumed', 'endOfYear', 'adjustedEndOfYear'] as const;

export function StatisticsInternationalPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('statistics.intl.title'));
  const series = useInternationalSeries();
  const [params, setParams] = useSearchParams();
  const all = series.data?.rows ?? [];
  const years = all.map((r) => r.fiscalYear);
  const minY = years[0] ?? 1970;
  const maxY = years.at(-1) ?? 2023;
  const from = Math.max(minY, Number(params.get('from')) || minY);
  const to = Math.min(maxY, Number(params.get('to')) || maxY);
  const rows = all.filter((r) => r.fiscalYear >= from && r.fiscalYear <= to);

  const input = useMemo<YearSeriesInput>(
    () => ({
      years: rows.map((r) => r.fiscalYear),
      yearKind: 'fiscal',
      lang,
      unit: t('statistics.persons'),
      bars: [
        { name: t('statistics.measure.dispatched'), values: rows.map((r) => r.dispatched) },
        { name: t('statistics.measure.returned'), values: rows.map((r) => r.returned) },
      ],
      lines: [{ name: t('statistics.measure.endOfYear'), values: rows.map((r) => r.endOfYear) }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series.data, from, to, lang],
  );
  const option = useMemo(() => yearSeriesOption(input), [input]);

  const setRange = (k: 'from' | 'to', v: string) => {
    const p = new URLSearchParams(params);
    p.set(k, v);
    setParams(p, { replace: true });
  };

  return (
    <>
      <p className="mb-4">
        <Link to="/statistics">{t('statistics.back')}</Link>
      </p>
      <PageHeading title={t('statistics.intl.title')} lead={t('statistics.intl.lead')} />
      {series.error ? <ErrorAlert error={series.error} onRetry={series.reload} /> : null}
      {series.loading && !series.data ? <Loading /> : null}
      {series.data ? (
        <>
          <form className="mb-6 flex flex-wrap items-end gap-4" aria-label={t('statistics.filter.label')} onSubmit={(e) => e.preventDefault()}>
            <Select id="intl-from" label={t('statistics.filter.from')} value={String(from)} onChange={(e) => setRange('from', e.target.value)} className="w-56">
              {years.map((y) => (
                <option key={y} value={y}>
                  {yearTextLabel(y, 'fiscal', lang)}
                </option>
              ))}
            </Select>
            <Select id="intl-to" label={t('statistics.filter.to')} value={String(to)} onChange={(e) => setRange('to', e.target.value)} className="w-56">
              {years.map((y) => (
                <option key={y} value={y}>
                  {yearTextLabel(y, 'fiscal', lang)}
                </option>
              ))}
            </Select>
          </form>
          <StatFigure
            title={t('statistics.intl.chartTitle')}
            caption={t('statistics.intl.caption')}
            option={option}
            textAlternative={chartTextAlternative(input)}
            columns={[
              { key: 'year', label: t('statistics.fiscalYear'), rowHeader: true },
              { key: 'dispatched', label: t('statistics.measure.dispatchedShort'), numeric: true },
              { key: 'returned', label: t('statistics.measure.returnedShort'), numeric: true },
              { key: 'notResumed', label: t('statistics.measure.notResumedShort'), numeric: true },
              { key: 'endOfYear', label: t('statistics.measure.endOfYearShort'), numeric: true },
              { key: 'adjusted', label: t('statistics.measure.adjustedShort'), numeric: true },
            ]}
            rows={rows.map((r) => ({
              year: lang === 'ja' ? `${r.labelJa} (${r.fiscalYear})` : `FY${r.fiscalYear}`,
              dispatched: r.dispatched,
              returned: r.returned,
              notResumed: r.notResumed === null ? null : `(${r.notResumed})`,
              endOfYear: r.endOfYear,
              adjusted: r.adjustedEndOfYear === null ? null : `[${r.adjustedEndOfYear}]`,
            }))}
            tableCaption={t('statistics.intl.tableCaption', { from: yearTextLabel(from, 'fiscal', lang), to: yearTextLabel(to, 'fiscal', lang) })}
            testId="intl-figure"
            footer={<DownloadLinks path="/api/statistics/international/series" extra={{ from: String(from), to: String(to) }} label={t('statistics.intl.chartTitle')} />}
          />
          {series.data.totals ? (
            <p className="mt-4 text-std-16N-170" data-testid="intl-totals">
              {t('statistics.intl.totals', {
                from: yearTextLabel(series.data.totals.fromYear, 'fiscal', lang),
                to: yearTextLabel(series.data.totals.toYear, 'fiscal', lang),
                dispatched: (series.data.totals.dispatched ?? 0).toLocaleString('en-US'),
                returned: (series.data.totals.returned ?? 0).toLocaleString('en-US'),
                notResumed: (series.data.totals.notResumed ?? 0).toLocaleString('en-US'),
              })}
            </p>
          ) : null}

          <SectionHeading id="sources">{t('statistics.intl.sourcesHeading')}</SectionHeading>
          <p className="mb-4 max-w-4xl text-std-16N-170">{t('statistics.intl.sourcesLead')}</p>
          <Table caption={t('statistics.intl.sourcesCaption')} className="max-h-[32rem] overflow-y-auto" testId="intl-sources">
            <thead>
              <tr>
                <Th>{t('statistics.fiscalYear')}</Th>
                <Th>{t('statistics.source')}</Th>
                <Th>{t('statistics.revisions')}</Th>
                <Th>
                  <span className="sr-only">{t('statistics.history.button')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {[...rows].reverse().map((r) => (
                <Tr key={r.fiscalYear}>
                  <Th scope="row" className="whitespace-nowrap">
                    {yearTextLabel(r.fiscalYear, 'fiscal', lang)}
                  </Th>
                  <Td>
                    {r.source.table} {r.source.lines ? t('statistics.line', { lines: r.source.lines }) : ''}
                    <span className="block text-solid-gray-700">{r.source.document}{r.source.edition ? `（${r.source.edition}）` : ''}</span>
                  </Td>
                  <Td>
                    {r.revised ? <Badge tone="orange">{t('statistics.revised')}</Badge> : null}
                    {r.flaggedRevision ? <Badge tone="purple">{t('statistics.history.flagged')}</Badge> : null}
                  </Td>
                  <Td>
                    <HistoryButton series="international.dispatch" year={r.fiscalYear} measures={MEASURES} kind="fiscal" label={t('statistics.intl.chartTitle')} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>

          <BreakdownSection kind="by-organisation" />
          <BreakdownSection kind="by-region" />
          <AnnualReportDownload years={years} />
        </>
      ) : null}
    </>
  );
}

function BreakdownSection({ kind }: { kind: 'by-organisation' | 'by-region' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const b = useBreakdown(kind);
  const key = kind === 'by-organisation' ? 'byOrganisation' : 'byRegion';
  return (
    <>
      <SectionHeading id={kind}>{t(`statistics.intl.${key}.heading`)}</SectionHeading>
      {b.error ? <ErrorAlert error={b.error} onRetry={b.reload} /> : null}
      {b.data && b.data.rows.length === 0 ? <Alert tone="info">{t(`statistics.intl.${key}.none`)}</Alert> : null}
      {b.data && b.data.rows.length > 0 ? <BreakdownFigure b={b.data} title={t(`statistics.intl.${key}.heading`)} lang={lang} path={`/api/statistics/international/${kind}`} /> : null}
    </>
  );
}

function BreakdownFigure({ b, title, lang, path }: { b: Breakdown; title: string; lang: 'ja' | 'en'; path: string }) {
  const { t } = useTranslation();
  const rows = b.rows.filter((r) => r.dimension !== 'total');
  const input: BreakdownInput = { categories: rows.map((r) => dimensionLabel(t, r.dimension)), series: [{ name: t('statistics.measure.endOfYear'), values: rows.map((r) => r.value) }], lang, horizontal: true, unit: t('statistics.persons') };
  return (
    <StatFigure
      title={`${title}（${b.year === null ? '' : yearTextLabel(b.year, 'fiscal', lang)}）`}
      headingLevel={3}
      option={stackedBreakdownOption(input)}
      textAlternative={chartTextAlternative(input)}
      columns={[
        { key: 'dim', label: t('statistics.category'), rowHeader: true },
        { key: 'v', label: t('statistics.measure.endOfYear'), numeric: true },
      ]}
      rows={b.rows.map((r) => ({ dim: dimensionLabel(t, r.dimension), v: r.value }))}
      footer={<DownloadLinks path={path} extra={b.year === null ? {} : { year: String(b.year) }} label={title} />}
    />
  );
}
