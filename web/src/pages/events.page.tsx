import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { cancelRegistration, eventManagerRoles, usePublicEvents, useOwnRegistrations, type When } from '../modules/events/events.api.ts';
import { EventStatusBadge, eventTitle, replayPeriod, SessionsTable } from '../modules/events/labels.tsx';
import { OwnRegistrations } from '../modules/events/own-registrations.tsx';
import { cx } from '../ui/cx.ts';
import { Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';

/** 説明会: upcoming (or past) information sessions with their seats left; company HR sees its own registrations. */
export function EventsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('events.title'));
  const { account } = useSession();
  const [params] = useSearchParams();
  const when: When = params.get('when') === 'past' ? 'past' : 'upcoming';
  const list = usePublicEvents(when);
  const isCompany = account?.role === 'company_hr';
  const own = useOwnRegistrations(isCompany);
  const outcome = useOutcome();
  const isManager = account ? eventManagerRoles.includes(account.role) : false;
  return (
    <>
      <PageHeading title={t('events.title')} lead={t('events.lead')}>
        {isManager ? (
          <p className="mt-3">
            <Link to="/events/manage">{t('events.manageLink')}</Link>
          </p>
        ) : null}
        {!account ? <p className="mt-3 max-w-4xl text-std-16N-175 text-solid-gray-800">{t('events.loginToRegister')}</p> : null}
      </PageHeading>
      <nav aria-label={t('events.whenNav')} className="mb-6 flex gap-2 border-b border-solid-gray-420">
        {(['upcoming', 'past'] as const).map((w) => (
          <Link
            key={w}
            to={w === 'upcoming' ? '/events' : '/events?when=past'}
            aria-current={when === w ? 'page' : undefined}
            className={cx('-mb-px border-b-4 px-4 py-2 text-std-16B-170 no-underline', when === w ? 'border-blue-900 text-blue-1000' : 'border-transparent text-solid-gray-800 hover:underline')}
          >
            {t(`events.when.${w}`)}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="events-list-heading" data-testid="events-list">
        <h2 id="events-list-heading" className="sr-only">
          {t(`events.when.${when}`)}
        </h2>
        {list.loading ? <Loading /> : null}
        {list.error ? <ErrorAlert error={list.error} title={t('errors.loadFailed')} onRetry={list.reload} /> : null}
        {list.data && list.data.items.length === 0 ? <p className="text-std-16N-170 text-solid-gray-700">{t(`events.empty.${when}`)}</p> : null}
        {list.data?.items.map((e) => {
          const replay = replayPeriod(e, lang, t);
          return (
            <article key={e.id} aria-labelledby={`event-${e.id}-heading`} className="mb-10">
              <h3 id={`event-${e.id}-heading`} className="mb-2 text-std-24B-150">
                <Link to={`/events/${e.id}`}>{eventTitle(e, lang)}</Link> <EventStatusBadge status={e.status} />
              </h3>
              {replay ? <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('events.replay.label')}：{replay}</p> : null}
              <SessionsTable event={e} testId={`sessions-${e.id}`} />
            </article>
          );
        })}
      </section>
      {isCompany ? (
        <section aria-labelledby="own-heading">
          <SectionHeading id="own-heading">{t('events.own.heading')}</SectionHeading>
          {outcome.view('own-outcome')}
          {own.loading ? <Loading /> : null}
          {own.error ? <ErrorAlert error={own.error} title={t('errors.loadFailed')} onRetry={own.reload} /> : null}
          {own.data ? (
            <OwnRegistrations
              items={own.data.items}
              showEvent
              onCancel={(r) =>
                outcome.run(
                  () => cancelRegistration(r.id),
                  (t) => t('events.own.cancelled'),
                  () => {
                    own.reload();
                    list.reload();
                  },
                )
              }
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
