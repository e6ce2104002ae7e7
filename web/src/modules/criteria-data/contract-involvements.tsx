import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { involvementInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, validate, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { Picked } from '../criteria/search-picker.tsx';
import { useOrganisations } from '../organisations/organisations.api.ts';
import { CompanyPicker } from './company-picker.tsx';
import { addInvolvement, deleteInvolvement, useInvolvements, type InvolvementItem } from './criteria-data.api.ts';
import { DeleteAction, FormErrorSummary, useFormErrors, useOutcome } from './form-kit.tsx';

/** 契約の締結・履行への関与: periods in which the official worked on contracts with a company (personal data). */
export function ContractInvolvements({ person, canWrite }: { person: { id: number; organisationId: number | null }; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useInvolvements(person.id);
  const organisations = useOrganisations();
  const outcome = useOutcome();
  const orgName = (id: number) => {
    const o = organisations.data?.items.find((x) => x.id === id);
    return o ? pick(lang, o.nameJa, o.nameEn) : '—';
  };
  const items = [...(data?.items ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));

  return (
    <section aria-labelledby="involvements-heading" data-testid="contract-involvements">
      <SectionHeading id="involvements-heading">{t('criteriaData.involvements.heading')}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteriaData.involvements.lead')}</p>
      {outcome.view('involvements-outcome')}
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        items.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('criteriaData.involvements.empty')}</p>
        ) : (
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
                        onConfirm={async () => {
                          try {
                            await deleteInvolvement(person.id, i.id);
                            outcome.show({ ok: (t, lang) => t('criteriaData.involvements.deleted', { company: i.companyName }) });
                            reload();
                          } catch (err) {
                            outcome.show({ error: err });
                          }
                        }}
                      />
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </tbody>
          </Table>
        )
      ) : null}
      {canWrite ? (
        <InvolvementForm
          person={person}
          onAdded={(i) => {
            outcome.show({ ok: (t, lang) => t('criteriaData.involvements.added', { company: i.companyName }) });
            reload();
          }}
        />
      ) : null}
    </section>
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
  const [organisationId, setOrganisationId] = useState(person.organisationId != null ? String(person.organisationId) : '');
  const [company, setCompany] = useState<Picked | null>(null);
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (!company) problems.companyId = copyMessage('choose');
    if (!startDate) problems.startDate = copyMessage('required');
    if (npa && !organisationId) problems.organisationId = copyMessage('choose');
    const checked = validate(involvementInputSchema, {
      ...(npa && organisationId ? { organisationId: Number(organisationId) } : {}),
      companyId: company?.id ?? 1,
      startDate: startDate || '2000-01-01',
      endDate: endDate || null,
      role: role.trim() || null,
    });
    if (!checked.ok) for (const [k, m] of Object.entries(checked.errors)) problems[k] ??= m;
    if (Object.keys(problems).length || !checked.ok) return form.fail(problems);
    setBusy(true);
    try {
      const added = await addInvolvement(person.id, checked.value);
      form.reset();
      setCompany(null);
      setStartDate('');
      setEndDate('');
      setRole('');
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
    startDate: t('criteriaData.startDate'),
    endDate: t('criteriaData.endDate'),
    role: t('criteriaData.involvements.role'),
  };
  return (
    <div className="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 p-5">
      <FormErrorSummary form={form} prefix={P} fields={Object.entries(labels).map(([field, label]) => ({ field, label }))} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="involvement-form-heading" className="flex flex-col gap-5" data-testid="involvement-form">
        <h3 id="involvement-form-heading" className="text-std-18B-160">
          {t('criteriaData.involvements.addHeading')}
        </h3>
        {npa ? (
          <Select
            id={form.id('organisationId')}
            label={labels.organisationId}
            hint={t('criteriaData.involvements.organisationHint')}
            required
            className="max-w-xl"
            value={organisationId}
            error={form.error('organisationId')}
            onChange={(e) => {
              setOrganisationId(e.target.value);
              form.clear('organisationId');
            }}
          >
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
          selected={company}
          onSelect={(c) => {
            setCompany(c);
            form.clear('companyId');
          }}
        />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteriaData.involvements.period')}</legend>
          <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
            <TextField
              id={form.id('startDate')}
              type="date"
              label={labels.startDate}
              required
              value={startDate}
              error={form.error('startDate')}
              onChange={(e) => {
                setStartDate(e.target.value);
                form.clear('startDate');
              }}
            />
            <TextField
              id={form.id('endDate')}
              type="date"
              label={labels.endDate}
              hint={t('criteriaData.involvements.endDateHint')}
              required={false}
              value={endDate}
              error={form.error('endDate')}
              onChange={(e) => {
                setEndDate(e.target.value);
                form.clear('endDate');
              }}
            />
          </div>
        </fieldset>
        <TextField
          id={form.id('role')}
          label={labels.role}
          hint={t('criteriaData.involvements.roleHint')}
          required={false}
          maxLength={200}
          value={role}
          error={form.error('role')}
          onChange={(e) => {
            setRole(e.target.value);
            form.clear('role');
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
