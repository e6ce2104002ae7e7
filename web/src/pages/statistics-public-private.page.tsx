// 官民人事交流の実施状況（記録に基づく集計） (NPA): the year series from exchange case records (calendar
// years, 暦年) as a chart with its table, one breakdown (industry, gender, term, age, ministry,
// 本府省・地方, direction) for a year or the three years to it (e.g. 令和4年～6年) as stacked bars
// with its table, cumulative totals, and the comparison with the published 2024 industry table.
// All from GET /api/statistics/public-private/overview (one cached cube on the server); every
// table downloads as CSV / xlsx / JSON.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { chartTextAlternative, stackedBreakdownOption, yearSeriesOption, type BreakdownInput, type YearSeriesInput } from '../../../common/src/stat-charts.ts';
import { calendarYearLabel } from '../../../common/src/wareki.ts';
import type { PublicPrivateOverview } from '../../../common/src/schemas/statistics.schema.ts';
import { useApiQuery } from '../api-hooks.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { DownloadLinks } from '../modules/statistics/published-ui.tsx';
import { Alert } from '../ui/alert.tsx';
import { Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { StatFigure } from '../ui/stat-figure.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

const FIRST_YEAR = 2000;
const DIMENSIONS = ['industry', 'gender', 'term', 'age', 'ministry', 'level', 'direction'] as const;
type Dim = (typeof DIMENSIONS)[number];
const base = '/api/statistics/public-private';

/** 「令和6年 (2024)」 / 「2024」 */
const yearText = (y: number, lang: 'ja' | 'en') => (lang === 'ja' ? `${calendarYearLabel(y, 'ja')}（${y}）` : String(y));
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '－' : v.toLocaleString('en-US'));
const signed = (v: number | null | undefined) => (v === null || v === undefined ? '－' : v > 0 ? `+${v.toLocaleString('en-US')}` : v.toLocaleString('en-US'));

export function StatisticsPublicPrivatePage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('statistics.publicPrivate.title'));
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const num = (k: string, d: number) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v >= FIRST_YEAR && v <= thisYear ? v : d;
  };
  const from = num('from', FIRST_YEAR);
  const to = Math.max(from, num('to', thisYear));
  const year = num('year', thisYear - 1);
  const window = params.get('window') === '1' ? 1 : 3;
  const direction = params.get('direction') === 'dispatch' || params.get('direction') === 'hire' ? (params.get('direction') as 'dispatch' | 'hire') : '';
  const dimension: Dim = (DIMENSIONS as readonly string[]).includes(params.get('dimension') ?? '') ? (params.get('dimension') as Dim) : 'industry';
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v === '') p.delete(k);
    else p.set(k, v);
    setParams(p, { replace: true });
  };
  const q = useApiQuery<PublicPrivateOverview>(`${base}/overview`, { from, to, year, window, direction: direction || undefined });
  const data = q.data;

  return (
    <>
      <p className="mb-4">
        <Link to="/statistics">{t('statistics.back')}</Link>
      </p>
      <PageHeading title={t('statistics.publicPrivate.title')} lead={t('statistics.publicPrivate.lead')} />
      <Alert tone="info" className="mb-6 max-w-4xl">
        {t('statistics.publicPrivate.definition')}
      </Alert>
      <form className="mb-6 flex flex-wrap items-end gap-4" aria-label={t('statistics.publicPrivate.filter.label')} onSubmit={(e) => e.preventDefault()}>
        <Select id="pp-from" label={t('statistics.publicPrivate.filter.from')} value={String(from)} onChange={(e) => set('from', e.target.value)} className="w-52">
          {years.map((y) => (
            <option key={y} value={y}>
              {yearText(y, lang)}
            </option>
          ))}
        </Select>
        <Select id="pp-to" label={t('statistics.publicPrivate.filter.to')} value={String(to)} onChange={(e) => set('to', e.target.value)} className="w-52">
          {years.filter((y) => y >= from).map((y) => (
            <option key={y} value={y}>
              {yearText(y, lang)}
            </option>
          ))}
        </Select>
        <Select id="pp-direction" label={t('statistics.publicPrivate.filter.direction')} value={direction} onChange={(e) => set('direction', e.target.value)} className="w-52">
          <option value="">{t('statistics.publicPrivate.direction.all')}</option>
          <option value="dispatch">{t('statistics.publicPrivate.direction.dispatch')}</option>
          <option value="hire">{t('statistics.publicPrivate.direction.hire')}</option>
        </Select>
        <Select id="pp-dimension" label={t('statistics.publicPrivate.filter.dimension')} value={dimension} onChange={(e) => set('dimension', e.target.value)} className="w-60">
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {t(`statistics.publicPrivate.dimension.${d}`)}
            </option>
          ))}
        </Select>
        <Select id="pp-year" label={t('statistics.publicPrivate.filter.year')} value={String(year)} onChange={(e) => set('year', e.target.value)} className="w-52">
          {years.map((y) => (
            <option key={y} value={y}>
              {yearText(y, lang)}
            </option>
          ))}
        </Select>
        <Select id="pp-window" label={t('statistics.publicPrivate.filter.window')} value={String(window)} onChange={(e) => set('window', e.target.value)} className="w-80">
          <option value="1">{t('statistics.publicPrivate.window.one')}</option>
          <option value="3">{t('statistics.publicPrivate.window.three')}</option>
        </Select>
      </form>
      {q.error ? <ErrorAlert error={q.error} onRetry={q.reload} /> : null}
      {q.loading && !data ? <Loading /> : null}
      {data ? <Views data={data} dimension={dimension} direction={direction} /> : null}
    </>
  );
}

function Views({ data, dimension, direction }: { data: PublicPrivateOverview; dimension: Dim; direction: '' | 'dispatch' | 'hire' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = data.series.rows;
  const showD = direction !== 'hire';
  const showH = direction !== 'dispatch';

  const seriesInput = useMemo<YearSeriesInput>(
    () => ({
      years: rows.map((r) => r.year),
      yearKind: 'calendar',
      lang,
      unit: t('statistics.persons'),
      stackBars: true,
      bars: [
        ...(showD ? [{ name: t('statistics.publicPrivate.measure.dispatchStarted'), values: rows.map((r) => r.dispatchStarted) }] : []),
        ...(showH ? [{ name: t('statistics.publicPrivate.measure.hireStarted'), values: rows.map((r) => r.hireStarted) }] : []),
      ],
      lines: [
        ...(showD ? [{ name: t('statistics.publicPrivate.measure.dispatchOnExchange'), values: rows.map((r) => r.dispatchOnExchange) }] : []),
        ...(showH ? [{ name: t('statistics.publicPrivate.measure.hireOnExchange'), values: rows.map((r) => r.hireOnExchange) }] : []),
      ],
    }),
    [rows, lang, t, showD, showH],
  );
  const seriesOption = useMemo(() => yearSeriesOption(seriesInput), [seriesInput]);

  const b = data.breakdowns.find((x) => x.dimension === dimension)!;
  const label = (r: { labelJa: string; labelEn: string }) => (lang === 'ja' ? r.labelJa : r.labelEn);
  const bInput = useMemo<BreakdownInput>(
    () => ({
      categories: b.rows.map(label),
      series: [
        ...(showD ? [{ name: t('statistics.publicPrivate.direction.dispatch'), values: b.rows.map((r) => r.dispatch) }] : []),
        ...(showH ? [{ name: t('statistics.publicPrivate.direction.hire'), values: b.rows.map((r) => r.hire) }] : []),
      ],
      lang,
      horizontal: b.rows.length > 5,
      unit: t('statistics.persons'),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [b, lang, t, showD, showH],
  );
  const bOption = useMemo(() => stackedBreakdownOption(bInput), [bInput]);
  const period = lang === 'ja' ? b.labelJa : b.labelEn;
  const dimName = t(`statistics.publicPrivate.dimension.${dimension}`);
  const dirExtra: Record<string, string> = direction ? { direction } : {};
  const c = data.comparison;

  return (
    <>
      <SectionHeading id="series">{t('statistics.publicPrivate.series.heading')}</SectionHeading>
      <StatFigure
        title={t('statistics.publicPrivate.series.title', { from: yearText(data.series.from, lang), to: yearText(data.series.to, lang) })}
        headingLevel={3}
        caption={t('statistics.publicPrivate.series.caption', { asOf: data.series.asOf })}
        option={seriesOption}
        textAlternative={chartTextAlternative(seriesInput)}
        columns={[
          { key: 'year', label: t('statistics.publicPrivate.calendarYear'), rowHeader: true },
          ...(showD ? [{ key: 'ds', label: t('statistics.publicPrivate.measure.dispatchStarted'), numeric: true }] : []),
          ...(showH ? [{ key: 'hs', label: t('statistics.publicPrivate.measure.hireStarted'), numeric: true }] : []),
          ...(showD ? [{ key: 'de', label: t('statistics.publicPrivate.measure.dispatchEnded'), numeric: true }] : []),
          ...(showH ? [{ key: 'he', label: t('statistics.publicPrivate.measure.hireEnded'), numeric: true }] : []),
          ...(showD ? [{ key: 'do', label: t('statistics.publicPrivate.measure.dispatchOnExchange'), numeric: true }] : []),
          ...(showH ? [{ key: 'ho', label: t('statistics.publicPrivate.measure.hireOnExchange'), numeric: true }] : []),
        ]}
        rows={rows.map((r) => ({
          year: `${yearText(r.year, lang)}${r.partial ? ` ${t('statistics.publicPrivate.partial')}` : ''}`,
          ds: r.dispatchStarted,
          hs: r.hireStarted,
          de: r.dispatchEnded,
          he: r.hireEnded,
          do: r.dispatchOnExchange,
          ho: r.hireOnExchange,
        }))}
        tableCaption={t('statistics.publicPrivate.series.tableCaption')}
        layout="below"
        testId="pp-series"
        footer={<DownloadLinks path={`${base}/series`} extra={{ from: String(data.series.from), to: String(data.series.to) }} label={t('statistics.publicPrivate.series.heading')} />}
      />

      <SectionHeading id="breakdown">{t('statistics.publicPrivate.breakdown.heading')}</SectionHeading>
      <StatFigure
        title={t('statistics.publicPrivate.breakdown.title', { dimension: dimName, period })}
        headingLevel={3}
        caption={t('statistics.publicPrivate.breakdown.caption')}
        option={bOption}
        textAlternative={chartTextAlternative(bInput)}
        height={Math.max(280, b.rows.length * 34 + 80)}
        columns={[
          { key: 'cat', label: dimName, rowHeader: true },
          ...(showD ? [{ key: 'd', label: t('statistics.publicPrivate.direction.dispatch'), numeric: true }] : []),
          ...(showH ? [{ key: 'h', label: t('statistics.publicPrivate.direction.hire'), numeric: true }] : []),
          { key: 'total', label: t('statistics.publicPrivate.total'), numeric: true },
        ]}
        rows={[
          ...b.rows.map((r) => ({ cat: label(r), d: r.dispatch, h: r.hire, total: r.total })),
          { cat: t('statistics.publicPrivate.total'), d: b.totals.dispatch, h: b.totals.hire, total: b.totals.total },
        ]}
        testId="pp-breakdown"
        footer={<DownloadLinks path={`${base}/breakdown`} extra={{ dimension, year: String(b.toYear), window: String(b.window), ...dirExtra }} label={t('statistics.publicPrivate.breakdown.heading')} />}
      />

      <SectionHeading id="cumulative">{t('statistics.publicPrivate.cumulative.heading')}</SectionHeading>
      <Table caption={t('statistics.publicPrivate.cumulative.caption', { from: yearText(data.cumulative.fromYear, lang), to: lang === 'ja' ? data.cumulative.labelJa : data.cumulative.labelEn })} testId="pp-cumulative">
        <thead>
          <tr>
            <Th>{t('statistics.publicPrivate.cumulative.programme')}</Th>
            <Th className="text-right">{t('statistics.publicPrivate.cumulative.ministries')}</Th>
            <Th className="text-right">{t('statistics.publicPrivate.cumulative.people')}</Th>
          </tr>
        </thead>
        <tbody>
          {data.cumulative.rows.map((r) => (
            <Tr key={r.direction}>
              <Th scope="row">{t(`statistics.publicPrivate.direction.${r.direction}`)}</Th>
              <Td className="text-right tabular-nums">{fmt(r.ministries)}</Td>
              <Td className="text-right tabular-nums">{fmt(r.people)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('statistics.publicPrivate.cumulative.note')}</p>
      <DownloadLinks path={`${base}/cumulative`} extra={{ year: String(data.cumulative.year) }} label={t('statistics.publicPrivate.cumulative.heading')} />

      <SectionHeading id="comparison">{t('statistics.publicPrivate.comparison.heading')}</SectionHeading>
      {c ? (
        <>
          <p className="mb-4 max-w-4xl text-std-16N-170">{t('statistics.publicPrivate.comparison.lead', { year: yearText(c.year, lang) })}</p>
          <Table caption={t('statistics.publicPrivate.comparison.caption', { year: yearText(c.year, lang) })} testId="pp-comparison">
            <thead>
              <tr>
                <Th>{t('statistics.publicPrivate.comparison.industry')}</Th>
                <Th className="text-right">{t('statistics.publicPrivate.comparison.recordsDispatch')}</Th>
                <Th className="text-right">{t('statistics.publicPrivate.comparison.recordsHire')}</Th>
                <Th className="text-right">{t('statistics.publicPrivate.comparison.recordsTotal')}</Th>
                <Th className="text-right">{t('statistics.publicPrivate.comparison.publishedTotal')}</Th>
                <Th className="text-right">{t('statistics.publicPrivate.comparison.difference')}</Th>
              </tr>
            </thead>
            <tbody>
              {[...c.rows, c.totals].map((r, i) => (
                <Tr key={`${r.industryJa}-${i}`}>
                  <Th scope="row">{lang === 'ja' ? r.industryJa : r.industryEn}</Th>
                  <Td className="text-right tabular-nums">{fmt(r.records.dispatch)}</Td>
                  <Td className="text-right tabular-nums">{fmt(r.records.hire)}</Td>
                  <Td className="text-right tabular-nums">{fmt(r.records.total)}</Td>
                  <Td className="text-right tabular-nums">{r.published ? fmt(r.published.total) : t('statistics.publicPrivate.comparison.notPublished')}</Td>
                  <Td className="text-right tabular-nums">{signed(r.difference?.total)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <DownloadLinks path={`${base}/comparison`} label={t('statistics.publicPrivate.comparison.heading')} />
        </>
      ) : (
        <Alert tone="info">{t('statistics.publicPrivate.comparison.none')}</Alert>
      )}
    </>
  );
}
