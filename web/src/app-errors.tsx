import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.ts';
import { useLang } from './i18n.ts';
import { Alert } from './ui/alert.tsx';
import { Button } from './ui/button.tsx';

/** An API failure as a localized alert, with its request id for support and an optional retry. */
export function ErrorAlert({ error, title, onRetry }: { error: ApiError; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Alert tone="error" title={title ?? error.messages[lang]} live="assertive" className="my-4">
      {title ? <p>{error.messages[lang]}</p> : null}
      {error.requestId ? <p className="text-dns-14N-130 text-solid-gray-700">{t('common.requestId', { id: error.requestId })}</p> : null}
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
