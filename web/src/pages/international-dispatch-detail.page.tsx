// 派遣の詳細 (issue 8 items 1–2): the facts, the 5-year checks, activation (refused with the rule's
// message until NPA agrees the consultation), consultations (file / answer), renewals, end.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { AnswerForm, errorText, FileConsultationForm } from '../modules/international/consultation-forms.tsx';
import { intlApi, mayIntl, useDispatch } from '../modules/international/international.api.ts';
import { AnswerBadge, hostNameOf, Loaded, StatusBadge, useIntlLabels } from '../modules/international/intl-ui.tsx';
import { Alert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { DescriptionList, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';
import type { IntlDispatchDetail } from '../../../common/src/schemas/international-api.schema.ts';

export function InternationalDispatchDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('international.detail.title'));
  const state = useDispatch(id);
  return (
    <Loaded state={state}>
      {(d) => <DispatchView d={d} reload={state.reload} />}
    </Loaded>
  );
}

function DispatchView({ d, reload }: { d: IntlDispatchDetail; reload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const role = account?.role;
  const location = useLocation();
  const created = (location.state as { flash?: string } | null)?.flash === 'created';
  const { regionName, outcomeName } = useIntlLabels();
  const [refusal, setRefusal] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const total = (c: IntlDispatchDetail['checks'][number]) =>
    t('international.detail.duration', { y: c.total.years, m: c.total.months, d: c.total.days });
  const stepLabel = (s: 'initial' | number) => (s === 'initial' ? t('international.consultation.stepInitial') : t('international.consultation.stepRenewal', { n: s + 1 }));
  const mayRegister = mayIntl.register(role) || mayIntl.manage(role);
  const pendingNeeded = d.checks.some((c) => c.consultationRequired && !c.consulted);

  const activate = async () => {
    setBusy(true);
    setRefusal(undefined);
    setNotice(undefined);
    try {
      await intlApi.activate(d.id, d.version);
      setNotice(t('international.detail.activated'));
      reload();
    } catch (e) {
      setRefusal(errorText(e, lang, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('international.detail.heading', { name: d.person.name })} lead={hostNameOf(d, lang)}>
        <p className="mt-3">
          <Link to="/international/dispatches" className="text-blue-1000 underline">
            {t('international.detail.back')}
          </Link>
        </p>
      </PageHeading>
      {created ? (
        <Alert tone="success" className="mb-6" live="polite">
          {t('international.detail.created')}
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" className="mb-6" live="polite" testId="dispatch-notice">
          {notice}
        </Alert>
      ) : null}

      <DescriptionList
        items={[
          { term: t('international.dispatch.status'), value: <span data-testid="dispatch-state"><StatusBadge status={d.state} /></span> },
          { term: t('international.dispatch.ministry'), value: d.sendingOrganisation.name[lang] },
          { term: t('international.dispatch.host'), value: hostNameOf(d, lang) },
          { term: t('international.dispatch.hostType'), value: t(`international.hostType.${d.hostType}`) },
          { term: t('international.dispatch.region'), value: regionName(d.region) },
          { term: t('international.dispatch.post'), value: d.post ?? t('common.notSet') },
          { term: t('international.dispatch.start'), value: d.start },
          { term: t('international.dispatch.plannedEnd'), value: d.plannedEnd },
          { term: t('international.dispatch.currentPlannedEnd'), value: d.currentPlannedEnd },
          { term: t('international.dispatch.actualEnd'), value: d.actualEnd ?? t('common.notSet') },
          { term: t('international.dispatch.outcome'), value: d.outcome ? outcomeName(d.outcome) : t('common.notSet') },
          { term: t('international.dispatch.consent'), value: d.consentRecordedOn ? t('international.detail.consentOn', { date: d.consentRecordedOn }) : t('international.detail.noConsent') },
          { term: t('international.detail.crossesOn'), value: d.crossesOn },
        ]}
      />

      <section aria-labelledby="checks-heading">
        <SectionHeading id="checks-heading">{t('international.detail.checks')}</SectionHeading>
        <p className="mb-4 max-w-4xl">{t('international.detail.checksLead')}</p>
        <Table caption={t('international.detail.checksCaption')} testId="five-year-checks">
          <thead>
            <tr>
              <Th>{t('international.consultation.step')}</Th>
              <Th>{t('international.detail.periodStart')}</Th>
              <Th>{t('international.detail.lastDayWithin')}</Th>
              <Th>{t('international.dispatch.plannedEnd')}</Th>
              <Th>{t('international.detail.total')}</Th>
              <Th>{t('international.dispatch.fiveYears')}</Th>
            </tr>
          </thead>
          <tbody>
            {d.checks.map((c) => (
              <Tr key={String(c.step)}>
                <Th scope="row" className="text-left">
                  {stepLabel(c.step)}
                </Th>
                <Td>{c.periodStart}</Td>
                <Td>{c.lastDayWithin}</Td>
                <Td>{c.plannedEnd}</Td>
                <Td>{total(c)}</Td>
                <Td>
                  {!c.consultationRequired
                    ? t('international.dispatch.within')
                    : c.consulted
                      ? t('international.dispatch.consulted')
                      : t('international.dispatch.needsConsultation')}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </section>

      {d.state === 'draft' ? (
        <section aria-labelledby="activate-heading">
          <SectionHeading id="activate-heading">{t('international.detail.activateHeading')}</SectionHeading>
          {d.blockers.length && !refusal ? (
            <Alert tone="warning" title={t('international.detail.blockersTitle')} className="mb-4" testId="blockers">
              <ul className="list-disc pl-5">
                {d.blockers.map((b, i) => (
                  <li key={i}>{b.message[lang]}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {refusal ? (
            <Alert tone="error" title={t('international.detail.refused')} live="assertive" className="mb-4" testId="activation-refused">
              {refusal}
            </Alert>
          ) : null}
          {mayRegister ? (
            <div className="flex flex-wrap gap-3">
              <Button onClick={() => void activate()} disabled={busy} data-testid="activate">
                {t('international.detail.activate')}
              </Button>
              <Button
                variant="tertiary"
                disabled={busy}
                onClick={() => {
                  void intlApi.cancel(d.id, d.version).then(reload, (e: unknown) => setRefusal(errorText(e, lang, t('errors.unexpected'))));
                }}
              >
                {t('international.detail.cancel')}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="consultations-heading">
        <SectionHeading id="consultations-heading">{t('international.consultations.title')}</SectionHeading>
        {d.consultations.length === 0 ? (
          <p className="mb-4">{t('international.detail.noConsultations')}</p>
        ) : (
          <ul className="mb-6 flex flex-col gap-4" data-testid="dispatch-consultations">
            {d.consultations.map((c) => (
              <li key={c.id} className="rounded-8 border border-solid-gray-420 p-4">
                <p className="flex flex-wrap items-center gap-3">
                  <AnswerBadge answer={c.answer} />
                  <span>{stepLabel(c.step)}</span>
                  <span>{t('international.consultation.filedOn', { date: c.filedOn })}</span>
                  {c.answeredOn ? <span>{t('international.consultation.answeredOn', { date: c.answeredOn })}</span> : null}
                </p>
                <p className="mt-2 whitespace-pre-wrap">{c.reason}</p>
                {c.note ? <p className="mt-2 text-solid-gray-700">{t('international.consultation.noteShown', { note: c.note })}</p> : null}
                {c.answer === 'pending' && mayIntl.manage(role) ? (
                  <div className="mt-3">
                    <AnswerForm consultation={c} onDone={reload} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {mayIntl.register(role) && pendingNeeded && !d.consultations.some((c) => c.answer === 'pending') && (d.state === 'draft' || d.state === 'active') ? (
          <>
            <h3 className="mb-3 text-std-20B-150">{t('international.consultation.fileHeading')}</h3>
            <FileConsultationForm dispatch={d} onDone={reload} />
          </>
        ) : null}
      </section>

      {d.state === 'active' && mayRegister ? (
        <>
          <RenewalForm d={d} onDone={reload} />
          <EndForm d={d} onDone={reload} />
        </>
      ) : null}

      {d.renewals.length ? (
        <section aria-labelledby="renewals-heading">
          <SectionHeading id="renewals-heading">{t('international.detail.renewals')}</SectionHeading>
          <Table caption={t('international.detail.renewals')}>
            <thead>
              <tr>
                <Th>{t('international.detail.renewalNo')}</Th>
                <Th>{t('international.dispatch.plannedEnd')}</Th>
                <Th>{t('international.detail.decidedOn')}</Th>
              </tr>
            </thead>
            <tbody>
              {d.renewals.map((r) => (
                <Tr key={r.seq}>
                  <Th scope="row" className="text-left">
                    {t('international.consultation.stepRenewal', { n: r.seq + 1 })}
                  </Th>
                  <Td>{r.plannedEnd}</Td>
                  <Td>{r.decidedOn ?? t('common.notSet')}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
    </>
  );
}

function RenewalForm({ d, onDone }: { d: IntlDispatchDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const role = account?.role;
  const lang = useLang();
  const [plannedEnd, setPlannedEnd] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [error, setError] = useState<string>();
  const [blocked, setBlocked] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!plannedEnd) return setError(t('international.form.requiredField'));
    try {
      await intlApi.renew(d.id, { version: d.version, plannedEnd, decidedOn: decidedOn || null });
      setError(undefined);
      setBlocked(false);
      onDone();
    } catch (e2) {
      setError(errorText(e2, lang, t('errors.unexpected')));
      setBlocked(isApiError(e2) && e2.status === 422);
    }
  };
  const pending = d.consultations.some((c) => c.answer === 'pending' && c.step === d.renewals.length);
  return (
    <section aria-labelledby="renew-heading">
      <SectionHeading id="renew-heading">{t('international.detail.renewHeading')}</SectionHeading>
      <form onSubmit={submit} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2">
        <TextField id="renew-end" type="date" label={t('international.detail.newPlannedEnd')} required error={error} value={plannedEnd} onChange={(e) => setPlannedEnd(e.target.value)} />
        <TextField id="renew-decided" type="date" label={t('international.detail.decidedOn')} required={false} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
        <div>
          <Button type="submit">{t('international.detail.renew')}</Button>
        </div>
      </form>
      {blocked && !pending && mayIntl.register(role) ? (
        <div className="mt-6">
          <h3 className="mb-3 text-std-20B-150">{t('international.consultation.fileForRenewal', { date: plannedEnd })}</h3>
          <FileConsultationForm dispatch={d} renewal={{ plannedEnd }} onDone={() => { setBlocked(false); setError(undefined); onDone(); }} />
        </div>
      ) : null}
    </section>
  );
}

function EndForm({ d, onDone }: { d: IntlDispatchDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { ref } = useIntlLabels();
  const [actualEnd, setActualEnd] = useState('');
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actualEnd || !outcome) return setError(t('international.form.requiredField'));
    try {
      await intlApi.end(d.id, { version: d.version, actualEnd, outcome });
      setError(undefined);
      onDone();
    } catch (e2) {
      setError(errorText(e2, lang, t('errors.unexpected')));
    }
  };
  return (
    <section aria-labelledby="end-heading">
      <SectionHeading id="end-heading">{t('international.detail.endHeading')}</SectionHeading>
      <form onSubmit={submit} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2">
        <TextField id="end-date" type="date" label={t('international.dispatch.actualEnd')} required error={error} value={actualEnd} onChange={(e) => setActualEnd(e.target.value)} />
        <Select id="end-outcome" label={t('international.dispatch.outcome')} required value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {(ref?.outcomes ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {o[lang]}
            </option>
          ))}
        </Select>
        <div>
          <Button type="submit">{t('international.detail.end')}</Button>
        </div>
      </form>
    </section>
  );
}
