import { useTranslation } from 'react-i18next';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Badge, type BadgeTone } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { InfoEvent } from './events.api.ts';

const TZ = 'Asia/Tokyo';
const jaDay = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: TZ });
const enDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric', timeZone: TZ });
const hm = new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TZ });

/** 令和8年12月22日(火) 10:00〜12:00 / Tue, 22 December 2026, 10:00–12:00 JST */
export function sessionTime(startsAt: string, endsAt: string, lang: Lang): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  return lang === 'ja' ? `${jaDay.format(s)} ${hm.format(s)}〜${hm.format(e)}` : `${enDay.format(s)}, ${hm.format(s)}–${hm.format(e)} JST`;
}

/** 令和8年12月22日(火) 10:00 / Tue, 22 December 2026, 10:00 JST */
export function sessionStart(startsAt: string, lang: Lang): string {
  const s = new Date(startsAt);
  return lang === 'ja' ? `${jaDay.format(s)} ${hm.format(s)}` : `${enDay.format(s)}, ${hm.format(s)} JST`;
}

export const eventTitle = (e: { title: string; titleEn: string | null }, lang: Lang) => pick(lang, e.title, e.titleEn);
export const eventTitleOf = (r: { eventTitle: string; eventTitleEn: string | null }, lang: Lang) => pick(lang, r.eventTitle, r.eventTitleEn);

/** The replay period in words, or null when the event has none. */
export function replayPeriod(e: Pick<InfoEvent, 'replayFrom' | 'replayUntil'>, lang: Lang, t: (k: string, o?: Record<string, string>) => string): string | null {
  if (!e.replayFrom) return null;
  return e.replayUntil ? t('events.replay.period', { from: formatDate(e.replayFrom, lang), until: formatDate(e.replayUntil, lang) }) : t('events.replay.from', { from: formatDate(e.replayFrom, lang) });
}

const statusTone: Record<InfoEvent['status'], BadgeTone> = { planned: 'gray', open: 'blue', closed: 'orange', held: 'green' };

export function EventStatusBadge({ status }: { status: InfoEvent['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`events.status.${status}`)}</Badge>;
}

/** A session's state in words (never by colour alone). */
export function SeatsBadge({ session }: { session: InfoEvent['sessions'][number] }) {
  const { t } = useTranslation();
  if (!session.open) return <Badge tone="gray">{t('events.seats.closed')}</Badge>;
  if (session.seatsLeft === 0) return <Badge tone="orange">{t('events.seats.full')}</Badge>;
  return <Badge tone="blue">{t('events.seats.open')}</Badge>;
}

/** The on-site sessions: when, where, capacity, seats left and whether registration is possible; the programme optionally. */
export function SessionsTable({ event, withProgramme, testId }: { event: InfoEvent; withProgramme?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!event.sessions.length) return <p className="text-std-16N-170 text-solid-gray-700">{t('events.sessions.none')}</p>;
  return (
    <Table caption={t('events.sessions.caption', { title: eventTitle(event, lang) })} captionHidden testId={testId}>
      <thead>
        <tr>
          <Th>{t('events.sessions.when')}</Th>
          <Th>{t('events.sessions.place')}</Th>
          <Th className="text-right">{t('events.sessions.capacity')}</Th>
          <Th className="text-right">{t('events.sessions.seatsLeft')}</Th>
          <Th>{t('events.sessions.state')}</Th>
        </tr>
      </thead>
      <tbody>
        {event.sessions.map((s) => (
          <Tr key={s.id}>
            <Th scope="row" className="min-w-64 font-normal">
              <time dateTime={s.startsAt}>{sessionTime(s.startsAt, s.endsAt, lang)}</time>
              {withProgramme && s.programme ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-blue-900 underline">{t('events.sessions.programme')}</summary>
                  <p className="mt-2 text-dns-16N-130 whitespace-pre-line">{s.programme}</p>
                </details>
              ) : null}
            </Th>
            <Td className="min-w-40">{s.place}</Td>
            <Td className="text-right tabular-nums">{t('events.people', { count: s.capacity, n: formatNumber(s.capacity, lang) })}</Td>
            <Td className="text-right tabular-nums" data-testid={`seats-left-${s.id}`}>
              {s.open ? t('events.seats.left', { count: s.seatsLeft, n: formatNumber(s.seatsLeft, lang) }) : '—'}
            </Td>
            <Td>
              <SeatsBadge session={s} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The ministries taking part, those for the exchange of views only marked in words. */
export function MinistriesList({ event }: { event: InfoEvent }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!event.ministries.length) return <p className="text-std-16N-170 text-solid-gray-700">{t('events.ministries.none')}</p>;
  const talks = event.ministries.filter((m) => m.participation === 'talks');
  const views = event.ministries.filter((m) => m.participation === 'views_only');
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h3 className="text-std-18B-160">{t('events.ministries.talksHeading', { count: talks.length })}</h3>
        <p className="mb-2 text-dns-14N-130 text-solid-gray-700">{t('events.ministries.talksHint')}</p>
        <ul className="flex flex-wrap gap-2" data-testid="ministries-talks">
          {talks.map((m) => (
            <li key={m.organisationId} className="rounded-4 border border-solid-gray-420 px-2 py-1 text-dns-16N-130">
              {pick(lang, m.nameJa, m.nameEn)}
            </li>
          ))}
        </ul>
      </div>
      {views.length ? (
        <div>
          <h3 className="text-std-18B-160">{t('events.ministries.viewsHeading', { count: views.length })}</h3>
          <p className="mb-2 text-dns-14N-130 text-solid-gray-700">{t('events.ministries.viewsHint')}</p>
          <ul className="flex flex-wrap gap-2" data-testid="ministries-views-only">
            {views.map((m) => (
              <li key={m.organisationId} className="rounded-4 border border-dashed border-solid-gray-600 px-2 py-1 text-dns-16N-130">
                {pick(lang, m.nameJa, m.nameEn)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
