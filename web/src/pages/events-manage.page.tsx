import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { LoadedList } from '../modules/criteria-data/form-kit.tsx';
import { EventForm } from '../modules/events/event-form.tsx';
import { useManagedEvents } from '../modules/events/events.api.ts';
import { EventStatusBadge, eventTitle, sessionStart } from '../modules/events/labels.tsx';
import { formatNumber } from '../ui/format.ts';
import { PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

/** 説明会の管理 (center, NPA): every event, newest first, with its figures; a new event. */
export function EventsManagePage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('events.manage.title'));
  const navigate = useNavigate();
  const list = useManagedEvents();
  const n = (v: number) => formatNumber(v, lang);
  return (
    <>
      <PageHeading title={t('events.manage.title')} lead={t('events.manage.lead')}>
        <p className="mt-3">
          <Link to="/events">{t('events.manage.publicLink')}</Link>
        </p>
      </PageHeading>
      <section aria-labelledby="managed-heading">
        <SectionHeading id="managed-heading" className="mt-0">
          {t('events.manage.listHeading')}
        </SectionHeading>
        <LoadedList state={list} count={list.data?.items.length ?? 0} empty={t('events.manage.none')}>
          {() => (
            <Table caption={t('events.manage.caption')} captionHidden testId="managed-events">
              <thead>
                <tr>
                  <Th>{t('events.manage.event')}</Th>
                  <Th>{t('events.statusLabel')}</Th>
                  <Th>{t('events.manage.firstSession')}</Th>
                  <Th className="text-right">{t('events.manage.onsite')}</Th>
                  <Th className="text-right">{t('events.manage.online')}</Th>
                  <Th className="text-right">{t('events.manage.ministries')}</Th>
                  <Th className="text-right">{t('events.manage.contacts')}</Th>
                </tr>
              </thead>
              <tbody>
                {list.data!.items.map((e) => (
                  <Tr key={e.id}>
                    <Th scope="row" className="min-w-64 font-normal">
                      <Link to={`/events/${e.id}/manage`} className="font-bold">
                        {eventTitle(e, lang)}
                      </Link>
                    </Th>
                    <Td>
                      <EventStatusBadge status={e.status} />
                    </Td>
                    <Td className="min-w-48">{e.sessions[0] ? sessionStart(e.sessions[0].startsAt, lang) : t('common.none')}</Td>
                    <Td className="min-w-40 text-right tabular-nums">
                      {t('events.manage.orgsPeople', { orgs: n(e.figures.onsite.attended.organisations), people: n(e.figures.onsite.attended.people) })}
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {t('events.manage.registeredShort', { orgs: n(e.figures.onsite.registered.organisations), people: n(e.figures.onsite.registered.people) })}
                      </span>
                    </Td>
                    <Td className="min-w-40 text-right tabular-nums">
                      {t('events.manage.orgsPeople', { orgs: n(e.figures.online.attended.organisations), people: n(e.figures.online.attended.people) })}
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {t('events.manage.registeredShort', { orgs: n(e.figures.online.registered.organisations), people: n(e.figures.online.registered.people) })}
                      </span>
                    </Td>
                    <Td className="text-right tabular-nums">{t('events.manage.ministriesShort', { total: n(e.figures.ministries.total), views: n(e.figures.ministries.viewsOnly) })}</Td>
                    <Td className="text-right tabular-nums">{n(e.figures.contacts.total)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </LoadedList>
      </section>
      <div className="mt-10 border-t border-solid-gray-420 pt-10">
        <EventForm event={null} onSaved={(e) => navigate(`/events/${e.id}/manage`, { state: { created: true } })} />
      </div>
    </>
  );
}
