import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { formatNumber } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { emptyFilters, paramsFromFilters, terminalStates, usePipeline, type CaseFilters } from './exchanges.api.ts';
import { StateBadge } from './case-labels.tsx';

const listHref = (f: Partial<CaseFilters>) => {
  const q = paramsFromFilters({ ...emptyFilters, ...f }).toString();
  return q ? `/exchanges?${q}` : '/exchanges';
};

/** The last day of a YYYY-MM month. */
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

function monthLabel(month: string, lang: 'ja' | 'en') {
  const d = new Date(`${month}-01T00:00:00+09:00`);
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP-u-ca-japanese' : 'en-GB', { era: lang === 'ja' ? 'long' : undefined, year: 'numeric', month: 'long', timeZone: 'Asia/Tokyo' }).format(d);
}

/** The pipeline of the cases the user may see: figures, counts by state and by start month, each leading to the list. */
export function PipelineView() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = usePipeline(true);
  const open = (data?.byState ?? []).filter((s) => !terminalStates.includes(s.state)).reduce((n, s) => n + s.count, 0);
  const figures = data
    ? [
        { key: 'open', value: open, to: listHref({}) },
        { key: 'overdue', value: data.overdue, to: listHref({ overdue: true }) },
        { key: 'onExchange', value: data.onExchange, to: listHref({ state: ['active', 'extended'] }) },
      ]
    : [];
  return (
    <section aria-labelledby="pipeline-heading" data-testid="pipeline" className="mb-10">
      <SectionHeading id="pipeline-heading" className="mt-0">
        {t('exchangeCases.pipeline.heading')}
      </SectionHeading>
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        <>
          <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
            {figures.map((f) => (
              <div key={f.key} data-testid={`pipeline-${f.key}`} className="flex flex-col-reverse rounded-8 border border-solid-gray-420 bg-white p-5">
                <dt className="text-std-16N-170 text-solid-gray-800">
                  <Link to={f.to}>{t(`exchangeCases.pipeline.${f.key}`)}</Link>
                </dt>
                <dd className="flex items-center gap-2 text-std-36B-140 text-blue-1000">
                  {f.key === 'overdue' && f.value > 0 ? (
                    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-8 shrink-0 fill-current text-error-2">
                      <path d="M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z" />
                    </svg>
                  ) : null}
                  {formatNumber(f.value, lang)}
                </dd>
              </div>
            ))}
          </dl>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Table caption={t('exchangeCases.pipeline.byState')} testId="pipeline-by-state">
              <thead>
                <tr>
                  <Th>{t('exchangeCases.fields.state')}</Th>
                  <Th className="text-right">{t('exchangeCases.pipeline.count')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.byState.length === 0 ? (
                  <tr>
                    <Td colSpan={2}>{t('exchangeCases.pipeline.none')}</Td>
                  </tr>
                ) : (
                  data.byState.map((s) => (
                    <Tr key={s.state}>
                      <Th scope="row" className="font-normal">
                        <Link to={listHref({ state: [s.state] })} aria-label={t('exchangeCases.pipeline.stateLink', { state: t(`exchangeCases.state.${s.state}`) })}>
                          <StateBadge state={s.state} />
                        </Link>
                      </Th>
                      <Td className="text-right tabular-nums">{formatNumber(s.count, lang)}</Td>
                    </Tr>
                  ))
                )}
              </tbody>
            </Table>
            <Table caption={t('exchangeCases.pipeline.byMonth')} testId="pipeline-by-month">
              <thead>
                <tr>
                  <Th>{t('exchangeCases.pipeline.month')}</Th>
                  <Th className="text-right">{t('exchangeCases.pipeline.count')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.byStartMonth.length === 0 ? (
                  <tr>
                    <Td colSpan={2}>{t('exchangeCases.pipeline.none')}</Td>
                  </tr>
                ) : (
                  data.byStartMonth.map((m) => (
                    <Tr key={m.month}>
                      <Th scope="row" className="font-normal">
                        <Link to={listHref({ startFrom: `${m.month}-01`, startTo: monthEnd(m.month) })}>{monthLabel(m.month, lang)}</Link>
                      </Th>
                      <Td className="text-right tabular-nums">{formatNumber(m.count, lang)}</Td>
                    </Tr>
                  ))
                )}
              </tbody>
            </Table>
          </div>
          <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('exchangeCases.pipeline.byMonthNote')}</p>
        </>
      ) : null}
    </section>
  );
}
