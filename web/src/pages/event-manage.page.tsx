import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { LoadedList, useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { AttendanceTable } from '../modules/events/attendance-table.tsx';
import { ContactsPanel } from '../modules/events/contacts-panel.tsx';
import { EventForm } from '../modules/events/event-form.tsx';
import { deleteSession, updateSessionCapacity, useEvent, useEventContacts, useEventFigures, useEventRegistrations, type InfoEvent } from '../modules/events/events.api.ts';
import { FiguresPanel } from '../modules/events/figures-panel.tsx';
import { eventTitle, SessionsTable } from '../modules/events/labels.tsx';
import { MinistriesEditor } from '../modules/events/ministries-editor.tsx';
import { SessionForm } from '../modules/events/session-form.tsx';
import { Alert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { useState } from 'react';

/** One event for its organisers: figures, content, sessions, ministries, registrations with attendance, contacts after the event. */
export function EventManagePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const location = useLocation();
  const state = useEvent(id);
  const e = state.data;
  const eventId = e?.id ?? null;
  const figures = useEventFigures(eventId);
  const registrations = useEventRegistrations(eventId);
  const contacts = useEventContacts(eventId);
  usePageTitle(e ? t('events.manage.eventTitle', { title: eventTitle(e, lang) }) : t('events.manage.title'));
  const outcome = useOutcome();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const reloadAll = () => {
    state.reload();
    figures.reload();
    registrations.reload();
    contacts.reload();
  };
  const done = (key: string) => {
    outcome.show({ ok: (t) => t(key) });
    reloadAll();
  };
  return (
    <>
      <p className="mb-4">
        <Link to="/events/manage">{t('events.manage.back')}</Link>
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {e ? (
        <>
          <PageHeading title={t('events.manage.eventTitle', { title: eventTitle(e, lang) })}>
            <p className="mt-3">
              <Link to={`/events/${e.id}`}>{t('events.manage.publicPage')}</Link>
            </p>
          </PageHeading>
          {created ? (
            <Alert tone="success" live="polite" className="mb-6">
              {t('events.manage.created')}
            </Alert>
          ) : null}
          {outcome.view('manage-outcome')}
          <section aria-labelledby="figures-heading">
            <SectionHeading id="figures-heading" className="mt-0">
              {t('events.figures.heading')}
            </SectionHeading>
            <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('events.figures.lead')}</p>
            {figures.error ? <ErrorAlert error={figures.error} title={t('errors.loadFailed')} onRetry={figures.reload} /> : null}
            {figures.data ? <FiguresPanel figures={figures.data} /> : <Loading />}
          </section>
          <section aria-labelledby="content-heading">
            <SectionHeading id="content-heading">{t('events.manage.contentHeading')}</SectionHeading>
            <EventForm key={`${e.id}-${e.status}-${e.replayUntil}`} event={e} onSaved={() => done('events.manage.saved')} />
          </section>
          <section aria-labelledby="sessions-heading">
            <SectionHeading id="sessions-heading">{t('events.sessions.heading')}</SectionHeading>
            <SessionsTable event={e} withProgramme testId="manage-sessions" />
            <SessionActions event={e} onDone={done} onError={(err) => outcome.show({ error: err })} />
            <div className="mt-8">
              <SessionForm event={e} onAdded={() => done('events.sessionForm.added')} />
            </div>
          </section>
          <section aria-labelledby="ministries-heading">
            <SectionHeading id="ministries-heading">{t('events.ministries.heading')}</SectionHeading>
            <MinistriesEditor key={e.ministries.map((m) => `${m.organisationId}${m.participation}`).join()} event={e} onSaved={() => done('events.ministriesEditor.saved')} onError={(err) => outcome.show({ error: err })} />
          </section>
          <section aria-labelledby="registrations-heading">
            <SectionHeading id="registrations-heading">{t('events.attendance.heading')}</SectionHeading>
            <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('events.attendance.lead')}</p>
            <LoadedList state={registrations} count={registrations.data?.items.length ?? 0} empty={t('events.attendance.none')}>
              {() => (
                <AttendanceTable
                  key={registrations.data!.items.map((r) => `${r.id}:${r.attendedCount}:${r.status}`).join()}
                  eventId={e.id}
                  items={registrations.data!.items}
                  onSaved={() => done('events.attendance.saved')}
                  onError={(err) => outcome.show({ error: err })}
                />
              )}
            </LoadedList>
          </section>
          <section aria-labelledby="contacts-heading">
            <SectionHeading id="contacts-heading">{t('events.contacts.heading')}</SectionHeading>
            <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('events.contacts.lead')}</p>
            {contacts.error ? <ErrorAlert error={contacts.error} title={t('errors.loadFailed')} onRetry={contacts.reload} /> : null}
            {contacts.data && registrations.data ? (
              <ContactsPanel
                event={e}
                contacts={contacts.data.items}
                registrations={registrations.data.items}
                onChanged={(m) => done(m === 'added' ? 'events.contacts.added' : 'events.contacts.updated')}
                onError={(err) => outcome.show({ error: err })}
              />
            ) : (
              <Loading />
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

/** Per session: change the capacity, or delete a session nobody has registered for. */
function SessionActions({ event, onDone, onError }: { event: InfoEvent; onDone: (key: string) => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [capacity, setCapacity] = useState<Record<number, string>>({});
  if (!event.sessions.length) return null;
  return (
    <ul className="mt-4 flex flex-col gap-3" aria-label={t('events.sessionActions.label')}>
      {event.sessions.map((s) => (
        <li key={s.id} className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`capacity-${s.id}`} className="text-dns-16B-130">
              {t('events.sessionActions.capacityOf', { place: s.place })}
            </label>
            <input
              id={`capacity-${s.id}`}
              inputMode="numeric"
              maxLength={6}
              className="w-28 rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-right text-std-16N-170 tabular-nums"
              value={capacity[s.id] ?? String(s.capacity)}
              onChange={(e) => setCapacity((c) => ({ ...c, [s.id]: e.target.value }))}
            />
          </div>
          <Button
            size="sm"
            variant="secondary"
            aria-label={t('events.sessionActions.saveLabel', { place: s.place })}
            onClick={() =>
              void updateSessionCapacity(event.id, s.id, Number((capacity[s.id] ?? String(s.capacity)).normalize('NFKC'))).then(
                () => onDone('events.sessionActions.saved'),
                (err: unknown) => onError(err),
              )
            }
          >
            {t('common.save')}
          </Button>
          <ConfirmAction
            label={t('events.sessionActions.delete')}
            question={t('events.sessionActions.confirmDelete')}
            confirm={t('events.sessionActions.confirmDeleteYes')}
            ariaLabel={t('events.sessionActions.deleteLabel', { place: s.place })}
            questionTone="error"
            onConfirm={() => deleteSession(event.id, s.id).then(() => onDone('events.sessionActions.deleted'), (err: unknown) => onError(err))}
          />
        </li>
      ))}
    </ul>
  );
}
