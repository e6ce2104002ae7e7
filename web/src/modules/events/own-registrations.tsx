import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Badge } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { Registration } from './events.api.ts';
import { eventTitleOf, sessionStart } from './labels.tsx';

/** Where a registration is for: the session's place and time, or the online replay. */
export function RegistrationWhere({ r }: { r: Registration }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (r.mode === 'online') return <>{t('events.register.online')}</>;
  return (
    <>
      {r.sessionPlace}
      {r.sessionStartsAt ? <span className="block text-dns-14N-130 text-solid-gray-700">{sessionStart(r.sessionStartsAt, lang)}</span> : null}
    </>
  );
}

export function RegistrationStatus({ r }: { r: Registration }) {
  const { t } = useTranslation();
  return r.status === 'cancelled' ? <Badge tone="gray">{t('events.registration.cancelled')}</Badge> : <Badge tone="green">{t('events.registration.registered')}</Badge>;
}

/** 自社の申込み: each registration with its people and wished ministries; cancel while the session has not started. */
export function OwnRegistrations({ items, showEvent, onCancel }: { items: Registration[]; showEvent: boolean; onCancel: (r: Registration) => Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!items.length) return <p className="text-std-16N-170 text-solid-gray-700">{t('events.own.none')}</p>;
  return (
    <Table caption={t('events.own.caption', { n: formatNumber(items.length, lang) })} captionHidden testId="own-registrations">
      <thead>
        <tr>
          {showEvent ? <Th>{t('events.own.event')}</Th> : null}
          <Th>{t('events.own.where')}</Th>
          <Th>{t('events.own.attendees')}</Th>
          <Th>{t('events.own.wanted')}</Th>
          <Th>{t('events.own.status')}</Th>
          <Th>
            <span className="sr-only">{t('events.own.actions')}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <Tr key={r.id}>
            {showEvent ? (
              <Td className="min-w-56">
                <Link to={`/events/${r.eventId}`}>{eventTitleOf(r, lang)}</Link>
              </Td>
            ) : null}
            <Th scope="row" className="min-w-48 font-normal">
              <RegistrationWhere r={r} />
            </Th>
            <Td className="min-w-48">
              <ul>
                {r.attendees.map((a, i) => (
                  <li key={i}>
                    {a.name}
                    {a.title ? <span className="text-dns-14N-130 text-solid-gray-700">（{a.title}）</span> : null}
                  </li>
                ))}
              </ul>
            </Td>
            <Td className="min-w-40">{r.wanted.length ? r.wanted.map((w) => pick(lang, w.nameJa, w.nameEn)).join('、') : t('common.none')}</Td>
            <Td>
              <RegistrationStatus r={r} />
            </Td>
            <Td>
              {r.canCancel ? (
                <ConfirmAction
                  label={t('events.own.cancel')}
                  question={t('events.own.confirmCancel')}
                  confirm={t('events.own.confirmCancelYes')}
                  ariaLabel={t('events.own.cancelLabel', { what: r.mode === 'online' ? t('events.register.online') : (r.sessionPlace ?? '') })}
                  testId={`cancel-registration-${r.id}`}
                  onConfirm={() => onCancel(r)}
                />
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
