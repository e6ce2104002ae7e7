import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createCaseSchema } from '../../../../common/src/schemas/exchanges.schema.ts';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { CompanyDetail } from '../companies/companies.api.ts';
import { CompanyPicker, companyDivisions, CurrentPostNote, defaultPeriod, DivisionSelect, type Division } from '../criteria/plan-fields.tsx';
import { personLabel, searchPeople } from '../criteria/record-search.ts';
import { SearchPicker, type Picked } from '../criteria/search-picker.tsx';
import { UnitSelect } from '../criteria/unit-select.tsx';
import { fullReading, type Person, type PersonDetail, type Post } from '../people/people.api.ts';
import { createCase, type CaseDetail } from './exchanges.api.ts';

type Values = {
  direction: 'dispatch' | 'hire';
  hireType: '' | 'continued' | 'resigned';
  person: Picked | null;
  organisationId: string;
  unitId: string;
  postTitle: string;
  company: Picked | null;
  divisionId: string;
  plannedStart: string;
  plannedEnd: string;
};

const fieldOrder = ['direction', 'hireType', 'personId', 'unitId', 'postTitle', 'companyId', 'divisionId', 'plannedStart', 'plannedEnd'] as const;
const P = 'case.';
const fid = (f: string) => fieldIdOf(`${P}${f}`);

/** 交流案件の作成: opens a case in consultation (協議中). The server's field errors come back next to their fields. */
export function NewCaseForm({ onCreated }: { onCreated: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const ownOrg = account?.role === 'ministry_hr' ? account.organisationId : null;
  const [v, setV] = useState<Values>(() => ({
    direction: 'dispatch',
    hireType: '',
    person: null,
    organisationId: ownOrg != null ? String(ownOrg) : '',
    unitId: '',
    postTitle: '',
    company: null,
    divisionId: '',
    ...defaultPeriod(),
  }));
  const [currentPost, setCurrentPost] = useState<Post | null>(null);
  const [divisions, setDivisions] = useState<Division[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const clearError = (f: string) => setErrors((e) => (`${P}${f}` in e ? Object.fromEntries(Object.entries(e).filter(([p]) => p !== `${P}${f}`)) : e));
  const set = <K extends keyof Values>(k: K, value: Values[K], field?: string) => {
    setV((d) => ({ ...d, [k]: value }));
    if (field) clearError(field);
  };
  const hire = v.direction === 'hire';
  // A ministry does not see a company's people: on a hire the company names its employee on the case.
  const companyNames = hire && account?.role === 'ministry_hr';

  async function loadDivisions(companyId: number) {
    setDivisions(await companyDivisions(companyId));
  }

  // Picking the official fills in the unit of their current post (dispatch); an employee, their company (hire).
  async function onPickPerson(p: Person | null) {
    set('person', p ? { id: p.id, label: personLabel(p) } : null, 'personId');
    setCurrentPost(null);
    if (!p) return;
    try {
      const detail = await api.get<PersonDetail>(`/api/people/${p.id}`);
      const current = detail.posts.filter((x) => x.endDate === null).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
      if (current && detail.kind === 'official') {
        setCurrentPost(current);
        if (v.direction === 'dispatch' && detail.organisationId != null && (ownOrg == null || ownOrg === detail.organisationId)) {
          setV((d) => ({ ...d, organisationId: String(detail.organisationId), unitId: String(current.unitId), postTitle: d.postTitle || pick(lang, current.postTitleJa, current.postTitleEn) }));
          clearError('unitId');
        }
      }
      if (detail.kind === 'employee' && detail.companyId != null && v.direction === 'hire' && !v.company) {
        const company = await api.get<CompanyDetail>(`/api/companies/${detail.companyId}`);
        setV((d) => ({ ...d, company: { id: company.id, label: company.name }, divisionId: '' }));
        clearError('companyId');
        setDivisions(company.divisions);
      }
    } catch {
      // A convenience only: the fields can be chosen by hand.
    }
  }

  function fail(next: FieldErrors, err: ApiError | null) {
    setErrors(next);
    setFormError(err);
    setAttempt((a) => a + 1);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (hire && !v.hireType) problems.hireType = copyMessage('choose');
    if (!v.organisationId && ownOrg == null) problems.unitId = copyMessage('choose');
    else if (!v.unitId) problems.unitId = copyMessage('choose');
    if (!v.company) problems.companyId = copyMessage('choose');
    const body = {
      direction: v.direction,
      ...(hire && v.hireType ? { hireType: v.hireType } : {}),
      unitId: Number(v.unitId) || 0,
      postTitle: v.postTitle,
      companyId: v.company?.id ?? 0,
      ...(v.divisionId ? { divisionId: Number(v.divisionId) } : {}),
      ...(v.person && !companyNames ? { personId: v.person.id } : {}),
      plannedStart: v.plannedStart,
      plannedEnd: v.plannedEnd,
    };
    const checked = validate(createCaseSchema, body);
    if (!checked.ok) for (const [k, m] of Object.entries(checked.errors)) problems[k] ??= m;
    if (Object.keys(problems).length) return fail(Object.fromEntries(Object.entries(problems).map(([k, m]) => [`${P}${k}`, m])), null);
    setBusy(true);
    try {
      const created = await createCase(checked.ok ? checked.value : (body as never));
      onCreated(created);
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      fail(Object.fromEntries(Object.entries(fieldErrorsFrom(apiErr)).map(([k, m]) => [`${P}${k}`, m])), apiErr);
    } finally {
      setBusy(false);
    }
  }

  const labels: Record<(typeof fieldOrder)[number], string> = {
    direction: t('exchangeCases.fields.direction'),
    hireType: t('exchangeCases.fields.hireType'),
    personId: t('exchangeCases.fields.person'),
    unitId: t('exchangeCases.fields.unit'),
    postTitle: t('exchangeCases.fields.postTitle'),
    companyId: t('exchangeCases.fields.company'),
    divisionId: t('exchangeCases.fields.division'),
    plannedStart: t('exchangeCases.fields.plannedStart'),
    plannedEnd: t('exchangeCases.fields.plannedEnd'),
  };
  const items = summaryItems(
    errors,
    lang,
    fieldOrder.map((f) => ({ path: `${P}${f}`, label: labels[f] })),
    (label, message) => t('errorSummary.item', { label, message }),
  );
  const err = (f: string) => errors[`${P}${f}`]?.[lang];

  return (
    <>
      {formError && items.length === 0 ? <ErrorAlert error={formError} title={t('exchangeCases.create.failed')} /> : null}
      <ErrorSummary items={items} title={formError && items.length > 0 ? formError.messages[lang] : undefined} focusKey={attempt} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="new-case-form-heading" className="flex max-w-4xl flex-col gap-6" data-testid="new-case-form">
        <h2 id="new-case-form-heading" className="text-std-24B-150 text-solid-gray-900">
          {t('exchangeCases.create.formHeading')}
        </h2>

        <fieldset id={fid('direction')} className="flex flex-col gap-2">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">
            {labels.direction}
            <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
          </legend>
          {(['dispatch', 'hire'] as const).map((d) => (
            <label key={d} className="flex cursor-pointer items-start gap-3">
              <input
                type="radio"
                name="case-direction"
                value={d}
                data-testid={`direction-${d}`}
                className="mt-1.5 size-5 shrink-0 accent-blue-900"
                checked={v.direction === d}
                aria-describedby={`case-direction-${d}-hint`}
                onChange={() => {
                  setV((x) => ({ ...x, direction: d, hireType: d === 'dispatch' ? '' : x.hireType }));
                  clearError('hireType');
                }}
              />
              <span className="flex flex-col">
                <span className="text-std-16B-170">{t(`exchangeCases.direction.${d}`)}</span>
                <span id={`case-direction-${d}-hint`} className="text-dns-14N-130 leading-150 text-solid-gray-700">
                  {t(`criteria.check.directionHint.${d}`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        {hire ? (
          <fieldset id={fid('hireType')} className="flex flex-col gap-2" aria-describedby={err('hireType') ? `${fid('hireType')}-error` : undefined}>
            <legend className="mb-2 text-std-17B-170 text-solid-gray-900">
              {labels.hireType}
              <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
            </legend>
            {err('hireType') ? (
              <p id={`${fid('hireType')}-error`} className="text-dns-16N-130 text-error-2">
                <span aria-hidden="true">＊</span>
                {err('hireType')}
              </p>
            ) : null}
            {(['continued', 'resigned'] as const).map((h) => (
              <label key={h} className="flex cursor-pointer items-start gap-3">
                <input
                  type="radio"
                  name="case-hireType"
                  value={h}
                  data-testid={`hireType-${h}`}
                  className="mt-1.5 size-5 shrink-0 accent-blue-900"
                  checked={v.hireType === h}
                  aria-describedby={`case-hireType-${h}-hint`}
                  onChange={() => set('hireType', h, 'hireType')}
                />
                <span className="flex flex-col">
                  <span className="text-std-16B-170">{t(`exchangeCases.hireType.${h}`)}</span>
                  <span id={`case-hireType-${h}-hint`} className="text-dns-14N-130 leading-150 text-solid-gray-700">
                    {t(`exchangeCases.hireTypeHint.${h}`)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}

        {companyNames ? (
          <div id={fid('personId')} tabIndex={-1} className="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="person-named-by-company">
            <p className="text-std-17B-170 text-solid-gray-900">{labels.personId}</p>
            <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('exchangeCases.namePerson.createNote')}</p>
          </div>
        ) : (
          <SearchPicker<Person>
            id={fid('personId')}
            testId="pick-person"
            legend={labels.personId}
            hint={t(hire ? 'exchangeCases.create.personHintHire' : 'exchangeCases.create.personHintDispatch')}
            searchLabel={t('criteria.check.personSearch')}
            searchHint={t('criteria.check.personSearchHint')}
            required={false}
            error={err('personId')}
            selected={v.person}
            onSelect={(p) => void onPickPerson(p)}
            search={async (q) => {
              const r = await searchPeople(q);
              const kind = hire ? 'employee' : 'official';
              const items = r.items.filter((p) => p.kind === kind);
              return { items, total: items.length === r.items.length ? r.total : items.length };
            }}
            itemLabel={personLabel}
            itemDetail={(p) => [fullReading(p), t(`people.kind.${p.kind}`)].filter(Boolean).join('・')}
          />
        )}
        {currentPost && !companyNames ? <CurrentPostNote post={currentPost} /> : null}

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t(hire ? 'criteria.check.unitLegendHire' : 'criteria.check.unitLegendDispatch')}</legend>
          <UnitSelect
            idPrefix={fieldIdOf(P)}
            organisationId={v.organisationId}
            unitId={v.unitId}
            onlyOrganisationId={ownOrg}
            required
            organisationHint={t(ownOrg != null ? 'criteria.check.organisationHintOwn' : 'criteria.check.organisationHint')}
            unitHint={t(hire ? 'criteria.check.unitHintHire' : 'criteria.check.unitHintDispatch')}
            unitError={err('unitId')}
            onChange={({ organisationId, unitId }) => {
              set('organisationId', organisationId);
              set('unitId', unitId, 'unitId');
            }}
          />
          <TextField
            id={fid('postTitle')}
            label={labels.postTitle}
            hint={t(hire ? 'exchangeCases.create.postTitleHintHire' : 'exchangeCases.create.postTitleHintDispatch')}
            required
            maxLength={200}
            className="max-w-xl"
            value={v.postTitle}
            error={err('postTitle')}
            onChange={(e) => set('postTitle', e.target.value, 'postTitle')}
          />
        </fieldset>

        <CompanyPicker
          id={fid('companyId')}
          legend={labels.companyId}
          error={err('companyId')}
          selected={v.company}
          onSelect={(c) => {
            set('company', c ? { id: c.id, label: c.name } : null, 'companyId');
            set('divisionId', '');
            setDivisions([]);
            if (c) void loadDivisions(c.id);
          }}
        />

        <DivisionSelect
          id={fid('divisionId')}
          label={labels.divisionId}
          hint={t(hire ? 'exchangeCases.create.divisionHintHire' : 'exchangeCases.create.divisionHintDispatch')}
          hasCompany={!!v.company}
          divisions={divisions}
          value={v.divisionId}
          error={err('divisionId')}
          onChange={(d) => set('divisionId', d, 'divisionId')}
        />

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('exchangeCases.fields.period')}</legend>
          <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('exchangeCases.create.periodHint')}</p>
          <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
            <TextField id={fid('plannedStart')} type="date" label={labels.plannedStart} required value={v.plannedStart} error={err('plannedStart')} onChange={(e) => set('plannedStart', e.target.value, 'plannedStart')} />
            <TextField id={fid('plannedEnd')} type="date" label={labels.plannedEnd} required value={v.plannedEnd} error={err('plannedEnd')} onChange={(e) => set('plannedEnd', e.target.value, 'plannedEnd')} />
          </div>
        </fieldset>

        <div>
          <Button type="submit" size="lg" data-testid="new-case-submit" disabled={busy}>
            {busy ? t('exchangeCases.create.submitting') : t('exchangeCases.create.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
