import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { divisionInputSchema } from '../../../../common/src/schemas/companies.schema.ts';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { fieldErrorsFrom, fieldIdOf, prefixErrors, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/text-field.tsx';

export function DivisionForm({ companyId, onAdded }: { companyId: number; onAdded: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAdded(null);
    const checked = validate(divisionInputSchema, { name });
    if (!checked.ok) {
      setErrors(prefixErrors(checked.errors, 'division.'));
      setFormError(null);
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/companies/${companyId}/divisions`, checked.value);
      setAdded(checked.value.name);
      setName('');
      setErrors({});
      setFormError(null);
      onAdded();
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      setErrors(prefixErrors(fieldErrorsFrom(apiErr), 'division.'));
      setFormError(apiErr);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  }

  const items = summaryItems(errors, lang, [{ path: 'division.name', label: t('companies.detail.divisionName') }], (label, message) =>
    t('errorSummary.item', { label, message }),
  );
  return (
    <div className="mt-6 max-w-xl">
      <ErrorSummary items={items} title={formError && items.length === 0 ? formError.messages[lang] : undefined} focusKey={attempt} />
      {added ? (
        <Alert tone="success" live="polite" className="mb-4">
          {t('companies.detail.divisionAdded', { name: added })}
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} aria-labelledby="add-division-heading" className="flex flex-col gap-4">
        <h3 id="add-division-heading" className="text-std-18B-160">
          {t('companies.detail.addDivision')}
        </h3>
        <TextField
          id={fieldIdOf('division.name')}
          label={t('companies.detail.divisionName')}
          required
          maxLength={200}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setErrors({});
          }}
          error={errors['division.name']?.[lang]}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('companies.detail.addDivisionSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
