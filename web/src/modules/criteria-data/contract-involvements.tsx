import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { involvementInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { Picked } from '../criteria/search-picker.tsx';
import { useOrganisations } from '../organisations/organisations.api.ts';
import { CompanyPicker } from './company-picker.tsx';
import { addInvolvement, deleteInvolvement, useInvolvements, type InvolvementItem } from './criteria-data.api.ts';
import { checkInput, DeleteAction, LoadedList, RecordForm, RecordSection, useFormErrors, useFormValues, useOutcome, useSubmit } from './form-kit.tsx';

/** 契約の締結・履行への関与: periods in which the official worked on contracts with a company (personal data). */
export function ContractInvolvements({ person, canWrite }: { person: { id: number; organisationId: number | null }; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const involvements = useInvolvements(person.id);
  const { reload } = involvements;
  const organisations = useOrganisations();
  const outcome = useOutcome();
  const orgName = (id: number) => {
    const o = organisations.data?.items.find((x) => x.id === id);
    return o ? pick(lang, o.nameJa, o.nameEn) : '—';
  };
  const items = [...(involvements.data?.items ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));

  return (
    <RecordSection headingId="involvements-heading" testId="contract-involvements" heading={t('criteriaData.involvements.heading')} lead={t('criteriaData.involvements.lead')}>
      {outcome.view('involvements-outcome')}
      <LoadedList state={involvements} count={items.length} empty={t('criteriaData.involvements.empty')}>
        {() => (
          <Table caption={t('criteriaData.involvements.caption', { count: items.length })} testId="involvements-table">
            <thead>
              <tr>
                <Th>{t('criteriaData.company')}</Th>
                <Th>{t('criteriaData.organisation')}</Th>
                <Th>{t('criteriaData.involvements.period')}</Th>
                <Th>{t('criteriaData.involvements.role')}</Th>
                {canWrite ? <Th>{t('criteriaData.actions')}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <Tr key={i.id}>
                  <Th scope="row" className="min-w-48 font-normal whitespace-normal">
                    {i.companyName}
                  </Th>
                  <Td className="min-w-40">{orgName(i.organisationId)}</Td>
                  <Td className="min-w-56">
                    <time dateTime={i.startDate}>{formatDate(i.startDate, lang)}</time>
                    {t('criteriaData.rangeSeparator')}
                    {i.endDate ? <time dateTime={i.endDate}>{formatDate(i.endDate, lang)}</time> : t('criteriaData.involvements.ongoing')}
                  </Td>
                  <Td className="min-w-48">{i.role ?? '—'}</Td>
                  {canWrite ? (
                    <Td>
                      <DeleteAction
                        label={t('criteriaData.involvements.rowLabel', { company: i.companyName, start: formatDate(i.startDate, lang) })}
                        onConfirm={() => outcome.run(() => deleteInvolvement(person.id, i.id), (t) => t('criteriaData.involvements.deleted', { company: i.companyName }), reload)}
                      />
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </LoadedList>
      {canWrite ? (
        <InvolvementForm
          person={person}
          onAdded={(i) => {
            outcome.show({ ok: (t, lang) => t('criteriaData.involvements.added', { company: i.companyName }) });
            reload();
          }}
        />
      ) : null}
    </RecordSection>
  );
}

const P = 'involvement.';

function InvolvementForm({ person, onAdded }: { person: { id: number; organisationId: number | null }; onAdded: (i: InvolvementItem) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const organisations = useOrganisations();
  const form = useFormErrors(P);
  const npa = account?.role === 'npa';
  const { values: v, setValues, set, bind } = useFormValues(form, {
    organisationId: person.organisationId != null ? String(person.organisationId) : '',
    company: null as Picked | null,
    startDate: '',
    endDate: '',
    role: '',
  });
  const { busy, submit } = useSubmit(form);
  const [round, setRound] = useState(0);

  async function onSubmit() {
    const problems: FieldErrors = {};
    if (!v.company) problems.companyId = copyMessage('choose');
    if (!v.startDate) problems.startDate = copyMessage('required');
    if (npa && !v.organisationId) problems.organisationId = copyMessage('choose');
    const input = checkInput(
      form,
      involvementInputSchema,
      {
        ...(npa && v.organisationId ? { organisationId: Number(v.organisationId) } : {}),
        companyId: v.company?.id ?? 1,
        startDate: v.startDate || '2000-01-01',
        endDate: v.endDate || null,
        role: v.role.trim() || null,
      },
      problems,
    );
    if (!input) return;
    await submit(
      () => addInvolvement(person.id, input),
      (added) => {
        setValues((d) => ({ ...d, company: null, startDate: '', endDate: '', role: '' }));
        setRound((r) => r + 1);
        onAdded(added);
      },
    );
  }

  const labels = {
    organisationId: t('criteriaData.organisation'),
    companyId: t('criteriaData.company'),
    startDate: t('criteriaData.startDate'),
    endDate: t('criteriaData.endDate'),
    role: t('criteriaData.involvements.role'),
  };
  return (
    <RecordForm
      name="involvement"
      level={3}
      heading={t('criteriaData.involvements.addHeading')}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 p-5"
    >
      {npa ? (
        <Select {...bind('organisationId')} label={labels.organisationId} hint={t('criteriaData.involvements.organisationHint')} required className="max-w-xl">
          <option value="">{t('common.choose')}</option>
          {(organisations.data?.items ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {pick(lang, o.nameJa, o.nameEn)}
            </option>
          ))}
        </Select>
      ) : null}
      <CompanyPicker
        key={round}
        id={form.id('companyId')}
        testId="involvement-company"
        required
        error={form.error('companyId')}
        selected={v.company}
        onSelect={(c) => set('company', c, 'companyId')}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteriaData.involvements.period')}</legend>
        <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
          <TextField {...bind('startDate')} type="date" label={labels.startDate} required />
          <TextField {...bind('endDate')} type="date" label={labels.endDate} hint={t('criteriaData.involvements.endDateHint')} required={false} />
        </div>
      </fieldset>
      <TextField {...bind('role')} label={labels.role} hint={t('criteriaData.involvements.roleHint')} required={false} maxLength={200} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('criteriaData.register')}
        </Button>
      </div>
    </RecordForm>
  );
}
