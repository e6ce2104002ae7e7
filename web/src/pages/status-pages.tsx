import { Link, Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useSession } from '../modules/accounts/session.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeading title={t('notFound.title')} lead={t('notFound.body')} />
      <p>
        <Link to="/">{t('notFound.toHome')}</Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  usePageTitle(t('forbidden.title'));
  return (
    <>
      <PageHeading title={t('forbidden.title')} lead={t('forbidden.body')} />
      <p>{account ? <Link to="/dashboard">{t('forbidden.toDashboard')}</Link> : <Link to="/">{t('forbidden.toHome')}</Link>}</p>
    </>
  );
}

export function LoginRedirect() {
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
}

/** Whole-page outcome of a failed load: login, 403 and 404 get their own pages; anything else an alert under the page's heading. */
export function QueryFailurePage({ error, title, onRetry }: { error: ApiError; title: string; onRetry?: () => void }) {
  if (error.status === 401) return <LoginRedirect />;
  if (error.status === 403) return <ForbiddenPage />;
  if (error.status === 404) return <NotFoundPage />;
  return <LoadFailedPage error={error} title={title} onRetry={onRetry} />;
}

function LoadFailedPage({ error, title, onRetry }: { error: ApiError; title: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <>
      <PageHeading title={title} />
      <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={onRetry} />
    </>
  );
}
