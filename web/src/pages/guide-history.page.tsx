import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { useHistory, useVersion } from '../modules/knowledge/knowledge.api.ts';
import { MarkupView } from '../modules/knowledge/markup-view.tsx';
import { ParameterNotes } from '../modules/knowledge/parameter-notes.tsx';
import { Alert } from '../ui/alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Badge, Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { Table, Td, Th } from '../ui/table.tsx';

/** A page's versions, newest first: who saved each and when, each one viewable. */
export function GuideHistoryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useParams();
  const state = useHistory(slug);
  const h = state.data;
  usePageTitle(h ? t('knowledge.history.title', { title: h.title[lang] }) : t('knowledge.history.titlePlain'));
  return (
    <>
      <p className="mb-4 flex flex-wrap gap-4">
        <Link to="/guide/manage">{t('knowledge.manage.back')}</Link>
        {slug ? <Link to={`/guide/${slug}/edit`}>{t('knowledge.article.edit')}</Link> : null}
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {h ? (
        <>
          <PageHeading title={t('knowledge.history.title', { title: h.title[lang] })} lead={t('knowledge.history.lead')} />
          <Table caption={t('knowledge.history.caption', { count: h.items.length })} testId="knowledge-history">
            <thead>
              <tr>
                <Th>{t('knowledge.history.colVersion')}</Th>
                <Th>{t('knowledge.history.colTitle')}</Th>
                <Th>{t('knowledge.history.colBy')}</Th>
                <Th>{t('knowledge.history.colAt')}</Th>
              </tr>
            </thead>
            <tbody>
              {h.items.map((v) => (
                <tr key={v.version}>
                  <Th scope="row" className="whitespace-nowrap">
                    <Link to={`/guide/${h.slug}/history/${v.version}`} aria-label={t('knowledge.history.viewVersion', { version: v.version })}>
                      {t('knowledge.history.version', { version: v.version })}
                    </Link>
                    {v.current ? (
                      <span className="ml-2">
                        <Badge tone="blue">{t('knowledge.history.current')}</Badge>
                      </span>
                    ) : null}
                  </Th>
                  <Td>{v.title[lang]}</Td>
                  <Td>{v.changedBy ?? t('knowledge.history.initialContent')}</Td>
                  <Td className="whitespace-nowrap">
                    <time dateTime={v.changedAt}>{formatDateTime(v.changedAt, lang)}</time>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </>
  );
}

/** One version's text, Japanese and English side by side. */
export function GuideVersionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug, version } = useParams();
  const state = useVersion(slug, version);
  const v = state.data;
  usePageTitle(v ? t('knowledge.version.title', { version: v.version, title: v.title[lang] }) : t('knowledge.history.titlePlain'));
  return (
    <>
      <p className="mb-4 flex flex-wrap gap-4">
        {slug ? <Link to={`/guide/${slug}/history`}>{t('knowledge.version.back')}</Link> : null}
        {slug ? <Link to={`/guide/${slug}/edit`}>{t('knowledge.article.edit')}</Link> : null}
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {v ? (
        <>
          <PageHeading title={t('knowledge.version.title', { version: v.version, title: v.title[lang] })}>
            <p className="mt-2 text-dns-16N-130 text-solid-gray-800">
              {v.changedBy ? t('knowledge.version.savedBy', { by: v.changedBy }) : t('knowledge.version.initial')}
              <time dateTime={v.changedAt}>{formatDateTime(v.changedAt, lang)}</time>
            </p>
          </PageHeading>
          <Alert tone={v.current ? 'info' : 'warning'} className="mb-6">
            {v.current ? t('knowledge.version.isCurrent') : t('knowledge.version.isOld')}
          </Alert>
          <div className="grid grid-cols-1 gap-8 xl:grid-cols-2" data-testid="knowledge-version">
            <section lang="ja" aria-labelledby="version-ja" className="rounded-8 border border-solid-gray-420 p-5">
              <h2 id="version-ja" className="mb-4 text-std-22B-150">
                <span className="sr-only">{t('knowledge.edit.japanese')}: </span>
                {v.title.ja}
              </h2>
              <MarkupView source={v.body.ja} ctx={{ parameters: v.parameters, missing: v.missingParameters, idPrefix: 'version' }} />
            </section>
            <section lang="en" aria-labelledby="version-en" className="rounded-8 border border-solid-gray-420 p-5">
              <h2 id="version-en" className="mb-4 text-std-22B-150">
                <span className="sr-only">{t('knowledge.edit.english')}: </span>
                {v.title.en}
              </h2>
              <MarkupView source={v.body.en} ctx={{ parameters: v.parameters, missing: v.missingParameters, idPrefix: 'version' }} />
            </section>
          </div>
          <ParameterNotes page={v} idPrefix="version" />
        </>
      ) : null}
    </>
  );
}
