import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../accounts/session.tsx';
import { useLang } from '../../i18n.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { Lookup } from '../reference/use-reference.ts';
import { Prose, useDirectionsText } from './labels.tsx';
import type { Paged, RosterItem } from './public-call.api.ts';

/** 名簿: accepted applicants, newest acceptance first, with what they want and whom to contact. */
export function RosterTable({ data, lookup }: { data: Paged<RosterItem>; lookup: Lookup }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const directions = useDirectionsText();
  // The company pages are open to everyone who reads the roster (npa, center, ministries).
  const linkCompanies = account != null;
  return (
    <Table caption={t('publicCall.roster.caption', { total: formatNumber(data.total, lang) })} testId="roster-table">
      <thead>
        <tr>
          <Th>{t('publicCall.company')}</Th>
          <Th>{t('publicCall.roster.profile')}</Th>
          <Th>{t('publicCall.directions')}</Th>
          <Th>{t('publicCall.roster.request')}</Th>
          <Th>{t('publicCall.contact')}</Th>
          <Th className="whitespace-nowrap">{t('publicCall.roster.acceptedAt')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((r) => (
          <Tr key={r.applicationId}>
            <Th scope="row" className="min-w-56 font-normal whitespace-normal">
              {linkCompanies ? (
                <Link to={`/companies/${r.companyId}`} className="font-bold">
                  {r.companyName}
                </Link>
              ) : (
                <span className="font-bold">{r.companyName}</span>
              )}
              <span className="block font-mono text-dns-14N-130 text-solid-gray-700">{r.corporateNumber}</span>
              <span className="block text-dns-14N-130 text-solid-gray-700">{lookup.legalType(r.legalTypeCode)}</span>
            </Th>
            <Td className="min-w-52">
              <span className="block">{r.industryCode ? `${r.industryCode} ${lookup.industry(r.industryCode)}` : '—'}</span>
              <span className="block">{lookup.prefecture(r.prefectureCode) || '—'}</span>
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {r.employees != null ? t('publicCall.roster.employees', { count: r.employees, value: formatNumber(r.employees, lang) }) : t('publicCall.roster.employeesUnknown')}
              </span>
            </Td>
            <Td className="min-w-32">{directions(r)}</Td>
            <Td className="min-w-64">
              <span className="block">
                <span className="text-solid-gray-700">{t('publicCall.divisionsPrefix')}</span>
                <Prose text={r.divisions} />
              </span>
              <span className="mt-1 block">
                <span className="text-solid-gray-700">{t('publicCall.conditionsPrefix')}</span>
                <Prose text={r.conditions} />
              </span>
            </Td>
            <Td className="min-w-52">
              <span className="block">{r.contactName}</span>
              <a href={`mailto:${r.contactEmail}`} className="block break-all">
                {r.contactEmail}
              </a>
              {r.contactPhone ? <span className="block">{r.contactPhone}</span> : null}
            </Td>
            <Td className="min-w-44">
              <time dateTime={r.acceptedAt}>{formatDate(r.acceptedAt, lang)}</time>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
