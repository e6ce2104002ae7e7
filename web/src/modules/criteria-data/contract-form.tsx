import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
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
import { checkInput, FiscalYearField, readFiscalYear, readYen, RecordForm, useFormErrors, useFormValues, useSubmit, YenField } from './form-kit.tsx';

const P = 'contract.';

/** One contract total (府省等 × 法人 × 年度). A ministry's HR records its own ministry's only. */
export function ContractForm({ onAdded }: { onAdded: (c: ContractItem) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const organisations = useOrganisations();
  const ownOnly = account?.role === 'ministry_hr' ? account.organisationId : null;
  const form = useFormErrors(P);
  const { values: v, setValues, set, bind } = useFormValues(form, {
    organisationId: ownOnly != null ? String(ownOnly) : '',
    company: null as Picked | null,
    fiscalYear: String(fiscalYearOf(isoDateInJapan(new Date())) - 1),
    amountYen: '',
    source: '',
  });
  const { busy, submit } = useSubmit(form);
  // A new round after each record: the company search starts afresh.
  const [round, setRound] = useState(0);
  const orgs = (organisations.data?.items ?? []).filter((o) => ownOnly == null || o.id === ownOnly);

  async function onSubmit() {
    const problems: FieldErrors = {};
    if (!v.organisationId) problems.organisationId = copyMessage('choose');
    if (!v.company) problems.companyId = copyMessage('choose');
    const fy = readFiscalYear(v.fiscalYear);
    const yen = readYen(v.amountYen);
    if ('error' in fy) problems.fiscalYear = fy.error;
    if ('error' in yen) problems.amountYen = yen.error;
    if (Object.keys(problems).length) return form.fail(problems);
    const input = checkInput(form, contractInputSchema, {
      organisationId: Number(v.organisationId),
      companyId: v.company!.id,
      fiscalYear: (fy as { value: number }).value,
      amountYen: (yen as { value: number }).value,
      source: v.source.trim() || null,
    });
    if (!input) return;
    await submit(
      () => addContract(input),
      (added) => {
        setValues((d) => ({ ...d, company: null, amountYen: '', source: '' }));
        setRound((r) => r + 1);
        onAdded(added);
      },
    );
  }

  const labels = {
    organisationId: t('criteriaData.organisation'),
    companyId: t('criteriaData.company'),
    fiscalYear: t('criteriaData.fiscalYear'),
    amountYen: t('criteriaData.contracts.amountYen'),
    source: t('criteriaData.source'),
  };
  return (
    <RecordForm
      name="contract"
      level={2}
      heading={t('criteriaData.contracts.addHeading')}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="max-w-3xl"
    >
      <p className="text-std-16N-170 text-solid-gray-800">{t('criteriaData.contracts.addNote')}</p>
      <Select {...bind('organisationId')} label={labels.organisationId} hint={ownOnly != null ? t('criteriaData.ownOrganisationOnly') : undefined} required className="max-w-xl">
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
        selected={v.company}
        onSelect={(c) => set('company', c, 'companyId')}
      />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <FiscalYearField {...bind('fiscalYear')} label={labels.fiscalYear} required />
        <YenField {...bind('amountYen')} label={labels.amountYen} required />
      </div>
      <TextField {...bind('source')} label={labels.source} hint={t('criteriaData.sourceHint')} required={false} maxLength={200} className="max-w-xl" />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('criteriaData.register')}
        </Button>
      </div>
    </RecordForm>
  );
}
