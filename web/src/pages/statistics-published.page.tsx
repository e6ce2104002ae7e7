// 公表数値 (public): the published public-private industry table (業種別の交流状況, 暦年) with the
// seed's grouping of JSIC groups, the cumulative totals (これまでの交流状況), and the published
// seminar, fellowship and foreign-visit figures — each with its source and downloads.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { chartTextAlternative, stackedBreakdownOption, yearTextLabel, type BreakdownInput } from '../../../common/src/stat-charts.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { DownloadLinks, HistoryButton, dimensionLabel, measureLabel } from '../modules/statistics/published-ui.tsx';
import { useCumulative, useFigures, useIndustryTable } from '../modules/statistics/published.api.ts';
import { Badge, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { StatFigure } from '../ui/stat-figure.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

const YEAR = 2024;

export function StatisticsPublishedPage() {
  const { t } = useTranslation();
  usePageTitle(t('statistics.pub.title'));
  return (
    <>
      <p className="mb-4">
        <Link to="/statistics">{t('statistics.back')}</Link>
      </p>
      <PageHeading title={t('statistics.pub.title')} lead={t('statistics.pub.lead')} />
      <IndustrySection />
      <CumulativeSection />
      <FiguresSection series="international.seminars" />
      <FiguresSection series="international.fellowship" />
      <FiguresSection series="international.visits" />
      <FiguresSection series="international.cjkNetwork" />
      <FiguresSection series="international.consultations" />
    </>
  );
}

function IndustrySection() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useIndustryTable(YEAR);
  const d = q.data;
  const input = useMemo<BreakdownInput | null>(
    () =>
      d
        ? {
            categories: d.rows.map((r) => (lang === 'ja' ? r.industryJa : r.industryEn)),
            series: [
              { name: t('statistics.measure.hire'), values: d.rows.map((r) => r.hire) },
              { name: t('statistics.measure.dispatch'), values: d.rows.map((r) => r.dispatch) },
            ],
            lang,
            horizontal: true,
            unit: t('statistics.persons'),
          }
        : null,
    [d, lang, t],
  );
  const option = useMemo(() => (input ? stackedBreakdownOption(input) : null), [input]);
  return (
    <section aria-labelledby="industry">
      <SectionHeading id="industry">{t('statistics.pub.industryHeading', { year: yearTextLabel(YEAR, 'calendar', lang) })}</SectionHeading>
      {q.error ? <ErrorAlert error={q.error} onRetry={q.reload} /> : null}
      {q.loading && !d ? <Loading /> : null}
      {d && input && option ? (
        <StatFigure
          title={t('statistics.pub.industryTitle', { year: yearTextLabel(YEAR, 'calendar', lang) })}
          headingLevel={3}
          caption={`${t('statistics.pub.industryCaption')} ${d.source ? `${t('statistics.source')}: ${d.source.document} ${d.source.table ?? ''}` : ''}`}
          option={option}
          textAlternative={chartTextAlternative(input)}
          height={440}
          layout="below"
          columns={[
            { key: 'industry', label: t('statistics.pub.industry'), rowHeader: true },
            { key: 'jsic', label: t('statistics.pub.jsic') },
            { key: 'hire', label: t('statistics.measure.hire'), numeric: true },
            { key: 'dispatch', label: t('statistics.measure.dispatch'), numeric: true },
            { key: 'total', label: t('statistics.measure.total'), numeric: true },
          ]}
          rows={[
            ...d.rows.map((r) => ({ industry: lang === 'ja' ? r.industryJa : r.industryEn, jsic: r.jsicCodes.join('+'), hire: r.hire, dispatch: r.dispatch, total: r.total })),
            { industry: t('statistics.total'), jsic: '', hire: d.total.hire, dispatch: d.total.dispatch, total: d.total.total },
          ]}
          testId="industry-figure"
          footer={
            <>
              <p className="mb-2 text-std-16N-170 text-solid-gray-700">{t('statistics.pub.grouping')}</p>
              <DownloadLinks path="/api/statistics/public-private/industry" extra={{ year: String(YEAR) }} label={t('statistics.pub.industry')} />
            </>
          }
        />
      ) : null}
    </section>
  );
}

function CumulativeSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useCumulative();
  const d = q.data;
  return (
    <section aria-labelledby="cumulative">
      <SectionHeading id="cumulative">{t('statistics.pub.cumulativeHeading')}</SectionHeading>
      {q.error ? <ErrorAlert error={q.error} onRetry={q.reload} /> : null}
      {d ? (
        <>
          <Table caption={t('statistics.pub.cumulativeCaption', { year: d.year === null ? '' : yearTextLabel(d.year, 'calendar', lang) })} testId="cumulative">
            <thead>
              <tr>
                <Th>{t('statistics.pub.programme')}</Th>
                <Th className="text-right">{t('statistics.measure.ministries')}</Th>
                <Th className="text-right">{t('statistics.measure.people')}</Th>
                <Th>{t('statistics.source')}</Th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <Tr key={r.programme}>
                  <Th scope="row">{dimensionLabel(t, r.programme)}</Th>
                  <Td className="text-right tabular-nums">{r.ministries ?? '－'}</Td>
                  <Td className="text-right tabular-nums">{r.people === null ? '－' : r.people.toLocaleString('en-US')}</Td>
                  <Td>
                    {r.source.document} {r.source.table} {r.source.lines ? t('statistics.line', { lines: r.source.lines }) : ''}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-3">
            <DownloadLinks path="/api/statistics/published/cumulative" label={t('statistics.pub.cumulativeHeading')} />
          </div>
        </>
      ) : null}
    </section>
  );
}

function FiguresSection({ series }: { series: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useFigures(series);
  const key = series.split('.')[1]!;
  const items = q.data?.items ?? [];
  return (
    <section aria-labelledby={`fig-${key}`}>
      <SectionHeading id={`fig-${key}`}>{t(`statistics.pub.series.${key}`)}</SectionHeading>
      {q.error ? <ErrorAlert error={q.error} onRetry={q.reload} /> : null}
      {q.data ? (
        <>
          <Table caption={t(`statistics.pub.series.${key}`)} testId={`figures-${key}`}>
            <thead>
              <tr>
                <Th>{t('statistics.fiscalYear')}</Th>
                <Th>{t('statistics.category')}</Th>
                <Th>{t('statistics.item')}</Th>
                <Th className="text-right">{t('statistics.value')}</Th>
                <Th>{t('statistics.source')}</Th>
                <Th>
                  <span className="sr-only">{t('statistics.history.button')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <Tr key={`${f.year}-${f.dimension}-${f.measure}`}>
                  <Th scope="row" className="whitespace-nowrap">
                    {yearTextLabel(f.year, f.periodKind, lang)}
                  </Th>
                  <Td>{dimensionLabel(t, f.dimension)}</Td>
                  <Td>{measureLabel(t, f.measure)}</Td>
                  <Td className="text-right tabular-nums">{f.value === null ? '－' : f.value.toLocaleString('en-US')}</Td>
                  <Td>
                    {f.source.table} {f.source.lines ? t('statistics.line', { lines: f.source.lines }) : ''}
                    {f.revised ? <Badge tone="orange">{t('statistics.revised')}</Badge> : null}
                  </Td>
                  <Td>
                    <FigureHistory series={series} year={f.year} dimension={f.dimension} measure={f.measure} kind={f.periodKind} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-3">
            <DownloadLinks path="/api/statistics/published/figures" extra={{ series }} label={t(`statistics.pub.series.${key}`)} />
          </div>
        </>
      ) : null}
    </section>
  );
}

function FigureHistory({ series, year, dimension, measure, kind }: { series: string; year: number; dimension: string; measure: string; kind: 'fiscal' | 'calendar' }) {
  const { t } = useTranslation();
  const label = [dimensionLabel(t, dimension), measureLabel(t, measure)].filter(Boolean).join(' ');
  return <HistoryButton series={series} year={year} dimension={dimension} measures={[measure]} kind={kind} label={label} />;
}
