import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { companyPatchSchema } from '../../../../common/src/schemas/companies.schema.ts';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { fieldErrorsFrom, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import type { CompanyDetail } from './companies.api.ts';
import { CompanyFields, companyFieldLabelKeys, companyFieldOrder, toCompanyBody, type CompanyFormValues } from './company-fields.tsx';

const str = (v: string | number | null | undefined) => (v == null ? '' : String(v));

export function CompanyEditForm({
  company,
  reference,
  onSaved,
  onCancel,
}: {
  company: CompanyDetail;
  reference: ReferenceBundle;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [values, setValues] = useState<CompanyFormValues>({
    corporateNumber: company.corporateNumber,
    name: company.name,
    nameKana: str(company.nameKana),
    legalTypeCode: company.legalTypeCode,
    capitalYen: str(company.capitalYen),
    employees: str(company.employees),
    industryCode: str(company.industryCode),
    prefectureCode: str(company.prefectureCode),
    address: str(company.address),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { body, errors: numberErrors } = toCompanyBody(values, '');
    delete body.corporateNumber;
    const checked = validate(companyPatchSchema, body);
    const clientErrors = { ...numberErrors, ...(checked.ok ? {} : checked.errors) };
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      setFormError(null);
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      await api.patch(`/api/companies/${company.id}`, body);
      onSaved();
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      setErrors(fieldErrorsFrom(apiErr));
      setFormError(apiErr);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  }

  const fields = companyFieldOrder.map((f) => ({ path: f, label: t(companyFieldLabelKeys[f]) }));
  const items = summaryItems(errors, lang, fields, (label, message) => t('errorSummary.item', { label, message }));
  return (
    <div className="max-w-3xl">
      <ErrorSummary items={items} title={formError && items.length === 0 ? formError.messages[lang] : undefined} focusKey={attempt} />
      <form noValidate onSubmit={onSubmit} aria-label={t('companies.detail.editHeading')} className="flex flex-col gap-6">
        <CompanyFields
          values={values}
          onChange={(field, value) => {
            setValues((v) => ({ ...v, [field]: value }));
            setErrors(({ [field]: _removed, ...rest }) => rest);
          }}
          errors={errors}
          prefix=""
          legalTypes={reference.legalEntityTypes}
          industries={reference.industries}
          prefectures={reference.prefectures}
          withCorporateNumber={false}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {t('common.save')}
          </Button>
          <Button variant="tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
