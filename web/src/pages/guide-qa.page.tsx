import { useEffect } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QA_GROUPS, QA_QUERY_MAX } from '../../../common/src/schemas/knowledge.schema.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { MarkupView, type ParameterContext } from '../modules/knowledge/markup-view.tsx';
import { ParameterNotes } from '../modules/knowledge/parameter-notes.tsx';
import { useQa, type QaFilters, type QaList } from '../modules/knowledge/knowledge.api.ts';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';
import { TextField } from '../ui/text-field.tsx';

const AUDIENCES = ['ministry', 'company'] as const;

const filtersFrom = (p: URLSearchParams): QaFilters => {
  const audience = p.get('audience');
  const group = p.get('group') ?? '';
  return {
    q: (p.get('q') ?? '').slice(0, QA_QUERY_MAX),
    audience: audience === 'ministry' || audience === 'company' ? audience : '',
    group: (QA_GROUPS as readonly string[]).includes(group) ? group : '',
  };
};
const paramsFrom = (f: QaFilters) => {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.audience) p.set('audience', f.audience);
  if (f.group) p.set('group', f.group);
  return p;
};

/** The Q&A of both sides, searchable (words in the URL), grouped by whose question it is and by topic; each answer opens in place. */
export function GuideQaPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [draft, setDraft] = useUrlDraft(filters);
  const qa = useQa(filters);
  usePageTitle(filters.q ? t('knowledge.qa.titleWithQuery', { q: filters.q }) : t('knowledge.qa.title'));

  return (
    <>
      <p className="mb-4">
        <Link to="/guide">{t('knowledge.backToGuide')}</Link>
      </p>
      <PageHeading title={t('knowledge.qa.title')} lead={t('knowledge.qa.lead')} />
      <SearchPanel id="qa-search" heading={t('knowledge.qa.searchHeading')} onSubmit={() => setParams(paramsFrom(draft))} onClear={() => setParams(new URLSearchParams())}>
        <TextField
          id="qa-q"
          type="search"
          label={t('knowledge.qa.searchLabel')}
          hint={t('knowledge.qa.searchHint')}
          value={draft.q}
          maxLength={QA_QUERY_MAX}
          onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
          className="max-w-2xl"
        />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 md:max-w-3xl">
          <Select id="qa-audience" label={t('knowledge.qa.audienceLabel')} value={draft.audience} onChange={(e) => setDraft((d) => ({ ...d, audience: e.target.value as QaFilters['audience'] }))}>
            <option value="">{t('common.all')}</option>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`knowledge.audiences.${a}`)}
              </option>
            ))}
          </Select>
          <Select id="qa-group" label={t('knowledge.qa.groupLabel')} value={draft.group} onChange={(e) => setDraft((d) => ({ ...d, group: e.target.value }))}>
            <option value="">{t('common.all')}</option>
            {QA_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`knowledge.groups.${g}`)}
              </option>
            ))}
          </Select>
        </div>
      </SearchPanel>
      {qa.loading ? <Loading /> : null}
      {qa.error ? <ErrorAlert error={qa.error} title={t('errors.loadFailed')} onRetry={qa.reload} /> : null}
      {qa.data ? <QaResults data={qa.data} filters={filters} /> : null}
    </>
  );
}

function QaResults({ data, filters }: { data: QaList; filters: QaFilters }) {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const ctx: ParameterContext = { parameters: data.parameters, missing: data.missingParameters, idPrefix: 'qa' };
  const opened = location.hash.slice(1);
  useEffect(() => {
    if (!opened) return;
    document.getElementById(opened)?.scrollIntoView({ block: 'start' });
  }, [opened, data]);
  const filtered = Boolean(filters.q || filters.audience || filters.group);
  return (
    <section aria-labelledby="qa-results" data-testid="qa-results">
      <h2 id="qa-results" className="sr-only">
        {t('knowledge.qa.resultsHeading')}
      </h2>
      <p role="status" className="mb-6 text-std-16N-170 text-solid-gray-800" data-testid="qa-count">
        {data.items.length === 0
          ? t('knowledge.qa.noResults', { total: data.total })
          : filtered
            ? t('knowledge.qa.resultCount', { count: data.items.length, total: data.total })
            : t('knowledge.qa.allCount', { count: data.items.length })}
      </p>
      {data.items.length === 0 ? (
        <p className="mb-8 max-w-3xl text-std-16N-170">
          {t('knowledge.qa.noResultsHint')} <Link to="/guide/contacts">{t('knowledge.qa.askUs')}</Link>
        </p>
      ) : null}
      {AUDIENCES.map((audience) => {
        const mine = data.items.filter((i) => i.audience === audience);
        if (!mine.length) return null;
        return (
          <section key={audience} aria-labelledby={`qa-${audience}`} className="mb-10" data-testid={`qa-audience-${audience}`}>
            <h2 id={`qa-${audience}`} className="mb-4 border-l-8 border-blue-900 pl-3 text-std-24B-150 text-solid-gray-900">
              {t(`knowledge.qa.audienceHeading.${audience}`, { count: mine.length })}
            </h2>
            {QA_GROUPS.map((group) => {
              const items = mine.filter((i) => i.groupKey === group);
              if (!items.length) return null;
              return (
                <section key={group} aria-labelledby={`qa-${audience}-${group}`} className="mb-6">
                  <h3 id={`qa-${audience}-${group}`} className="mb-3 text-std-20B-150 text-solid-gray-900">
                    {t(`knowledge.groups.${group}`)}
                  </h3>
                  <ul className="flex flex-col gap-3">
                    {items.map((item) => (
                      <li key={item.slug}>
                        <details id={item.slug} open={opened === item.slug} className="group rounded-8 border border-solid-gray-420 bg-white" data-testid={`qa-item-${item.slug}`}>
                          <summary className="flex cursor-pointer items-start gap-3 rounded-8 px-4 py-3 text-std-17B-170 text-solid-gray-900 hover:bg-blue-50 focus-visible:outline-4 focus-visible:outline-black">
                            <span aria-hidden="true" className="text-blue-900">
                              Q
                            </span>
                            <span className="flex-1">{item.title[lang]}</span>
                            <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-1.5 size-4 shrink-0 text-solid-gray-800 transition-transform group-open:rotate-180">
                              <path d="M2 5l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
                            </svg>
                          </summary>
                          <div className="border-t border-solid-gray-200 px-4 pt-4 pb-2">
                            <p className="sr-only">{t('knowledge.qa.answer')}</p>
                            <MarkupView source={item.body[lang]} ctx={ctx} />
                            <p className="mb-2 text-dns-14N-130 text-solid-gray-700">
                              <Link to={`/guide/${item.slug}`}>{t('knowledge.qa.permalink')}</Link>
                            </p>
                          </div>
                        </details>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        );
      })}
      <ParameterNotes page={data} idPrefix="qa" />
    </section>
  );
}
