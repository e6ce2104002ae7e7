import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { formatNumber } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { FOLLOW_UPS } from '../../../../common/src/schemas/events.schema.ts';
import type { EventFigures } from './events.api.ts';

/**
 * 実施状況: the figures computed from the records, first in the words of the seed's report
 * (参加法人及び府省数 28法人（41人）・12府省（うち3府省は意見交換のみ）; 視聴状況 34法人40人), then as tables.
 */
export function FiguresPanel({ figures }: { figures: EventFigures }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const f = figures;
  return (
    <div className="flex flex-col gap-6" data-testid="event-figures">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="rounded-8 border border-solid-gray-420 p-4">
          <dt className="text-dns-16B-130 text-solid-gray-900">{t('events.figures.onsiteSummaryTerm')}</dt>
          <dd className="mt-2 text-std-18B-160" data-testid="figures-onsite-summary">
            {t('events.figures.onsiteSummary', { orgs: n(f.onsite.attended.organisations), people: n(f.onsite.attended.people), ministries: n(f.ministries.total), views: n(f.ministries.viewsOnly) })}
          </dd>
        </div>
        <div className="rounded-8 border border-solid-gray-420 p-4">
          <dt className="text-dns-16B-130 text-solid-gray-900">{t('events.figures.onlineSummaryTerm')}</dt>
          <dd className="mt-2 text-std-18B-160" data-testid="figures-online-summary">
            {t('events.figures.onlineSummary', { orgs: n(f.online.attended.organisations), people: n(f.online.attended.people) })}
          </dd>
        </div>
      </dl>
      <Table caption={t('events.figures.caption')} testId="figures-table">
        <thead>
          <tr>
            <Th>{t('events.figures.mode')}</Th>
            <Th className="text-right">{t('events.figures.registeredOrgs')}</Th>
            <Th className="text-right">{t('events.figures.registeredPeople')}</Th>
            <Th className="text-right">{t('events.figures.attendedOrgs')}</Th>
            <Th className="text-right">{t('events.figures.attendedPeople')}</Th>
            <Th className="text-right">{t('events.figures.cancelled')}</Th>
            <Th className="text-right">{t('events.figures.pending')}</Th>
          </tr>
        </thead>
        <tbody>
          {(['onsite', 'online'] as const).map((m) => (
            <Tr key={m}>
              <Th scope="row">{t(`events.figures.${m}`)}</Th>
              <Td className="text-right tabular-nums">{n(f[m].registered.organisations)}</Td>
              <Td className="text-right tabular-nums">{n(f[m].registered.people)}</Td>
              <Td className="text-right tabular-nums">{n(f[m].attended.organisations)}</Td>
              <Td className="text-right tabular-nums">{n(f[m].attended.people)}</Td>
              <Td className="text-right tabular-nums">{n(f[m].cancelled)}</Td>
              <Td className="text-right tabular-nums">{n(f[m].attendancePending)}</Td>
            </Tr>
          ))}
          <Tr>
            <Th scope="row">{t('events.figures.total')}</Th>
            <Td className="text-right tabular-nums">—</Td>
            <Td className="text-right tabular-nums">—</Td>
            <Td className="text-right tabular-nums" data-testid="figures-total-orgs">
              {n(f.organisationsTotal)}
            </Td>
            <Td className="text-right tabular-nums">{n(f.onsite.attended.people + f.online.attended.people)}</Td>
            <Td className="text-right tabular-nums">—</Td>
            <Td className="text-right tabular-nums">—</Td>
          </Tr>
        </tbody>
      </Table>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Table caption={t('events.figures.ministriesCaption')}>
          <tbody>
            <Tr>
              <Th scope="row">{t('events.figures.ministriesTotal')}</Th>
              <Td className="text-right tabular-nums">{n(f.ministries.total)}</Td>
            </Tr>
            <Tr>
              <Th scope="row">{t('events.participation.talks')}</Th>
              <Td className="text-right tabular-nums">{n(f.ministries.talks)}</Td>
            </Tr>
            <Tr>
              <Th scope="row">{t('events.participation.views_only')}</Th>
              <Td className="text-right tabular-nums">{n(f.ministries.viewsOnly)}</Td>
            </Tr>
          </tbody>
        </Table>
        <Table caption={t('events.figures.contactsCaption', { total: n(f.contacts.total), orgs: n(f.contacts.organisations), ministries: n(f.contacts.ministries) })} testId="figures-contacts">
          <tbody>
            {FOLLOW_UPS.map((k) => (
              <Tr key={k}>
                <Th scope="row">{t(`events.followUp.${k}`)}</Th>
                <Td className="text-right tabular-nums">{n(f.contacts.byFollowUp[k])}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
