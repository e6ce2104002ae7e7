// 派遣の年度別数値 from the registry's records (issue 8 item 3): per fiscal year dispatched, returned
// (of which not resumed) and on dispatch at the year end; at the year end by region (stacked bars,
// map-free) and by host type; CSV / xlsx. The published history is on /statistics/international.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { chartTextAlternative, stackedBreakdownOption, yearSeriesOption, yearTextLabel, type BreakdownInput, type YearSeriesInput } from '../../../common/src/stat-charts.ts';
import { useLang } from '../i18n.ts';
import { useYearFigures } from '../modules/international/international.api.ts';
import { ExportLinks, Loaded } from '../modules/international/intl-ui.tsx';
import { Alert } from '../ui/alert.tsx';
import { PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { StatFigure } from '../ui/stat-figure.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import type { IntlFigures } from '../../../common/src/schemas/international-api.schema.ts';

export function InternationalFiguresPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.figures.title'));
  const figures = useYearFigures(lang);
  return (
    <>
      <PageHeading title={t('international.figures.title')} lead={t('international.figures.lead')}>
        <p className="mt-3">
          <Link to="/statistics/international" className="text-blue-1000 underline">
            {t('international.figures.published')}
          </Link>
        </p>
      </PageHeading>
      <Loaded state={figures}>{(data) => (data.rows.length ? <Figures data={data} /> : <p role="status">{t('international.figures.none')}</p>)}</Loaded>
    </>
  );
}

function Figures({ data }: { data: IntlFigures }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = data.rows;
  const years = rows.map((r) => r.fiscalYear);
  const series = useMemo<YearSeriesInput>(
    () => ({
      years,
      yearKind: 'fiscal',
      lang,
      unit: t('international.figures.persons'),
      bars: [
        { name: t('international.figures.dispatched'), values: rows.map((r) => r.dispatched) },
        { name: t('international.figures.returned'), values: rows.map((r) => r.returned) },
      ],
      lines: [{ name: t('international.figures.endOfYear'), values: rows.map((r) => r.endOfYear) }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, lang],
  );
  const regions = data.regions;
  const byRegion = useMemo<BreakdownInput>(
    () => ({
      categories: years.map((y) => yearTextLabel(y, 'fiscal', lang)),
      series: regions.map((r) => ({ name: r[lang], values: rows.map((row) => row.byRegion[r.code] ?? 0) })),
      lang,
      unit: t('international.figures.persons'),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, lang],
  );
  const fy = (y: number) => yearTextLabel(y, 'fiscal', lang);
  // The latest year's breakdown (a sum over years would count the same officials several times).
  const last = rows.at(-1)!;
  const lastTotal = Object.values(last.byRegion).reduce((x, y) => x + y, 0);
  const regionSummary = t('international.figures.regionSummary', {
    year: fy(last.fiscalYear),
    total: lastTotal,
    parts: regions
      .filter((r) => (last.byRegion[r.code] ?? 0) > 0)
      .map((r) => t('international.figures.regionPart', { name: r[lang], count: last.byRegion[r.code] ?? 0 }))
      .join(lang === 'ja' ? '、' : ', '),
  });
  return (
    <>
      {data.issues.length ? (
        <Alert tone="warning" title={t('international.figures.issues')} className="mb-6">
          <ul className="list-disc pl-5">
            {data.issues.map((i, k) => (
              <li key={k}>{i.message[lang]}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <section aria-labelledby="series-heading" className="mb-10">
        <SectionHeading id="series-heading">{t('international.figures.seriesHeading')}</SectionHeading>
        <StatFigure
          title={t('international.figures.seriesTitle')}
          headingLevel={3}
          caption={t('international.figures.seriesCaption', { opening: data.openingStock })}
          option={yearSeriesOption(series)}
          textAlternative={chartTextAlternative(series)}
          columns={[
            { key: 'year', label: t('international.figures.fiscalYear'), rowHeader: true },
            { key: 'dispatched', label: t('international.figures.dispatched'), numeric: true },
            { key: 'returned', label: t('international.figures.returned'), numeric: true },
            { key: 'notResumed', label: t('international.figures.notResumed'), numeric: true },
            { key: 'endOfYear', label: t('international.figures.endOfYear'), numeric: true },
          ]}
          rows={rows.map((r) => ({ year: fy(r.fiscalYear), dispatched: r.dispatched, returned: r.returned, notResumed: r.notResumed, endOfYear: r.endOfYear }))}
          layout="below"
          testId="figures-series"
          footer={<ExportLinks what="figures" label={t('international.figures.title')} />}
        />
      </section>
      <section aria-labelledby="region-heading" className="mb-10">
        <SectionHeading id="region-heading">{t('international.figures.regionHeading')}</SectionHeading>
        <StatFigure
          title={t('international.figures.regionTitle')}
          headingLevel={3}
          caption={t('international.figures.regionCaption')}
          option={stackedBreakdownOption(byRegion)}
          textAlternative={regionSummary}
          columns={[
            { key: 'year', label: t('international.figures.fiscalYear'), rowHeader: true },
            ...regions.map((r) => ({ key: r.code, label: r[lang], numeric: true })),
            { key: 'total', label: t('international.figures.total'), numeric: true },
          ]}
          rows={rows.map((r) => ({
            year: fy(r.fiscalYear),
            ...Object.fromEntries(regions.map((g) => [g.code, r.byRegion[g.code] ?? 0])),
            total: Object.values(r.byRegion).reduce((a, b) => a + b, 0),
          }))}
          layout="below"
          testId="figures-region"
        />
      </section>
      <section aria-labelledby="hosttype-heading" className="mb-10">
        <SectionHeading id="hosttype-heading">{t('international.figures.hostTypeHeading')}</SectionHeading>
        <HostTypeTable data={data} />
      </section>
    </>
  );
}

function HostTypeTable({ data }: { data: IntlFigures }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={t('international.figures.hostTypeCaption')} testId="figures-hosttype">
      <thead>
        <tr>
          <Th>{t('international.figures.fiscalYear')}</Th>
          {data.hostTypes.map((h) => (
            <Th key={h.code} className="text-right">
              {h[lang]}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <Tr key={r.fiscalYear}>
            <Th scope="row" className="text-left">
              {yearTextLabel(r.fiscalYear, 'fiscal', lang)}
            </Th>
            {data.hostTypes.map((h) => (
              <Td key={h.code} className="text-right tabular-nums">
                {r.byHostType[h.code] ?? 0}
              </Td>
            ))}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
