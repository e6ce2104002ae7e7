import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { cancelRegistration, eventManagerRoles, useEvent, useOwnRegistrations } from '../modules/events/events.api.ts';
import { EventStatusBadge, eventTitle, MinistriesList, replayPeriod, SessionsTable } from '../modules/events/labels.tsx';
import { OwnRegistrations } from '../modules/events/own-registrations.tsx';
import { RegistrationForm } from '../modules/events/registration-form.tsx';
import { Alert } from '../ui/alert.tsx';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';

/** One information session: sessions with seats left and programme, the replay period, the ministries taking part; company HR registers here. */
export function EventDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const { account } = useSession();
  const state = useEvent(id);
  const e = state.data;
  usePageTitle(e ? eventTitle(e, lang) : t('events.title'));
  const isCompany = account?.role === 'company_hr';
  const own = useOwnRegistrations(isCompany);
  const outcome = useOutcome();
  const mine = e && own.data ? own.data.items.filter((r) => r.eventId === e.id) : [];
  const canRegister = e ? e.sessions.some((s) => s.open) || e.replayOpen : false;
  const reload = () => {
    state.reload();
    own.reload();
  };
  return (
    <>
      <p className="mb-4">
        <Link to="/events">{t('events.back')}</Link>
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {e ? (
        <>
          <PageHeading title={eventTitle(e, lang)}>
            <p className="mt-3 max-w-4xl text-std-16N-175 whitespace-pre-line text-solid-gray-800">{pick(lang, e.description, e.descriptionEn)}</p>
            {account && eventManagerRoles.includes(account.role) ? (
              <p className="mt-3">
                <Link to={`/events/${e.id}/manage`}>{t('events.manageThis')}</Link>
              </p>
            ) : null}
          </PageHeading>
          <DescriptionList
            items={[
              { term: t('events.statusLabel'), value: <EventStatusBadge status={e.status} /> },
              { term: t('events.replay.label'), value: replayPeriod(e, lang, t) ?? t('events.replay.none') },
              ...(e.replayFrom ? [{ term: t('events.replay.state'), value: e.replayOpen ? t('events.replay.open') : t('events.replay.closed') }] : []),
            ]}
          />
          <section aria-labelledby="sessions-heading">
            <SectionHeading id="sessions-heading">{t('events.sessions.heading')}</SectionHeading>
            <SessionsTable event={e} withProgramme testId="event-sessions" />
          </section>
          <section aria-labelledby="ministries-heading">
            <SectionHeading id="ministries-heading">{t('events.ministries.heading')}</SectionHeading>
            <MinistriesList event={e} />
          </section>
          {isCompany ? (
            <section aria-labelledby="own-heading">
              <SectionHeading id="own-heading">{t('events.own.headingEvent')}</SectionHeading>
              {outcome.view('register-outcome')}
              {own.error ? <ErrorAlert error={own.error} title={t('errors.loadFailed')} onRetry={own.reload} /> : null}
              {own.data ? (
                <OwnRegistrations
                  items={mine}
                  showEvent={false}
                  onCancel={(r) => outcome.run(() => cancelRegistration(r.id), (t) => t('events.own.cancelled'), reload)}
                />
              ) : null}
            </section>
          ) : null}
          {isCompany && canRegister ? (
            <div className="mt-10 border-t border-solid-gray-420 pt-10">
              <RegistrationForm
                event={e}
                onAttempt={outcome.clear}
                onRegistered={() => {
                  outcome.show({ ok: (t) => t('events.register.done') });
                  reload();
                }}
              />
            </div>
          ) : null}
          {isCompany && !canRegister ? (
            <Alert tone="info" className="mt-8">
              {t('events.register.notOpen')}
            </Alert>
          ) : null}
          {!account && canRegister ? (
            <Alert tone="info" className="mt-8">
              {t('events.loginToRegister')} <Link to="/login">{t('nav.login')}</Link>
            </Alert>
          ) : null}
        </>
      ) : null}
    </>
  );
}
