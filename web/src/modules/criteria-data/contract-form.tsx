import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contractInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, validate, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { isoDateInJapan } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { Picked } from '../criteria/search-picker.tsx';
import { useOrganisations } from '../organisations/organisations.api.ts';
import { fiscalYearOf } from './amounts.ts';
import { CompanyPicker } from './company-picker.tsx';
import { addContract, type ContractItem } from './criteria-data.api.ts';
import { FiscalYearField, FormErrorSummary, readFiscalYear, readYen, useFormErrors, YenField } from './form-kit.tsx';

const P = 'contract.';

/** One contract total (府省等 × 法人 × 年度). A ministry's HR records its own ministry's only. */
export function ContractForm({ onAdded }: { onAdded: (c: ContractItem) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const organisations = useOrganisations();
  const ownOnly = account?.role === 'ministry_hr' ? account.organisationId : null;
  const form = useFormErrors(P);
  const [organisationId, setOrganisationId] = useState(ownOnly != null ? String(ownOnly) : '');
  const [company, setCompany] = useState<Picked | null>(null);
  const [fiscalYear, setFiscalYear] = useState(String(fiscalYearOf(isoDateInJapan(new Date())) - 1));
  const [amount, setAmount] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  // A new round after each record: the company search starts afresh.
  const [round, setRound] = useState(0);
  const orgs = (organisations.data?.items ?? []).filter((o) => ownOnly == null || o.id === ownOnly);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (!organisationId) problems.organisationId = copyMessage('choose');
    if (!company) problems.companyId = copyMessage('choose');
    const fy = readFiscalYear(fiscalYear);
    const yen = readYen(amount);
    if ('error' in fy) problems.fiscalYear = fy.error;
    if ('error' in yen) problems.amountYen = yen.error;
    if (Object.keys(problems).length) return form.fail(problems);
    const checked = validate(contractInputSchema, {
      organisationId: Number(organisationId),
      companyId: company!.id,
      fiscalYear: (fy as { value: number }).value,
      amountYen: (yen as { value: number }).value,
      source: source.trim() || null,
    });
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    try {
      const added = await addContract(checked.value);
      form.reset();
      setCompany(null);
      setAmount('');
      setSource('');
      setRound((r) => r + 1);
      onAdded(added);
    } catch (err) {
      form.failWith(err);
    } finally {
      setBusy(false);
    }
  }

  const labels = {
    organisationId: t('criteriaData.organisation'),
    companyId: t('criteriaData.company'),
    fiscalYear: t('criteriaData.fiscalYear'),
    amountYen: t('criteriaData.contracts.amountYen'),
    source: t('criteriaData.source'),
  };
  return (
    <div className="max-w-3xl">
      <FormErrorSummary form={form} prefix={P} fields={Object.entries(labels).map(([field, label]) => ({ field, label }))} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="contract-form-heading" className="flex flex-col gap-5" data-testid="contract-form">
        <h2 id="contract-form-heading" className="text-std-24B-150 text-solid-gray-900">
          {t('criteriaData.contracts.addHeading')}
        </h2>
        <p className="text-std-16N-170 text-solid-gray-800">{t('criteriaData.contracts.addNote')}</p>
        <Select
          id={form.id('organisationId')}
          label={labels.organisationId}
          hint={ownOnly != null ? t('criteriaData.ownOrganisationOnly') : undefined}
          required
          className="max-w-xl"
          value={organisationId}
          error={form.error('organisationId')}
          onChange={(e) => {
            setOrganisationId(e.target.value);
            form.clear('organisationId');
          }}
        >
          {ownOnly == null ? <option value="">{t('common.choose')}</option> : null}
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {pick(lang, o.nameJa, o.nameEn)}
            </option>
          ))}
        </Select>
        <CompanyPicker
          key={round}
          id={form.id('companyId')}
          testId="contract-company"
          required
          error={form.error('companyId')}
          selected={company}
          onSelect={(c) => {
            setCompany(c);
            form.clear('companyId');
          }}
        />
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <FiscalYearField
            id={form.id('fiscalYear')}
            label={labels.fiscalYear}
            required
            value={fiscalYear}
            error={form.error('fiscalYear')}
            onChange={(e) => {
              setFiscalYear(e.target.value);
              form.clear('fiscalYear');
            }}
          />
          <YenField
            id={form.id('amountYen')}
            label={labels.amountYen}
            required
            value={amount}
            error={form.error('amountYen')}
            onChange={(e) => {
              setAmount(e.target.value);
              form.clear('amountYen');
            }}
          />
        </div>
        <TextField
          id={form.id('source')}
          label={labels.source}
          hint={t('criteriaData.sourceHint')}
          required={false}
          maxLength={200}
          className="max-w-xl"
          value={source}
          error={form.error('source')}
          onChange={(e) => {
            setSource(e.target.value);
            form.clear('source');
          }}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('criteriaData.register')}
          </Button>
        </div>
      </form>
    </div>
  );
}
