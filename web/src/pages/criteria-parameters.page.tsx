import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { CitationView, CriteriaDate, formatParameterValue } from '../modules/criteria/criteria-labels.tsx';
import { useParameters, type Parameter } from '../modules/criteria/criteria.api.ts';
import { makeLookup, useReference } from '../modules/reference/use-reference.ts';
import { isoDateInJapan } from '../ui/format.ts';
import { Badge, Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { Table, Td, Th } from '../ui/table.tsx';

export function CriteriaParametersPage() {
  const { t } = useTranslation();
  usePageTitle(t('criteria.parameters.title'));
  const { data, error, loading, reload } = useParameters();

  return (
    <>
      <PageHeading title={t('criteria.parameters.title')} lead={t('criteria.parameters.lead')} />
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        <>
          <nav aria-labelledby="parameters-toc" className="mb-10 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
            <h2 id="parameters-toc" className="mb-3 text-std-18B-160 text-solid-gray-900">
              {t('criteria.parameters.toc', { count: data.items.length })}
            </h2>
            <ParameterToc items={data.items} />
          </nav>
          <div className="flex flex-col gap-8" data-testid="criteria-parameters">
            {data.items.map((p) => (
              <ParameterCard key={p.id} parameter={p} />
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}

function ParameterToc({ items }: { items: Parameter[] }) {
  const lang = useLang();
  return (
    <ul className="grid grid-cols-1 gap-x-6 gap-y-1 text-std-16N-170 md:grid-cols-2">
      {items.map((p) => (
        <li key={p.id}>
          <a href={`#param-${p.id.replace(/\./g, '-')}`}>{p.name[lang]}</a>
        </li>
      ))}
    </ul>
  );
}

function ParameterCard({ parameter: p }: { parameter: Parameter }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const reference = useReference();
  const lookup = makeLookup(reference.data, lang);
  const ctx = { lang, t: (k: string, o?: Record<string, unknown>) => t(k, o), exists: (k: string) => i18n.exists(k), legalType: (c: string) => lookup.legalType(c) };
  const anchor = `param-${p.id.replace(/\./g, '-')}`;
  const newestFirst = [...p.values].sort((a, b) => b.from.localeCompare(a.from));
  const today = isoDateInJapan(new Date());
  const inForce = newestFirst.find((v) => v.from <= today);
  const unitKey = `criteria.units.${p.unit}`;

  return (
    <section aria-labelledby={anchor} className="scroll-mt-4 rounded-8 border border-solid-gray-420 bg-white p-5" data-testid={anchor}>
      <h2 id={anchor} tabIndex={-1} className="text-std-22B-150 text-solid-gray-900 focus:outline-none">
        {p.name[lang]}
      </h2>
      <p className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-dns-14N-130 leading-170 text-solid-gray-700">
        <span>
          {t('criteria.parameters.id')}
          <span className="font-mono">{p.id}</span>
        </span>
        <span>
          {t('criteria.parameters.unit')}
          {i18n.exists(unitKey) ? t(unitKey) : p.unit}
        </span>
      </p>
      {p.description ? <p className="mt-3 max-w-4xl text-std-16N-170">{p.description[lang]}</p> : null}
      <Table caption={t('criteria.parameters.historyCaption', { name: p.name[lang] })} className="mt-4">
        <thead>
          <tr>
            <Th>{t('criteria.parameters.colFrom')}</Th>
            <Th>{t('criteria.parameters.colValue')}</Th>
            <Th>{t('criteria.parameters.colCitation')}</Th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => (
            <tr key={v.from}>
              <Th scope="row" className="font-normal whitespace-nowrap">
                <CriteriaDate value={v.from} />
                {v === inForce ? (
                  <span className="mt-1 block">
                    <Badge tone="blue">{t('criteria.parameters.inForce')}</Badge>
                  </span>
                ) : null}
              </Th>
              <Td className="min-w-72">{formatParameterValue(v.value, p.unit, ctx)}</Td>
              <Td className="min-w-96">
                <CitationView citation={v.citation} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
