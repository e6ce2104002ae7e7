import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError } from '../api.ts';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorSummary, type SummaryItem } from '../ui/error-summary.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { TextField } from '../ui/text-field.tsx';

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/dashboard';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { account, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  usePageTitle(t('login.title'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const m = { email: email.trim() === '', password: password === '' };
    setMissing(m);
    setError(null);
    if (m.email || m.password) {
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      await login(email.trim(), password);
      navigate(safeNext(next), { replace: true });
    } catch (err) {
      setError(isApiError(err) ? err : unexpectedError());
      setPassword('');
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  }

  const requiredMsg = t('validation.required');
  const items: SummaryItem[] = [];
  if (missing.email) items.push({ fieldId: 'login-email', message: t('errorSummary.item', { label: t('login.email'), message: requiredMsg }) });
  if (missing.password) items.push({ fieldId: 'login-password', message: t('errorSummary.item', { label: t('login.password'), message: requiredMsg }) });

  return (
    <div className="max-w-xl">
      <PageHeading title={t('login.title')} lead={t('login.lead')} />
      {account ? (
        <p className="mb-6 rounded-8 bg-blue-50 p-4 text-std-16N-170">
          {t('login.alreadyIn', { name: account.displayName })} <Link to="/dashboard">{t('login.toDashboard')}</Link>
        </p>
      ) : null}
      {next ? <p className="mb-6 text-std-16N-170 text-solid-gray-800">{t('login.nextNote')}</p> : null}
      <ErrorSummary items={items} focusKey={attempt} title={error ? error.messages[lang] : undefined} />
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={t('login.title')}>
        <TextField
          id="login-email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={missing.email ? requiredMsg : undefined}
        />
        <TextField
          id="login-password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missing.password ? requiredMsg : undefined}
        />
        <div>
          <Button type="submit" size="lg" data-testid="login-submit" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </div>
      </form>
      <p className="mt-8 text-std-16N-170">
        {t('login.noAccount')}
        <Link to="/register">{t('login.registerLink')}</Link>
        {t('login.noAccountSuffix')}
      </p>
    </div>
  );
}
