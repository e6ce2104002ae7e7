import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { formatNumber } from '../../ui/format.ts';
import type { AuditVerify } from './audit.api.ts';

export function VerifyPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerify | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function verify() {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await api.get<AuditVerify>('/api/audit/verify'));
    } catch (e) {
      setError(isApiError(e) ? e : unexpectedError());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="verify-heading" className="mb-8 rounded-8 border border-solid-gray-420 p-5">
      <h2 id="verify-heading" className="text-std-20B-150 text-solid-gray-900">
        {t('audit.verifyHeading')}
      </h2>
      <p className="mt-2 mb-4 text-std-16N-170">{t('audit.verifyBody')}</p>
      <Button variant="secondary" onClick={() => void verify()} disabled={busy} data-testid="audit-verify">
        {busy ? t('audit.verifying') : t('audit.verify')}
      </Button>
      <div aria-live="polite" className="mt-4" data-testid="audit-verify-result">
        {result ? (
          result.ok ? (
            <Alert tone="success">{t('audit.verifyOk', { rows: formatNumber(result.rows, lang) })}</Alert>
          ) : (
            <Alert tone="error">{t('audit.verifyBroken', { id: result.brokenAtId ?? '?', rows: formatNumber(result.rows, lang) })}</Alert>
          )
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
      </div>
    </section>
  );
}
