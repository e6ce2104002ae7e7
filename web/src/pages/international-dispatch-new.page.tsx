// 派遣の登録 (issue 8 item 1): a ministry registers a dispatch of one of its officials. The server
// checks the dates, the overlap with other dispatches of the person and the host; its field errors
// are shown next to the fields and in the summary. A dispatch beyond 5 years registers as a draft
// and needs a consultation before it can be activated (the detail page says so).
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { useApiQuery } from '../api-hooks.ts';
import { copyMessage, fieldErrorsFrom, fieldIdOf, summaryItems, type FieldErrors } from '../form-errors.ts';
import { useLang } from '../i18n.ts';
import { intlApi, useHostOrganisations } from '../modules/international/international.api.ts';
import { HostTypeOptions, RegionOptions, useIntlLabels } from '../modules/international/intl-ui.tsx';
import type { PeoplePage } from '../modules/people/people.api.ts';
import { Button } from '../ui/button.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { TextField } from '../ui/text-field.tsx';

type Draft = {
  personId: string;
  hostOrganisationId: string;
  hostName: string;
  hostType: string;
  region: string;
  post: string;
  start: string;
  plannedEnd: string;
  consentRecorded: boolean;
  consentRecordedOn: string;
};
const today = () => new Date().toISOString().slice(0, 10);
const empty: Draft = { personId: '', hostOrganisationId: '', hostName: '', hostType: '', region: '', post: '', start: '', plannedEnd: '', consentRecorded: false, consentRecordedOn: '' };

export function InternationalDispatchNewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.form.title'));
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(empty);
  const [q, setQ] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formMessage, setFormMessage] = useState<string>();
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const people = useApiQuery<PeoplePage>('/api/people', { q: q.normalize('NFKC').replace(/\s+/g, '').slice(0, 100) || undefined, pageSize: 50 });
  const orgs = useHostOrganisations();
  const { regions } = useIntlLabels();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  const fields = [
    { path: 'personId', label: t('international.dispatch.person') },
    { path: 'hostOrganisationId', label: t('international.dispatch.host') },
    { path: 'hostName', label: t('international.form.hostName') },
    { path: 'hostType', label: t('international.dispatch.hostType') },
    { path: 'region', label: t('international.dispatch.region') },
    { path: 'post', label: t('international.dispatch.post') },
    { path: 'start', label: t('international.dispatch.start') },
    { path: 'plannedEnd', label: t('international.dispatch.plannedEnd') },
    { path: 'consentRecordedOn', label: t('international.dispatch.consent') },
  ];
  const err = (p: string) => errors[p]?.[lang];
  const items = summaryItems(errors, lang, fields, (label, message) => t('errorSummary.item', { label, message }), formMessage);

  const onOrg = (code: string) => {
    const o = orgs.data?.items.find((x) => String(x.id) === code);
    setD((x) => ({ ...x, hostOrganisationId: code, ...(o ? { hostType: o.hostType, region: o.region, hostName: '' } : {}) }));
  };

  const body = {
    personId: Number(d.personId),
    hostOrganisationId: d.hostOrganisationId ? Number(d.hostOrganisationId) : null,
    ...(d.hostName.trim() ? { hostName: d.hostName.trim() } : {}),
    ...(d.hostType ? { hostType: d.hostType } : {}),
    ...(d.region ? { region: d.region } : {}),
    ...(d.post.trim() ? { post: d.post.trim() } : {}),
    start: d.start,
    plannedEnd: d.plannedEnd,
    consentRecordedOn: d.consentRecorded ? d.consentRecordedOn || today() : null,
  };
  // The 5-year check as the dates are entered (a dry run on the server; nothing is stored).
  const [fiveYear, setFiveYear] = useState<string>();
  const checkKey = d.personId && d.start && d.plannedEnd && (d.hostOrganisationId || (d.hostType && d.region)) ? JSON.stringify(body) : null;
  useEffect(() => {
    if (!checkKey) return setFiveYear(undefined);
    let live = true;
    const timer = setTimeout(() => {
      intlApi.check(JSON.parse(checkKey)).then(
        (r) => {
          if (!live) return;
          const c = r.checks.find((x) => x.step === 'initial');
          setFiveYear(
            c?.consultationRequired
              ? t('international.form.beyond', { date: c.crossesOn })
              : c
                ? t('international.form.withinFive', { date: c.lastDayWithin })
                : undefined,
          );
        },
        () => live && setFiveYear(undefined),
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [checkKey, t]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    const req = copyMessage('required');
    if (!d.personId) local.personId = req;
    if (!d.hostOrganisationId && !d.hostName.trim()) local.hostOrganisationId = req;
    if (!d.hostType) local.hostType = req;
    if (!d.region) local.region = req;
    if (!d.start) local.start = req;
    if (!d.plannedEnd) local.plannedEnd = req;
    if (Object.keys(local).length) {
      setErrors(local);
      setFormMessage(undefined);
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const created = await intlApi.createDispatch(body);
      navigate(`/international/dispatches/${created.id}`, { state: { flash: 'created' } });
    } catch (e2) {
      if (isApiError(e2)) {
        setErrors(fieldErrorsFrom(e2));
        setFormMessage(e2.fields.length ? undefined : e2.messages[lang]);
      } else setFormMessage(t('errors.unexpected'));
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('international.form.title')} lead={t('international.form.lead')} />
      <ErrorSummary title={items.length ? t('errorSummary.title') : undefined} items={items} focusKey={focusKey} />
      <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-6" data-testid="dispatch-form">
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-std-20B-150">{t('international.form.official')}</legend>
          <TextField
            id="person-search"
            label={t('international.form.personSearch')}
            hint={t('international.form.personSearchHint')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
          <Select
            id={fieldIdOf('personId')}
            label={t('international.dispatch.person')}
            required
            error={err('personId')}
            value={d.personId}
            onChange={(e) => set('personId', e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {(people.data?.items ?? [])
              .filter((p) => p.kind === 'official')
              .map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.familyName} {p.givenName}
                  {p.birthDate ? `（${p.birthDate}）` : ''}
                </option>
              ))}
          </Select>
        </fieldset>

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-std-20B-150">{t('international.form.hostLegend')}</legend>
          <Select
            id={fieldIdOf('hostOrganisationId')}
            label={t('international.dispatch.host')}
            hint={t('international.form.hostHint')}
            required
            error={err('hostOrganisationId')}
            value={d.hostOrganisationId}
            onChange={(e) => onOrg(e.target.value)}
          >
            <option value="">{t('international.form.otherHost')}</option>
            {(orgs.data?.items ?? []).map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name[lang]}
              </option>
            ))}
          </Select>
          {!d.hostOrganisationId ? (
            <TextField id={fieldIdOf('hostName')} label={t('international.form.hostName')} error={err('hostName')} value={d.hostName} onChange={(e) => set('hostName', e.target.value)} maxLength={300} />
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Select id={fieldIdOf('hostType')} label={t('international.dispatch.hostType')} required error={err('hostType')} value={d.hostType} onChange={(e) => set('hostType', e.target.value)}>
              <HostTypeOptions />
            </Select>
            <Select id={fieldIdOf('region')} label={t('international.dispatch.region')} hint={t('international.form.regionHint')} required error={err('region')} value={d.region} onChange={(e) => set('region', e.target.value)}>
              <RegionOptions regions={regions} />
            </Select>
          </div>
          <TextField id={fieldIdOf('post')} label={t('international.dispatch.post')} required={false} error={err('post')} value={d.post} onChange={(e) => set('post', e.target.value)} maxLength={300} />
        </fieldset>

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-std-20B-150">{t('international.form.periodLegend')}</legend>
          <p className="text-std-16N-170 text-solid-gray-800">{t('international.form.periodHint')}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id={fieldIdOf('start')} type="date" label={t('international.dispatch.start')} required error={err('start')} value={d.start} onChange={(e) => set('start', e.target.value)} />
            <TextField id={fieldIdOf('plannedEnd')} type="date" label={t('international.dispatch.plannedEnd')} required error={err('plannedEnd')} value={d.plannedEnd} onChange={(e) => set('plannedEnd', e.target.value)} />
          </div>
          <p role="status" className="text-std-16B-170 text-solid-gray-900" data-testid="five-year-status">
            {fiveYear ?? ''}
          </p>
        </fieldset>

        <div className="flex items-start gap-3">
          <input
            id={fieldIdOf('consentRecordedOn')}
            type="checkbox"
            className="mt-1 size-5 accent-blue-900"
            checked={d.consentRecorded}
            aria-invalid={err('consentRecordedOn') ? true : undefined}
            aria-describedby={err('consentRecordedOn') ? 'consent-error' : 'consent-hint'}
            onChange={(e) => setD((x) => ({ ...x, consentRecorded: e.target.checked, consentRecordedOn: e.target.checked ? x.consentRecordedOn || today() : '' }))}
          />
          <div>
            <label htmlFor={fieldIdOf('consentRecordedOn')} className="text-std-16B-170">
              {t('international.dispatch.consent')}
            </label>
            <p id="consent-hint" className="text-dns-16N-130 text-solid-gray-700">
              {t('international.form.consentHint')}
            </p>
            {err('consentRecordedOn') ? (
              <p id="consent-error" className="text-dns-16N-130 text-error-2">
                {err('consentRecordedOn')}
              </p>
            ) : null}
          </div>
        </div>

        {d.consentRecorded ? (
          <TextField
            id="consent-date"
            type="date"
            label={t('international.form.consentDate')}
            value={d.consentRecordedOn}
            onChange={(e) => set('consentRecordedOn', e.target.value)}
            className="max-w-xs"
          />
        ) : null}

        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy} data-testid="dispatch-submit">
            {t('international.form.submit')}
          </Button>
          <Button variant="tertiary" onClick={() => navigate('/international/dispatches')}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
