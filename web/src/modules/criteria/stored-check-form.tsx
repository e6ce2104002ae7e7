import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { criteriaDate } from '../../../../common/src/schemas/criteria.schema.ts';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { useSession } from '../accounts/session.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { CompanyDetail, CompanySummary } from '../companies/companies.api.ts';
import { fullReading, type Person, type PersonDetail, type Post } from '../people/people.api.ts';
import { checkStored, type CriteriaRequest, type Decision, type StoredCheck } from './criteria.api.ts';
import { DecisionView } from './decision-view.tsx';
import { CompanyPicker, companyDivisions, CurrentPostNote, defaultPeriod, DivisionSelect, type Division } from './plan-fields.tsx';
import { personLabel, searchPeople } from './record-search.ts';
import { SearchPicker, type Picked } from './search-picker.tsx';
import { UnitSelect } from './unit-select.tsx';

type Direction = StoredCheck['direction'];

type Values = {
  direction: Direction;
  person: Picked | null;
  organisationId: string;
  unitId: string;
  company: Picked | null;
  divisionId: string;
  plannedStart: string;
  plannedEnd: string;
  extensionApprovedByNpa: boolean;
};

const fieldOrder = ['direction', 'personId', 'unitId', 'companyId', 'divisionId', 'plannedStart', 'plannedEnd'] as const;
const fieldLabelKeys: Record<(typeof fieldOrder)[number], string> = {
  direction: 'criteria.check.direction',
  personId: 'criteria.check.person',
  unitId: 'criteria.check.unit',
  companyId: 'criteria.check.company',
  divisionId: 'criteria.check.division',
  plannedStart: 'criteria.check.plannedStart',
  plannedEnd: 'criteria.check.plannedEnd',
};
const P = 'check.';
const fid = (f: string) => fieldIdOf(`${P}${f}`);

export function StoredCheckForm({ onOpenInPaste }: { onOpenInPaste?: (text: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const [v, setV] = useState<Values>(() => ({
    direction: 'dispatch',
    person: null,
    organisationId: account?.role === 'ministry_hr' && account.organisationId != null ? String(account.organisationId) : '',
    unitId: '',
    company: null,
    divisionId: '',
    ...defaultPeriod(),
    extensionApprovedByNpa: false,
  }));
  const [currentPost, setCurrentPost] = useState<Post | null>(null);
  const [divisions, setDivisions] = useState<Division[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ request: CriteriaRequest; decision: Decision } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const clearError = (path: string) => setErrors((e) => (path in e ? Object.fromEntries(Object.entries(e).filter(([p]) => p !== path)) : e));
  const set = <K extends keyof Values>(k: K, value: Values[K], errorPath?: string) => {
    setV((d) => ({ ...d, [k]: value }));
    if (errorPath) clearError(errorPath);
  };

  // Picking the official fills in their current unit (dispatch) and, for an employee, their company (hire).
  async function onPickPerson(p: Person | null) {
    set('person', p ? { id: p.id, label: personLabel(p) } : null, `${P}personId`);
    setCurrentPost(null);
    if (!p) return;
    try {
      const detail = await api.get<PersonDetail>(`/api/people/${p.id}`);
      const current = detail.posts.filter((x) => x.endDate === null).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
      if (current) {
        setCurrentPost(current);
        if (detail.organisationId != null) {
          setV((d) => (d.direction === 'dispatch' ? { ...d, organisationId: String(detail.organisationId), unitId: String(current.unitId) } : d));
          if (v.direction === 'dispatch') clearError(`${P}unitId`);
        }
      }
      if (detail.companyId != null && v.direction === 'hire' && !v.company) {
        const company = await api.get<CompanyDetail>(`/api/companies/${detail.companyId}`);
        setV((d) => ({ ...d, company: { id: company.id, label: company.name }, divisionId: '' }));
        clearError(`${P}companyId`);
        setDivisions(company.divisions);
      }
    } catch {
      // The prefill is a convenience; the fields can still be chosen by hand.
    }
  }

  async function onPickCompany(c: CompanySummary | null) {
    set('company', c ? { id: c.id, label: c.name } : null, `${P}companyId`);
    set('divisionId', '');
    setDivisions([]);
    if (!c) return;
    setDivisions(await companyDivisions(c.id));
  }

  function fail(next: FieldErrors, err: ApiError | null) {
    setErrors(next);
    setFormError(err);
    setResult(null);
    setAttempt((a) => a + 1);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (!v.person) problems[`${P}personId`] = copyMessage('choose');
    if (!v.unitId) problems[`${P}unitId`] = copyMessage('choose');
    if (!v.company) problems[`${P}companyId`] = copyMessage('choose');
    for (const k of ['plannedStart', 'plannedEnd'] as const) {
      const r = validate(criteriaDate, v[k]);
      if (!r.ok) problems[`${P}${k}`] = Object.values(r.errors)[0]!;
    }
    if (!problems[`${P}plannedStart`] && !problems[`${P}plannedEnd`] && v.plannedEnd < v.plannedStart) {
      problems[`${P}plannedEnd`] = fieldMessages['date.end_before_start'];
    }
    if (Object.keys(problems).length > 0) return fail(problems, null);
    const body: StoredCheck = {
      direction: v.direction,
      personId: v.person!.id,
      unitId: Number(v.unitId),
      companyId: v.company!.id,
      ...(v.divisionId ? { divisionId: Number(v.divisionId) } : {}),
      plannedStart: v.plannedStart,
      plannedEnd: v.plannedEnd,
      ...(v.extensionApprovedByNpa ? { extensionApprovedByNpa: true } : {}),
    };
    setBusy(true);
    try {
      const res = await checkStored(body);
      setErrors({});
      setFormError(null);
      setResult(res);
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      const fields = fieldErrorsFrom(apiErr);
      fail(Object.fromEntries(Object.entries(fields).map(([k, m]) => [`${P}${k}`, m])), apiErr);
    } finally {
      setBusy(false);
    }
  }

  const fields = fieldOrder.map((f) => ({ path: `${P}${f}`, label: t(fieldLabelKeys[f]) }));
  const items = summaryItems(errors, lang, fields, (label, message) => t('errorSummary.item', { label, message }));
  const err = (f: string) => errors[`${P}${f}`]?.[lang];
  const hire = v.direction === 'hire';

  return (
    <>
      {formError && items.length === 0 ? <ErrorAlert error={formError} title={t('criteria.check.failed')} /> : null}
      <ErrorSummary items={items} title={formError && items.length > 0 ? formError.messages[lang] : undefined} focusKey={attempt} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="stored-form-heading" className="flex flex-col gap-6" data-testid="stored-form">
        <h2 id="stored-form-heading" className="text-std-24B-150 text-solid-gray-900">
          {t('criteria.check.storedHeading')}
        </h2>
        <p className="max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteria.check.storedIntro')}</p>

        <fieldset id={fid('direction')} className="flex flex-col gap-2">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteria.check.direction')}</legend>
          {(['dispatch', 'hire'] as const).map((d) => (
            <label key={d} className="flex cursor-pointer items-start gap-3">
              <input
                type="radio"
                name="check-direction"
                value={d}
                className="mt-1.5 size-5 shrink-0 accent-blue-900"
                checked={v.direction === d}
                aria-describedby={`check-direction-${d}-hint`}
                onChange={() => set('direction', d)}
              />
              <span className="flex flex-col">
                <span className="text-std-16B-170">{t(`criteria.direction.${d}`)}</span>
                <span id={`check-direction-${d}-hint`} className="text-dns-14N-130 leading-150 text-solid-gray-700">
                  {t(`criteria.check.directionHint.${d}`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        <SearchPicker<Person>
          id={fid('personId')}
          testId="pick-person"
          legend={t('criteria.check.person')}
          hint={t(hire ? 'criteria.check.personHintHire' : 'criteria.check.personHintDispatch')}
          searchLabel={t('criteria.check.personSearch')}
          searchHint={t('criteria.check.personSearchHint')}
          required
          error={err('personId')}
          selected={v.person}
          onSelect={(p) => void onPickPerson(p)}
          search={searchPeople}
          itemLabel={personLabel}
          itemDetail={(p) => [fullReading(p), t(`people.kind.${p.kind}`)].filter(Boolean).join('・')}
        />
        {currentPost ? <CurrentPostNote post={currentPost} /> : null}

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t(hire ? 'criteria.check.unitLegendHire' : 'criteria.check.unitLegendDispatch')}</legend>
          <UnitSelect
            idPrefix={fieldIdOf(P)}
            organisationId={v.organisationId}
            unitId={v.unitId}
            onlyOrganisationId={account?.role === 'ministry_hr' ? account.organisationId : undefined}
            required
            organisationHint={t(account?.role === 'ministry_hr' ? 'criteria.check.organisationHintOwn' : 'criteria.check.organisationHint')}
            unitHint={t(hire ? 'criteria.check.unitHintHire' : 'criteria.check.unitHintDispatch')}
            unitError={err('unitId')}
            onChange={({ organisationId, unitId }) => {
              set('organisationId', organisationId);
              set('unitId', unitId, `${P}unitId`);
            }}
          />
        </fieldset>

        <CompanyPicker id={fid('companyId')} legend={t('criteria.check.company')} error={err('companyId')} selected={v.company} onSelect={(c) => void onPickCompany(c)} />

        <DivisionSelect
          id={fid('divisionId')}
          label={t('criteria.check.division')}
          hint={t('criteria.check.divisionHint')}
          hasCompany={!!v.company}
          divisions={divisions}
          value={v.divisionId}
          error={err('divisionId')}
          onChange={(d) => set('divisionId', d, `${P}divisionId`)}
        />

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteria.check.period')}</legend>
          <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
            <TextField
              id={fid('plannedStart')}
              type="date"
              label={t('criteria.check.plannedStart')}
              required
              value={v.plannedStart}
              error={err('plannedStart')}
              onChange={(e) => set('plannedStart', e.target.value, `${P}plannedStart`)}
            />
            <TextField
              id={fid('plannedEnd')}
              type="date"
              label={t('criteria.check.plannedEnd')}
              required
              value={v.plannedEnd}
              error={err('plannedEnd')}
              onChange={(e) => set('plannedEnd', e.target.value, `${P}plannedEnd`)}
            />
          </div>
          <label className="flex max-w-3xl cursor-pointer items-start gap-3">
            <input
              id={fid('extensionApprovedByNpa')}
              type="checkbox"
              className="mt-1.5 size-5 shrink-0 accent-blue-900"
              checked={v.extensionApprovedByNpa}
              aria-describedby="check-extension-hint"
              onChange={(e) => set('extensionApprovedByNpa', e.target.checked)}
            />
            <span className="flex flex-col">
              <span className="text-std-16B-170">{t('criteria.check.extension')}</span>
              <span id="check-extension-hint" className="text-dns-14N-130 leading-150 text-solid-gray-700">
                {t('criteria.check.extensionHint')}
              </span>
            </span>
          </label>
        </fieldset>

        <p className="text-std-16N-170 text-solid-gray-700">{t('criteria.check.auditNote')}</p>
        <div>
          <Button type="submit" size="lg" data-testid="criteria-submit" disabled={busy}>
            {busy ? t('criteria.check.submitting') : t('criteria.check.submit')}
          </Button>
        </div>
      </form>

      {result ? (
        <>
          <DecisionView decision={result.decision} headingRef={resultHeading} />
          <details className="mt-8 rounded-8 border border-solid-gray-420">
            <summary className="cursor-pointer px-4 py-3 text-std-16B-170 text-blue-900 underline">{t('criteria.result.gatheredRequest')}</summary>
            <div className="border-t border-solid-gray-420 px-4 py-3">
              <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('criteria.result.gatheredRequestNote')}</p>
              {onOpenInPaste ? (
                <Button variant="secondary" size="sm" className="mb-3" onClick={() => onOpenInPaste(JSON.stringify(result.request, null, 2))}>
                  {t('criteria.result.openInPaste')}
                </Button>
              ) : null}
              <pre className="max-h-96 overflow-auto rounded-6 bg-solid-gray-50 p-3 font-mono text-dns-14N-130 leading-150 whitespace-pre-wrap break-all" tabIndex={0}>
                {JSON.stringify(result.request, null, 2)}
              </pre>
            </div>
          </details>
        </>
      ) : null}
    </>
  );
}
