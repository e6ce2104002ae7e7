import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { jurisdictionInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, validate, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { Picked } from '../criteria/search-picker.tsx';
import type { OrgUnitNode } from '../organisations/organisations.api.ts';
import { CompanyPicker } from './company-picker.tsx';
import { addJurisdiction, deleteJurisdiction, may, useJurisdictions, type JurisdictionItem } from './criteria-data.api.ts';
import { DeleteAction, FormErrorSummary, useFormErrors, useOutcome } from './form-kit.tsx';

type UnitOption = { id: number; label: string; name: string };

/** Every unit, labelled with its path ("局 › 課"), in tree order. */
function flatten(units: OrgUnitNode[], lang: Lang, prefix = ''): UnitOption[] {
  return units.flatMap((u) => {
    const name = pick(lang, u.nameJa, u.nameEn);
    const label = `${prefix}${name}`;
    return [{ id: u.id, label, name }, ...flatten(u.children, lang, `${label} › `)];
  });
}

/** 所管関係: on the organisation page, the companies each unit licenses (許認可等), for the licensing-post rule. */
export function UnitJurisdictions({ organisationId, units }: { organisationId: number; units: OrgUnitNode[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const [params, setParams] = useSearchParams();
  const options = flatten(units, lang);
  const current = options.find((o) => String(o.id) === params.get('unit')) ?? null;
  const [choice, setChoice] = useState(current ? String(current.id) : '');
  const [choiceError, setChoiceError] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    if (opened.current && current) listHeading.current?.focus();
    opened.current = false;
  }, [current?.id]);

  if (!may.readUnit(account, organisationId) || units.length === 0) return null;
  const canWrite = may.writeUnit(account, organisationId);

  function open(e: FormEvent) {
    e.preventDefault();
    if (!choice) {
      setChoiceError(true);
      document.getElementById('jurisdiction-unit')?.focus();
      return;
    }
    setChoiceError(false);
    opened.current = true;
    const next = new URLSearchParams(params);
    next.set('unit', choice);
    setParams(next, { preventScrollReset: true });
    if (current && String(current.id) === choice) listHeading.current?.focus();
  }

  return (
    <section aria-labelledby="jurisdictions-heading" data-testid="unit-jurisdictions">
      <SectionHeading id="jurisdictions-heading">{t('criteriaData.jurisdictions.heading')}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteriaData.jurisdictions.lead')}</p>
      <form onSubmit={open} noValidate className="flex max-w-3xl flex-wrap items-end gap-3" aria-label={t('criteriaData.jurisdictions.chooseUnit')}>
        <Select
          id="jurisdiction-unit"
          label={t('criteriaData.unit')}
          className="min-w-72 flex-1"
          value={choice}
          error={choiceError ? t('validation.choose') : undefined}
          onChange={(e) => {
            setChoice(e.target.value);
            setChoiceError(false);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" className={choiceError ? 'mb-8' : undefined} data-testid="jurisdiction-open">
          {t('criteriaData.jurisdictions.show')}
        </Button>
      </form>
      {current ? <UnitCompanies key={current.id} unit={current} canWrite={canWrite} headingRef={listHeading} /> : null}
    </section>
  );
}

function UnitCompanies({ unit, canWrite, headingRef }: { unit: UnitOption; canWrite: boolean; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useJurisdictions(unit.id);
  const outcome = useOutcome();
  const period = (j: JurisdictionItem) =>
    j.startDate || j.endDate ? (
      <>
        {j.startDate ? <time dateTime={j.startDate}>{formatDate(j.startDate, lang)}</time> : t('criteriaData.jurisdictions.noStart')}
        {t('criteriaData.rangeSeparator')}
        {j.endDate ? <time dateTime={j.endDate}>{formatDate(j.endDate, lang)}</time> : t('criteriaData.jurisdictions.noEnd')}
      </>
    ) : (
      t('criteriaData.jurisdictions.always')
    );

  return (
    <div className="mt-6 rounded-8 border border-solid-gray-420 p-5" data-testid="jurisdiction-list">
      <h3 ref={headingRef} tabIndex={-1} className="mb-3 text-std-20B-150 text-solid-gray-900 focus:outline-none">
        {t('criteriaData.jurisdictions.listHeading', { unit: unit.label })}
      </h3>
      {outcome.view('jurisdiction-outcome')}
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        data.items.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('criteriaData.jurisdictions.empty')}</p>
        ) : (
          <Table caption={t('criteriaData.jurisdictions.caption', { unit: unit.name, count: data.items.length })} testId="jurisdiction-table">
            <thead>
              <tr>
                <Th>{t('criteriaData.company')}</Th>
                <Th>{t('criteriaData.jurisdictions.period')}</Th>
                <Th>{t('criteriaData.jurisdictions.basis')}</Th>
                {canWrite ? <Th>{t('criteriaData.actions')}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((j) => (
                <Tr key={j.id}>
                  <Th scope="row" className="min-w-56 font-normal whitespace-normal">
                    <Link to={`/companies/${j.companyId}`} className="font-bold">
                      {j.companyName}
                    </Link>
                    <span className="mt-1 block font-mono text-dns-14N-130 text-solid-gray-700">{j.corporateNumber}</span>
                  </Th>
                  <Td className="min-w-56">{period(j)}</Td>
                  <Td className="min-w-48">{j.basis ?? '—'}</Td>
                  {canWrite ? (
                    <Td>
                      <DeleteAction
                        label={t('criteriaData.jurisdictions.rowLabel', { company: j.companyName, unit: unit.name })}
                        onConfirm={async () => {
                          try {
                            await deleteJurisdiction(unit.id, j.id);
                            outcome.show({ ok: (t, lang) => t('criteriaData.jurisdictions.deleted', { company: j.companyName, unit: unit.name }) });
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
        <JurisdictionForm
          unit={unit}
          onAdded={(j) => {
            outcome.show({ ok: (t, lang) => t('criteriaData.jurisdictions.added', { company: j.companyName, unit: unit.name }) });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

const P = 'jurisdiction.';

function JurisdictionForm({ unit, onAdded }: { unit: UnitOption; onAdded: (j: JurisdictionItem) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors(P);
  const [company, setCompany] = useState<Picked | null>(null);
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [basis, setBasis] = useState('');
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (!company) problems.companyId = copyMessage('choose');
    const checked = validate(jurisdictionInputSchema, { companyId: company?.id ?? 1, startDate: startDate || null, endDate: endDate || null, basis: basis.trim() || null });
    if (!checked.ok) for (const [k, m] of Object.entries(checked.errors)) problems[k] ??= m;
    if (Object.keys(problems).length || !checked.ok) return form.fail(problems);
    setBusy(true);
    try {
      const added = await addJurisdiction(unit.id, checked.value);
      form.reset();
      setCompany(null);
      setStartDate('');
      setEndDate('');
      setBasis('');
      setRound((r) => r + 1);
      onAdded(added);
    } catch (err) {
      form.failWith(err);
    } finally {
      setBusy(false);
    }
  }

  const labels = { companyId: t('criteriaData.company'), startDate: t('criteriaData.startDate'), endDate: t('criteriaData.endDate'), basis: t('criteriaData.jurisdictions.basis') };
  return (
    <div className="mt-6 max-w-3xl">
      <FormErrorSummary form={form} prefix={P} fields={Object.entries(labels).map(([field, label]) => ({ field, label }))} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="jurisdiction-form-heading" className="flex flex-col gap-5" data-testid="jurisdiction-form">
        <h4 id="jurisdiction-form-heading" className="text-std-18B-160">
          {t('criteriaData.jurisdictions.addHeading', { unit: unit.name })}
        </h4>
        <CompanyPicker
          key={round}
          id={form.id('companyId')}
          testId="jurisdiction-company"
          required
          error={form.error('companyId')}
          selected={company}
          onSelect={(c) => {
            setCompany(c);
            form.clear('companyId');
          }}
        />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{t('criteriaData.jurisdictions.period')}</legend>
          <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('criteriaData.jurisdictions.periodHint')}</p>
          <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
            <TextField
              id={form.id('startDate')}
              type="date"
              label={labels.startDate}
              required={false}
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
          id={form.id('basis')}
          label={labels.basis}
          hint={t('criteriaData.jurisdictions.basisHint')}
          required={false}
          maxLength={200}
          value={basis}
          error={form.error('basis')}
          onChange={(e) => {
            setBasis(e.target.value);
            form.clear('basis');
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
