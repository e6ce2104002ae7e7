import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { editorRoles, usePublicPage } from '../modules/knowledge/knowledge.api.ts';
import { MarkupView } from '../modules/knowledge/markup-view.tsx';
import { ParameterNotes } from '../modules/knowledge/parameter-notes.tsx';
import { NotFoundPage } from './status-pages.tsx';
import { Alert } from '../ui/alert.tsx';
import { buttonClass } from '../ui/button.tsx';
import { formatDate } from '../ui/format.ts';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';

export type SavedFlash = { saved?: number };

/** One knowledge page (overview, welfare table, criteria summary, tips, testimonial, contacts, or one Q&A). */
export function GuideArticlePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useParams();
  const location = useLocation();
  const { account } = useSession();
  const state = usePublicPage(slug);
  const page = state.data;
  usePageTitle(page ? page.title[lang] : t('knowledge.hub.title'));
  const saved = (location.state as SavedFlash | null)?.saved;
  const canEdit = account ? editorRoles.includes(account.role) : false;

  if (state.error?.status === 404 && !canEdit) return <NotFoundPage />;
  return (
    <>
      <nav aria-label={t('knowledge.breadcrumb')} className="mb-4">
        <ol className="flex flex-wrap gap-2 text-dns-16N-130">
          <li>
            <Link to="/guide">{t('knowledge.hub.title')}</Link>
          </li>
          {page ? (
            <li className="before:mr-2 before:content-['›']">{page.section === 'qa' ? <Link to="/guide/qa">{t('knowledge.sections.qa')}</Link> : t(`knowledge.sections.${page.section}`)}</li>
          ) : null}
        </ol>
      </nav>
      {state.loading ? <Loading /> : null}
      {state.error && !(state.error.status === 404 && canEdit) ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {state.error?.status === 404 && canEdit ? (
        <Alert tone="info" className="mb-6">
          {t('knowledge.article.unpublishedForEditor')} <Link to={`/guide/${slug}/edit`}>{t('knowledge.article.edit')}</Link>
        </Alert>
      ) : null}
      {page ? (
        <article aria-labelledby="article-title">
          <PageHeading title={<span id="article-title">{page.section === 'qa' ? `Q. ${page.title[lang]}` : page.title[lang]}</span>}>
            <p className="mt-2 text-dns-14N-130 text-solid-gray-700">
              {t('knowledge.article.updated')}
              <time dateTime={page.updatedAt}>{formatDate(page.updatedAt, lang)}</time>
            </p>
          </PageHeading>
          {saved ? (
            <Alert tone="success" live="polite" className="mb-6">
              {t('knowledge.edit.saved', { version: saved })}
            </Alert>
          ) : null}
          {canEdit ? (
            <p className="mb-6 flex flex-wrap gap-3">
              <Link to={`/guide/${page.slug}/edit`} className={buttonClass('secondary', 'sm')} data-testid="edit-page">
                {t('knowledge.article.edit')}
              </Link>
              <Link to={`/guide/${page.slug}/history`} className={buttonClass('tertiary', 'sm')}>
                {t('knowledge.article.history')}
              </Link>
            </p>
          ) : null}
          {page.section === 'qa' ? <p className="mb-2 text-std-17B-170 text-blue-900">{t('knowledge.qa.answer')}</p> : null}
          <MarkupView source={page.body[lang]} ctx={{ parameters: page.parameters, missing: page.missingParameters, idPrefix: 'article' }} />
          <ParameterNotes page={page} idPrefix="article" />
          {page.source ? (
            <footer className="mt-10 border-t border-solid-gray-420 pt-4 text-dns-14N-130 leading-170 text-solid-gray-700">
              <p>
                <span className="font-bold">{t('knowledge.article.source')}</span>
                <span lang="ja">{page.source}</span>
              </p>
            </footer>
          ) : null}
        </article>
      ) : null}
    </>
  );
}
