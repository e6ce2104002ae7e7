import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { registrationBodySchema } from '../../../../common/src/schemas/companies.schema.ts';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, buttonClass } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Loading } from '../../ui/primitives.tsx';
import { TextField } from '../../ui/text-field.tsx';
import {
  CompanyFields,
  companyFieldLabelKeys,
  companyFieldOrder,
  emptyCompany,
  toCompanyBody,
  type CompanyFormValues,
} from '../companies/company-fields.tsx';
import { useReference } from '../reference/use-reference.ts';

type AccountValues = { email: string; displayName: string; password: string };
const accountFieldOrder: Array<keyof AccountValues> = ['email', 'displayName', 'password'];
const accountLabelKeys: Record<keyof AccountValues, string> = {
  email: 'register.email',
  displayName: 'register.displayName',
  password: 'register.password',
};

type Created = { accountId: number; companyId: number; status: string };

export function RegistrationForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const reference = useReference();
  const [company, setCompany] = useState<CompanyFormValues>(emptyCompany);
  const [account, setAccount] = useState<AccountValues>({ email: '', displayName: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const successRef = useRef<HTMLDivElement>(null);

  const clear = (path: string) =>
    setErrors((e) => {
      if (!(path in e)) return e;
      const next = { ...e };
      delete next[path];
      return next;
    });

  function fail(next: FieldErrors, err: ApiError | null) {
    setErrors(next);
    setFormError(err);
    setAttempt((a) => a + 1);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { body: companyBody, errors: numberErrors } = toCompanyBody(company, 'company.');
    const checked = validate(registrationBodySchema, { company: companyBody, account });
    const clientErrors = { ...numberErrors, ...(checked.ok ? {} : checked.errors) };
    if (company.legalTypeCode === '') clientErrors['company.legalTypeCode'] = copyMessage('choose');
    if (account.email.trim() === '') clientErrors['account.email'] = fieldMessages['text.required'];
    if (account.password === '') clientErrors['account.password'] = fieldMessages['text.required'];
    if (Object.keys(clientErrors).length > 0) return fail(clientErrors, null);
    setBusy(true);
    try {
      const res = await api.post<Created>('/api/registrations', { company: companyBody, account });
      setCreated(res);
      setTimeout(() => successRef.current?.focus(), 0);
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      fail(fieldErrorsFrom(apiErr), apiErr);
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <Alert ref={successRef} tone="success" title={t('register.successTitle')} live="polite" testId="register-success">
        <p>{t('register.successBody')}</p>
        <p className="mt-2 font-bold">{t('register.successStatus')}</p>
        <p className="mt-4">
          <Link to="/" className={buttonClass('secondary', 'md')}>
            {t('register.toHome')}
          </Link>
        </p>
      </Alert>
    );
  }

  if (reference.error) return <ErrorAlert error={reference.error} title={t('register.referenceFailed')} onRetry={reference.retry} />;
  if (!reference.data) return <Loading />;

  const fields = [
    ...companyFieldOrder.map((f) => ({ path: `company.${f}`, label: t(companyFieldLabelKeys[f]) })),
    ...accountFieldOrder.map((f) => ({ path: `account.${f}`, label: t(accountLabelKeys[f]) })),
  ];
  const hasFieldErrors = Object.keys(errors).length > 0;
  const items = summaryItems(errors, lang, fields, (label, message) => t('errorSummary.item', { label, message }));
  const summaryTitle = formError && !hasFieldErrors ? formError.messages[lang] : undefined;
  const accErr = (f: keyof AccountValues) => errors[`account.${f}`]?.[lang];

  return (
    <>
      <ErrorSummary items={items} title={summaryTitle} focusKey={attempt} />
      <form noValidate onSubmit={onSubmit} aria-label={t('register.title')} className="flex max-w-3xl flex-col gap-10">
        <fieldset className="flex flex-col gap-6">
          <legend className="mb-4 w-full border-b border-solid-gray-420 pb-2 text-std-24B-150 text-solid-gray-900">{t('register.companySection')}</legend>
          <CompanyFields
            values={company}
            onChange={(field, value) => {
              setCompany((c) => ({ ...c, [field]: value }));
              clear(`company.${field}`);
            }}
            errors={errors}
            prefix="company."
            legalTypes={reference.data.legalEntityTypes}
            industries={reference.data.industries}
            prefectures={reference.data.prefectures}
          />
        </fieldset>
        <fieldset className="flex flex-col gap-6">
          <legend className="mb-4 w-full border-b border-solid-gray-420 pb-2 text-std-24B-150 text-solid-gray-900">{t('register.accountSection')}</legend>
          <TextField
            id={fieldIdOf('account.email')}
            type="email"
            label={t('register.email')}
            hint={t('register.emailHint')}
            required
            autoComplete="email"
            value={account.email}
            onChange={(e) => {
              setAccount((a) => ({ ...a, email: e.target.value }));
              clear('account.email');
            }}
            error={accErr('email')}
          />
          <TextField
            id={fieldIdOf('account.displayName')}
            label={t('register.displayName')}
            required
            autoComplete="name"
            maxLength={100}
            value={account.displayName}
            onChange={(e) => {
              setAccount((a) => ({ ...a, displayName: e.target.value }));
              clear('account.displayName');
            }}
            error={accErr('displayName')}
          />
          <TextField
            id={fieldIdOf('account.password')}
            type="password"
            label={t('register.password')}
            hint={t('register.passwordHint')}
            required
            autoComplete="new-password"
            value={account.password}
            onChange={(e) => {
              setAccount((a) => ({ ...a, password: e.target.value }));
              clear('account.password');
            }}
            error={accErr('password')}
          />
        </fieldset>
        <div>
          <Button type="submit" size="lg" data-testid="register-submit" disabled={busy}>
            {busy ? t('register.submitting') : t('register.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
