import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { jurisdictionInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { Picked } from '../criteria/search-picker.tsx';
import type { OrgUnitNode } from '../organisations/organisations.api.ts';
import { CompanyPicker } from './company-picker.tsx';
import { addJurisdiction, deleteJurisdiction, may, useJurisdictions, type JurisdictionItem } from './criteria-data.api.ts';
import { checkInput, DeleteAction, LoadedList, RecordForm, RecordSection, useFormErrors, useFormValues, useOutcome, useSubmit } from './form-kit.tsx';

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
    <RecordSection headingId="jurisdictions-heading" testId="unit-jurisdictions" heading={t('criteriaData.jurisdictions.heading')} lead={t('criteriaData.jurisdictions.lead')}>
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
    </RecordSection>
  );
}

function UnitCompanies({ unit, canWrite, headingRef }: { unit: UnitOption; canWrite: boolean; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const jurisdictions = useJurisdictions(unit.id);
  const { reload } = jurisdictions;
  const items = jurisdictions.data?.items ?? [];
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
      <LoadedList state={jurisdictions} count={items.length} empty={t('criteriaData.jurisdictions.empty')}>
        {() => (
          <Table caption={t('criteriaData.jurisdictions.caption', { unit: unit.name, count: items.length })} testId="jurisdiction-table">
            <thead>
              <tr>
                <Th>{t('criteriaData.company')}</Th>
                <Th>{t('criteriaData.jurisdictions.period')}</Th>
                <Th>{t('criteriaData.jurisdictions.basis')}</Th>
                {canWrite ? <Th>{t('criteriaData.actions')}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((j) => (
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
                        onConfirm={() =>
                          outcome.run(() => deleteJurisdiction(unit.id, j.id), (t) => t('criteriaData.jurisdictions.deleted', { company: j.companyName, unit: unit.name }), reload)
                        }
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
  const empty = { company: null as Picked | null, startDate: '', endDate: '', basis: '' };
  const { values: v, setValues, set, bind } = useFormValues(form, empty);
  const { busy, submit } = useSubmit(form);
  const [round, setRound] = useState(0);

  async function onSubmit() {
    const problems: FieldErrors = {};
    if (!v.company) problems.companyId = copyMessage('choose');
    const input = checkInput(
      form,
      jurisdictionInputSchema,
      { companyId: v.company?.id ?? 1, startDate: v.startDate || null, endDate: v.endDate || null, basis: v.basis.trim() || null },
      problems,
    );
    if (!input) return;
    await submit(
      () => addJurisdiction(unit.id, input),
      (added) => {
        setValues(empty);
        setRound((r) => r + 1);
        onAdded(added);
      },
    );
  }

  const labels = { companyId: t('criteriaData.company'), startDate: t('criteriaData.startDate'), endDate: t('criteriaData.endDate'), basis: t('criteriaData.jurisdictions.basis') };
  return (
    <RecordForm
      name="jurisdiction"
      level={4}
      heading={t('criteriaData.jurisdictions.addHeading', { unit: unit.name })}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="mt-6 max-w-3xl"
    >
      <CompanyPicker
        key={round}
        id={form.id('companyId')}
        testId="jurisdiction-company"
        required
        error={form.error('companyId')}
        selected={v.company}
        onSelect={(c) => set('company', c, 'companyId')}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{t('criteriaData.jurisdictions.period')}</legend>
        <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('criteriaData.jurisdictions.periodHint')}</p>
        <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
          <TextField {...bind('startDate')} type="date" label={labels.startDate} required={false} />
          <TextField {...bind('endDate')} type="date" label={labels.endDate} required={false} />
        </div>
      </fieldset>
      <TextField {...bind('basis')} label={labels.basis} hint={t('criteriaData.jurisdictions.basisHint')} required={false} maxLength={200} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('criteriaData.register')}
        </Button>
      </div>
    </RecordForm>
  );
}
